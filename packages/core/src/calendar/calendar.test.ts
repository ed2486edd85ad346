import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizeIssues } from '../messages.ts';
import { DEFAULT_CALENDAR_YEARS } from './data.ts';
import {
  addCalendarDays,
  dayOfWeek,
  fromDayNumber,
  InvalidDateError,
  isDateString,
  toDayNumber,
  toShanghaiDate,
} from './dates.ts';
import {
  CalendarRangeError,
  type CalendarYear,
  calendarYearSchema,
  makeupWorkdayNameEn,
  WorkingCalendar,
} from './working-calendar.ts';

const cal = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);
const FIRST = toDayNumber('2020-01-01');
const LAST = toDayNumber('2026-12-31');

describe('dates', () => {
  it('validates and converts civil dates', () => {
    expect(isDateString('2024-02-29')).toBe(true);
    expect(isDateString('2023-02-29')).toBe(false);
    expect(isDateString('2024-2-1')).toBe(false);
    expect(isDateString('0099-01-01')).toBe(false);
    expect(fromDayNumber(toDayNumber('2020-03-01') - 1)).toBe('2020-02-29');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(dayOfWeek('2020-09-27')).toBe(0);
    expect(dayOfWeek('2025-10-11')).toBe(6);
  });

  it('has no YYYY-MM-DD past 9999-12-31 or before 1000-01-01: a clear error, not a malformed date', () => {
    expect(addCalendarDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addCalendarDays('1000-01-02', -1)).toBe('1000-01-01');
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(InvalidDateError);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(/9999-12-31/);
    expect(() => addCalendarDays('1000-01-01', -1)).toThrow(InvalidDateError);
    expect(() => fromDayNumber(Number.NaN)).toThrow(InvalidDateError);
  });

  it('reads instants as Asia/Shanghai dates', () => {
    expect(toShanghaiDate('2024-05-01')).toBe('2024-05-01');
    expect(toShanghaiDate('2024-05-01T23:59:59+08:00')).toBe('2024-05-01');
    expect(toShanghaiDate('2024-05-01T16:00:00Z')).toBe('2024-05-02');
    expect(toShanghaiDate('2024-05-01T15:59:59.999Z')).toBe('2024-05-01');
    expect(toShanghaiDate('2024-04-30T12:30:00-05:00')).toBe('2024-05-01');
    expect(toShanghaiDate('2024-05-01T23:00:00')).toBe('2024-05-01');
    expect(toShanghaiDate('2024-12-31T20:00:00+0000')).toBe('2025-01-01');
    for (const bad of ['2024-05-32', '2024-05-01T25:00', 'yesterday', '2024-05-01T10:00+19:00', '']) {
      expect(() => toShanghaiDate(bad), bad).toThrow(RangeError);
    }
  });
});

describe('default calendar data 2020–2026', () => {
  it('knows exactly 2020 through 2026', () => {
    expect(cal.knownYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('answers every date of 2020–2026 consistently', () => {
    for (let day = FIRST; day <= LAST; day++) {
      const date = fromDayNumber(day);
      const info = cal.dayInfo(date);
      const weekend = [0, 6].includes(dayOfWeek(date));
      expect(info.date).toBe(date);
      if (info.kind === 'workday') expect(weekend).toBe(false);
      if (info.kind === 'weekend') expect(weekend).toBe(true);
      if (info.kind === 'makeup-workday') expect(weekend).toBe(true);
      expect(info.workingDay).toBe(info.kind === 'workday' || info.kind === 'makeup-workday');
      expect(info.name === undefined).toBe(info.kind === 'workday' || info.kind === 'weekend');
      // every named day is named in English too, and a make-up day after the festivals it serves
      expect(info.nameEn === undefined).toBe(info.name === undefined);
      if (info.kind === 'makeup-workday') expect(info.nameEn).toMatch(/^Make-up working day \([A-Z][^()]+\)$/);
    }
  });

  it('names a day in English: a holiday by its notice, a make-up day after its festivals', () => {
    expect(cal.dayInfo('2026-10-01')).toMatchObject({ kind: 'holiday', nameEn: expect.stringMatching(/National Day/) });
    expect(makeupWorkdayNameEn('春节调休上班')).toBe('Make-up working day (Spring Festival)');
    expect(makeupWorkdayNameEn('国庆节、中秋节调休上班')).toBe(
      'Make-up working day (National Day, Mid-Autumn Festival)',
    );
    expect(makeupWorkdayNameEn('临时调整上班')).toBe('Make-up working day');
    expect(cal.dayInfo('2027-02-06')).toMatchObject({ provisional: true });
    const provisionalHoliday = cal.dayInfo('2027-10-01');
    expect(provisionalHoliday).toMatchObject({ kind: 'holiday', name: '国庆节', nameEn: 'National Day' });
  });

  it('refuses years outside 2020–2099 (no lunar data), naming the year', () => {
    for (const [date, year] of [
      ['2019-12-31', 2019],
      ['2100-01-01', 2100],
    ] as const) {
      let error: unknown;
      try {
        cal.dayInfo(date);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CalendarRangeError);
      const e = error as CalendarRangeError;
      expect(e.year).toBe(year);
      expect(e.code).toBe('calendar.yearUnknown');
      expect(e.messageZh).toContain(`${year} 年`);
      expect(e.messageEn).toContain(`(${year})`);
      expect(e.message).toContain(e.messageZh);
    }
    expect(() => cal.addDays('2099-12-30', 5, 'working')).toThrow(CalendarRangeError);
    expect(() => cal.countWorkingDays('2019-12-30', '2020-01-02')).toThrow(CalendarRangeError);
    expect(cal.covers('2026-12-31')).toBe(true);
    expect(cal.covers('2027-01-01')).toBe(true);
    expect(cal.covers('2100-01-01')).toBe(false);
  });

  it.each([
    ['2020-01-19', 'makeup-workday'],
    ['2020-01-31', 'holiday'],
    ['2020-02-01', 'holiday'], // a make-up day until the extension notice
    ['2020-02-02', 'holiday'],
    ['2020-02-03', 'workday'],
    ['2020-09-27', 'makeup-workday'],
    ['2020-10-01', 'holiday'],
    ['2020-10-08', 'holiday'],
    ['2020-10-09', 'workday'],
    ['2020-10-10', 'makeup-workday'],
    ['2021-09-18', 'makeup-workday'],
    ['2022-04-02', 'makeup-workday'],
    ['2022-10-09', 'makeup-workday'],
    ['2023-01-02', 'holiday'],
    ['2023-01-29', 'makeup-workday'],
    ['2023-04-05', 'holiday'],
    ['2024-02-04', 'makeup-workday'],
    ['2024-02-09', 'workday'], // Spring Festival eve 2024 was only "encouraged" off
    ['2024-02-18', 'makeup-workday'],
    ['2024-06-10', 'holiday'],
    ['2024-10-12', 'makeup-workday'],
    ['2025-01-26', 'makeup-workday'],
    ['2025-01-28', 'holiday'], // Spring Festival eve, a public holiday from 2025
    ['2025-02-04', 'holiday'],
    ['2025-02-08', 'makeup-workday'],
    ['2025-05-02', 'holiday'],
    ['2025-04-27', 'makeup-workday'],
    ['2025-10-08', 'holiday'],
    ['2025-10-11', 'makeup-workday'],
    ['2026-01-02', 'holiday'],
    ['2026-01-04', 'makeup-workday'],
    ['2026-02-14', 'makeup-workday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-28', 'makeup-workday'],
    ['2026-05-09', 'makeup-workday'],
    ['2026-09-20', 'makeup-workday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-10', 'makeup-workday'],
    ['2026-10-12', 'workday'],
  ])('%s is a %s', (date, kind) => {
    expect(cal.dayInfo(date).kind).toBe(kind);
  });

  it('names the holiday or make-up day', () => {
    expect(cal.dayInfo('2020-01-31')).toEqual({
      date: '2020-01-31',
      workingDay: false,
      kind: 'holiday',
      name: '春节假期延长（疫情防控）',
      nameEn: 'Spring Festival extension (COVID-19)',
    });
    expect(cal.dayInfo('2020-10-10').name).toBe('国庆节、中秋节调休上班');
    expect(cal.dayInfo('2020-10-10').nameEn).toBe('Make-up working day (National Day, Mid-Autumn Festival)');
    expect(cal.dayInfo('2022-12-31').name).toBe('元旦'); // from the 2023 notice
  });

  // Cross-check against 《全国年节及纪念日放假办法》: every weekday off is either a statutory day or
  // paid back by a make-up day, so weekdays off − make-up days = statutory days (11; 13 from 2025
  // after 国务院令第795号; 2020 has 2 more: 31 January and the cancelled make-up day 1 February).
  it.each([
    [2020, 13, 30, 6],
    [2021, 11, 31, 7],
    [2022, 11, 31, 7],
    [2023, 11, 27, 7],
    [2024, 11, 28, 8],
    [2025, 13, 28, 5],
    [2026, 13, 33, 6],
  ])('%i: statutory %i, %i days off, %i make-up days', (year, statutory, daysOff, makeups) => {
    const y = DEFAULT_CALENDAR_YEARS.find((c) => c.year === year)!;
    const holidayDates = y.holidays.flatMap((h) => h.dates);
    const weekdaysOff = holidayDates.filter((d) => ![0, 6].includes(dayOfWeek(d))).length;
    expect(holidayDates).toHaveLength(daysOff);
    expect(y.makeupWorkdays).toHaveLength(makeups);
    expect(weekdaysOff - y.makeupWorkdays.length).toBe(statutory);
    expect(y.source).toMatch(/国办发明电〔\d{4}〕\d+号/);
    for (const h of y.holidays) {
      h.dates.forEach((d, i) => {
        if (i > 0) expect(toDayNumber(d) - toDayNumber(h.dates[i - 1]!), `${h.name} ${d}`).toBe(1);
      });
    }
  });
});

describe('working-day arithmetic', () => {
  it('adds working and calendar days', () => {
    expect(cal.addDays('2020-09-25', 0, 'working')).toBe('2020-09-25');
    expect(cal.addDays('2020-09-26', 0, 'working')).toBe('2020-09-26');
    expect(cal.addDays('2020-09-25', 1, 'working')).toBe('2020-09-27'); // Sunday make-up day
    expect(cal.addDays('2020-09-30', 1, 'working')).toBe('2020-10-09');
    expect(cal.addDays('2020-09-30', 2, 'working')).toBe('2020-10-10');
    expect(cal.addDays('2025-01-24', 2, 'working')).toBe('2025-01-27');
    expect(cal.addDays('2025-01-27', 1, 'working')).toBe('2025-02-05');
    expect(cal.addDays('2026-12-25', 30, 'calendar')).toBe('2027-01-24'); // no holiday data needed
    expect(() => cal.addDays('2024-01-01', -1, 'working')).toThrow(RangeError);
    expect(() => cal.addDays('2024-01-01', 1.5, 'calendar')).toThrow(RangeError);
  });

  it('counts working days in (from, to]', () => {
    expect(cal.countWorkingDays('2020-09-30', '2020-10-10')).toBe(2);
    expect(cal.countWorkingDays('2020-10-10', '2020-09-30')).toBe(-2);
    expect(cal.countWorkingDays('2024-01-01', '2024-01-01')).toBe(0);
    // 2024: 366 days − 104 weekend days − 19 weekdays off + 8 make-up days
    expect(cal.countWorkingDays('2023-12-31', '2024-12-31')).toBe(366 - 104 - 19 + 8);
  });

  it('adding n working days and counting back gives n; the result is a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST - 200 }), fc.integer({ min: 0, max: 100 }), (start, n) => {
        const from = fromDayNumber(start);
        const to = cal.addDays(from, n, 'working');
        expect(cal.countWorkingDays(from, to)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(to)).toBe(true);
      }),
    );
  });
});

describe('calendarYearSchema', () => {
  const base: CalendarYear = {
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
    holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
    makeupWorkdays: [{ name: '元旦调休上班', date: '2027-01-09' }],
  };

  it('accepts a well-formed year and every default year', () => {
    expect(calendarYearSchema.safeParse(base).success).toBe(true);
    for (const y of DEFAULT_CALENDAR_YEARS) expect(calendarYearSchema.safeParse(y).success, String(y.year)).toBe(true);
  });

  const issues = (y: unknown) => {
    const r = calendarYearSchema.safeParse(y);
    return r.success ? [] : localizeIssues(r.error.issues, 'zh');
  };

  it('rejects dates outside the year', () => {
    expect(issues({ ...base, makeupWorkdays: [{ name: 'x', date: '2026-12-26' }] })).toEqual([
      { path: 'makeupWorkdays.0.date', message: '日期 2026-12-26 不在 2027 年内' },
    ]);
    expect(issues({ ...base, holidays: [{ ...base.holidays[0]!, dates: ['2028-01-01'] }] })).toHaveLength(1);
    // a New Year block may start a few days early (as 2023's did)
    expect(issues({ ...base, holidays: [{ ...base.holidays[0]!, dates: ['2026-12-31', '2027-01-01'] }] })).toEqual([]);
    expect(issues({ ...base, holidays: [{ ...base.holidays[0]!, dates: ['2026-12-01'] }] })).toHaveLength(1);
  });

  it('rejects make-up days on weekdays, on holidays, and duplicates', () => {
    expect(issues({ ...base, makeupWorkdays: [{ name: 'x', date: '2027-01-11' }] })).toEqual([
      { path: 'makeupWorkdays.0.date', message: '调休上班日 2027-01-11 应为周六或周日' },
    ]);
    expect(issues({ ...base, makeupWorkdays: [{ name: 'x', date: '2027-01-02' }] })).toEqual([
      { path: 'makeupWorkdays.0.date', message: '2027-01-02 不能同时是假日和调休上班日' },
    ]);
    expect(
      issues({
        ...base,
        holidays: [...base.holidays, { name: '元旦', nameEn: 'x', dates: ['2027-01-03'] }],
      }),
    ).toEqual([{ path: 'holidays.1.dates.0', message: '日期 2027-01-03 重复出现' }]);
    expect(issues({ ...base, makeupWorkdays: [base.makeupWorkdays[0], base.makeupWorkdays[0]] })).toHaveLength(1);
  });

  it('rejects impossible dates and missing sources', () => {
    expect(issues({ ...base, holidays: [{ ...base.holidays[0]!, dates: ['2027-02-30'] }] })).toEqual([
      { path: 'holidays.0.dates.0', message: '日期应为实际存在的日期，格式 YYYY-MM-DD' },
    ]);
    expect(issues({ ...base, source: ' ' })).toHaveLength(1);
  });

  it('the calendar refuses a year twice and conflicting data across years', () => {
    expect(() => new WorkingCalendar([base, base])).toThrow(/2027 given twice/);
    const y2026 = DEFAULT_CALENDAR_YEARS.find((y) => y.year === 2026)!;
    const conflicting: CalendarYear = {
      ...base,
      holidays: [{ name: '元旦', nameEn: 'x', dates: ['2026-12-31'] }],
      makeupWorkdays: [],
    };
    const alsoMakeup: CalendarYear = {
      ...y2026,
      makeupWorkdays: [...y2026.makeupWorkdays, { name: 'x', date: '2026-12-27' }],
    };
    expect(
      () =>
        new WorkingCalendar([
          alsoMakeup,
          { ...conflicting, holidays: [{ name: 'x', nameEn: 'x', dates: ['2026-12-27'] }] },
        ]),
    ).toThrow(/both/);
    expect(() => new WorkingCalendar([{ ...base, year: 2027.5 }])).toThrow();
  });
});
