/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015; rules.md §7, reference.md §1.13.
 *
 * 18 characters: registering authority (1), entity kind (1), GB/T 2260 division (6), GB 11714
 * organisation code (9), check character (1). Only the check character is verified here; the
 * inner organisation-code check is not, because the standard only binds position 18 and real
 * registries hold codes whose inner part predates GB 11714 rules.
 */
import { bilingual } from './messages.ts';

/** GB 32100-2015 table 1: the 31 code characters in value order (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^(i−1) mod 31 for positions 1..17 (GB 32100-2015 §5.2). */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type UsccRule = 'empty' | 'length' | 'alphabet' | 'check';

export type UsccCheck =
  | { ok: true; value: string }
  | {
      ok: false;
      value: string;
      rule: UsccRule;
      message: string;
      messageEn: string;
      /** for 'check': the character position 18 should hold */
      expected?: string;
      /** 1-based position of the offending character ('alphabet', 'check') */
      position?: number;
    };

/** Trims and upper-cases; people type codes in lower case and paste them with spaces around. */
export function normalizeUscc(raw: string): string {
  return raw.trim().toUpperCase();
}

function charValue(ch: string): number {
  return USCC_ALPHABET.indexOf(ch);
}

/**
 * The check character for the first 17 characters. Throws on wrong length or a character outside
 * the alphabet, since there is no meaningful answer then.
 */
export function usccCheckChar(first17: string): string {
  const body = normalizeUscc(first17);
  if (body.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${body.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = charValue(body[i]!);
    if (v < 0) throw new RangeError(`character "${body[i]}" at position ${i + 1} is not in the USCC alphabet`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c]!;
}

export function checkUscc(raw: string): UsccCheck {
  const value = normalizeUscc(raw);
  if (value.length === 0) return { ok: false, value, rule: 'empty', ...bilingual('uscc.empty') };
  // Count code points, not UTF-16 units, so "18 characters" means what a person sees.
  const chars = Array.from(value);
  if (chars.length !== 18) {
    return { ok: false, value, rule: 'length', ...bilingual('uscc.length', { length: chars.length }) };
  }
  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    if (charValue(ch) < 0 || ch.length !== 1) {
      return {
        ok: false,
        value,
        rule: 'alphabet',
        position: i + 1,
        ...bilingual('uscc.alphabet', { position: i + 1, char: ch }),
      };
    }
  }
  const expected = usccCheckChar(value.slice(0, 17));
  const actual = value[17]!;
  if (expected !== actual) {
    return {
      ok: false,
      value,
      rule: 'check',
      expected,
      position: 18,
      ...bilingual('uscc.check', { expected, actual }),
    };
  }
  return { ok: true, value };
}

export function isValidUscc(raw: string): boolean {
  return checkUscc(raw).ok;
}

/**
 * A valid code from any 17-character seed, for tests and demo data. Characters outside the
 * alphabet are mapped onto it deterministically, so any seed string works.
 */
export function makeValidUscc(seed17: string): string {
  const chars = Array.from(normalizeUscc(seed17).padEnd(17, '0')).slice(0, 17);
  const body = chars.map((ch) => (charValue(ch) >= 0 ? ch : USCC_ALPHABET[(ch.codePointAt(0) ?? 0) % 31]!)).join('');
  return body + usccCheckChar(body);
}
