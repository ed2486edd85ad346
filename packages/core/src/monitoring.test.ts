import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hourAverage,
  isConstantValue,
  isMissing,
  isOnline,
  isOverLimit,
  isZeroValue,
  MASKED_PASSWORD,
  maskFramePassword,
  type Sample,
  stationCreateBody,
} from './monitoring.ts';

const H = 3_600_000;
const flag = fc.constantFrom('N', 'F', 'M', 'S', 'D', 'C', 'T', 'B');
const sample = fc.record({
  at: fc.integer({ min: 0, max: 10 * H }),
  value: fc.double({ min: 0, max: 1000, noNaN: true }),
  flag,
});

describe('over limit (hour average of valid data)', () => {
  it('flagged values never count', () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 30 }), fc.double({ min: 0, max: 1000, noNaN: true }), (xs, limit) => {
        const valid = xs.filter((s) => s.flag === 'N');
        expect(isOverLimit(xs, limit)).toBe(isOverLimit(valid, limit));
        // a flood of flagged huge values cannot make a compliant hour exceed
        const noisy: Sample[] = [...valid, ...valid.map((s) => ({ ...s, value: 1e9, flag: 'C' }))];
        expect(isOverLimit(noisy, limit)).toBe(isOverLimit(valid, limit));
      }),
    );
  });
  it('compares the average, not single values, and equal is compliant', () => {
    expect(
      isOverLimit(
        [
          { at: 0, value: 300, flag: 'N' },
          { at: 1, value: 0, flag: 'N' },
        ],
        150,
      ),
    ).toBe(false);
    expect(
      isOverLimit(
        [
          { at: 0, value: 301, flag: 'N' },
          { at: 1, value: 0, flag: 'N' },
        ],
        150,
      ),
    ).toBe(true);
    expect(isOverLimit([{ at: 0, value: 50 }], null)).toBe(false);
    expect(hourAverage([{ at: 0, value: 5, flag: 'D' }])).toBeNull();
  });
  it('the average lies between the smallest and largest valid value', () => {
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 30 }), (xs) => {
        const valid = xs.filter((s) => s.flag === 'N').map((s) => s.value);
        const avg = hourAverage(xs);
        if (valid.length === 0) expect(avg).toBeNull();
        else {
          expect(avg).toBeGreaterThanOrEqual(Math.min(...valid) - 1e-9);
          expect(avg).toBeLessThanOrEqual(Math.max(...valid) + 1e-9);
        }
      }),
    );
  });
});

describe('missing data (> 2 expected intervals)', () => {
  it('is exactly "more than two intervals since the last value"', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 1, max: 1e6 }),
        (last, gap, interval) => {
          expect(isMissing(last, last + gap, interval)).toBe(gap > 2 * interval);
        },
      ),
    );
    expect(isMissing(null, 0, 1000)).toBe(true);
  });
});

describe('zero and constant value', () => {
  it('zero needs every valid sample at zero', () => {
    expect(
      isZeroValue([
        { at: 0, value: 0 },
        { at: 1, value: 0, flag: 'N' },
        { at: 2, value: 9, flag: 'M' },
      ]),
    ).toBe(true);
    expect(
      isZeroValue([
        { at: 0, value: 0 },
        { at: 1, value: 0.1 },
      ]),
    ).toBe(false);
    expect(isZeroValue([{ at: 0, value: 3, flag: 'D' }])).toBe(false);
  });
  it('constant: within 2 % of range over at least four hours', () => {
    const flat = Array.from({ length: 9 }, (_, i) => ({ at: i * 0.5 * H, value: 100 + (i % 2) * 3 }));
    expect(isConstantValue(flat, 200)).toBe(true); // spread 3 ≤ 4
    expect(isConstantValue(flat, 100)).toBe(false); // spread 3 > 2
    expect(isConstantValue(flat.slice(0, 8), 200)).toBe(false); // 3.5 h only
    expect(isConstantValue(flat, undefined)).toBe(false);
  });
  it('constant is invariant to shifting every value and never holds when the spread exceeds 2 %', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.integer({ min: 0, max: 8 * H }), value: fc.double({ min: 0, max: 500, noNaN: true }) }),
          { minLength: 2, maxLength: 20 },
        ),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.integer({ min: -100, max: 100 }),
        (xs, range, shift) => {
          const shifted = xs.map((s) => ({ ...s, value: s.value + shift }));
          const spread = Math.max(...xs.map((s) => s.value)) - Math.min(...xs.map((s) => s.value));
          if (Math.abs(spread - 0.02 * range) > 1e-6)
            expect(isConstantValue(shifted, range)).toBe(isConstantValue(xs, range));
          if (spread > 0.02 * range + 1e-6) expect(isConstantValue(xs, range)).toBe(false);
        },
      ),
    );
  });
});

describe('online', () => {
  it('three intervals, at least five minutes', () => {
    expect(isOnline(0, 5 * 60_000, 30)).toBe(true);
    expect(isOnline(0, 5 * 60_000 + 1, 30)).toBe(false);
    expect(isOnline(0, 30 * 60_000, 600)).toBe(true);
    expect(isOnline(null, 0, 60)).toBe(false);
  });
});

describe('station body', () => {
  const base = {
    enterpriseId: '00000000-0000-4000-8000-000000000001',
    name: '1 号窑炉',
    mn: '010000A8900016F000169DC0',
    password: '123456',
    edition: '2017',
    factors: [{ code: 'a21026', upperLimit: 50 }],
  };
  it('accepts the contract body and fills defaults', () => {
    const b = stationCreateBody.parse(base);
    expect(b.outletKind).toBe('gas');
    expect(b.rtdIntervalSeconds).toBe(60);
  });
  it('refuses duplicate factors, bad MN and limits in the wrong order', () => {
    expect(stationCreateBody.safeParse({ ...base, factors: [{ code: 'a21026' }, { code: 'a21026' }] }).success).toBe(
      false,
    );
    expect(stationCreateBody.safeParse({ ...base, mn: 'MN;Flag=5' }).success).toBe(false);
    expect(
      stationCreateBody.safeParse({ ...base, factors: [{ code: 'w01001', lowerLimit: 9, upperLimit: 6 }] }).success,
    ).toBe(false);
    expect(stationCreateBody.safeParse({ ...base, edition: '2025' }).success).toBe(false);
  });
});

describe('the data logger password hidden in a raw frame', () => {
  const frame =
    '##0101QN=20260510080000001;ST=31;CN=2011;PW=123456;MN=EVID000001000001;Flag=5;CP=&&DataTime=20260510080000;a21002-Rtd=20,a21002-Flag=N&&1C80\r\n';

  it('replaces the header PW, and only it, with six stars', () => {
    const m = maskFramePassword(frame);
    expect(m.hidden).toBe(true);
    expect(m.raw).toBe(frame.replace('PW=123456;', `PW=${MASKED_PASSWORD};`));
    expect(m.raw).not.toContain('123456');
  });

  it('finds PW first in the header, in any case, with spaces, and a 1072 NewPW in CP', () => {
    expect(maskFramePassword('##0040PW=ab1;QN=1;ST=91;CN=1072;CP=&&NewPW=xy9&&ABCD').raw).toBe(
      `##0040PW=${MASKED_PASSWORD};QN=1;ST=91;CN=1072;CP=&&NewPW=${MASKED_PASSWORD}&&ABCD`,
    );
    expect(maskFramePassword('##0040ST=31; pw = secret;MN=1;CP=&&&&').raw).toBe(
      `##0040ST=31; pw =${MASKED_PASSWORD};MN=1;CP=&&&&`,
    );
  });

  it('leaves a frame without a password as it is, and a CP key ending in PW alone', () => {
    const noPw = '##0030ST=31;CN=2011;MN=1;CP=&&xPW=5&&ABCD';
    expect(maskFramePassword(noPw)).toEqual({ raw: noPw, hidden: false });
    // an MN that happens to hold "PW=" is not a password field
    const mn = '##0030ST=31;MN=PW=1;CP=&&&&ABCD';
    expect(maskFramePassword(mn)).toEqual({ raw: mn, hidden: false });
  });

  it('never throws, and never leaves the password of a header PW in the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), fc.string(), (before, pw, after) => {
        const raw = `##0100ST=31${before.replaceAll(';', '')};PW=${pw};MN=1;CP=&&${after}&&`;
        const m = maskFramePassword(raw);
        expect(m.hidden).toBe(true);
        expect(m.raw).toContain(`;PW=${MASKED_PASSWORD};MN=1;`);
        expect(() => maskFramePassword(before + after)).not.toThrow();
      }),
    );
  });
});
