import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hourAverage } from './monitoring.ts';
import {
  EMPTY_RULE_STATE,
  evaluateFrame,
  type FactorLimits,
  type FactorRuleState,
  FRAME_RULE_KINDS,
  type FrameValue,
  holdingNow,
  packRuleState,
  RuleFolder,
  type RuleTransition,
  type StationRuleState,
  unpackRuleState,
  withoutFactors,
} from './monitoring-rules.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// 2026-12-04 08:00 Shanghai, a whole hour
const T0 = Date.parse('2026-12-04T08:00:00+08:00');

const NOX: FactorLimits = {
  code: 'a21002',
  name: '氮氧化物',
  nameEn: 'Nitrogen oxides',
  unit: 'mg/m³',
  upperLimit: 180,
  standard: 'GB 25464-2010 表 5',
  rangeMax: 500,
};
const PH: FactorLimits = { code: 'w01001', name: 'pH 值', lowerLimit: 6, upperLimit: 9, rangeMax: 14 };

type Step = { cn: string; at: number; values: FrameValue[] };

function run(steps: readonly Step[], factors: readonly FactorLimits[] = [NOX], start = EMPTY_RULE_STATE) {
  let state: StationRuleState = start;
  const all: RuleTransition[] = [];
  for (const s of steps) {
    const r = evaluateFrame(state, factors, s.cn, s.at, s.values);
    state = r.state;
    all.push(...r.transitions);
  }
  return { state, transitions: all };
}

const rtd = (at: number, value: number, flag: string | null = 'N', factor = NOX.code): Step => ({
  cn: '2011',
  at,
  values: [{ factor, value, flag }],
});
const kinds = (ts: RuleTransition[]) =>
  ts.map((t) => `${t.kind}:${t.restated ? 'restate' : t.active ? 'raise' : 'clear'}`);

describe('over limit: the hour average against the limit', () => {
  it('agrees with hourAverage for any valid values of an hour; equal to the limit is compliant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }), (vals) => {
        const steps = vals.map((v, i) => rtd(T0 + i * MIN, v));
        // the first value of the next hour closes the hour
        const { transitions } = run([...steps, rtd(T0 + HOUR, 1)]);
        const avg = hourAverage(vals.map((v, i) => ({ at: T0 + i * MIN, value: v })))!;
        const raised = transitions.some((t) => t.kind === 'over-limit' && t.active);
        expect(raised).toBe(avg > 180);
      }),
    );
  });

  it('minute values decide the hour when the station sends them; real-time values otherwise', () => {
    const steps: Step[] = [
      ...Array.from({ length: 6 }, (_, i) => ({
        cn: '2051',
        at: T0 + i * 10 * MIN,
        values: [{ factor: NOX.code, value: 100, flag: 'N' }],
      })),
      // real-time values over the limit, but the minute values say 100 for the hour
      ...Array.from({ length: 5 }, (_, i) => rtd(T0 + i * 10 * MIN + 30_000, 400)),
      rtd(T0 + HOUR + 30_000, 100),
    ];
    const { transitions } = run(steps);
    expect(kinds(transitions).filter((k) => k.startsWith('over-limit:'))).toEqual([]);
  });

  it('raises once while hours stay over, clears on the first compliant hour', () => {
    const steps: Step[] = [];
    for (let h = 0; h < 3; h++) for (let m = 0; m < 60; m += 10) steps.push(rtd(T0 + h * HOUR + m * MIN, 200));
    for (let m = 0; m < 60; m += 10) steps.push(rtd(T0 + 3 * HOUR + m * MIN, 100));
    steps.push(rtd(T0 + 4 * HOUR, 100));
    const over = run(steps).transitions.filter((t) => t.kind === 'over-limit');
    expect(over.map((t) => t.active)).toEqual([true, false]);
    expect(over[0]!.detail).toContain('氮氧化物');
    expect(over[0]!.detail).toContain('小时均值 200 mg/m³');
    expect(over[0]!.detail).toContain('GB 25464-2010');
    expect(over[0]!.detailEn).toBe(
      'Nitrogen oxides: hourly average 200 mg/m³ for the hour from 2026-12-04 08:00, over the emission limit 180 mg/m³ (GB 25464-2010 表 5)',
    );
    expect(over[0]!.since).toBe(T0);
  });

  it('a lower limit counts too (pH below 6)', () => {
    const { transitions } = run([rtd(T0, 5, 'N', PH.code), rtd(T0 + HOUR, 7, 'N', PH.code)], [PH]);
    expect(kinds(transitions)).toContain('over-limit:raise');
  });

  it("the station's own hour value (2061) decides; the platform's average then defers to it", () => {
    const hourFrame = (at: number, value: number, flag = 'N'): Step => ({
      cn: '2061',
      at,
      values: [{ factor: NOX.code, value, flag }],
    });
    const { transitions } = run([
      hourFrame(T0, 190),
      // real-time values of the next hour average 100, but the station sends its own hours
      ...Array.from({ length: 6 }, (_, i) => rtd(T0 + HOUR + i * 10 * MIN, 100)),
      rtd(T0 + 2 * HOUR, 100),
    ]);
    expect(kinds(transitions).filter((k) => k.startsWith('over-limit:'))).toEqual(['over-limit:raise']);
    const cleared = run([hourFrame(T0, 190), hourFrame(T0 + HOUR, 150)]).transitions;
    expect(kinds(cleared)).toEqual(['over-limit:raise', 'over-limit:clear']);
  });
});

describe('data flagged invalid never counts as over limit', () => {
  const invalidFlag = fc.constantFrom('D', 'C', 'M', 'F', 'S', 'T', 'B');
  it('any values with any non-normal flag raise no over-limit, warning, zero or constant alarm', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), invalidFlag, fc.constantFrom('2011', '2051', '2061')), {
          minLength: 1,
          maxLength: 60,
        }),
        (items) => {
          const steps = items.map(([v, flag, cn], i) => ({
            cn,
            at: T0 + i * 10 * MIN,
            values: [{ factor: NOX.code, value: v, flag }],
          }));
          const raised = run(steps).transitions.filter((t) => t.active && t.kind !== 'device-state');
          expect(raised).toEqual([]);
        },
      ),
    );
  });

  it('flagged values neither raise nor clear an over-limit already active', () => {
    const steps: Step[] = [rtd(T0, 300), rtd(T0 + HOUR, 300, 'M'), rtd(T0 + HOUR + MIN, 10, 'M')];
    steps.push(rtd(T0 + 2 * HOUR, 10, 'D'));
    const ts = run(steps).transitions;
    expect(kinds(ts).filter((k) => k.startsWith('over-limit'))).toEqual([
      'over-limit-warning:raise',
      'over-limit:raise',
    ]);
  });
});

describe('early warning, zero, constant, device state', () => {
  it('a minute or real-time value over the limit warns at once; a compliant one clears', () => {
    const ts = run([rtd(T0, 100), rtd(T0 + MIN, 200), rtd(T0 + 2 * MIN, 250), rtd(T0 + 3 * MIN, 150)]).transitions;
    expect(kinds(ts)).toEqual(['over-limit-warning:raise', 'over-limit-warning:clear']);
    expect(ts[0]!.detail).toContain('监测值 200 mg/m³');
  });

  it('zero value after an hour of zeros, cleared by the first non-zero value', () => {
    const zeros = Array.from({ length: 61 }, (_, i) => rtd(T0 + i * MIN, 0));
    const ts = run([...zeros, rtd(T0 + 62 * MIN, 12)]).transitions.filter((t) => t.kind === 'zero-value');
    expect(ts.map((t) => t.active)).toEqual([true, false]);
    // 59 minutes of zeros is not yet an alarm
    expect(run(zeros.slice(0, 60)).transitions.filter((t) => t.kind === 'zero-value')).toEqual([]);
  });

  it('constant value: four hours within 2 % of the range raise; one value outside clears', () => {
    // range 500 → band 10
    const flat = Array.from({ length: 4 * 6 + 1 }, (_, i) => rtd(T0 + i * 10 * MIN, 100 + (i % 3) * 4));
    const ts = run([...flat, rtd(T0 + 4 * HOUR + 20 * MIN, 150)]).transitions.filter(
      (t) => t.kind === 'constant-value',
    );
    expect(ts.map((t) => t.active)).toEqual([true, false]);
    expect(ts[0]!.detail).toContain('2%');
    // the same values moving by 11 (more than 2 % of 500) are never constant
    const moving = Array.from({ length: 30 }, (_, i) => rtd(T0 + i * 10 * MIN, 100 + (i % 2) * 11));
    expect(run(moving).transitions.filter((t) => t.kind === 'constant-value')).toEqual([]);
    // without an instrument range the rule cannot judge
    const noRange = { ...NOX, rangeMax: null };
    expect(run(flat, [noRange]).transitions.filter((t) => t.kind === 'constant-value')).toEqual([]);
  });

  it('device state from the flags D, C, M, F; back to N clears', () => {
    const ts = run([rtd(T0, 100, 'D'), rtd(T0 + MIN, 100, 'C'), rtd(T0 + 2 * MIN, 100, 'N')]).transitions;
    expect(kinds(ts)).toEqual(['device-state:raise', 'device-state:clear']);
    expect(ts[0]!.detail).toBe('氮氧化物 数据标记为“故障”');
    expect(ts[0]!.detailEn).toBe('Nitrogen oxides: data flagged "fault"');
    // a factor given no English name is named as the Chinese one is
    expect(run([rtd(T0, 100, 'D')], [{ ...NOX, nameEn: undefined }]).transitions[0]!.detailEn).toBe(
      '氮氧化物: data flagged "fault"',
    );
  });

  it('one factor still over keeps the station alarm; it clears when no factor is', () => {
    const so2: FactorLimits = { code: 'a21026', name: '二氧化硫', upperLimit: 50 };
    const frame = (at: number, nox: number, so: number): Step => ({
      cn: '2011',
      at,
      values: [
        { factor: NOX.code, value: nox, flag: 'N' },
        { factor: so2.code, value: so, flag: 'N' },
      ],
    });
    const ts = run(
      [frame(T0, 200, 60), frame(T0 + MIN, 100, 60), frame(T0 + 2 * MIN, 100, 40)],
      [NOX, so2],
    ).transitions;
    // NOx back under the limit while SO2 stays over: the open alarm is restated, not cleared
    expect(kinds(ts)).toEqual(['over-limit-warning:raise', 'over-limit-warning:restate', 'over-limit-warning:clear']);
    expect(ts[0]!.detail).toContain('氮氧化物');
    expect(ts[0]!.detail).toContain('二氧化硫');
    expect(ts[1]!.detail).not.toContain('氮氧化物');
    expect(ts[1]!.detail).toMatch(/^二氧化硫 .* 监测值 60，/);
    expect((ts[1]!.evidence.factors as { code: string }[]).map((f) => f.code)).toEqual([so2.code]);
  });

  it('a factor joining an active rule restates it too; the same factors still holding say nothing', () => {
    const so2: FactorLimits = { code: 'a21026', name: '二氧化硫', upperLimit: 50 };
    const frame = (at: number, nox: number, so: number): Step => ({
      cn: '2011',
      at,
      values: [
        { factor: NOX.code, value: nox, flag: 'N' },
        { factor: so2.code, value: so, flag: 'N' },
      ],
    });
    const ts = run(
      [frame(T0, 200, 40), frame(T0 + MIN, 210, 40), frame(T0 + 2 * MIN, 210, 60)],
      [NOX, so2],
    ).transitions;
    expect(kinds(ts)).toEqual(['over-limit-warning:raise', 'over-limit-warning:restate']);
    expect(ts[1]!.detail).toContain('二氧化硫');
  });
});

describe('lifecycle invariants', () => {
  it('per rule, transitions alternate raise, clear, raise… and old values (补传) change nothing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -5, max: 30 }),
            fc.constantFrom(0, 100, 105, 190, 300),
            fc.constantFrom('N', 'N', 'N', 'D', 'M'),
            fc.constantFrom('2011', '2051', '2061'),
          ),
          { maxLength: 80 },
        ),
        (items) => {
          let at = T0;
          const steps = items.map(([dt, v, flag, cn]) => {
            at += dt * 5 * MIN;
            return { cn, at, values: [{ factor: NOX.code, value: v, flag }] };
          });
          const { state, transitions } = run(steps);
          for (const kind of FRAME_RULE_KINDS) {
            const seq = transitions.filter((t) => t.kind === kind && !t.restated).map((t) => t.active);
            expect(seq).toEqual(seq.map((_, i) => i % 2 === 0));
            expect(state.active[kind] ?? false).toBe(seq.length > 0 ? seq[seq.length - 1] : false);
          }
        },
      ),
    );
  });
});

describe('holdingNow: what a rule still finds, for an alarm closed while it held', () => {
  const nox = (v: number) => [{ factor: 'a21002', value: v, flag: 'N' }];
  it('describes the held condition with the data time its verdict rests on; nothing once it ends', () => {
    const over = run([
      { cn: '2011', at: T0, values: nox(250) },
      { cn: '2011', at: T0 + HOUR, values: nox(250) },
    ]);
    const first = holdingNow(over.state, [NOX], 'over-limit');
    expect(first?.judgedAt).toBe(T0);
    expect(first?.evidence.judgedAt).toBe(new Date(T0).toISOString());
    // the raise carried the same instant, so a later verdict can be told from the one already raised
    expect(over.transitions.find((t) => t.kind === 'over-limit')?.evidence.judgedAt).toBe(new Date(T0).toISOString());
    const next = run([{ cn: '2011', at: T0 + 2 * HOUR, values: nox(260) }], [NOX], over.state);
    expect(holdingNow(next.state, [NOX], 'over-limit')?.judgedAt).toBe(T0 + HOUR);
    expect(holdingNow(next.state, [NOX], 'over-limit')?.detail).toContain('小时均值 250');
    // a compliant hour closes at the first value of the hour after it
    const ended = run(
      [
        { cn: '2011', at: T0 + 3 * HOUR, values: nox(100) },
        { cn: '2011', at: T0 + 4 * HOUR, values: nox(100) },
      ],
      [NOX],
      next.state,
    );
    expect(holdingNow(ended.state, [NOX], 'over-limit')).toBeNull();
  });
});

describe('withoutFactors: a factor removed from the registry', () => {
  const SO2: FactorLimits = { code: 'a21026', name: '二氧化硫', upperLimit: 50 };
  const both = (at: number, nox: number, so: number): Step => ({
    cn: '2011',
    at,
    values: [
      { factor: NOX.code, value: nox, flag: 'N' },
      { factor: SO2.code, value: so, flag: 'N' },
    ],
  });
  it('ends the rules only the removed factor held; a remaining factor going over later raises afresh', () => {
    // NOx over its limit, SO2 within: the warning holds through NOx alone
    const before = run([both(T0, 250, 40)], [NOX, SO2]);
    expect(kinds(before.transitions)).toEqual(['over-limit-warning:raise']);
    const { state, ended } = withoutFactors(before.state, [NOX.code], [SO2]);
    expect(ended).toEqual(['over-limit-warning']);
    expect(Object.keys(state.factors)).toEqual([SO2.code]);
    expect(state.active['over-limit-warning']).toBe(false);
    // the prior state is not changed in place
    expect(before.state.active['over-limit-warning']).toBe(true);
    // without the fix the state would still say "active" and this would raise nothing
    const later = run(
      [{ cn: '2011', at: T0 + MIN, values: [{ factor: SO2.code, value: 80, flag: 'N' }] }],
      [SO2],
      state,
    );
    expect(kinds(later.transitions)).toEqual(['over-limit-warning:raise']);
  });
  it('keeps a rule another factor still holds; nothing ends when nothing was active', () => {
    const over = run([both(T0, 250, 80)], [NOX, SO2]);
    const kept = withoutFactors(over.state, [NOX.code], [SO2]);
    expect(kept.ended).toEqual([]);
    expect(kept.state.active['over-limit-warning']).toBe(true);
    expect(holdingNow(kept.state, [SO2], 'over-limit-warning')?.detail).toContain('二氧化硫');
    const calm = run([both(T0, 100, 10)], [NOX, SO2]);
    expect(withoutFactors(calm.state, [NOX.code, SO2.code], []).ended).toEqual([]);
  });
});

describe('the rule state as stored: packed, and unpacked to the same state', () => {
  // what the table keeps goes through JSON, so a state is compared with what JSON would keep of it
  const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const num = fc.double({ noNaN: true, noDefaultInfinity: true });
  // times: milliseconds near now as the gateway writes them, and now and then any number at all
  const time = fc.option(fc.oneof(fc.integer({ min: T0 - 400 * HOUR, max: T0 + 400 * HOUR }), num), { nil: null });
  const factorArb: fc.Arbitrary<FactorRuleState> = fc.record({
    seenAt: time,
    lastAt: time,
    flag: fc.option(fc.string({ maxLength: 3 }), { nil: null }),
    flagAt: time,
    hour: time,
    sumMin: num,
    nMin: fc.nat(),
    sumRtd: num,
    nRtd: fc.nat(),
    stationHourAt: time,
    hourOver: fc.option(fc.boolean(), { nil: null }),
    hourAvg: fc.option(num, { nil: null }),
    hourAt: time,
    warnOver: fc.option(fc.boolean(), { nil: null }),
    warnValue: fc.option(num, { nil: null }),
    warnAt: time,
    zeroSince: time,
    bandSince: time,
    bandMin: fc.option(num, { nil: null }),
    bandMax: fc.option(num, { nil: null }),
  });
  const stateArb: fc.Arbitrary<StationRuleState> = fc.record({
    factors: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), factorArb, { maxKeys: 12 }),
    active: fc.record(Object.fromEntries(FRAME_RULE_KINDS.map((k) => [k, fc.boolean()])), { requiredKeys: [] }),
  });

  it('unpack ∘ pack is the identity (through JSON, as the table keeps it)', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(unpackRuleState(viaJson(packRuleState(state)))).toEqual(viaJson(state));
      }),
      { numRuns: 200 },
    );
  });

  it('ten factors after an hour of values: under 2 kB packed (PostgreSQL compresses above that), over it unpacked', () => {
    const factors: FactorLimits[] = Array.from({ length: 10 }, (_, i) => ({
      code: `a0${i}`,
      name: `a0${i}`,
      upperLimit: i < 3 ? 200 : null,
      rangeMax: 500,
    }));
    const steps: Step[] = Array.from({ length: 140 }, (_, k) => ({
      cn: '2011',
      at: T0 + k * 30_000,
      values: factors.map((f, i) => ({ factor: f.code, value: 10 + ((k * 7 + i * 13) % 50) + 0.37, flag: 'N' })),
    }));
    const { state } = run(steps, factors);
    const packed = JSON.stringify(packRuleState(state));
    expect(JSON.stringify(state).length).toBeGreaterThan(2000);
    expect(packed.length).toBeLessThan(2000);
    expect(unpackRuleState(JSON.parse(packed))).toEqual(viaJson(state));
  });

  it('a state stored before packing reads as it was, fields it lacked at their defaults; garbage reads as empty', () => {
    const { state } = run([rtd(T0, 250), rtd(T0 + HOUR, 250)]);
    expect(unpackRuleState(viaJson(state))).toEqual(viaJson(state));
    const { hourAvg: _dropped, ...older } = state.factors[NOX.code]!;
    expect(unpackRuleState({ factors: { [NOX.code]: older }, active: {} }).factors[NOX.code]?.hourAvg).toBeNull();
    for (const junk of [null, 42, 'x', [], { v: 2 }, { factors: null }])
      expect(unpackRuleState(junk)).toEqual({ factors: {}, active: {} });
  });

  it('folding in place, stored and read back between batches, judges as evaluateFrame does frame by frame', () => {
    const valueArb = fc.record({
      factor: fc.constantFrom(NOX.code, PH.code, 'a99999'),
      value: fc.option(fc.constantFrom(0, 5, 7, 150, 181, 400), { nil: null }),
      flag: fc.constantFrom('N', 'D', 'M', null),
    });
    const stepArb = fc.record({
      cn: fc.constantFrom('2011', '2051', '2061'),
      dt: fc.integer({ min: -10 * MIN, max: 90 * MIN }),
      values: fc.array(valueArb, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (raw, batch) => {
        const steps: Step[] = [];
        for (const r of raw) steps.push({ cn: r.cn, at: (steps.at(-1)?.at ?? T0) + r.dt, values: r.values });
        const expected = run(steps, [NOX, PH]);
        const folder = new RuleFolder([NOX, PH]);
        let stored = JSON.stringify(packRuleState(EMPTY_RULE_STATE));
        const got: RuleTransition[] = [];
        for (let i = 0; i < steps.length; i += batch) {
          const state = unpackRuleState(JSON.parse(stored));
          for (const s of steps.slice(i, i + batch)) got.push(...folder.fold(state, s.cn, s.at, s.values));
          stored = JSON.stringify(packRuleState(state));
        }
        expect(got).toEqual(expected.transitions);
        expect(unpackRuleState(JSON.parse(stored))).toEqual(viaJson(expected.state));
      }),
      { numRuns: 300 },
    );
  });
});
