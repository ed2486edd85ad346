import { describe, expect, it } from 'vitest';
import { defaultPeriod, figureDefinition, monthsOf, periodSchema, resolvePeriod, SERVICE_FIGURES } from './figures.ts';

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
    expect(monthsOf('2019-11-15', '2020-02-01')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
  });
  it('refuses a reversed or malformed period', () => {
    expect(periodSchema.safeParse({ from: '2020-12-01', to: '2020-01-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2020-1-1' }).success).toBe(false);
  });
});
