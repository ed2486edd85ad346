import { describe, expect, it } from 'vitest';
import { isBadRating, RATING_INDICATORS, RATING_LEVEL_LABELS, ratingSchema, rectifiedOnTime } from './ratings.ts';

describe('好差评 rules (GB/T 39734-2020)', () => {
  it('five levels, the two lowest are bad', () => {
    expect(Object.values(RATING_LEVEL_LABELS).map((l) => l.zh)).toEqual([
      '非常不满意',
      '不满意',
      '基本满意',
      '满意',
      '非常满意',
    ]);
    expect([1, 2, 3, 4, 5].map(isBadRating)).toEqual([true, true, false, false, false]);
  });

  it('a rating scores every indicator 1–5 and a bad one explains itself', () => {
    const indicators = Object.fromEntries(RATING_INDICATORS.map((k) => [k, 3]));
    expect(ratingSchema.safeParse({ level: 3, indicators }).success).toBe(true);
    expect(ratingSchema.safeParse({ level: 6, indicators }).success).toBe(false);
    expect(ratingSchema.safeParse({ level: 3, indicators: { ...indicators, attitude: 0 } }).success).toBe(false);
    const bad = ratingSchema.safeParse({ level: 2, indicators });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['comment']);
    expect(ratingSchema.safeParse({ level: 2, indicators, comment: '等待太久' }).success).toBe(true);
  });

  it('on time means by the end of the due date', () => {
    expect(rectifiedOnTime('2020-11-20', '2020-11-20')).toBe(true);
    expect(rectifiedOnTime('2020-11-21', '2020-11-20')).toBe(false);
    expect(rectifiedOnTime(null, '2020-11-20')).toBe(false);
  });
});
