/**
 * Byte ↔ text helpers that work in Node and in browsers (Uint8Array and TextDecoder only).
 * §6.3: every character is ASCII except Chinese text, which is UTF-8.
 */

const utf8Lenient = new TextDecoder('utf-8');
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
let gb18030: InstanceType<typeof TextDecoder> | null | undefined;

/** Decodes ASCII-only bytes (caller checked that every byte is < 0x80). */
export function decodeAscii(bytes: Uint8Array, start: number, end: number): string {
  return utf8Lenient.decode(bytes.subarray(start, end));
}

/**
 * Decodes text bytes as UTF-8 (§6.3); when they are not valid UTF-8, as GB18030, which older Chinese
 * senders use. `fallback` tells the caller which one was used. Never throws.
 */
export function decodeText(bytes: Uint8Array, start: number, end: number): { text: string; fallback: boolean } {
  const view = bytes.subarray(start, end);
  try {
    return { text: utf8Fatal.decode(view), fallback: false };
  } catch {
    return { text: (gbDecoder() ?? utf8Lenient).decode(view), fallback: true };
  }
}

/** Decodes `[start, end)` as `utf8` (invalid sequences become U+FFFD), `gb18030`, or ASCII. Never throws. */
export function decodeTextAs(
  kind: 'ascii' | 'utf8' | 'gb18030',
  bytes: Uint8Array,
  start: number,
  end: number,
): string {
  if (kind === 'gb18030') {
    const d = gbDecoder();
    if (d !== null) return d.decode(bytes.subarray(start, end));
  }
  return utf8Lenient.decode(bytes.subarray(start, end));
}

function gbDecoder(): InstanceType<typeof TextDecoder> | null {
  if (gb18030 === undefined) {
    try {
      gb18030 = new TextDecoder('gb18030');
    } catch {
      gb18030 = null; // a runtime without GB18030 support: U+FFFD replacement is the best we can do
    }
  }
  return gb18030;
}

/** Number of UTF-8 bytes `s` encodes to (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Writes `s` as UTF-8 into `out` at `pos`; returns the position after the last byte written. */
export function writeUtf8(s: string, out: Uint8Array, pos: number): number {
  let p = pos;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
      continue;
    }
    if (c < 0x800) {
      out[p++] = 0xc0 | (c >>> 6);
      out[p++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        out[p++] = 0xf0 | (c >>> 18);
        out[p++] = 0x80 | ((c >>> 12) & 0x3f);
        out[p++] = 0x80 | ((c >>> 6) & 0x3f);
        out[p++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    out[p++] = 0xe0 | (c >>> 12);
    out[p++] = 0x80 | ((c >>> 6) & 0x3f);
    out[p++] = 0x80 | (c & 0x3f);
  }
  return p;
}

/** UTF-8 bytes of `s`. */
export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  writeUtf8(s, out, 0);
  return out;
}

/** Number of characters (code points) in UTF-8 bytes `[start, end)`: every byte that is not a continuation byte. */
export function utf8CharCount(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if ((bytes[i]! & 0xc0) !== 0x80) n++;
  return n;
}
