import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isBadRating,
  RATING_INDICATORS,
  RATING_LEVEL_LABELS,
  ratingSchema,
  rectificationIsDue,
  rectificationVerdict,
  rectifiedOnTime,
} from './ratings.ts';

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

  it('a rectification not done before its due date has come is pending: neither on time nor late', () => {
    // the demo's live case: rated 2026-12-04, due 2026-12-25, contacted, not yet rectified
    expect(rectificationVerdict(null, '2026-12-25', '2026-12-07')).toBe('pending');
    expect(rectificationIsDue(null, '2026-12-25', '2026-12-07')).toBe(false);
    // the due date itself is still time to rectify
    expect(rectificationVerdict(null, '2026-12-25', '2026-12-25')).toBe('pending');
    expect(rectificationVerdict(null, '2026-12-25', '2026-12-26')).toBe('late');
    expect(rectificationVerdict('2026-12-10', '2026-12-25', '2026-12-11')).toBe('on-time');
    expect(rectificationVerdict('2026-12-28', '2026-12-25', '2026-12-28')).toBe('late');
  });

  it('on time, late and pending split every bad rating; only on time counts as on time, only pending is left out', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, day, (rectified, due, today) => {
        const v = rectificationVerdict(rectified, due, today);
        expect(v === 'on-time').toBe(rectifiedOnTime(rectified, due));
        expect(rectificationIsDue(rectified, due, today)).toBe(v !== 'pending');
        // a pending one has its due date ahead and is not rectified
        if (v === 'pending') expect(rectified === null && today <= due).toBe(true);
      }),
    );
  });
});
