import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, makeValidUscc, normalizeUscc, USCC_ALPHABET, USCC_WEIGHTS, usccCheckChar } from './uscc.ts';

const alphabetChar = fc.constantFrom(...USCC_ALPHABET.split(''));
const seed17 = fc.array(alphabetChar, { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

describe('USCC (GB 32100-2015)', () => {
  it('uses weights 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('accepts the standard example and codes computed by hand in reference.md §1.13', () => {
    for (const code of [
      '91350100M000100Y43',
      '91360322MA35K7T26C',
      '91440101MA5CJQ4N59',
      '9135021359498494XQ',
      '91350200MA31E12PXF',
    ]) {
      expect(checkUscc(code), code).toEqual({ ok: true, value: code });
    }
  });

  it('reports the expected check character', () => {
    const r = checkUscc('91350203M0001QAY9B');
    expect(r).toMatchObject({ ok: false, rule: 'check', expected: '9', position: 18 });
    if (!r.ok) {
      expect(r.message).toBe('第18位校验码应为 9，实际为 B');
      expect(r.messageEn).toBe('check character should be 9, got B');
    }
  });

  it('normalizes case and surrounding space', () => {
    expect(normalizeUscc('  91360322ma35k7t26c\n')).toBe('91360322MA35K7T26C');
    expect(checkUscc(' 91360322ma35k7t26c ')).toEqual({ ok: true, value: '91360322MA35K7T26C' });
  });

  it('explains empty, length and alphabet faults', () => {
    expect(checkUscc('   ')).toMatchObject({ ok: false, rule: 'empty' });
    const short = checkUscc('9136032');
    expect(short).toMatchObject({ ok: false, rule: 'length' });
    if (!short.ok) expect(short.message).toContain('实际为 7 位');
    const bad = checkUscc('91360322MA35K7I26C');
    expect(bad).toMatchObject({ ok: false, rule: 'alphabet', position: 15 });
    if (!bad.ok) {
      expect(bad.message).toContain('第15位字符“I”');
      expect(bad.messageEn).toContain('"I" at position 15');
    }
    // a full-width or astral character counts as one character, not two
    expect(checkUscc('91360322MA35K7T26😀')).toMatchObject({ ok: false, rule: 'alphabet', position: 18 });
  });

  it('treats check value 31 as 0', () => {
    // find a body whose raw check is 31 (sum ≡ 0 mod 31): all zeros
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(checkUscc('000000000000000000').ok).toBe(true);
  });

  it('makeValidUscc always yields a valid code and keeps alphabet seeds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (seed) => {
        expect(checkUscc(makeValidUscc(seed)).ok).toBe(true);
      }),
    );
    expect(makeValidUscc('91360322MA35K7T26')).toBe('91360322MA35K7T26C');
  });

  it('any valid code with one character changed fails', () => {
    fc.assert(
      fc.property(seed17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (seed, pos, shift) => {
        const code = makeValidUscc(seed);
        const chars = code.split('');
        const v = USCC_ALPHABET.indexOf(chars[pos]!);
        chars[pos] = USCC_ALPHABET[(v + shift) % 31]!;
        const r = checkUscc(chars.join(''));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.rule).toBe('check');
      }),
    );
  });

  // the 17 weights are distinct mod 31 (3 is a primitive root), so any swap inside the body shows
  it('any valid code with two adjacent body characters swapped fails unless they are equal', () => {
    fc.assert(
      fc.property(seed17, fc.integer({ min: 0, max: 15 }), (seed, pos) => {
        const code = makeValidUscc(seed);
        const chars = code.split('');
        fc.pre(chars[pos] !== chars[pos + 1]);
        [chars[pos], chars[pos + 1]] = [chars[pos + 1]!, chars[pos]!];
        expect(checkUscc(chars.join('')).ok).toBe(false);
      }),
    );
  });
});
