import { formatDateTime } from '../utils/datetime.ts';

/**
 * A time in Beijing time on one line: a table squeezing "2026-12-06 09:30" into two lines makes it
 * read as two facts. For table cells; text elsewhere wraps where it likes.
 */
export function DateTimeText({ value, withSeconds = false }: { value: string | null; withSeconds?: boolean }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value, withSeconds)}</span>;
}
