import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_YEARS } from './calendar/data.ts';
import { fromDayNumber, toDayNumber, toShanghaiDate } from './calendar/dates.ts';
import { CalendarRangeError, WorkingCalendar } from './calendar/working-calendar.ts';
import {
  type Clock,
  type ClockPause,
  type ClockProfile,
  clockProfileByKey,
  clockProfileSchema,
  clockSchema,
  DEFAULT_CLOCK_PROFILES,
  evaluateClock,
  leadDeadline,
} from './deadline.ts';

const cal = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);
const reportForm: ClockProfile = { key: 'eia.report-form.statutory', length: 30, unit: 'working', warnBefore: 5 };
const petition: ClockProfile = { key: 'petition.acceptance-notice', length: 15, unit: 'calendar', warnBefore: 3 };

const clock = (over: Partial<Clock> = {}): Clock => ({
  profile: reportForm,
  start: '2024-09-20T10:00:00+08:00',
  pauses: [],
  extensions: [],
  ...over,
});

describe('rollsOver (民法典 第二百零三条)', () => {
  const window: ClockProfile = { key: 'petition.review-request', length: 30, unit: 'calendar', warnBefore: 5 };
  it('moves a last day on a holiday to the next working day, only where the profile says so', () => {
    // received 2024-09-01: day 30 is 2024-10-01, National Day (1–7 Oct off), next working day 10-08
    const c = clock({ profile: window, start: '2024-09-01T12:00:00+08:00', binds: 'party' });
    expect(evaluateClock({ ...c, rollsOver: true }, '2024-09-02', cal).dueDate).toBe('2024-10-08');
    expect(evaluateClock(c, '2024-09-02', cal).dueDate).toBe('2024-10-01');
    // a last day that is a working day (Wednesday 2024-04-03, the day before 清明) stays
    const plain = clock({ profile: window, start: '2024-03-04T12:00:00+08:00', binds: 'party', rollsOver: true });
    expect(evaluateClock(plain, '2024-03-05', cal).dueDate).toBe('2024-04-03');
    // a weekend last day rolls too: 2024-03-01 + 30 is Sunday 03-31, so Monday 04-01
    const sunday = clock({ profile: window, start: '2024-03-01T12:00:00+08:00', binds: 'party', rollsOver: true });
    expect(evaluateClock(sunday, '2024-03-02', cal).dueDate).toBe('2024-04-01');
  });
  it('is set on the petitioner’s request windows and on no bureau duty', () => {
    expect(DEFAULT_CLOCK_PROFILES.filter((p) => p.rollsOver).map((p) => p.key)).toEqual([
      'petition.review-request',
      'petition.re-review-request',
    ]);
    for (const p of DEFAULT_CLOCK_PROFILES) if (p.rollsOver) expect(p.binds).toBe('party');
  });
});

describe('evaluateClock', () => {
  // Friday 2024-09-20 + 30 working days, across make-up days 29 Sep and 12 Oct and the National Day
  // break 1–7 Oct: 23–27 Sep (5), 29 Sep (6), 30 Sep (7), 8–11 Oct (11), 12 Oct (12), 14–18 (17),
  // 21–25 (22), 28 Oct–1 Nov (27), 4–6 Nov (30).
  it('counts working days from the day after the start', () => {
    expect(evaluateClock(clock(), '2024-09-20T12:00:00+08:00', cal)).toEqual({
      dueDate: '2024-11-06',
      remaining: 30,
      state: 'running',
      pausedDays: 0,
      provisional: false,
    });
  });

  it('reports the full length when asked before the start', () => {
    expect(evaluateClock(clock(), '2024-09-01', cal)).toMatchObject({ remaining: 30, state: 'running' });
  });

  it('reads the start instant in Asia/Shanghai', () => {
    // 17:00 UTC on the 19th is 01:00 on the 20th in Shanghai
    expect(evaluateClock(clock({ start: '2024-09-19T17:00:00Z' }), '2024-09-21', cal).dueDate).toBe('2024-11-06');
    expect(evaluateClock(clock({ start: '2024-09-19T15:59:00Z' }), '2024-09-21', cal).dueDate).toBe('2024-11-05');
  });

  it('counts calendar days for calendar profiles', () => {
    expect(evaluateClock(clock({ profile: petition, start: '2025-01-27' }), '2025-01-27', cal)).toEqual({
      dueDate: '2025-02-11',
      remaining: 15,
      state: 'running',
      pausedDays: 0,
      provisional: false,
    });
    // calendar clocks need no holiday data
    expect(evaluateClock(clock({ profile: petition, start: '2027-03-01' }), '2027-03-02', cal).dueDate).toBe(
      '2027-03-16',
    );
  });

  it('moves the due date by the working days paused, (from, to]', () => {
    const r = evaluateClock(
      clock({ pauses: [{ from: '2024-10-08', to: '2024-10-10', reason: 'supplement' }] }),
      '2024-10-20',
      cal,
    );
    expect(r).toMatchObject({ dueDate: '2024-11-08', pausedDays: 2, state: 'running' });
    // a pause over the holiday break pauses nothing in working days
    const holiday = evaluateClock(
      clock({ pauses: [{ from: '2024-09-30', to: '2024-10-07', reason: 'other' }] }),
      '2024-10-20',
      cal,
    );
    expect(holiday).toMatchObject({ dueDate: '2024-11-06', pausedDays: 0 });
    // same-day pause and resume pauses nothing
    expect(
      evaluateClock(
        clock({ pauses: [{ from: '2024-10-08T09:00+08:00', to: '2024-10-08T17:00+08:00', reason: 'hearing' }] }),
        '2024-10-20',
        cal,
      ).pausedDays,
    ).toBe(0);
  });

  it('treats an open pause as ending now and reports it', () => {
    const r = evaluateClock(
      clock({ pauses: [{ from: '2024-10-10', reason: 'expert-review' }] }),
      '2024-10-15T09:00:00+08:00',
      cal,
    );
    // paused: 11 Oct, 12 Oct (make-up Saturday), 14 Oct, 15 Oct
    expect(r).toEqual({ dueDate: '2024-11-12', remaining: 20, state: 'paused', pausedDays: 4, provisional: false });
  });

  it('does not let a pause begun after the due date rescue an overdue clock', () => {
    const r = evaluateClock(clock({ pauses: [{ from: '2024-11-07', reason: 'other' }] }), '2024-11-11', cal);
    expect(r).toMatchObject({ dueDate: '2024-11-06', state: 'overdue', pausedDays: 0 });
    expect(r.remaining).toBe(-3); // 7, 8, 11 Nov
  });

  it('adds extensions in the profile unit', () => {
    const ext = { days: 30, approvedBy: '局长', reason: '案情复杂', at: '2025-03-01T10:00:00+08:00' };
    const r = evaluateClock(
      clock({
        profile: { ...petition, key: 'petition.resolution', length: 60 },
        start: '2025-01-27',
        extensions: [ext],
      }),
      '2025-03-01',
      cal,
    );
    expect(r.dueDate).toBe('2025-04-27');
  });

  it('warns, then goes overdue', () => {
    expect(evaluateClock(clock(), '2024-10-29', cal)).toMatchObject({ remaining: 6, state: 'running' });
    expect(evaluateClock(clock(), '2024-10-30', cal)).toMatchObject({ remaining: 5, state: 'due-soon' });
    expect(evaluateClock(clock(), '2024-11-06T23:59:59+08:00', cal)).toMatchObject({ remaining: 0, state: 'due-soon' });
    expect(evaluateClock(clock(), '2024-11-06T16:00:00Z', cal)).toMatchObject({ remaining: -1, state: 'overdue' });
    // overdue on a weekend right after a Friday due date still reads −1
    const friday = evaluateClock(clock({ start: '2024-09-14' }), '2024-11-02', cal);
    expect(friday).toMatchObject({ dueDate: '2024-11-01', remaining: -1, state: 'overdue' });
  });

  it('is met or missed once completed', () => {
    expect(evaluateClock(clock({ completedAt: '2024-11-06T18:00:00+08:00' }), '2025-01-01', cal)).toMatchObject({
      state: 'met',
      remaining: 0,
    });
    expect(evaluateClock(clock({ completedAt: '2024-10-30' }), '2025-01-01', cal)).toMatchObject({
      state: 'met',
      remaining: 5,
    });
    expect(evaluateClock(clock({ completedAt: '2024-11-07T08:00:00+08:00' }), '2024-11-07', cal)).toMatchObject({
      state: 'missed',
      remaining: -1,
    });
    // an open pause on a completed clock ends at completion, not at "now"
    const r = evaluateClock(
      clock({ pauses: [{ from: '2024-10-10', reason: 'supplement' }], completedAt: '2024-10-15' }),
      '2025-06-01',
      cal,
    );
    expect(r).toMatchObject({ dueDate: '2024-11-12', state: 'met', pausedDays: 4 });
  });

  it('throws for working-day clocks that run past the calendar (2099)', () => {
    expect(() => evaluateClock(clock({ start: '2099-12-01' }), '2099-12-02', cal)).toThrow(CalendarRangeError);
  });

  it('rejects malformed clocks', () => {
    expect(() => evaluateClock(clock({ profile: { ...reportForm, length: 0 } }), '2024-10-01', cal)).toThrow(
      RangeError,
    );
    expect(() =>
      evaluateClock(
        clock({ extensions: [{ days: -1, approvedBy: 'x', reason: 'x', at: '2024-10-01' }] }),
        '2024-10-01',
        cal,
      ),
    ).toThrow(RangeError);
    expect(() =>
      evaluateClock(clock({ pauses: [{ from: '2024-10-10', to: '2024-10-01', reason: 'other' }] }), '2024-10-20', cal),
    ).toThrow(RangeError);
    expect(() => evaluateClock(clock({ start: 'soon' }), '2024-10-20', cal)).toThrow(RangeError);
  });
});

describe('evaluateClock properties', () => {
  const FIRST = toDayNumber('2020-01-01');
  const LAST_START = toDayNumber('2025-06-30');
  const profileArb = fc.record({
    key: fc.constant('p'),
    length: fc.integer({ min: 1, max: 60 }),
    unit: fc.constantFrom('working' as const, 'calendar' as const),
    warnBefore: fc.integer({ min: 0, max: 10 }),
  });
  const pauseArb = (start: number) =>
    fc
      .record({ offset: fc.integer({ min: -5, max: 90 }), length: fc.integer({ min: 0, max: 40 }), open: fc.boolean() })
      .map(
        ({ offset, length, open }): ClockPause => ({
          from: fromDayNumber(start + offset),
          to: open ? null : fromDayNumber(start + offset + length),
          reason: 'supplement',
        }),
      );
  const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: FIRST, max: LAST_START }).chain((start) =>
    fc.record({
      start: fc.constant(start),
      profile: profileArb,
      pauses: fc.array(pauseArb(start), { maxLength: 3 }),
      extensions: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }),
      nowOffset: fc.integer({ min: 0, max: 150 }),
    }),
  );
  type Scenario = {
    start: number;
    profile: ClockProfile;
    pauses: ClockPause[];
    extensions: number[];
    nowOffset: number;
  };
  const build = (s: Scenario, withPauses: boolean, withExtensions: boolean): Clock => ({
    profile: s.profile,
    start: fromDayNumber(s.start),
    pauses: withPauses ? s.pauses : [],
    extensions: withExtensions
      ? s.extensions.map((days) => ({ days, approvedBy: 'x', reason: 'x', at: fromDayNumber(s.start) }))
      : [],
  });

  it('pausing never makes a deadline earlier', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const now = fromDayNumber(s.start + s.nowOffset);
        const plain = evaluateClock(build(s, false, true), now, cal);
        const paused = evaluateClock(build(s, true, true), now, cal);
        expect(paused.dueDate >= plain.dueDate).toBe(true);
      }),
    );
  });

  it('extensions never make a deadline earlier', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const now = fromDayNumber(s.start + s.nowOffset);
        expect(
          evaluateClock(build(s, true, true), now, cal).dueDate >=
            evaluateClock(build(s, true, false), now, cal).dueDate,
        ).toBe(true);
      }),
    );
  });

  it('a working-day deadline is a working day; states agree with remaining', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const now = fromDayNumber(s.start + s.nowOffset);
        const r = evaluateClock(build(s, true, true), now, cal);
        if (s.profile.unit === 'working') expect(cal.isWorkingDay(r.dueDate)).toBe(true);
        expect(r.dueDate > fromDayNumber(s.start)).toBe(true);
        if (r.state === 'overdue') expect(r.remaining).toBeLessThan(0);
        if (r.state === 'running') expect(r.remaining).toBeGreaterThan(s.profile.warnBefore);
        if (r.state === 'due-soon') expect(r.remaining).toBeGreaterThanOrEqual(0);
        expect(r.remaining < 0).toBe(now > r.dueDate);
      }),
    );
  });

  it('without pauses the due date is addDays(start, length + extensions)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const total = s.profile.length + s.extensions.reduce((a, b) => a + b, 0);
        const r = evaluateClock(build(s, false, true), fromDayNumber(s.start), cal);
        expect(r.dueDate).toBe(cal.addDays(fromDayNumber(s.start), total, s.profile.unit));
        expect(r.remaining).toBe(total);
      }),
    );
  });
});

// The rule as written before the working-day index: every unit day walked one at a time on
// dayInfo. evaluateClock now reads the index (O(pauses) a clock); it must agree on every field.
function evaluateByWalking(clock: Clock, now: string, fullCalendar: WorkingCalendar) {
  const calendar = clock.binds === 'party' ? fullCalendar : fullCalendar.earliest();
  const { profile } = clock;
  const dayOf = (v: string) => toDayNumber(toShanghaiDate(v));
  const total = profile.length + clock.extensions.reduce((a, e) => a + e.days, 0);
  const startDay = dayOf(clock.start);
  const nowDay = dayOf(now);
  const completedDay = clock.completedAt ? dayOf(clock.completedAt) : undefined;
  const openEnd = completedDay ?? nowDay;
  const intervals: [number, number][] = [];
  let activePause = false;
  for (const p of clock.pauses) {
    const from = dayOf(p.from);
    const to = p.to ? dayOf(p.to) : openEnd;
    if (to > from) intervals.push([from, to]);
    if (from <= nowDay && (!p.to || to > nowDay)) activePause = true;
  }
  const paused = (day: number) => intervals.some(([from, to]) => day > from && day <= to);
  const isUnitDay = (day: number) => profile.unit === 'calendar' || calendar.dayInfo(fromDayNumber(day)).workingDay;
  let due = startDay;
  let left = total;
  let pausedDays = 0;
  while (left > 0) {
    due++;
    if (!isUnitDay(due)) continue;
    if (paused(due)) pausedDays++;
    else left--;
  }
  if (clock.rollsOver) while (!calendar.dayInfo(fromDayNumber(due)).workingDay) due++;
  const ref = Math.max(completedDay ?? nowDay, startDay);
  let remaining = 0;
  if (ref <= due) {
    for (let day = ref + 1; day <= due; day++) if (isUnitDay(day) && !paused(day)) remaining++;
  } else {
    let late = 0;
    for (let day = due + 1; day <= ref; day++) if (isUnitDay(day)) late++;
    remaining = -Math.max(1, late);
  }
  let state: string;
  if (completedDay !== undefined) state = completedDay <= due ? 'met' : 'missed';
  else if (nowDay > due) state = 'overdue';
  else if (activePause) state = 'paused';
  else if (remaining <= profile.warnBefore) state = 'due-soon';
  else state = 'running';
  return { dueDate: fromDayNumber(due), remaining, state, pausedDays };
}

describe('evaluateClock on the working-day index agrees with the day-by-day walk', () => {
  // 2020–2026 carry the notices (holidays, 调休 make-up Saturdays and Sundays, 2020's extended
  // Spring Festival); 2027–2029 are provisional, where the bureau's and the party's views differ.
  const FIRST = toDayNumber('2019-12-20');
  const LAST = toDayNumber('2029-06-30');
  // a start on or next to a special day is drawn often: holiday blocks and make-up days
  const specials = DEFAULT_CALENDAR_YEARS.flatMap((y) => [
    ...y.holidays.flatMap((h) => h.dates),
    ...y.makeupWorkdays.map((m) => m.date),
  ]).map(toDayNumber);
  const dayArb = fc.oneof(
    fc.integer({ min: FIRST, max: LAST }),
    fc.tuple(fc.constantFrom(...specials), fc.integer({ min: -3, max: 3 })).map(([d, o]) => d + o),
  );
  const local = (day: number, hour: number) => `${fromDayNumber(day)}T${String(hour).padStart(2, '0')}:30:00+08:00`;
  const scenario = fc
    .record({
      start: dayArb,
      hour: fc.integer({ min: 0, max: 23 }),
      length: fc.integer({ min: 1, max: 90 }),
      unit: fc.constantFrom('working' as const, 'calendar' as const),
      warnBefore: fc.integer({ min: 0, max: 10 }),
      pauses: fc.array(
        fc.record({
          offset: fc.integer({ min: -10, max: 120 }),
          length: fc.integer({ min: 0, max: 60 }),
          open: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
      extensions: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
      completed: fc.option(fc.integer({ min: 0, max: 200 })),
      nowOffset: fc.integer({ min: -10, max: 400 }),
      binds: fc.constantFrom('bureau' as const, 'party' as const),
      rollsOver: fc.boolean(),
      // the server passes Date#toISOString() (UTC, 'Z'); people and tests write +08:00
      utc: fc.boolean(),
    })
    .map((s): { clock: Clock; now: string } => {
      const at = (day: number, hour: number) => (s.utc ? new Date(local(day, hour)).toISOString() : local(day, hour));
      return {
        clock: {
          profile: { key: 'p', length: s.length, unit: s.unit, warnBefore: s.warnBefore },
          start: at(s.start, s.hour),
          pauses: s.pauses.map((p) => ({
            from: at(s.start + p.offset, 9),
            to: p.open ? null : at(s.start + p.offset + p.length, 17),
            reason: 'expert-review',
          })),
          extensions: s.extensions.map((days) => ({ days, approvedBy: 'x', reason: 'x', at: at(s.start, 12) })),
          completedAt: s.completed === null ? null : at(s.start + s.completed, 16),
          binds: s.binds,
          rollsOver: s.rollsOver,
        },
        now: at(s.start + s.nowOffset, 8),
      };
    });

  it('due date, remaining, state and paused days are the same, and both refuse the same dates', () => {
    fc.assert(
      fc.property(scenario, ({ clock: c, now }) => {
        let walked: unknown;
        let fast: unknown;
        try {
          walked = evaluateByWalking(c, now, cal);
        } catch (e) {
          walked = e instanceof CalendarRangeError ? 'out of range' : e;
        }
        try {
          const { provisional: _p, ...rest } = evaluateClock(c, now, cal);
          fast = rest;
        } catch (e) {
          fast = e instanceof CalendarRangeError ? 'out of range' : e;
        }
        expect(fast).toEqual(walked);
      }),
      { numRuns: 1000 },
    );
  });

  it('addDays, countWorkingDays and leadDeadline agree with a walk on both views', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 250 }), fc.constantFrom(cal, cal.earliest()), (day, n, c) => {
        const walk = (from: number, k: number, step: 1 | -1, view = c) => {
          let d = from;
          for (let left = k; left > 0; ) {
            d += step;
            if (view.dayInfo(fromDayNumber(d)).workingDay) left--;
          }
          return fromDayNumber(d);
        };
        const outcome = (f: () => unknown) => {
          try {
            return f();
          } catch (e) {
            return e instanceof CalendarRangeError ? 'out of range' : e;
          }
        };
        const from = fromDayNumber(day);
        expect(outcome(() => c.addDays(from, n, 'working'))).toEqual(outcome(() => walk(day, n, 1)));
        expect(outcome(() => leadDeadline(from, { length: n + 1, unit: 'working' }, c))).toEqual(
          // a party's last day to act is read on the earliest view (leadDeadline's own rule)
          outcome(() => walk(day, n + 1, -1, c.earliest())),
        );
        const to = fromDayNumber(day + n);
        expect(outcome(() => c.countWorkingDays(from, to))).toEqual(
          outcome(() => {
            let k = 0;
            for (let d = day + 1; d <= day + n; d++) if (c.dayInfo(fromDayNumber(d)).workingDay) k++;
            return k;
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('leadDeadline', () => {
  it('counts back from an anchor', () => {
    expect(leadDeadline('2025-12-31', { length: 60, unit: 'calendar' }, cal)).toBe('2025-11-01');
    // 5 working days before Thursday 2024-10-10: 9, 8, 30 Sep, 29 Sep (make-up), 27 Sep
    expect(leadDeadline('2024-10-10', { length: 5, unit: 'working' }, cal)).toBe('2024-09-27');
  });
});

describe('DEFAULT_CLOCK_PROFILES', () => {
  it('holds the rules.md §1 defaults with sources and labels', () => {
    const expected: [string, number, 'working' | 'calendar'][] = [
      ['eia.report-book.statutory', 60, 'working'],
      ['eia.report-book.promised', 20, 'working'],
      ['eia.report-form.statutory', 30, 'working'],
      ['eia.report-form.promised', 7, 'working'],
      ['eia.commitment.publicity', 5, 'working'],
      ['eia.commitment.verification', 30, 'calendar'],
      ['application.incomplete-notice', 5, 'working'],
      ['permit.incomplete-notice', 3, 'working'],
      ['permit.simplified', 20, 'working'],
      ['permit.key', 30, 'working'],
      ['permit.key-onsite', 45, 'working'],
      ['permit.renewal-lead', 60, 'calendar'],
      ['petition.acceptance-notice', 15, 'calendar'],
      ['petition.referral-objection', 5, 'working'],
      ['petition.resolution', 60, 'calendar'],
      ['petition.extension', 30, 'calendar'],
      ['petition.review-request', 30, 'calendar'],
      ['petition.review-answer', 30, 'calendar'],
      ['rating.rectify-contact', 1, 'working'],
      ['rating.rectify', 15, 'working'],
      ['device.fault-restore', 5, 'working'],
      ['reception.concern', 15, 'working'],
    ];
    for (const [key, length, unit] of expected) {
      expect(clockProfileByKey(key), key).toMatchObject({ key, length, unit });
    }
    const keys = DEFAULT_CLOCK_PROFILES.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of DEFAULT_CLOCK_PROFILES) {
      expect(
        clockProfileSchema.parse({ key: p.key, length: p.length, unit: p.unit, warnBefore: p.warnBefore }),
      ).toBeTruthy();
      expect(p.warnBefore).toBeLessThan(p.length);
      expect(p.source.length, p.key).toBeGreaterThan(5);
      expect(p.label.zh && p.label.en, p.key).toBeTruthy();
    }
  });

  it('validates stored clocks', () => {
    expect(
      clockSchema.safeParse(clock({ pauses: [{ from: '2024-10-10', to: null, reason: 'supplement' }] })).success,
    ).toBe(true);
    expect(clockSchema.safeParse(clock({ start: 'tomorrow' })).success).toBe(false);
    expect(
      clockSchema.safeParse(clock({ extensions: [{ days: 0, approvedBy: 'x', reason: 'y', at: '2024-10-10' }] }))
        .success,
    ).toBe(false);
  });
});
