import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, fromDayNumber, isDateString, toDayNumber } from './calendar/dates.ts';
import {
  addYears,
  changeDueDate,
  DEFAULT_REPORT_CADENCE,
  defaultValidTo,
  executionReportsDue,
  PERMIT_CLASSES,
  PERMIT_CLOCK_PROFILES,
  PW2019_ITEMS,
  permitClassCitation,
  permitCreateSchema,
  permitProblems,
  renewalApplyBy,
} from './permits.ts';

const day = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2090-12-31') }).map(fromDayNumber);

describe('PW2019 class citation', () => {
  it('cites the item, the column and the printed text', () => {
    expect(permitClassCitation('68', 'key')).toContain('第68项「陶瓷制品制造307」重点管理栏：建筑陶瓷制品制造3071');
    expect(permitClassCitation('51', 'registration')).toMatch(/第51项.*登记管理栏：其他$/);
  });
  it('refuses a class whose column is "/" (item 1 has no 简化管理) and an unknown item', () => {
    expect(permitClassCitation('1', 'simplified')).toBeNull();
    expect(permitClassCitation('999', 'key')).toBeNull();
    expect(permitProblems({ pwItem: '1', permitClass: 'simplified' })).toEqual([
      { path: 'permitClass', message: 'permits.classNotInItem' },
    ]);
    expect(
      permitCreateSchema.safeParse({
        enterpriseId: crypto.randomUUID(),
        permitClass: 'key',
        pwItem: '999',
        status: 'applying',
        officerName: '刘',
      }).success,
    ).toBe(false);
  });
  it('every item has at least one class column', () => {
    for (const it of PW2019_ITEMS) expect(PERMIT_CLASSES.some((c) => it.columns[c])).toBe(true);
  });
});

describe('validity and renewal (条例 第十四条)', () => {
  it('five years less a day; 29 February in a common year falls back', () => {
    expect(defaultValidTo('2021-06-01')).toBe('2026-05-31');
    // no date past 9999-12-31 to end on: the validity ends there (was an InvalidDateError, a 500)
    expect(defaultValidTo('9995-01-01')).toBe('9999-12-31');
    expect(defaultValidTo('9999-06-01')).toBe('9999-12-31');
    expect(defaultValidTo('9994-06-01')).toBe('9999-05-31');
    expect(permitProblems({ validFrom: '9999-06-01', validTo: '9999-12-31' })).toEqual([]);
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(renewalApplyBy('2026-05-31')).toBe('2026-04-01');
    expect(changeDueDate('2026-01-10')).toBe('2026-02-09');
  });
  it('a validity longer than five years, or backwards, is refused with the field', () => {
    expect(
      permitProblems({ status: 'valid', permitNumber: 'X', validFrom: '2021-06-01', validTo: '2026-06-01' }),
    ).toEqual([{ path: 'validTo', message: 'permits.validityTooLong' }]);
    expect(
      permitProblems({ status: 'valid', validFrom: '2021-06-01', validTo: '2021-06-01' }).map((p) => p.path),
    ).toEqual(['permitNumber', 'validTo']);
  });
  it('property: the renewal deadline is exactly 60 days before expiry and the reminder 90, for any validity', () => {
    const lead = PERMIT_CLOCK_PROFILES.find((p) => p.key === 'permit.renewal-reminder')!;
    fc.assert(
      fc.property(day, (from) => {
        const to = defaultValidTo(from);
        expect(to > from).toBe(true);
        expect(permitProblems({ validFrom: from, validTo: to })).toEqual([]);
        const applyBy = renewalApplyBy(to);
        expect(toDayNumber(to) - toDayNumber(applyBy)).toBe(60);
        expect(toDayNumber(to) - toDayNumber(addCalendarDays(applyBy, -lead.length))).toBeGreaterThanOrEqual(60);
      }),
    );
  });
});

describe('execution reports by class (条例 第二十二条, HJ 944—2018)', () => {
  it('key: three quarters and the year; simplified: the year; registration: nothing', () => {
    const key = executionReportsDue(DEFAULT_REPORT_CADENCE.key, '2025-01-01', '2025-12-31', '2025-01-01');
    expect(key.map((r) => [r.period, r.dueDate])).toEqual([
      ['2025-Q1', '2025-04-15'],
      ['2025-Q2', '2025-07-15'],
      ['2025-Q3', '2025-10-15'],
      ['2025', '2026-01-15'],
    ]);
    expect(
      executionReportsDue(DEFAULT_REPORT_CADENCE.simplified, '2025-01-01', '2025-12-31', '2025-01-01').map(
        (r) => r.period,
      ),
    ).toEqual(['2025']);
    expect(executionReportsDue(DEFAULT_REPORT_CADENCE.registration, '2025-01-01', '2029-12-31', '2025-01-01')).toEqual(
      [],
    );
  });
  it('a quarter held less than a month, or a year held less than three months, is not reported alone', () => {
    const r = executionReportsDue(['annual', 'quarterly'], '2025-03-10', '2030-03-09', '2025-01-01');
    expect(r[0]!.period).toBe('2025-Q2');
    expect(executionReportsDue(['annual'], '2025-10-15', '2030-10-14', '2025-01-01')[0]!.period).toBe('2026');
  });
  it('a permit valid to 9999-12-31 owes no report that would fall due after it (there is no later date)', () => {
    const quarterly = executionReportsDue(['quarterly'], '9999-01-01', '9999-12-31', '9999-01-01');
    expect(quarterly.map((x) => x.period)).toEqual(['9999-Q1', '9999-Q2', '9999-Q3']);
    expect(quarterly.map((x) => x.dueDate)).toEqual(['9999-04-15', '9999-07-15', '9999-10-15']);
    const both = executionReportsDue(['annual', 'quarterly'], '9998-01-01', '9999-12-31', '9998-01-01');
    expect(both.map((x) => x.period)).toEqual([
      '9998-Q1',
      '9998-Q2',
      '9998-Q3',
      '9998',
      '9999-Q1',
      '9999-Q2',
      '9999-Q3',
    ]);
    expect(both.every((x) => isDateString(x.dueDate))).toBe(true);
  });
  it('property: every report falls due after its period, inside the reporting window, on or after "from", sorted, unique', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), fc.constantFrom(...PERMIT_CLASSES), (from, offset, cls) => {
        const to = defaultValidTo(from);
        const since = addCalendarDays(from, offset);
        const r = executionReportsDue(DEFAULT_REPORT_CADENCE[cls], from, to, since);
        const keys = new Set(r.map((x) => x.period));
        expect(keys.size).toBe(r.length);
        for (const x of r) {
          expect(x.dueDate >= since).toBe(true);
          expect(toDayNumber(x.dueDate) - toDayNumber(x.periodEnd)).toBe(15);
          expect(x.periodStart <= to && x.periodEnd >= from).toBe(true);
          expect(x.period.endsWith('Q4')).toBe(false);
        }
        expect([...r].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period))).toEqual(
          r,
        );
        if (cls === 'registration') expect(r).toEqual([]);
      }),
    );
  });
});
