import { describe, expect, it } from 'vitest';
import { ARTICLE_PERIOD, anyFigure, latestYearWithData, periodFromParams, periodQuery, yearPeriod } from './period.ts';

describe('dashboard period in the URL', () => {
  it('reads well-formed dates and ignores anything else', () => {
    expect(periodFromParams(new URLSearchParams('from=2020-01-01&to=2020-11-30'))).toEqual(ARTICLE_PERIOD);
    expect(periodFromParams(new URLSearchParams('from=2020-1-1&to=yesterday'))).toEqual({
      from: undefined,
      to: undefined,
    });
    expect(periodFromParams(new URLSearchParams(''))).toEqual({ from: undefined, to: undefined });
  });
  it('writes the query the drill-down links carry', () => {
    expect(periodQuery(ARTICLE_PERIOD)).toBe('from=2020-01-01&to=2020-11-30');
  });
});

describe('the period the dashboard opens on', () => {
  it('walks back year by year to the latest one with data, and stops there', async () => {
    const asked: number[] = [];
    const y = await latestYearWithData(2026, async (year) => {
      asked.push(year);
      return year === 2020 || year === 2018;
    });
    expect(y).toBe(2020);
    expect(asked).toEqual([2025, 2024, 2023, 2022, 2021, 2020]);
    expect(yearPeriod(2020)).toEqual({ from: '2020-01-01', to: '2020-12-31' });
  });
  it('gives up at the first year when no year has data', async () => {
    expect(await latestYearWithData(2026, async () => false)).toBeNull();
    expect(await latestYearWithData(2020, async () => true)).toBeNull();
  });
  it('an all-zero period has no data', () => {
    expect(anyFigure({ a: 0, b: 0 })).toBe(false);
    expect(anyFigure({ a: 0, b: 3 })).toBe(true);
  });
});
