/**
 * The Chinese working-day calendar: Monday–Friday are working days, Saturday and Sunday are not,
 * except that the State Council's annual notice turns some days into holidays and some weekend
 * days into make-up working days (调休). Statutory periods counted in working days (行政许可法
 * 第八十二条: "以工作日计算，不含法定节假日") depend on it.
 *
 * A year with no notice in the data (2020–2099) is answered from a provisional year built from the
 * holiday law (provisional.ts) and every answer that depends on it says `provisional`, so a record
 * is never refused for missing reference data. Outside 2020–2099 (no lunar data, and no record of
 * this platform lies there) a question is an error (CalendarRangeError).
 *
 * Two views of a provisional year, since the notice's bridge days and make-up working days are
 * unknown: the 'latest' view (the default, and what GET /api/calendar/days answers) treats the
 * statutory days and their 补假 as days off; the 'earliest' view (`earliest()`) treats only the
 * statutory days as off, so a working-day count ends no later than under the provisional year. A
 * bureau's duty is shown by the earliest view (the bureau plans for the earliest plausible due
 * date), the other party's window by the latest (nobody loses a right by our guess).
 */

import { z } from 'zod';
import { bilingual } from '../messages.ts';
import { isoDateSchema } from '../text.ts';
import { dayOfWeek, fromDayNumber, isDateString, toDayNumber, yearOf } from './dates.ts';
import { PROVISIONAL_FIRST_YEAR, PROVISIONAL_LAST_YEAR, provisionalCalendarYear } from './provisional.ts';

export type CalendarYear = {
  year: number;
  /** the notice(s) the year comes from: title, document number, date of issue */
  source: string;
  /** `compensation`: a 补假 day of a provisional year (第六条), not a statutory day itself */
  holidays: { name: string; nameEn: string; dates: string[]; compensation?: boolean }[];
  makeupWorkdays: { name: string; date: string }[];
  /** built from the law because the notice is not in the data (provisional.ts) */
  provisional?: boolean;
};

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export type DayInfo = {
  date: string;
  workingDay: boolean;
  kind: DayKind;
  name?: string;
  /** the holiday's (or the make-up working day's) name in English, present with `name` */
  nameEn?: string;
  /** present (true) when the day's year has no notice and the answer comes from the law alone */
  provisional?: true;
};

/** 'latest': provisional 补假 days are off; 'earliest': only statutory days are off. */
export type CalendarView = 'latest' | 'earliest';

export type DayUnit = 'working' | 'calendar';

/** Thrown for any question about a date in a year the calendar has no notice for. */
export class CalendarRangeError extends RangeError {
  readonly code = 'calendar.yearUnknown';
  readonly year: number;
  readonly date: string;
  /** Chinese text alone (`message` carries both languages) */
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(date: string, year: number) {
    const { message, messageEn } = bilingual('calendar.yearUnknown', { year, date });
    super(`${message} / ${messageEn}`);
    this.name = 'CalendarRangeError';
    this.year = year;
    this.date = date;
    this.messageZh = message;
    this.messageEn = messageEn;
  }
}

/** A holiday block may begin in the last days of the previous year (2023's 元旦 began 2022-12-31). */
const HOLIDAY_LEAD_IN_DAYS = 7;

const dateString = isoDateSchema;

/** Validates one year as an admin would enter it from the notice. */
export const calendarYearSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().min(1).max(500),
    holidays: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(50),
          nameEn: z.string().trim().min(1).max(100),
          dates: z.array(dateString).min(1).max(15),
        }),
      )
      .min(1),
    makeupWorkdays: z.array(z.strictObject({ name: z.string().trim().min(1).max(50), date: dateString })),
  })
  .superRefine((y, ctx) => {
    const first = toDayNumber(`${y.year}-01-01`);
    const last = toDayNumber(`${y.year}-12-31`);
    const holidayDates = new Set<string>();
    y.holidays.forEach((h, i) => {
      h.dates.forEach((date, j) => {
        if (!isDateString(date)) return; // already reported by the field schema
        const day = toDayNumber(date);
        if (day < first - HOLIDAY_LEAD_IN_DAYS || day > last) {
          ctx.addIssue({
            code: 'custom',
            path: ['holidays', i, 'dates', j],
            message: 'calendar.outsideYear',
            params: { date, year: y.year },
          });
        }
        if (holidayDates.has(date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['holidays', i, 'dates', j],
            message: 'calendar.duplicateDate',
            params: { date },
          });
        }
        holidayDates.add(date);
      });
    });
    const makeupDates = new Set<string>();
    y.makeupWorkdays.forEach((m, i) => {
      const { date } = m;
      if (!isDateString(date)) return;
      const path = ['makeupWorkdays', i, 'date'];
      if (yearOf(date) !== y.year) {
        ctx.addIssue({ code: 'custom', path, message: 'calendar.outsideYear', params: { date, year: y.year } });
      }
      const dow = dayOfWeek(date);
      if (dow !== 0 && dow !== 6) {
        ctx.addIssue({ code: 'custom', path, message: 'calendar.makeupNotWeekend', params: { date } });
      }
      if (holidayDates.has(date)) {
        ctx.addIssue({ code: 'custom', path, message: 'calendar.holidayAndMakeup', params: { date } });
      }
      if (makeupDates.has(date)) {
        ctx.addIssue({ code: 'custom', path, message: 'calendar.duplicateDate', params: { date } });
      }
      makeupDates.add(date);
    });
  });

type Special = { kind: 'holiday' | 'makeup-workday'; name: string; nameEn: string; compensation?: boolean };

// The festivals a make-up working day is named after (its notice names it 「春节调休上班」 or
// 「国庆节、中秋节调休上班」): the statutory seven, whatever the year.
const FESTIVAL_ENGLISH: ReadonlyMap<string, string> = new Map([
  ['元旦', "New Year's Day"],
  ['春节', 'Spring Festival'],
  ['清明节', 'Qingming Festival'],
  ['劳动节', 'Labour Day'],
  ['端午节', 'Dragon Boat Festival'],
  ['中秋节', 'Mid-Autumn Festival'],
  ['国庆节', 'National Day'],
]);

/**
 * A make-up working day's name in English, from the festivals its Chinese name gives (the notices
 * carry no English): 「国庆节、中秋节调休上班」 → "Make-up working day (National Day, Mid-Autumn
 * Festival)". A name that is not of that form gets the plain "Make-up working day".
 */
export function makeupWorkdayNameEn(name: string): string {
  const festivals = name
    .replace(/调休上班$/u, '')
    .split(/[、，,]/u)
    .map((part) => FESTIVAL_ENGLISH.get(part.trim()));
  return festivals.every((f) => f !== undefined) && festivals.length > 0
    ? `Make-up working day (${festivals.join(', ')})`
    : 'Make-up working day';
}

// The working-day index spans the years the calendar always answers (2020–2099: a notice or the
// provisional year); a question outside it walks day by day, as before, and so throws where the
// walk would. 80 years are 29,220 days: two Int32Arrays of that size, built a year at a time.
const INDEX_FIRST_DAY = toDayNumber(`${PROVISIONAL_FIRST_YEAR}-01-01`);
const INDEX_END_DAY = toDayNumber(`${PROVISIONAL_LAST_YEAR + 1}-01-01`);

export class WorkingCalendar {
  readonly #source: readonly CalendarYear[];
  readonly #years: ReadonlySet<number>;
  readonly #special: ReadonlyMap<string, Special>;
  readonly #view: CalendarView;
  // provisional years are built on first use; shared with the other view
  readonly #provisional: Map<number, { year: CalendarYear; special: Map<string, Special> }>;
  #earliest: WorkingCalendar | undefined;
  // Working-day ordinals, built lazily from the start of the index up to the years asked about:
  // #ordinal[d - INDEX_FIRST_DAY + 1] = working days in [INDEX_FIRST_DAY, d], and #workdays[k] the
  // day number of the (k + 1)-th working day. A count or a sum of working days is then two array
  // reads instead of a walk. The instance is immutable (the server builds a new calendar when a
  // year changes), so the index can never disagree with the days it was built from.
  #ordinal = new Int32Array(INDEX_END_DAY - INDEX_FIRST_DAY + 1);
  #workdays = new Int32Array(INDEX_END_DAY - INDEX_FIRST_DAY);
  #indexedTo = INDEX_FIRST_DAY; // days before this one are indexed
  #workdayCount = 0;

  /** Validates every year with calendarYearSchema; throws on bad data or a year given twice. */
  constructor(years: readonly CalendarYear[], view: CalendarView = 'latest') {
    const known = new Set<number>();
    const special = new Map<string, Special>();
    for (const raw of years) {
      const y = calendarYearSchema.parse(raw);
      if (known.has(y.year)) throw new Error(`calendar year ${y.year} given twice`);
      known.add(y.year);
      const put = (date: string, s: Special) => {
        const prior = special.get(date);
        if (prior && prior.kind !== s.kind) {
          throw new Error(`calendar: ${date} is both ${prior.kind} and ${s.kind} in different years' data`);
        }
        if (!prior) special.set(date, s);
      };
      for (const h of y.holidays) for (const d of h.dates) put(d, { kind: 'holiday', name: h.name, nameEn: h.nameEn });
      for (const m of y.makeupWorkdays) {
        put(m.date, { kind: 'makeup-workday', name: m.name, nameEn: makeupWorkdayNameEn(m.name) });
      }
    }
    this.#source = years;
    this.#years = known;
    this.#special = special;
    this.#view = view;
    this.#provisional = new Map();
  }

  /** The same data seen so that a provisional year's 补假 days count as working days. */
  earliest(): WorkingCalendar {
    if (this.#view === 'earliest') return this;
    if (!this.#earliest) {
      this.#earliest = new WorkingCalendar(this.#source, 'earliest');
    }
    return this.#earliest;
  }

  /** Years with a notice in the data (provisional years are not listed). */
  knownYears(): number[] {
    return [...this.#years].sort((a, b) => a - b);
  }

  /** True if the calendar can answer for this date (notice or provisional year). */
  covers(date: string): boolean {
    toDayNumber(date);
    const year = yearOf(date);
    return this.#years.has(year) || this.isProvisionalYear(year);
  }

  /** True for a year without a notice that is answered provisionally (2020–2099). */
  isProvisionalYear(year: number): boolean {
    return !this.#years.has(year) && year >= PROVISIONAL_FIRST_YEAR && year <= PROVISIONAL_LAST_YEAR;
  }

  /** The provisional year as built from the law, or undefined when the year has a notice or no data. */
  provisionalYear(year: number): CalendarYear | undefined {
    return this.isProvisionalYear(year) ? this.#provisionalOf(year).year : undefined;
  }

  dayInfo(date: string): DayInfo {
    return this.#infoOf(toDayNumber(date));
  }

  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).workingDay;
  }

  /**
   * The n-th working (or calendar) day after `from`; n = 0 returns `from` itself. Calendar days
   * are plain arithmetic and need no holiday data; working days need data for every day walked.
   */
  addDays(from: string, n: number, unit: DayUnit): string {
    return this.addDaysDetailed(from, n, unit).date;
  }

  /**
   * addDays, saying whether the answer depends on a provisional year: a working-day walk that
   * starts in or reaches one. A calendar-day sum never does (it reads no holiday data).
   */
  addDaysDetailed(from: string, n: number, unit: DayUnit): { date: string; provisional: boolean } {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addDays: n must be a non-negative integer, got ${n}`);
    const first = toDayNumber(from);
    if (unit === 'calendar') return { date: fromDayNumber(first + n), provisional: false };
    const day = this.nthWorkingDayAfter(first, n);
    return { date: fromDayNumber(day), provisional: this.spansProvisional(fromDayNumber(first), fromDayNumber(day)) };
  }

  /** True if any day in [from, to] lies in a provisional year. */
  spansProvisional(from: string, to: string): boolean {
    for (let y = yearOf(from); y <= yearOf(to); y++) if (this.isProvisionalYear(y)) return true;
    return false;
  }

  /** Working days in (fromExclusive, toInclusive]; negative when `to` is before `from`. */
  countWorkingDays(fromExclusive: string, toInclusive: string): number {
    const a = toDayNumber(fromExclusive);
    const b = toDayNumber(toInclusive);
    return b < a ? -this.workingDaysBetween(b, a) : this.workingDaysBetween(a, b);
  }

  /**
   * Working days in (a, b] of day numbers (0 when b ≤ a): two reads of the index. Throws
   * CalendarRangeError, as a walk would, when a day in the range has no answer.
   */
  workingDaysBetween(a: number, b: number): number {
    if (b <= a) return 0;
    if (a + 1 >= INDEX_FIRST_DAY && b < INDEX_END_DAY) {
      this.#indexUpTo(b);
      return this.#ordinal[b - INDEX_FIRST_DAY + 1]! - this.#ordinal[a - INDEX_FIRST_DAY + 1]!;
    }
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (this.#infoOf(day).workingDay) count++;
    return count;
  }

  /** The n-th working day after day number `from` (n = 0: `from` itself). */
  nthWorkingDayAfter(from: number, n: number): number {
    if (n <= 0) return from;
    if (from + 1 >= INDEX_FIRST_DAY && from < INDEX_END_DAY) {
      this.#indexUpTo(from);
      const k = this.#ordinal[from - INDEX_FIRST_DAY + 1]! + n - 1;
      while (this.#workdayCount <= k && this.#indexedTo < INDEX_END_DAY) this.#indexYear();
      if (k < this.#workdayCount) return this.#workdays[k]!;
    }
    let day = from;
    let left = n;
    while (left > 0) {
      day++;
      if (this.#infoOf(day).workingDay) left--;
    }
    return day;
  }

  /** The n-th working day before day number `from` (n = 0: `from` itself). */
  nthWorkingDayBefore(from: number, n: number): number {
    if (n <= 0) return from;
    if (from - 1 >= INDEX_FIRST_DAY && from - 1 < INDEX_END_DAY) {
      this.#indexUpTo(from - 1);
      const k = this.#ordinal[from - 1 - INDEX_FIRST_DAY + 1]! - n;
      if (k >= 0) return this.#workdays[k]!;
    }
    let day = from;
    let left = n;
    while (left > 0) {
      day--;
      if (this.#infoOf(day).workingDay) left--;
    }
    return day;
  }

  /**
   * The working-day index from its first day (2020-01-01) through day number `lastDay`, for a
   * query that judges many clocks at once to read instead of the calendar: `ordinals[i]` is the
   * number of working days in [firstDay, firstDay + i], `workdays[k]` the (k + 1)-th working day.
   * Views of this calendar's own index (one owner: rebuilt with the calendar, never stored).
   */
  workingDayIndex(lastDay: number): { firstDay: number; ordinals: Int32Array; workdays: Int32Array } {
    const last = Math.min(lastDay, INDEX_END_DAY - 1);
    if (last >= INDEX_FIRST_DAY) this.#indexUpTo(last);
    const days = Math.max(0, last - INDEX_FIRST_DAY + 1);
    return {
      firstDay: INDEX_FIRST_DAY,
      ordinals: this.#ordinal.subarray(1, days + 1),
      workdays: this.#workdays.subarray(0, days === 0 ? 0 : this.#ordinal[days]!),
    };
  }

  /** Extends the index, a whole year at a time, until it covers day number `day` (inside the index). */
  #indexUpTo(day: number): void {
    while (this.#indexedTo <= day) this.#indexYear();
  }

  #indexYear(): void {
    const start = this.#indexedTo;
    const end = Math.min(INDEX_END_DAY, toDayNumber(`${yearOf(fromDayNumber(start)) + 1}-01-01`));
    for (let day = start; day < end; day++) {
      if (this.#infoOf(day).workingDay) this.#workdays[this.#workdayCount++] = day;
      this.#ordinal[day - INDEX_FIRST_DAY + 1] = this.#workdayCount;
    }
    this.#indexedTo = end;
  }

  #provisionalOf(year: number): { year: CalendarYear; special: Map<string, Special> } {
    let p = this.#provisional.get(year);
    if (!p) {
      const y = provisionalCalendarYear(year);
      const special = new Map<string, Special>();
      for (const h of y.holidays) {
        for (const d of h.dates) {
          special.set(d, {
            kind: 'holiday',
            name: h.name,
            nameEn: h.nameEn,
            ...(h.compensation ? { compensation: true } : {}),
          });
        }
      }
      p = { year: y, special };
      this.#provisional.set(year, p);
    }
    return p;
  }

  #infoOf(day: number): DayInfo {
    const date = fromDayNumber(day);
    const year = yearOf(date);
    const weekday = (): DayInfo => {
      const dow = (((day + 4) % 7) + 7) % 7;
      return dow === 0 || dow === 6
        ? { date, workingDay: false, kind: 'weekend' }
        : { date, workingDay: true, kind: 'workday' };
    };
    if (!this.#years.has(year)) {
      if (!this.isProvisionalYear(year)) throw new CalendarRangeError(date, year);
      const special = this.#provisionalOf(year).special.get(date);
      if (special && !(special.compensation && this.#view === 'earliest')) {
        return {
          date,
          workingDay: false,
          kind: 'holiday',
          name: special.name,
          nameEn: special.nameEn,
          provisional: true,
        };
      }
      return { ...weekday(), provisional: true };
    }
    const special = this.#special.get(date);
    if (special) {
      return {
        date,
        workingDay: special.kind === 'makeup-workday',
        kind: special.kind,
        name: special.name,
        nameEn: special.nameEn,
      };
    }
    return weekday();
  }
}
