/**
 * Password policy for staff and enterprise accounts. GB/T 22239-2019 (等保 2.0) level 2, 8.1.4.1 a):
 * identities must have passwords with complexity requirements that are changed regularly. The
 * standard sets no figures; "≥ 8 characters from at least 3 of 4 classes" is the usual reading
 * in 测评 practice and is what this platform ships.
 */
import { bilingual } from './messages.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;
export const GENERATED_PASSWORD_LENGTH = 14;

export type PasswordCheck = { ok: true } | { ok: false; message: string; messageEn: string };

const CLASS_TESTS: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}\s]/u];

export function passwordClassCount(pw: string): number {
  return CLASS_TESTS.filter((re) => re.test(pw)).length;
}

export function checkPasswordPolicy(pw: string): PasswordCheck {
  if (Array.from(pw).length < PASSWORD_MIN_LENGTH) return { ok: false, ...bilingual('password.tooShort') };
  const count = passwordClassCount(pw);
  if (count < PASSWORD_MIN_CLASSES) return { ok: false, ...bilingual('password.classes', { count }) };
  return { ok: true };
}

// Look-alikes (0/O, 1/l/I) are left out because generated passwords are read off a screen or paper
// and typed in by hand; the symbols avoid quoting trouble in shells, CSV and URLs.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@_';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/**
 * Unbiased index in [0, n) from a byte source (rejection sampling). Randomness is injected so this
 * module does no I/O: the server passes crypto.randomBytes, the browser crypto.getRandomValues.
 */
function makePicker(randomBytes: (n: number) => Uint8Array): (n: number) => number {
  let pool: Uint8Array = new Uint8Array(0);
  let at = 0;
  let guard = 0;
  return (n) => {
    const limit = 256 - (256 % n);
    for (;;) {
      if (at >= pool.length) {
        pool = randomBytes(32);
        at = 0;
        if (pool.length === 0 || ++guard > 1000) throw new Error('randomBytes returned no usable bytes');
      }
      const b = pool[at++]!;
      if (b < limit) return b % n;
    }
  };
}

/** A 14-character password with all four classes, so it always meets the policy. */
export function generatePassword(randomBytes: (n: number) => Uint8Array): string {
  const pick = makePicker(randomBytes);
  const from = (set: string): string => set[pick(set.length)]!;
  const chars = [from(LOWER), from(UPPER), from(DIGITS), from(SYMBOLS)];
  while (chars.length < GENERATED_PASSWORD_LENGTH) chars.push(from(ALL));
  // Fisher–Yates, so the guaranteed classes are not always in front
  for (let i = chars.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
