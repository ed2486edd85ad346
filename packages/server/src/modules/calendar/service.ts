import {
  CalendarRangeError,
  type CalendarYear,
  calendarYearSchema,
  type DayInfo,
  type DayUnit,
  DEFAULT_CALENDAR_YEARS,
  InvalidDateError,
  todayInShanghai,
  WorkingCalendar,
} from '@qingshan/core';
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { syncSlots } from '../appointments/service.ts';
import { appointmentPlans } from '../appointments/tables.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { recalculateOpenClocks } from '../clocks/service.ts';
import {
  type CalendarYearVersionView,
  type CalendarYearView,
  toCalendarYearVersionView,
  toCalendarYearView,
} from './schema.ts';
import { calendarYears, calendarYearVersions } from './tables.ts';

export type { CalendarYearVersionView, CalendarYearView };

// The server's calendar = the years shipped in core, overridden or completed by the years admins
// added or replaced; any other year 2020–2099 is answered provisionally by core. Building it
// validates every year, so it is kept in memory: per database handle, dropped when this process
// changes a year (invalidateCalendar) and re-read after CACHE_MS so a change made by another
// process sharing the database is seen within that time. The worklist and every clock view no
// longer read the table per request.
const CACHE_MS = 30_000;
type Entry = { calendar: WorkingCalendar; signature: string; loadedAt: number; generation: number };
let generation = 0;
let byHandle = new WeakMap<object, Entry>();
let lastBuilt: { signature: string; calendar: WorkingCalendar } | undefined;

/** Forget every cached calendar (after a year was added or replaced). */
export function invalidateCalendar(): void {
  generation++;
  byHandle = new WeakMap();
}

type YearRow = { year: number; version: number; data: CalendarYear; createdAt: Date };

function buildCalendar(rows: readonly YearRow[]): WorkingCalendar {
  const db = new Map(rows.map((r) => [r.year, r.data]));
  const shipped = DEFAULT_CALENDAR_YEARS.filter((y) => !db.has(y.year));
  return new WorkingCalendar([...shipped, ...rows.map((r) => r.data)]);
}

async function readYearRows(db: Tx): Promise<YearRow[]> {
  return db
    .select({
      year: calendarYears.year,
      version: calendarYears.version,
      data: calendarYears.data,
      createdAt: calendarYears.createdAt,
    })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
}

export async function getCalendar(db: Tx): Promise<WorkingCalendar> {
  const hit = byHandle.get(db);
  if (hit && hit.generation === generation && Date.now() - hit.loadedAt < CACHE_MS) return hit.calendar;
  const rows = await readYearRows(db);
  // the write time tells apart two versions with one number (one rolled back, one committed)
  const signature = rows.map((r) => `${r.year}:${r.version}:${r.createdAt.getTime()}`).join(',');
  const calendar = lastBuilt?.signature === signature ? lastBuilt.calendar : buildCalendar(rows);
  lastBuilt = { signature, calendar };
  byHandle.set(db, { calendar, signature, loadedAt: Date.now(), generation });
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

export async function dayInfo(db: Tx, date: string): Promise<Omit<DayInfo, 'provisional'> & { provisional: boolean }> {
  const cal = await getCalendar(db);
  try {
    const info = cal.dayInfo(date);
    return { ...info, provisional: info.provisional === true };
  } catch (e) {
    calendarAppError(e);
  }
}

export async function addDays(
  db: Tx,
  from: string,
  days: number,
  unit: DayUnit,
): Promise<{ date: string; provisional: boolean }> {
  const cal = await getCalendar(db);
  try {
    // both ends must lie in 2020–2099 even for a calendar-day sum, so the calculator never
    // answers for a date the calendar cannot speak for
    cal.dayInfo(from);
    const result = cal.addDaysDetailed(from, days, unit);
    cal.dayInfo(result.date);
    return result;
  } catch (e) {
    calendarAppError(e);
  }
}

/** How many years past the current one the admin page lists even when provisional. */
const PROVISIONAL_YEARS_LISTED = 2;

function strip(y: CalendarYear): CalendarYear {
  const { provisional: _p, ...rest } = y;
  return { ...rest, holidays: rest.holidays.map((h) => ({ ...h })) };
}

export async function listYears(db: Tx, now = new Date()): Promise<CalendarYearView[]> {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const out = new Map<number, CalendarYearView>();
  for (const y of DEFAULT_CALENDAR_YEARS) {
    out.set(y.year, { ...y, shipped: true, provisional: false, version: 1, reason: null, createdAt: null });
  }
  for (const r of rows) {
    out.set(r.year, toCalendarYearView(r, out.get(r.year)?.shipped ?? false));
  }
  // the coming years without a notice, as the calendar answers them now
  const calendar = await getCalendar(db);
  const thisYear = Number(todayInShanghai(now).slice(0, 4));
  for (let year = thisYear; year <= thisYear + PROVISIONAL_YEARS_LISTED; year++) {
    const p = calendar.provisionalYear(year);
    if (p && !out.has(year)) {
      out.set(year, { ...strip(p), shipped: false, provisional: true, version: 0, reason: null, createdAt: null });
    }
  }
  return [...out.values()].sort((a, b) => a.year - b.year);
}

/** Every version of a year, oldest first; the shipped data is version 1 of a shipped year. */
export async function listVersions(db: Tx, year: number): Promise<CalendarYearVersionView[]> {
  const rows = await db
    .select()
    .from(calendarYearVersions)
    .where(eq(calendarYearVersions.year, year))
    .orderBy(asc(calendarYearVersions.version));
  const out: CalendarYearVersionView[] = [];
  if (!rows.some((r) => r.version === 1)) {
    // version 1 not yet in the history: the shipped data, or a year added before versions were kept
    const [added] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
    const shipped = DEFAULT_CALENDAR_YEARS.find((y) => y.year === year);
    const data = added?.version === 1 ? added.data : shipped;
    if (data) {
      out.push({
        year,
        version: 1,
        data,
        reason: added?.version === 1 ? added.reason : null,
        createdBy: added?.version === 1 ? added.createdBy : null,
        createdAt: added?.version === 1 ? added.createdAt.toISOString() : null,
        current: false,
      });
    }
  }
  for (const r of rows) out.push(toCalendarYearVersionView(r));
  if (out.length === 0) throw new AppError('RECORD_NOT_FOUND');
  out[out.length - 1]!.current = true;
  return out;
}

function checkMerged(parsed: CalendarYear, others: readonly CalendarYear[]): void {
  // constructing the merged calendar catches clashes with neighbouring years' data
  try {
    new WorkingCalendar([...others.filter((y) => y.year !== parsed.year), parsed]);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { detail: e instanceof Error ? e.message : String(e) });
  }
}

async function currentYears(tx: Tx): Promise<CalendarYear[]> {
  const rows = await readYearRows(tx);
  const db = new Map(rows.map((r) => [r.year, r.data]));
  return [...DEFAULT_CALENDAR_YEARS.filter((y) => !db.has(y.year)), ...rows.map((r) => r.data)];
}

/**
 * Re-evaluates every open clock against the calendar with `changed` applied, in the caller's
 * transaction: provisional flags and owners' due-date copies follow (clocks/service.ts).
 */
async function afterChange(tx: Tx, actor: Actor, before: readonly CalendarYear[], year: number) {
  const oldCalendar = new WorkingCalendar(before);
  const newCalendar = new WorkingCalendar(await currentYears(tx));
  invalidateCalendar();
  // appointment slots of the year follow the new calendar too (a plan for working days opens on a
  // provisional day that the notice makes a bridge holiday, and closes there once it is entered);
  // only from today on: past slots are history
  const today = todayInShanghai();
  const from = `${year}-01-01` > today ? `${year}-01-01` : today;
  const to = `${year}-12-31`;
  if (from <= to) {
    const services = await tx
      .selectDistinct({ id: appointmentPlans.serviceId })
      .from(appointmentPlans)
      .where(and(lte(appointmentPlans.validFrom, to), gte(appointmentPlans.validTo, from)));
    for (const s of services) await syncSlots(tx, s.id, from, to);
  }
  return recalculateOpenClocks(tx, actor, oldCalendar, newCalendar, `calendar:${year}`);
}

export async function addYear(
  tx: Tx,
  actor: Actor,
  input: CalendarYear,
  reason: string,
): Promise<CalendarYearView & { clocksChanged: number }> {
  const parsed = calendarYearSchema.parse(input);
  const before = await currentYears(tx);
  if (before.some((y) => y.year === parsed.year)) {
    throw new AppError('CALENDAR_YEAR_EXISTS', { extra: { year: parsed.year } });
  }
  checkMerged(parsed, before);
  const [row] = await tx
    .insert(calendarYears)
    .values({ year: parsed.year, data: parsed, version: 1, createdBy: actor.id, reason })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('CALENDAR_YEAR_EXISTS', { extra: { year: parsed.year } });
  await tx
    .insert(calendarYearVersions)
    .values({ year: parsed.year, version: 1, data: parsed, reason, createdBy: actor.id });
  await recordAudit(tx, actor, {
    action: 'calendar.year.add',
    entityType: 'calendar_year',
    entityId: String(parsed.year),
    after: { ...parsed, reason },
  });
  const clocksChanged = await afterChange(tx, actor, before, parsed.year);
  return {
    ...parsed,
    shipped: false,
    provisional: false,
    version: 1,
    reason,
    createdAt: row.createdAt.toISOString(),
    clocksChanged,
  };
}

/**
 * Replaces a year that is in the calendar (shipped or added) when its notice is published anew or
 * amended (as on 2019-03-22 and 2020-01-26): a new version with its reason and source; every open
 * clock is re-evaluated in the same transaction.
 */
export async function replaceYear(
  tx: Tx,
  actor: Actor,
  year: number,
  input: CalendarYear,
  reason: string,
): Promise<CalendarYearView & { clocksChanged: number }> {
  const parsed = calendarYearSchema.parse(input);
  if (parsed.year !== year) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'calendar.year',
          message: { zh: `年份应为 ${year}`, en: `The year must be ${year}` },
        },
      ],
    });
  }
  // one replacement of a year at a time: lock its row (or, for a shipped year never replaced, the
  // version history) before reading what is in force
  const [locked] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).for('update');
  const shipped = DEFAULT_CALENDAR_YEARS.find((y) => y.year === year);
  if (!locked && !shipped) throw new AppError('RECORD_NOT_FOUND');
  const before = await currentYears(tx);
  checkMerged(parsed, before);
  const [last] = await tx
    .select({ version: calendarYearVersions.version })
    .from(calendarYearVersions)
    .where(eq(calendarYearVersions.year, year))
    .orderBy(desc(calendarYearVersions.version))
    .limit(1);
  if (!last) {
    // the data in force becomes version 1 of the history (shipped, or added before versions were
    // kept), so the versions list shows what was replaced
    await tx
      .insert(calendarYearVersions)
      .values({
        year,
        version: 1,
        data: locked?.data ?? shipped!,
        reason: locked?.reason ?? '随平台发布',
        createdBy: locked?.createdBy ?? null,
      })
      .onConflictDoNothing();
  }
  const version = (last?.version ?? 1) + 1;
  const inserted = await tx
    .insert(calendarYearVersions)
    .values({ year, version, data: parsed, reason, createdBy: actor.id })
    .onConflictDoNothing()
    .returning({ id: calendarYearVersions.id });
  if (inserted.length === 0) throw new AppError('RECORD_CHANGED');
  const now = new Date();
  await tx
    .insert(calendarYears)
    .values({ year, data: parsed, version, createdBy: actor.id, reason, createdAt: now })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { data: parsed, version, createdBy: actor.id, reason, createdAt: now },
    });
  const previous = before.find((y) => y.year === year);
  await recordAudit(tx, actor, {
    action: 'calendar.year.replace',
    entityType: 'calendar_year',
    entityId: String(year),
    before: previous ?? null,
    after: { ...parsed, reason, version },
  });
  const clocksChanged = await afterChange(tx, actor, before, year);
  return {
    ...parsed,
    shipped: shipped !== undefined,
    provisional: false,
    version,
    reason,
    createdAt: now.toISOString(),
    clocksChanged,
  };
}

/**
 * addYear / replaceYear in their own transaction; the cache is dropped again after the commit, as
 * a reader between the in-transaction invalidation and the commit may have cached the old data.
 */
export async function addYearCommitted(db: Db, actor: Actor, input: CalendarYear, reason: string) {
  const y = await db.transaction((tx) => addYear(tx, actor, input, reason));
  invalidateCalendar();
  return y;
}

export async function replaceYearCommitted(db: Db, actor: Actor, year: number, input: CalendarYear, reason: string) {
  const y = await db.transaction((tx) => replaceYear(tx, actor, year, input, reason));
  invalidateCalendar();
  return y;
}
