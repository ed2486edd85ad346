import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DRAW_ALGORITHM,
  type DrawInputs,
  drawInspection,
  INSPECTION_CLASSES,
  isConflicted,
  quotaOf,
  ratiosForPeriod,
  sameTargets,
  seededRandom,
} from './inspection-draws.ts';

const TOWNS = ['360322101', '360322102', '360322103'];

const object = fc.record({
  id: fc.uuid(),
  class: fc.constantFrom(...INSPECTION_CLASSES),
  townCode: fc.constantFrom(...TOWNS),
  listed: fc.boolean(),
});

const inputsArb: fc.Arbitrary<DrawInputs> = fc
  .record({
    objects: fc.uniqueArray(object, { selector: (o) => o.id, maxLength: 40 }),
    inspectorCount: fc.integer({ min: 2, max: 8 }),
    ratios: fc.record({
      a: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.double({ min: 0, max: 1, noNaN: true }),
      c: fc.double({ min: 0, max: 1, noNaN: true }),
      special: fc.constant(1),
    }),
    avoidOwnTown: fc.boolean(),
    conflictPicks: fc.array(fc.nat(), { maxLength: 20 }),
    inspectorTowns: fc.array(fc.option(fc.constantFrom(...TOWNS), { nil: null }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ objects, inspectorCount, ratios, avoidOwnTown, conflictPicks, inspectorTowns }) => {
    const inspectors = Array.from({ length: inspectorCount }, (_, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      townCode: inspectorTowns[i] ?? null,
      conflicts: objects.length
        ? conflictPicks.filter((_, k) => k % inspectorCount === i).map((p) => objects[p % objects.length]!.id)
        : [],
    }));
    return {
      algorithm: DRAW_ALGORITHM,
      objects,
      inspectors,
      ratios,
      inspectorsPerTarget: 2,
      avoidOwnTown,
      listedWeight: 0.5,
    };
  });

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    const a = seededRandom('2020-Q1');
    const b = seededRandom('2020-Q1');
    const c = seededRandom('2020-Q2');
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('drawInspection', () => {
  it('same seed and inputs give the same targets, whatever order the inputs come in', () => {
    fc.assert(
      fc.property(inputsArb, fc.string({ maxLength: 32 }), (inputs, seed) => {
        const first = drawInspection(seed, inputs);
        const shuffled = {
          ...inputs,
          objects: [...inputs.objects].reverse(),
          inspectors: [...inputs.inspectors].reverse(),
        };
        const again = drawInspection(seed, shuffled);
        expect(again).toEqual(first);
        if (first.ok && again.ok) expect(sameTargets(first.targets, again.targets)).toBe(true);
      }),
    );
  });

  it('gives every target ≥ 2 distinct inspectors and never a conflicted one, or refuses the whole draw', () => {
    fc.assert(
      fc.property(inputsArb, fc.string({ maxLength: 32 }), (inputs, seed) => {
        const r = drawInspection(seed, inputs);
        if (!r.ok) {
          // a refusal names targets that really lack conflict-free inspectors
          for (const s of r.shortages) {
            const o = inputs.objects.find((x) => x.id === s.objectId)!;
            const free = inputs.inspectors.filter((i) => !isConflicted(i, o, inputs.avoidOwnTown));
            expect(free.length).toBeLessThan(2);
          }
          return;
        }
        for (const t of r.targets) {
          expect(new Set(t.inspectorIds).size).toBe(t.inspectorIds.length);
          expect(t.inspectorIds.length).toBeGreaterThanOrEqual(2);
          const o = inputs.objects.find((x) => x.id === t.objectId)!;
          for (const id of t.inspectorIds) {
            const i = inputs.inspectors.find((x) => x.id === id)!;
            expect(isConflicted(i, o, inputs.avoidOwnTown)).toBe(false);
          }
        }
      }),
    );
  });

  it('draws each class at its ratio (rounded up) and only from that class', () => {
    fc.assert(
      fc.property(inputsArb, fc.string({ maxLength: 32 }), (inputs, seed) => {
        const noConflicts = {
          ...inputs,
          avoidOwnTown: false,
          inspectors: inputs.inspectors.map((i) => ({ ...i, conflicts: [] })),
        };
        const r = drawInspection(seed, noConflicts);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const cls of INSPECTION_CLASSES) {
          const pool = inputs.objects.filter((o) => o.class === cls).length;
          const drawn = r.targets.filter((t) => t.class === cls);
          expect(drawn.length).toBe(quotaOf(pool, inputs.ratios[cls]));
          expect(drawn.length).toBeGreaterThanOrEqual(pool * inputs.ratios[cls] - 1e-9);
          for (const t of drawn) expect(inputs.objects.find((o) => o.id === t.objectId)!.class).toBe(cls);
        }
        expect(r.targets.filter((t) => t.class === 'special').length).toBe(
          inputs.objects.filter((o) => o.class === 'special').length,
        );
      }),
    );
  });

  it('draws positive-list firms less often than the others (weight 0.2) and marks them off-site first', () => {
    const objects = Array.from({ length: 40 }, (_, i) => ({
      id: `e${String(i).padStart(2, '0')}`,
      class: 'c' as const,
      townCode: TOWNS[0]!,
      listed: i < 20,
    }));
    const inputs: DrawInputs = {
      algorithm: DRAW_ALGORITHM,
      objects,
      inspectors: [
        { id: 'i1', townCode: null, conflicts: [] },
        { id: 'i2', townCode: null, conflicts: [] },
      ],
      ratios: { a: 0, b: 0, c: 0.25, special: 0 },
      inspectorsPerTarget: 2,
      avoidOwnTown: false,
      listedWeight: 0.2,
    };
    let listed = 0;
    let other = 0;
    for (let s = 0; s < 300; s++) {
      const r = drawInspection(`seed-${s}`, inputs);
      if (!r.ok) throw new Error('draw refused');
      for (const t of r.targets) {
        if (t.objectId < 'e20') {
          listed++;
          expect(t.offSiteFirst).toBe(true);
        } else other++;
      }
    }
    expect(listed + other).toBe(300 * 10);
    expect(listed).toBeLessThan(other / 2);
  });

  it('draws riskier firms more often, and a draw recorded without risk weights replays as before', () => {
    const objects = Array.from({ length: 40 }, (_, i) => ({
      id: `e${String(i).padStart(2, '0')}`,
      class: 'c' as const,
      townCode: TOWNS[0]!,
      listed: false,
    }));
    const inputs: DrawInputs = {
      algorithm: DRAW_ALGORITHM,
      objects,
      inspectors: [
        { id: 'i1', townCode: null, conflicts: [] },
        { id: 'i2', townCode: null, conflicts: [] },
      ],
      ratios: { a: 0, b: 0, c: 0.25, special: 0 },
      inspectorsPerTarget: 2,
      avoidOwnTown: false,
      listedWeight: 0.2,
    };
    // weight 1 written out is the same draw as no weight at all (old records)
    const ones = { ...inputs, objects: objects.map((o) => ({ ...o, riskWeight: 1 })) };
    for (let s = 0; s < 20; s++) expect(drawInspection(`s${s}`, ones)).toEqual(drawInspection(`s${s}`, inputs));
    const risky = { ...inputs, objects: objects.map((o, i) => ({ ...o, riskWeight: i < 20 ? 5 : 1 })) };
    let high = 0;
    let low = 0;
    for (let s = 0; s < 300; s++) {
      const r = drawInspection(`seed-${s}`, risky);
      if (!r.ok) throw new Error('draw refused');
      for (const t of r.targets) t.objectId < 'e20' ? high++ : low++;
    }
    expect(high + low).toBe(300 * 10);
    expect(high).toBeGreaterThan(low * 2);
  });

  it('refuses a draw when a target cannot get two inspectors free of conflicts', () => {
    const r = drawInspection('x', {
      algorithm: DRAW_ALGORITHM,
      objects: [{ id: 'e1', class: 'special', townCode: TOWNS[0]!, listed: false }],
      inspectors: [
        { id: 'i1', townCode: null, conflicts: ['e1'] },
        { id: 'i2', townCode: TOWNS[0]!, conflicts: [] },
        { id: 'i3', townCode: null, conflicts: [] },
      ],
      ratios: { a: 0, b: 0, c: 0, special: 1 },
      inspectorsPerTarget: 2,
      avoidOwnTown: true,
      listedWeight: 0.5,
    });
    expect(r).toEqual({ ok: false, shortages: [{ objectId: 'e1', eligible: 1 }] });
  });
});

describe('ratiosForPeriod', () => {
  const rules = {
    a: { ratio: 0.25, per: 'quarter' as const },
    b: { ratio: 0.5, per: 'year' as const },
    c: { ratio: 0.2, per: 'year' as const },
    special: { ratio: 1, per: 'quarter' as const },
  };
  it('spreads yearly shares over four quarterly draws and caps quarterly shares drawn yearly', () => {
    expect(ratiosForPeriod(rules, 'quarter')).toEqual({ a: 0.25, b: 0.125, c: 0.05, special: 1 });
    expect(ratiosForPeriod(rules, 'year')).toEqual({ a: 1, b: 0.5, c: 0.2, special: 1 });
  });
});
