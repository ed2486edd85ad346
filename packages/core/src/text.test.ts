import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTextProblems, isoDateSchema, MAX_INPUT_DEPTH, textProblem } from './text.ts';

describe('textProblem', () => {
  it('refuses NUL, lone surrogates, bidi controls and invisible-only text', () => {
    expect(textProblem('张\u0000三')).toBe('text.nul');
    expect(textProblem('a\uD800')).toBe('text.surrogate');
    expect(textProblem('\uDC00b')).toBe('text.surrogate');
    expect(textProblem('invoice\u202Egnp.exe')).toBe('text.bidi');
    expect(textProblem('\u2066x\u2069')).toBe('text.bidi');
    expect(textProblem('\u200B\u200B')).toBe('text.invisible');
    expect(textProblem(' \uFEFF ')).toBe('text.invisible');
  });

  it('accepts ordinary text, paired surrogates, emoji with ZWJ and blank strings', () => {
    for (const s of ['上栗县金花烟花厂', '𠀀𪚥', '👩‍👧', 'a\u200Bb', '', '   ', 'line\nbreak\ttab']) {
      expect(textProblem(s)).toBeNull();
    }
  });

  it('never flags a string made of printable BMP/astral characters', () => {
    const printable = fc
      .string({ unit: 'grapheme' })
      .filter(
        (s) =>
          !s.includes('\u0000') && !/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/.test(s),
      );
    fc.assert(fc.property(printable, (s) => textProblem(s) === null));
  });
});

describe('findTextProblems', () => {
  it('finds bad strings at any depth and in keys, with their path', () => {
    const found = findTextProblems({ a: 'ok', b: [{ c: 'x\u0000' }], 'k\u0000': 1 });
    expect(found).toEqual([
      { path: ['b', 0, 'c'], key: 'text.nul' },
      { path: ['k\u0000'], key: 'text.nul' },
    ]);
  });

  it('reports a value nested deeper than MAX_INPUT_DEPTH once, without walking it (no stack overflow)', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    const found = findTextProblems({ x: deep });
    expect(found).toHaveLength(1);
    expect(found[0]!.key).toBe('input.tooDeep');
    expect(found[0]!.path).toHaveLength(MAX_INPUT_DEPTH + 1);
    const arrays = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(findTextProblems(arrays).map((f) => f.key)).toEqual(['input.tooDeep']);
    // up to the limit is walked as before
    let ok: unknown = 'x\u0000';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) ok = [ok];
    expect(findTextProblems(ok).map((f) => f.key)).toEqual(['text.nul']);
  });

  it('walks null-prototype objects (Fastify query strings)', () => {
    const q = Object.assign(Object.create(null), { q: '\u0000' });
    expect(findTextProblems(q)).toEqual([{ path: ['q'], key: 'text.nul' }]);
    function Empty() {}
    Empty.prototype = Object.create(null);
    const parsed = Object.assign(new (Empty as unknown as new () => object)(), { q: '\u0000' });
    expect(findTextProblems(parsed)).toEqual([{ path: ['q'], key: 'text.nul' }]);
  });
});

describe('isoDateSchema', () => {
  it('accepts real dates only', () => {
    expect(isoDateSchema.safeParse('2020-02-29').success).toBe(true);
    for (const bad of ['2020-02-30', '2021-02-29', '2020-13-01', '2020-04-31', '2020-2-1', '20200201']) {
      expect(isoDateSchema.safeParse(bad).success).toBe(false);
    }
  });
});
