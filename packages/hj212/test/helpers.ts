import { utf8Encode } from '../src/text.ts';

/** Bytes of a string whose characters are all < 256 (one byte each). */
export function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export const utf8 = utf8Encode;

const decoder = new TextDecoder();
export function text(b: Uint8Array): string {
  return decoder.decode(b);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function codes(issues: readonly { code: string }[]): string[] {
  return issues.map((i) => i.code).sort();
}
