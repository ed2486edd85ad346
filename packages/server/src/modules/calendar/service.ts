import {
  CalendarRangeError,
  type CalendarYear,
  calendarYearSchema,
  type DayInfo,
  type DayUnit,
  DEFAULT_CALENDAR_YEARS,
  InvalidDateError,
  WorkingCalendar,
} from '@qingshan/core';
import { asc } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { calendarYears } from './tables.ts';

// The server's calendar = the years shipped in core + the years admins added. Building one
// validates every year, so it is cached per set of DB years (another process may add one, hence
// the cheap re-read of the small table on each use).
let cached: { signature: string; calendar: WorkingCalendar } | undefined;

export async function getCalendar(db: Tx): Promise<WorkingCalendar> {
  const rows = await db
    .select({ year: calendarYears.year, data: calendarYears.data })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
  const signature = rows.map((r) => r.year).join(',');
  if (cached?.signature === signature) return cached.calendar;
  const shipped = new Set(DEFAULT_CALENDAR_YEARS.map((y) => y.year));
  const calendar = new WorkingCalendar([
    ...DEFAULT_CALENDAR_YEARS,
    ...rows.map((r) => r.data).filter((y) => !shipped.has(y.year)),
  ]);
  cached = { signature, calendar };
  return calendar;
}

/** Turns core's calendar errors into the API's error codes; anything else is rethrown. */
export function calendarAppError(e: unknown): never {
  if (e instanceof CalendarRangeError) {
    throw new AppError('CALENDAR_OUT_OF_RANGE', {
      detail: { zh: e.messageZh, en: e.messageEn },
      extra: { year: e.year, date: e.date },
    });
  }
  if (e instanceof InvalidDateError) {
    throw new AppError('VALIDATION_FAILED', {
      detail: { zh: e.message.split(' / ')[0] ?? e.message, en: e.messageEn },
      errors: [{ path: 'date', message: { zh: e.message.split(' / ')[0] ?? e.message, en: e.messageEn } }],
    });
  }
  throw e;
}

export async function dayInfo(db: Tx, date: string): Promise<DayInfo> {
  const cal = await getCalendar(db);
  try {
    return cal.dayInfo(date);
  } catch (e) {
    calendarAppError(e);
  }
}

export async function addDays(db: Tx, from: string, days: number, unit: DayUnit): Promise<string> {
  const cal = await getCalendar(db);
  try {
    // a calendar-day sum needs no holiday data, but a year the calendar does not know is refused
    // on both ends so the calculator never answers for a year it cannot vouch for
    cal.dayInfo(from);
    const result = cal.addDays(from, days, unit);
    cal.dayInfo(result);
    return result;
  } catch (e) {
    calendarAppError(e);
  }
}

export type CalendarYearView = CalendarYear & { shipped: boolean; createdAt: string | null };

export async function listYears(db: Tx): Promise<CalendarYearView[]> {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const out: CalendarYearView[] = DEFAULT_CALENDAR_YEARS.map((y) => ({ ...y, shipped: true, createdAt: null }));
  for (const r of rows) {
    if (!out.some((y) => y.year === r.year))
      out.push({ ...r.data, shipped: false, createdAt: r.createdAt.toISOString() });
  }
  return out.sort((a, b) => a.year - b.year);
}

export async function addYear(tx: Tx, actor: Actor, input: CalendarYear, reason: string): Promise<CalendarYearView> {
  const parsed = calendarYearSchema.parse(input);
  const existing = await getCalendar(tx);
  if (existing.knownYears().includes(parsed.year)) {
    throw new AppError('CALENDAR_YEAR_EXISTS', { extra: { year: parsed.year } });
  }
  // constructing the merged calendar catches clashes with neighbouring years' data
  try {
    new WorkingCalendar([...DEFAULT_CALENDAR_YEARS.filter((y) => y.year !== parsed.year), parsed]);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { detail: e instanceof Error ? e.message : String(e) });
  }
  const [row] = await tx
    .insert(calendarYears)
    .values({ year: parsed.year, data: parsed, createdBy: actor.id, reason })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('CALENDAR_YEAR_EXISTS', { extra: { year: parsed.year } });
  await recordAudit(tx, actor, {
    action: 'calendar.year.add',
    entityType: 'calendar_year',
    entityId: String(parsed.year),
    after: { ...parsed, reason },
  });
  return { ...parsed, shipped: false, createdAt: row.createdAt.toISOString() };
}
