import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateClock } from '../deadline.ts';
import { DEFAULT_CALENDAR_YEARS } from './data.ts';
import { addCalendarDays, dayOfWeek, fromDayNumber, isWeekend, toDayNumber } from './dates.ts';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, lunarFestivals, qingming } from './lunar.ts';
import { provisionalCalendarYear, statutoryFestivals } from './provisional.ts';
import { calendarYearSchema, WorkingCalendar } from './working-calendar.ts';

const cal = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);

/** The statutory days of the law in force in `year`: 2013 revision until 2024, 2024 revision from 2025. */
function statutoryDaysInForce(year: number): string[] {
  const lunar = lunarFestivals(year)!;
  const plus = (d: string, n: number) => addCalendarDays(d, n);
  const days = [
    `${year}-01-01`,
    lunar.springFestival,
    plus(lunar.springFestival, 1),
    plus(lunar.springFestival, 2),
    qingming(year),
    `${year}-05-01`,
    lunar.dragonBoat,
    lunar.midAutumn,
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ];
  // 2024 revision (国务院令第795号, in force 2025-01-01): 除夕 and 2 May added
  if (year >= 2025) days.push(plus(lunar.springFestival, -1), `${year}-05-02`);
  return days;
}

const noticeHolidays = (year: number) =>
  new Set(DEFAULT_CALENDAR_YEARS.find((y) => y.year === year)!.holidays.flatMap((h) => h.dates));

const weekdaysOff = (y: { holidays: { dates: string[] }[] }) =>
  y.holidays.flatMap((h) => h.dates).filter((d) => !isWeekend(d)).length;

describe('lunar festival table and 清明', () => {
  it('agrees with every shipped State Council notice 2020–2026', () => {
    for (const y of DEFAULT_CALENDAR_YEARS) {
      const off = noticeHolidays(y.year);
      for (const d of statutoryDaysInForce(y.year)) expect(off.has(d), `${y.year}: ${d}`).toBe(true);
    }
  });

  it('has the shape of a lunisolar calendar in every year', () => {
    for (let year = LUNAR_FIRST_YEAR; year <= LUNAR_LAST_YEAR; year++) {
      const f = lunarFestivals(year)!;
      expect(f.springFestival >= `${year}-01-21` && f.springFestival <= `${year}-02-20`, `${year}`).toBe(true);
      const toDragon = toDayNumber(f.dragonBoat) - toDayNumber(f.springFestival);
      const toMoon = toDayNumber(f.midAutumn) - toDayNumber(f.springFestival);
      // 4 (5 with a leap month) lunar months of 29–30 days plus 4 days; 7 (8) months plus 14 days
      expect(toDragon >= 4 * 29 + 4 && toDragon <= 5 * 30 + 4, `${year} 端午`).toBe(true);
      expect(toMoon >= 7 * 29 + 14 && toMoon <= 8 * 30 + 14, `${year} 中秋`).toBe(true);
      const next = lunarFestivals(year + 1);
      if (next) {
        const yearLength = toDayNumber(next.springFestival) - toDayNumber(f.springFestival);
        expect([353, 354, 355, 383, 384, 385], `${year} 年长`).toContain(yearLength);
      }
      expect(['04-04', '04-05', '04-06']).toContain(qingming(year).slice(5));
    }
    expect(lunarFestivals(2019)).toBeUndefined();
    expect(lunarFestivals(2100)).toBeUndefined();
  });
});

describe('provisional year (全国年节及纪念日放假办法 2024 revision)', () => {
  it('contains every statutory day of each shipped year’s notice', () => {
    for (const y of DEFAULT_CALENDAR_YEARS) {
      const p = new Set(provisionalCalendarYear(y.year).holidays.flatMap((h) => h.dates));
      for (const d of statutoryDaysInForce(y.year)) expect(p.has(d), `${y.year}: ${d}`).toBe(true);
    }
  });

  it('gives as many weekdays off as the 2025 and 2026 notices (13 statutory days, 第六条 补假)', () => {
    for (const year of [2025, 2026]) {
      const notice = DEFAULT_CALENDAR_YEARS.find((y) => y.year === year)!;
      const real = weekdaysOff(notice) - notice.makeupWorkdays.length;
      expect(weekdaysOff(provisionalCalendarYear(year))).toBe(real);
    }
  });

  it('builds 2027 from the law: 春节 5–8 Feb with two 补假 days, no make-up working days', () => {
    const y = provisionalCalendarYear(2027);
    expect(y.provisional).toBe(true);
    expect(y.makeupWorkdays).toEqual([]);
    expect(y.holidays.find((h) => h.name === '春节')!.dates).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    // 6 and 7 Feb are a weekend: made up on the next weekdays
    expect(y.holidays.find((h) => h.name === '春节补假')).toMatchObject({
      dates: ['2027-02-09', '2027-02-10'],
      compensation: true,
    });
    // 10 October 2027 … 1–3 Oct is Friday–Sunday: two days made up on Monday 4 and Tuesday 5 October
    expect(y.holidays.find((h) => h.name === '国庆节补假')!.dates).toEqual(['2027-10-04', '2027-10-05']);
    // the year is valid data as an admin would enter it
    const { provisional: _p, ...plain } = y;
    expect(() =>
      calendarYearSchema.parse({
        ...plain,
        holidays: plain.holidays.map(({ compensation: _c, ...h }) => h),
      }),
    ).not.toThrow();
  });

  it('merges 中秋 on National Day and makes the lost day up (2031: 中秋 on 1 October)', () => {
    expect(lunarFestivals(2031)!.midAutumn).toBe('2031-10-01');
    const y = provisionalCalendarYear(2031);
    expect(weekdaysOff(y)).toBe(13);
  });

  it('property: every year 2020–2099 has 13 weekdays off, all statutory days off, 补假 only on weekdays after its festival', () => {
    fc.assert(
      fc.property(fc.integer({ min: LUNAR_FIRST_YEAR, max: LUNAR_LAST_YEAR }), (year) => {
        const y = provisionalCalendarYear(year);
        const all = y.holidays.flatMap((h) => h.dates);
        expect(new Set(all).size).toBe(all.length);
        expect(weekdaysOff(y)).toBe(13);
        const off = new Set(all);
        for (const f of statutoryFestivals(year)) for (const d of f.dates) expect(off.has(d)).toBe(true);
        for (const h of y.holidays.filter((x) => x.compensation)) {
          const festival = statutoryFestivals(year).find((f) => `${f.name}补假` === h.name)!;
          for (const d of h.dates) {
            expect(isWeekend(d)).toBe(false);
            const after = toDayNumber(d) - toDayNumber(festival.dates.at(-1)!);
            expect(after > 0 && after <= 10).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('WorkingCalendar on a year without notice', () => {
  it('answers 2027 provisionally and 2026 from the notice', () => {
    expect(cal.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      workingDay: false,
      kind: 'holiday',
      name: '元旦',
      nameEn: "New Year's Day",
      provisional: true,
    });
    expect(cal.dayInfo('2027-01-04')).toEqual({
      date: '2027-01-04',
      workingDay: true,
      kind: 'workday',
      provisional: true,
    });
    expect(cal.dayInfo('2026-12-31')).toEqual({ date: '2026-12-31', workingDay: true, kind: 'workday' });
    expect(cal.isProvisionalYear(2027)).toBe(true);
    expect(cal.isProvisionalYear(2026)).toBe(false);
    expect(cal.knownYears()).not.toContain(2027);
  });

  it('says when a working-day sum depends on a provisional year, never for calendar days', () => {
    expect(cal.addDaysDetailed('2026-12-28', 5, 'working')).toEqual({ date: '2027-01-05', provisional: true });
    expect(cal.addDaysDetailed('2026-12-01', 5, 'working')).toEqual({ date: '2026-12-08', provisional: false });
    expect(cal.addDaysDetailed('2026-12-28', 30, 'calendar')).toEqual({ date: '2027-01-27', provisional: false });
  });

  it('earliest view counts 补假 as working days, latest view does not', () => {
    expect(cal.isWorkingDay('2027-02-09')).toBe(false);
    expect(cal.earliest().isWorkingDay('2027-02-09')).toBe(true);
    expect(cal.earliest().isWorkingDay('2027-02-08')).toBe(false); // 初三, statutory
    // the notice years are the same in both views
    expect(cal.earliest().isWorkingDay('2026-02-23')).toBe(cal.isWorkingDay('2026-02-23'));
  });

  it('a notice added for the year replaces the provisional one', () => {
    const withNotice = new WorkingCalendar([
      ...DEFAULT_CALENDAR_YEARS,
      {
        year: 2027,
        source: 'test notice',
        holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
        makeupWorkdays: [],
      },
    ]);
    expect(withNotice.dayInfo('2027-02-09').provisional).toBeUndefined();
    expect(withNotice.isProvisionalYear(2027)).toBe(false);
    expect(withNotice.isProvisionalYear(2028)).toBe(true);
  });

  it('property: the earliest view never ends a working-day count later than the latest view', () => {
    const first = toDayNumber('2026-10-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 80 }), (offset, n) => {
        const from = fromDayNumber(first + offset);
        const early = cal.earliest().addDays(from, n, 'working');
        const late = cal.addDays(from, n, 'working');
        expect(early <= late).toBe(true);
      }),
    );
  });
});

describe('evaluateClock on a provisional year', () => {
  const profile = { key: 'test.working', length: 10, unit: 'working' as const, warnBefore: 2 };
  it('shows a bureau duty at its earliest plausible due date and a party window at its latest, both 暂定', () => {
    // from Monday 1 Feb 2027, 10 working days: 2–4 Feb, then 春节 5–8 Feb, 补假 9–10 Feb
    const bureau = evaluateClock({ profile, start: '2027-02-01', pauses: [], extensions: [] }, '2027-02-01', cal);
    const party = evaluateClock(
      { profile, start: '2027-02-01', pauses: [], extensions: [], binds: 'party' },
      '2027-02-01',
      cal,
    );
    // earliest: 2,3,4, 9,10,11,12, 15,16,17 → 17 Feb; latest: 2,3,4, 11,12, 15–19 → 19 Feb
    expect(bureau).toMatchObject({ dueDate: '2027-02-17', provisional: true });
    expect(party).toMatchObject({ dueDate: '2027-02-19', provisional: true });
    expect(dayOfWeek(bureau.dueDate)).toBe(3);
  });

  it('is not provisional when the count stays inside noticed years, or counts calendar days', () => {
    expect(
      evaluateClock({ profile, start: '2026-11-02', pauses: [], extensions: [] }, '2026-11-02', cal).provisional,
    ).toBe(false);
    expect(
      evaluateClock(
        { profile: { ...profile, unit: 'calendar' }, start: '2026-12-28', pauses: [], extensions: [] },
        '2026-12-28',
        cal,
      ).provisional,
    ).toBe(false);
  });
});
