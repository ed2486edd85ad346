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

/** How many earlier passwords a change may not return to. */
export const PASSWORD_HISTORY = 5;

// Passwords that meet the class rule and still top the public leak lists (Chinese and
// international) and the defaults that installers and vendors print, plus this product's name:
// the first guesses of anyone trying accounts. Compared ignoring case.
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [
    'Aa123456',
    'Aa123456!',
    'Aa123456.',
    'Aa12345678',
    'Aa112233',
    'Aa111111',
    'Aa666666',
    'Aa888888',
    'Abc12345',
    'Abc123456',
    'Abc@123',
    'Abc@1234',
    'Abc@12345',
    'Abc123!@#',
    'Abcd1234',
    'Abcd@1234',
    'Abcd1234!',
    'Admin123',
    'Admin@123',
    'Admin@1234',
    'Admin123!',
    'Admin@2020',
    'Admin@2024',
    'Admin@2025',
    'Admin@2026',
    'Administrator1',
    'P@ssw0rd',
    'P@ssword1',
    'P@ssw0rd1',
    'P@ssw0rd!',
    'P@$$w0rd',
    'Passw0rd',
    'Passw0rd!',
    'Password1',
    'Password1!',
    'Password12',
    'Password123',
    'Password@1',
    'Password@123',
    'Pass@word1',
    'Pass@1234',
    'Qq123456',
    'Qq123456!',
    'Qwe123!@#',
    'Qwer1234',
    'Qwer1234!',
    'Qwer@1234',
    'Qwerty123',
    'Qwerty123!',
    'Qwerty@123',
    'Qaz123456',
    '1qaz@WSX',
    '1qaz!QAZ',
    '1qaz2wsx#EDC',
    '1Qaz2wsx',
    '!QAZ2wsx',
    'Zxcv1234',
    'Zxcvbnm123',
    'Asdf1234',
    'Asd123456',
    'Woaini1314',
    'Woaini520',
    'Iloveyou1',
    'Welcome1',
    'Welcome@123',
    'Welcome123',
    'Test@123',
    'Test1234',
    'Root@123',
    'Root1234',
    'Huawei@123',
    'Huawei12#$',
    'Changeme1',
    'Changeme!',
    'Letmein1',
    'Sunshine1',
    'Monkey123',
    'Dragon123',
    'Master123',
    'Qingshan1',
    'Qingshan@123',
    'Qingshan123',
    'Qingshan@2026',
    'Hbj@123456',
    'Hbj123456',
  ].map((p) => p.toLowerCase()),
);

export function isCommonPassword(pw: string): boolean {
  return COMMON_PASSWORDS.has(pw.trim().toLowerCase());
}

/**
 * Length and classes; then the guessable ones: a leaked-list favourite, or one that carries the
 * account's own name (checked only when the caller knows it, from 3 characters on).
 */
export function checkPasswordPolicy(pw: string, context: { username?: string } = {}): PasswordCheck {
  if (Array.from(pw).length < PASSWORD_MIN_LENGTH) return { ok: false, ...bilingual('password.tooShort') };
  const count = passwordClassCount(pw);
  if (count < PASSWORD_MIN_CLASSES) return { ok: false, ...bilingual('password.classes', { count }) };
  if (isCommonPassword(pw)) return { ok: false, ...bilingual('password.common') };
  const name = context.username?.trim().toLowerCase();
  if (name && name.length >= 3 && pw.toLowerCase().includes(name)) {
    return { ok: false, ...bilingual('password.containsUsername') };
  }
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
