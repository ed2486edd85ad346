import { describe, expect, it } from 'vitest';
import { BAD_COLOUR, distributionOption, GOOD_COLOUR, RATING_KEYS, ratingColour, trendOption } from './chartOptions.ts';

describe('dashboard charts', () => {
  it('draws monthly counts as bars, never as smoothed lines', () => {
    const o = trendOption(['2020-01', '2020-02'], [{ name: '走访企业', data: [3, 0] }]);
    for (const s of o.series) {
      expect(s.type).toBe('bar');
      expect((s as { smooth?: boolean }).smooth).toBeUndefined();
    }
    expect(o.yAxis.minInterval).toBe(1);
  });
  it('colours bad ratings (levels 1 and 2) apart from the good ones', () => {
    const colours = RATING_KEYS.map(ratingColour);
    expect(colours.slice(0, 2)).toEqual([GOOD_COLOUR, GOOD_COLOUR]);
    expect(colours.slice(3)).toEqual([BAD_COLOUR, BAD_COLOUR]);
    const o = distributionOption(['非常满意', '非常不满意'], [5, 1], [GOOD_COLOUR, BAD_COLOUR]);
    expect(o.series[0]!.data.map((d) => d.itemStyle.color)).toEqual([GOOD_COLOUR, BAD_COLOUR]);
  });
});
