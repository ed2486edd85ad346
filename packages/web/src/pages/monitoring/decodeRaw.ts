import { type DecodedFrame, decodeFrame, ISSUE_CODES, type IssueCode, utf8Encode } from '@qingshan/hj212';

/**
 * Decodes a frame as the platform stored it (with its CR LF) or as someone pasted it (usually
 * without): the text between the leading "##" and the CRC is what is judged, so surrounding
 * whitespace is dropped and the trailer put back once. Before, a stored frame ending in CR LF lost
 * it to trim() and every correct frame was shown with a BAD_TRAILER problem.
 */
export function decodeRaw(raw: string): DecodedFrame {
  return decodeFrame(utf8Encode(`${raw.trim()}\r\n`), { lenient: true });
}

/** What the server checked on a frame as received: its CRC verdict and issue codes. */
export type ServerCheck = { passwordHidden: boolean; crcValid: boolean; issues: readonly string[] };

/**
 * Issues about the bytes the CRC and the length field were made over: masking the password changes
 * those bytes, so on a masked frame the browser would find them where the frame as received had none.
 */
const BYTE_CHECKS: ReadonlySet<string> = new Set<IssueCode>([
  'BAD_LENGTH',
  'LENGTH_CHARS',
  'CRC_MISMATCH',
  'CRC_LOWERCASE',
  'CRC_SHORT',
  'CRC_WHITESPACE',
  'CRC_VARIANT',
]);

/**
 * What the page shows of a decoded frame: as decoded, or — when the server hid its password — with
 * the CRC verdict and the byte checks (CRC, length) taken from the server's check of the frame as
 * received, never a "CRC mismatch" that the masking itself caused.
 */
export function maskedView(
  frame: DecodedFrame,
  checked: ServerCheck | undefined,
): { frame: DecodedFrame; passwordHidden: boolean; crcValid: boolean; ok: boolean; issues: string[] } {
  if (!checked?.passwordHidden)
    return {
      frame,
      passwordHidden: false,
      crcValid: frame.crcValid,
      ok: frame.ok,
      issues: frame.issues.map((i) => `${i.code}: ${i.message}`),
    };
  const own = frame.issues.filter((i) => !BYTE_CHECKS.has(i.code));
  const server = checked.issues.filter((c) => BYTE_CHECKS.has(c));
  const fatal = (c: string) => (ISSUE_CODES as Record<string, { kind: string }>)[c]?.kind === 'fatal';
  return {
    frame,
    passwordHidden: true,
    crcValid: checked.crcValid,
    ok: !own.some((i) => i.severity === 'error') && !server.some(fatal),
    issues: [...own.map((i) => `${i.code}: ${i.message}`), ...server],
  };
}
