import { describe, expect, it } from 'vitest';
import { ARTICLE_PERIOD, periodFromParams, periodQuery } from './period.ts';

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
