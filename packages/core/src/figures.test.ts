import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  figureDefinition,
  monthsOf,
  periodLimitEnd,
  periodSchema,
  resolvePeriod,
  SERVICE_FIGURES,
} from './figures.ts';

describe('figure definitions and periods', () => {
  it('has the rules.md §6 service figures with stable keys', () => {
    expect(SERVICE_FIGURES.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'enterpriseVisits',
        'campaigns',
        'receptionEnterprises',
        'receptionPeople',
        'receptionConcernsResolved',
      ]),
    );
    expect(figureDefinition('enterpriseVisits')?.unit.zh).toBe('户次');
    expect(figureDefinition('nope')).toBeUndefined();
  });
  it('defaults to this year so far and lists the months', () => {
    expect(defaultPeriod('2020-11-30')).toEqual({ from: '2020-01-01', to: '2020-11-30' });
    expect(resolvePeriod({ from: '2020-03-01' }, '2020-11-30')).toEqual({ from: '2020-03-01', to: '2020-11-30' });
    expect(resolvePeriod({ from: '2021-03-01' }, '2020-11-30')).toEqual({ from: '2021-03-01', to: '2021-03-01' });
    // a lone end before this year is not put after a start of 1 January this year
    expect(resolvePeriod({ to: '2019-06-30' }, '2020-11-30')).toEqual({ from: '2019-01-01', to: '2019-06-30' });
    expect(resolvePeriod({ to: '2020-06-30' }, '2020-11-30')).toEqual({ from: '2020-01-01', to: '2020-06-30' });
    expect(monthsOf('2019-11-15', '2020-02-01')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
  });
  it('refuses a reversed or malformed period', () => {
    const reversed = periodSchema.safeParse({ from: '2020-12-01', to: '2020-01-01' });
    expect(reversed.error?.issues[0]).toMatchObject({ path: ['to'], message: 'figures.period.toBeforeFrom' });
    expect(periodSchema.safeParse({ from: '2020-1-1' }).success).toBe(false);
  });
  it('refuses days that do not exist', () => {
    expect(periodSchema.safeParse({ from: '2020-02-30' }).success).toBe(false);
    expect(periodSchema.safeParse({ to: '2021-13-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2020-02-29', to: '2020-03-01' }).success).toBe(true);
  });
  it('counts months as numbers, so a five-digit year cannot run the loop on', () => {
    // compared as text, '10000-01' < '9999-12' and the loop ran to year 99989
    expect(monthsOf('9999-11-01', '9999-12-31')).toEqual(['9999-11', '9999-12']);
    expect(monthsOf('1000-01-01', '9999-12-31')).toHaveLength(9000 * 12);
    expect(monthsOf('2020-03-05', '2020-03-20')).toEqual(['2020-03']);
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 11 }), fc.nat(240), (y, m, n) => {
        const from = `${y}-${String(m + 1).padStart(2, '0')}-01`;
        const last = (y * 12 + m + n) as number;
        const to = `${Math.floor(last / 12)}-${String((last % 12) + 1).padStart(2, '0')}-15`;
        const months = monthsOf(from, to);
        expect(months).toHaveLength(n + 1);
        expect(months[0]).toBe(from.slice(0, 7));
        expect(months.at(-1)).toBe(to.slice(0, 7));
      }),
    );
  });
  it('ends a period of n years on the day before the same date n years on', () => {
    expect(periodLimitEnd('2020-01-01', 10)).toBe('2029-12-31');
    expect(periodLimitEnd('2020-07-15', 1)).toBe('2021-07-14');
    expect(periodLimitEnd('2020-02-29', 1)).toBe('2021-02-28');
    expect(periodLimitEnd('2020-02-29', 4)).toBe('2024-02-28');
    // no YYYY-MM-DD after 9999-12-31: a limit past it is that day, never an invalid 10009-12-30
    expect(periodLimitEnd('9990-01-01', 10)).toBe('9999-12-31');
    expect(periodLimitEnd('9999-12-31', 10)).toBe('9999-12-31');
    expect(periodLimitEnd('9989-12-31', 10)).toBe('9999-12-30');
  });
});
