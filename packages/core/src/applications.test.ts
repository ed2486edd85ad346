import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  canTransition,
  formatDecisionNumber,
  isDeemedAccepted,
  isOneVisit,
  itemsNotInFirstNotice,
  nextState,
  noticeDeadline,
  preCheck,
} from './applications.ts';
import { DEFAULT_CALENDAR_YEARS } from './calendar/data.ts';
import { addCalendarDays } from './calendar/dates.ts';
import { WorkingCalendar } from './calendar/working-calendar.ts';
import type { ClockProfile } from './deadline.ts';
import type { MaterialItem } from './matters.ts';

const cal = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);
const notice: ClockProfile = { key: 'application.incomplete-notice', length: 5, unit: 'working', warnBefore: 1 };

const item = (required: boolean, deferrable = false): MaterialItem => ({
  name: 'x',
  required,
  form: 'original',
  count: 1,
  template: null,
  deferrable,
  note: null,
});

const checklistArb = fc.array(fc.record({ required: fc.boolean(), deferrable: fc.boolean() }), {
  minLength: 0,
  maxLength: 12,
});

describe('pre-check against the checklist', () => {
  it('misses exactly the required items without a file; complete iff none; 容缺 iff all missing are deferrable', () => {
    fc.assert(
      fc.property(checklistArb, fc.array(fc.nat(15)), (raw, provided) => {
        const list = raw.map((r) => item(r.required, r.deferrable));
        const r = preCheck(list, provided);
        const have = new Set(provided);
        for (const i of r.missing) {
          expect(list[i]!.required).toBe(true);
          expect(have.has(i)).toBe(false);
        }
        list.forEach((m, i) => {
          if (m.required && !have.has(i)) expect(r.missing).toContain(i);
        });
        expect(r.complete).toBe(r.missing.length === 0);
        expect(r.deferrable).toBe(r.missing.length > 0 && r.missing.every((i) => list[i]!.deferrable));
        // handing in everything makes it complete
        expect(preCheck(list, list.keys()).complete).toBe(true);
      }),
    );
  });

  it('optional items never block; one required non-deferrable missing item rules 容缺 out', () => {
    const list = [item(true), item(false), item(true, true)];
    expect(preCheck(list, [0])).toEqual({ missing: [2], complete: false, deferrable: true });
    expect(preCheck(list, [2])).toEqual({ missing: [0], complete: false, deferrable: false });
    expect(preCheck(list, [0, 2])).toEqual({ missing: [], complete: true, deferrable: false });
  });

  it('a second notice may repeat, never add, items (一次性告知)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(20)), fc.uniqueArray(fc.nat(20)), (first, next) => {
        const extra = itemsNotInFirstNotice(first, next);
        expect(extra.every((i) => !first.includes(i) && next.includes(i))).toBe(true);
        expect(
          itemsNotInFirstNotice(
            first,
            next.filter((i) => first.includes(i)),
          ),
        ).toEqual([]);
      }),
    );
    expect(itemsNotInFirstNotice(null, [1, 2])).toEqual([]);
  });
});

describe('§32 deemed acceptance', () => {
  it('the notice deadline is a working day at least 5 working days after receipt (a week or more)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 23 }), (offset, hour) => {
        const day = addCalendarDays('2020-01-01', offset);
        const received = `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
        const due = noticeDeadline(received, notice, cal);
        expect(cal.dayInfo(due).workingDay).toBe(true);
        expect(due >= addCalendarDays(day, 5)).toBe(true);
      }),
    );
  });

  it('is deemed accepted only after the last day passes with no notice and no acceptance', () => {
    // received Friday 2024-09-27; 5 working days (Sunday 9-29 a make-up working day) over 国庆 → 2024-10-10
    const receivedAt = '2024-09-27T10:00:00+08:00';
    expect(noticeDeadline(receivedAt, notice, cal)).toBe('2024-10-10');
    const a = { receivedAt, noticeIssuedAt: null, acceptedAt: null };
    expect(isDeemedAccepted(a, new Date('2024-10-10T23:00:00+08:00'), notice, cal)).toBe(false);
    expect(isDeemedAccepted(a, new Date('2024-10-11T00:01:00+08:00'), notice, cal)).toBe(true);
    const noticed = { ...a, noticeIssuedAt: '2024-10-08T09:00:00+08:00' };
    expect(isDeemedAccepted(noticed, new Date('2024-12-01T00:00:00+08:00'), notice, cal)).toBe(false);
    const accepted = { ...a, acceptedAt: '2024-09-30T09:00:00+08:00' };
    expect(isDeemedAccepted(accepted, new Date('2024-12-01T00:00:00+08:00'), notice, cal)).toBe(false);
  });
});

describe('states, visits and 文号', () => {
  it('every step leads from its start states only, and a decided application takes no step', () => {
    for (const s of APPLICATION_STATES)
      for (const a of APPLICATION_ACTIONS) {
        const n = nextState(s, a);
        expect(n === null).toBe(!canTransition(s, a));
        if (s === 'approved' || s === 'refused') expect(n).toBeNull();
      }
    expect(nextState('submitted', 'issue-notice')).toBe('awaiting-materials');
    expect(nextState('awaiting-materials', 'supplement')).toBe('submitted');
    expect(nextState('awaiting-materials', 'accept')).toBeNull();
    expect(nextState('expert-review', 'approve')).toBeNull();
  });

  it('one visit means at most one trip (online, zero)', () => {
    fc.assert(
      fc.property(fc.nat(50), (n) => {
        expect(isOneVisit(n)).toBe(n <= 1);
      }),
    );
  });

  it('formats the document number', () => {
    expect(formatDecisionNumber('上环审', 2026, 7)).toBe('上环审〔2026〕7号');
  });
});
