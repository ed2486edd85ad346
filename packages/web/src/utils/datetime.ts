// Every date and time is shown in Asia/Shanghai, whatever the browser's own zone.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Shanghai';

type DateInput = string | number | Date | Dayjs | null | undefined;

function inZone(value: DateInput): Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  const d = dayjs(value);
  return d.isValid() ? d.tz(TIME_ZONE) : null;
}

/** `2025-03-01 09:05` in Asia/Shanghai; '—' for nothing or garbage. */
export function formatDateTime(value: DateInput, withSeconds = false): string {
  return inZone(value)?.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') ?? '—';
}

/** `2025-03-01` in Asia/Shanghai. */
export function formatDate(value: DateInput): string {
  return inZone(value)?.format('YYYY-MM-DD') ?? '—';
}

/** Start of a calendar day (YYYY-MM-DD, as picked) in Asia/Shanghai, as an ISO instant. */
export function shanghaiDayStart(day: string): string {
  return dayjs.tz(day, TIME_ZONE).startOf('day').toISOString();
}

/** End of a calendar day (last millisecond) in Asia/Shanghai, as an ISO instant. */
export function shanghaiDayEnd(day: string): string {
  return dayjs.tz(day, TIME_ZONE).endOf('day').toISOString();
}
