import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  canMarkAppointment,
  generateSlots,
  isOutsideOfficeHours,
  makeCode,
  type OpeningPlan,
  openingPlanSchema,
  slotInstant,
  windowSlots,
} from './appointments.ts';
import { DEFAULT_CALENDAR_YEARS } from './calendar/data.ts';
import { WorkingCalendar } from './calendar/working-calendar.ts';

const cal = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);

const regular: OpeningPlan = {
  id: 'r',
  validFrom: '2020-09-28',
  validTo: '2020-10-11',
  dayRule: 'working',
  weekdays: [],
  startTime: '08:30',
  endTime: '12:00',
  slotMinutes: 30,
  capacity: 2,
  extended: false,
};
const weekendExtended: OpeningPlan = {
  ...regular,
  id: 'w',
  dayRule: 'rest',
  startTime: '09:00',
  endTime: '11:00',
  slotMinutes: 60,
  capacity: 1,
  extended: true,
};

describe('generateSlots', () => {
  it('opens regular windows on working days only, make-up Saturdays included (2020 National Day)', () => {
    const days = [...new Set(generateSlots([regular], [], regular.validFrom, regular.validTo, cal).map((s) => s.date))];
    // 2020-10-01…08 holiday; 09-27 (Sun) and 10-10 (Sat) make-up working days
    expect(days).toEqual(['2020-09-28', '2020-09-29', '2020-09-30', '2020-10-09', '2020-10-10']);
  });

  it('extended-hours plans on rest days open through the holiday', () => {
    const days = new Set(generateSlots([weekendExtended], [], '2020-09-28', '2020-10-11', cal).map((s) => s.date));
    expect(days.has('2020-10-01')).toBe(true);
    expect(days.has('2020-10-10')).toBe(false); // make-up working Saturday
    expect(days.has('2020-10-11')).toBe(true);
  });

  it('a closed day removes every window; an extra day adds one', () => {
    const s = generateSlots(
      [regular],
      [
        { date: '2020-09-29', kind: 'closed' },
        {
          date: '2020-10-03',
          kind: 'extra',
          startTime: '19:00',
          endTime: '21:00',
          slotMinutes: 60,
          capacity: 3,
          extended: true,
        },
      ],
      '2020-09-28',
      '2020-10-05',
      cal,
    );
    expect(s.some((x) => x.date === '2020-09-29')).toBe(false);
    expect(
      s.filter((x) => x.date === '2020-10-03').map((x) => [x.startTime, x.capacity, x.extended, x.planId]),
    ).toEqual([
      ['19:00', 3, true, null],
      ['20:00', 3, true, null],
    ]);
  });

  it('weekday filters restrict a plan', () => {
    const s = generateSlots(
      [{ ...regular, validFrom: '2020-11-01', validTo: '2020-11-30', dayRule: 'all', weekdays: [3] }],
      [],
      '2020-11-02',
      '2020-11-15',
      cal,
    );
    expect([...new Set(s.map((x) => x.date))]).toEqual(['2020-11-04', '2020-11-11']);
  });

  it('properties: sorted, inside the range and the windows, never a start time twice a day', () => {
    const time = fc
      .integer({ min: 0, max: 47 })
      .map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
    const plan = fc
      .record({
        dayRule: fc.constantFrom('working', 'rest', 'all'),
        a: time,
        b: time,
        slotMinutes: fc.constantFrom(15, 20, 30, 45, 60),
        capacity: fc.integer({ min: 1, max: 5 }),
        extended: fc.boolean(),
        from: fc.integer({ min: 0, max: 300 }),
        len: fc.integer({ min: 0, max: 40 }),
      })
      .filter((p) => p.a < p.b)
      .map((p) => {
        const d = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
        return {
          id: '',
          validFrom: d(p.from),
          validTo: d(p.from + p.len),
          dayRule: p.dayRule as OpeningPlan['dayRule'],
          weekdays: [],
          startTime: p.a,
          endTime: p.b,
          slotMinutes: p.slotMinutes,
          capacity: p.capacity,
          extended: p.extended,
        } satisfies OpeningPlan;
      });
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 3 }), (raw) => {
        const plans: OpeningPlan[] = raw.map((p, i) => ({ ...p, id: `p${i}` }));
        const s = generateSlots(plans, [], '2020-01-01', '2020-12-31', cal);
        const keys = s.map((x) => `${x.date} ${x.startTime}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect([...keys].sort()).toEqual(keys);
        for (const x of s) {
          const p = plans.find((q) => q.id === x.planId)!;
          expect(x.date >= p.validFrom && x.date <= p.validTo).toBe(true);
          expect(x.startTime >= p.startTime && x.endTime <= p.endTime).toBe(true);
          if (p.dayRule === 'working') expect(cal.isWorkingDay(x.date)).toBe(true);
          if (p.dayRule === 'rest') expect(cal.isWorkingDay(x.date)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('rules', () => {
  it('window slots are whole slots only', () => {
    expect(windowSlots('08:30', '10:00', 40)).toEqual([
      ['08:30', '09:10'],
      ['09:10', '09:50'],
    ]);
  });

  it('extended hours: evenings any day, office hours only on rest days', () => {
    expect(isOutsideOfficeHours('2020-11-04', '18:00', '20:00', cal)).toBe(true);
    expect(isOutsideOfficeHours('2020-11-04', '12:00', '14:30', cal)).toBe(true); // lunch break
    expect(isOutsideOfficeHours('2020-11-04', '16:00', '18:00', cal)).toBe(false);
    expect(isOutsideOfficeHours('2020-11-07', '09:00', '11:00', cal)).toBe(true); // Saturday
    expect(isOutsideOfficeHours('2020-10-10', '09:00', '11:00', cal)).toBe(false); // make-up working Saturday
  });

  it('slot instants are Shanghai times', () => {
    expect(slotInstant('2020-11-04', '18:00').toISOString()).toBe('2020-11-04T10:00:00.000Z');
  });

  it('the window marks arrival before service, and no-show only instead of arrival', () => {
    expect(canMarkAppointment('booked', 'arrived')).toBe(true);
    expect(canMarkAppointment('booked', 'served')).toBe(false);
    expect(canMarkAppointment('arrived', 'served')).toBe(true);
    expect(canMarkAppointment('arrived', 'no-show')).toBe(false);
    expect(canMarkAppointment('cancelled', 'arrived')).toBe(false);
  });

  it('codes use the unambiguous alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = makeCode('YY', () => bytes);
        expect(code).toMatch(new RegExp(`^YY[${CODE_ALPHABET}]{10}$`));
      }),
    );
  });

  it('plan schema: end after start, at least one slot, at most two years', () => {
    const ok = {
      validFrom: '2020-03-01',
      validTo: '2020-12-31',
      dayRule: 'working',
      startTime: '08:30',
      endTime: '12:00',
      slotMinutes: 30,
      capacity: 2,
    };
    expect(openingPlanSchema.safeParse(ok).success).toBe(true);
    expect(openingPlanSchema.safeParse({ ...ok, slotMinutes: 240 }).success).toBe(false);
    expect(openingPlanSchema.safeParse({ ...ok, validTo: '2023-01-01' }).success).toBe(false);
    expect(openingPlanSchema.safeParse({ ...ok, startTime: '25:00' }).success).toBe(false);
  });
});
