/**
 * Civil dates as 'YYYY-MM-DD' strings in Asia/Shanghai. Arithmetic runs on day numbers (days since
 * 1970-01-01) computed with Date.UTC, so the host's time zone and DST never leak in. China has kept
 * UTC+8 all year since 1992, so converting an instant to a Shanghai date is a fixed +8 h shift.
 */
import { bilingual } from '../messages.ts';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export class InvalidDateError extends RangeError {
  readonly messageEn: string;
  readonly input: string;
  constructor(input: string, key: 'calendar.dateInvalid' | 'calendar.dateOutOfRange' = 'calendar.dateInvalid') {
    const { message, messageEn } = bilingual(key, { date: input });
    super(`${message} / ${messageEn}`);
    this.name = 'InvalidDateError';
    this.input = input;
    this.messageEn = messageEn;
  }
}

function validYmd(y: number, m: number, d: number): boolean {
  // Date.UTC maps years 0–99 to 1900–1999; no date this platform handles is that old.
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** 'YYYY-MM-DD' → day number; throws InvalidDateError for anything else (including 2024-02-30). */
export function toDayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new InvalidDateError(date);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!validYmd(y, mo, d)) throw new InvalidDateError(date);
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

const FIRST_DAY = Date.UTC(1000, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(9999, 11, 31) / DAY_MS;

/**
 * Day number → 'YYYY-MM-DD'; throws InvalidDateError outside 1000-01-01 … 9999-12-31, where no
 * YYYY-MM-DD exists (toISOString's '+010000-01-01' cut to ten characters was a malformed date
 * that sorted before every real one).
 */
export function fromDayNumber(day: number): string {
  if (!(day >= FIRST_DAY && day <= LAST_DAY)) throw new InvalidDateError(String(day), 'calendar.dateOutOfRange');
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The Asia/Shanghai civil date of a date or an ISO 8601 date-time. A date-time without an offset
 * is read as Shanghai local time (the only zone this platform serves), never as the host's zone.
 */
export function toShanghaiDate(value: string): string {
  const m = DATETIME_RE.exec(value.trim());
  if (!m) throw new InvalidDateError(value);
  const [, ys, mos, ds, hs, mis, ss, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  if (!validYmd(y, mo, d)) throw new InvalidDateError(value);
  const h = Number(hs ?? 0);
  const mi = Number(mis ?? 0);
  const s = Number(ss ?? 0);
  if (h > 23 || mi > 59 || s > 60) throw new InvalidDateError(value);
  if (zone === undefined) return `${ys}-${mos}-${ds}`;
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 18 || om > 59) throw new InvalidDateError(value);
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utcMs = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000;
  return new Date(utcMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai civil date (YYYY-MM-DD) of an instant: "today" wherever the host runs. */
export function shanghaiDateOf(instant: Date): string {
  return instant.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Today in Asia/Shanghai, the only zone this platform serves. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDateOf(now);
}
