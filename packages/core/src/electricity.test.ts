import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FACILITY_THRESHOLDS,
  evaluatePlant,
  type FacilityThresholds,
  intersect,
  intervalsWhere,
  meterCreateBody,
  type PlantInput,
  type PowerSample,
  restrictionOrderBody,
} from './electricity.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-12-04T08:00:00+08:00');

/** One sample a minute for `minutes`, power from f(minute). */
function series(minutes: number, f: (m: number) => number): PowerSample[] {
  return Array.from({ length: minutes }, (_, m) => ({ at: T0 + m * MIN, kw: f(m) }));
}

function plant(
  line: PowerSample[],
  facility: PowerSample[],
  opts: { minutes?: number; thresholds?: FacilityThresholds; orders?: PlantInput['orders'] } = {},
): PlantInput {
  const minutes = opts.minutes ?? 120;
  const last = (s: PowerSample[]) => (s.length ? s[s.length - 1]!.at : null);
  return {
    lines: [{ id: 'L', ratedKw: 100, samples: line, lastSeenAt: last(line), registeredAt: T0 }],
    facilities: [
      {
        id: 'F',
        ratedKw: 20,
        samples: facility,
        lastSeenAt: last(facility),
        registeredAt: T0,
        servesLineId: 'L',
        thresholds: opts.thresholds ?? DEFAULT_FACILITY_THRESHOLDS,
      },
    ],
    orders: opts.orders ?? [],
    from: T0,
    to: T0 + minutes * MIN,
  };
}

const rules = (p: PlantInput) => evaluatePlant(p).map((f) => `${f.rule}:${f.meterId}`);

describe('intervals', () => {
  it('holds a sample until the next one, but not past the hold time', () => {
    const s = [
      { at: 0, kw: 5 },
      { at: 10, kw: 5 },
      { at: 100, kw: 0 },
    ];
    expect(intervalsWhere(s, 0, 200, 20, (kw) => kw > 1)).toEqual([{ from: 0, to: 30 }]);
    expect(intersect([{ from: 0, to: 10 }], [{ from: 5, to: 20 }])).toEqual([{ from: 5, to: 10 }]);
  });
});

describe('R1–R5', () => {
  it('raises nothing when both run properly', () => {
    expect(
      rules(
        plant(
          series(120, () => 80),
          series(120, () => 18),
        ),
      ),
    ).toEqual([]);
  });

  it('R1: production on, control facility off for longer than t₁ (ongoing)', () => {
    const f = evaluatePlant(
      plant(
        series(120, () => 80),
        series(120, (m) => (m < 60 ? 18 : 0)),
      ),
    );
    expect(f.map((x) => x.rule)).toEqual(['r1']);
    expect(f[0]).toMatchObject({ meterId: 'F', from: T0 + 60 * MIN, ongoing: true, minutes: 60 });
  });

  it('R1 tolerates an outage shorter than t₁', () => {
    expect(
      rules(
        plant(
          series(120, () => 80),
          series(120, (m) => (m >= 50 && m < 60 ? 0 : 18)),
        ),
      ),
    ).toEqual([]);
  });

  it('R2: control starts more than t₂ after production', () => {
    const f = evaluatePlant(
      plant(
        series(120, (m) => (m >= 10 ? 80 : 0)),
        series(120, (m) => (m >= 22 ? 18 : 0)),
      ),
    );
    expect(f.map((x) => x.rule)).toEqual(['r2']);
    expect(f[0]).toMatchObject({ from: T0 + 10 * MIN, to: T0 + 22 * MIN, ongoing: false });
  });

  it('R2: control stops more than t₂ before production stops', () => {
    const f = evaluatePlant(
      plant(
        series(120, (m) => (m < 100 ? 80 : 0)),
        series(120, (m) => (m < 88 ? 18 : 0)),
      ),
    );
    expect(f.map((x) => x.rule)).toEqual(['r2']);
  });

  it('R3: control running below p % of rated while production on', () => {
    // rated 20 kW, p = 50 %: 5 kW is running (≥ 10 %) but weak
    expect(
      rules(
        plant(
          series(120, () => 80),
          series(120, () => 5),
        ),
      ),
    ).toEqual(['r3:F']);
  });

  it('R4: production during a halt order, and above the allowed load during a limit order', () => {
    const orders = [{ kind: 'halt' as const, maxLoadPercent: null, from: T0 + 30 * MIN, to: T0 + 90 * MIN }];
    expect(
      rules(
        plant(
          series(120, () => 80),
          series(120, () => 18),
          { orders },
        ),
      ),
    ).toEqual(['r4:L']);
    const limit = [{ kind: 'limit' as const, maxLoadPercent: 50, from: T0, to: T0 + 200 * MIN }];
    expect(
      rules(
        plant(
          series(120, () => 80),
          series(120, () => 18),
          { orders: limit },
        ),
      ),
    ).toEqual(['r4:L']);
    expect(
      rules(
        plant(
          series(120, () => 40),
          series(120, () => 18),
          { orders: limit },
        ),
      ),
    ).toEqual([]);
  });

  it('R5: a meter silent for longer than t₃', () => {
    expect(
      rules(
        plant(
          series(120, () => 80),
          series(60, () => 18),
        ),
      ),
    ).toContain('r5:F');
  });

  it('a fully stopped plant raises nothing, whatever else happens', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 30, noNaN: true }), { minLength: 0, maxLength: 200 }),
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        (fac, lineOff, halt) => {
          // line rated 100 kW, on at ≥ 10 kW: below that it is stopped
          const line = series(120, () => lineOff);
          const orders = halt ? [{ kind: 'halt' as const, maxLoadPercent: null, from: T0, to: T0 + 60 * MIN }] : [];
          const p = plant(
            line,
            fac.map((kw, i) => ({ at: T0 + i * MIN, kw })),
            { orders, minutes: 300 },
          );
          expect(evaluatePlant(p)).toEqual([]);
        },
      ),
    );
  });

  it('every finding lies in the window and lasts longer than its threshold; a longer t₁ never adds R1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 180 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 180 }),
        fc.integer({ min: 1, max: 60 }),
        (line, fac, t1) => {
          const th = { ...DEFAULT_FACILITY_THRESHOLDS, t1Minutes: t1 };
          const p = plant(
            line.map((kw, i) => ({ at: T0 + i * MIN, kw })),
            fac.map((kw, i) => ({ at: T0 + i * MIN, kw })),
            { thresholds: th, minutes: 180 },
          );
          const found = evaluatePlant(p);
          for (const f of found) {
            if (f.rule !== 'r5') {
              expect(f.from).toBeGreaterThanOrEqual(p.from);
              expect(f.to).toBeLessThanOrEqual(p.to);
            }
            const limit = f.rule === 'r2' ? th.t2Minutes : f.rule === 'r5' ? th.t3Minutes : th.t1Minutes;
            expect(f.minutes).toBeGreaterThan(limit);
          }
          const longer = evaluatePlant({
            ...p,
            facilities: p.facilities.map((x) => ({ ...x, thresholds: { ...th, t1Minutes: t1 + 10 } })),
          });
          const r1 = (xs: typeof found) => xs.filter((x) => x.rule === 'r1').length;
          expect(r1(longer)).toBeLessThanOrEqual(r1(found));
        },
      ),
    );
  });

  it('a facility always at full power never raises R1 or R3', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 180 }), (line) => {
        const p = plant(
          line.map((kw, i) => ({ at: T0 + i * MIN, kw })),
          line.map((_, i) => ({ at: T0 + i * MIN, kw: 20 })),
          { minutes: line.length },
        );
        expect(evaluatePlant(p).filter((f) => f.rule === 'r1' || f.rule === 'r3')).toEqual([]);
      }),
    );
  });
});

describe('bodies', () => {
  const enterpriseId = '00000000-0000-4000-8000-000000000001';
  it('a facility names its line; a line has no thresholds', () => {
    expect(
      meterCreateBody.safeParse({ enterpriseId, code: 'F-1', name: '除尘', role: 'facility', ratedKw: 10 }).success,
    ).toBe(false);
    expect(meterCreateBody.safeParse({ enterpriseId, code: 'a/b', name: 'x', role: 'line', ratedKw: 10 }).success).toBe(
      false,
    );
    expect(
      meterCreateBody.safeParse({ enterpriseId, code: 'L-1', name: '窑炉', role: 'line', ratedKw: 10 }).success,
    ).toBe(true);
  });
  it('an order is bounded and a limit names its load', () => {
    const base = { enterpriseId, documentNo: '上栗环〔2026〕1号', reason: '重污染天气橙色预警' };
    const ok = { ...base, kind: 'halt', startsAt: '2026-12-05T00:00:00+08:00', endsAt: '2026-12-07T00:00:00+08:00' };
    expect(restrictionOrderBody.safeParse(ok).success).toBe(true);
    expect(restrictionOrderBody.safeParse({ ...ok, endsAt: '2027-02-07T00:00:00+08:00' }).success).toBe(false);
    expect(restrictionOrderBody.safeParse({ ...ok, kind: 'limit' }).success).toBe(false);
    expect(restrictionOrderBody.safeParse({ ...ok, kind: 'limit', maxLoadPercent: 50 }).success).toBe(true);
  });
});
