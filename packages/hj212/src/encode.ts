/**
 * Encoder. Always emits the strict form of 表 2: `##`, the data-segment length in UTF-8 bytes as 4 digits,
 * the segment with header fields in the order of 表 3, the 附录 A CRC in 4 upper-case hex digits, CR LF.
 * Flag is computed from the edition (version bits), the ack wish (A) and the presence of PNUM/PNO (D).
 */
import { CRC16_TABLE, crcToHex } from './crc.ts';
import { type Issue, type IssueCode, makeIssue } from './issues.ts';
import { utf8Length, writeUtf8 } from './text.ts';
import { formatQn } from './time.ts';
import type { Edition } from './types.ts';

export type CpValue = string | number;

/** CP as a map (`{ DataTime: '…', w01018: { Rtd: 12.3, Flag: 'N' } }`) or as an ordered field list. */
export type CpInput = Record<string, CpValue | Record<string, CpValue>> | readonly CpFieldInput[];

/** One CP field; fields with the same `item` number are joined by `,`, items by `;` (§6.3.3). */
export interface CpFieldInput {
  key: string;
  value: CpValue;
  item?: number;
}

export interface HeaderInput {
  /** Request code `YYYYMMDDhhmmsszzz`; generated from the clock when absent (not for 2005). */
  QN?: string;
  ST: string;
  CN: string;
  PW: string;
  MN: string;
  /** Only bit 0 (A, ack wanted) is taken from here; version and D bits are computed. */
  Flag?: string | number;
  PNUM?: string | number;
  PNO?: string | number;
}

export interface FrameInput {
  header: HeaderInput;
  cp?: CpInput;
  /** Edition to encode for when the options give none (builders set it for replies to 2005/2025 devices). */
  edition?: Edition;
}

export interface EncodeOptions {
  /**
   * Edition of the Flag version bits: `2017` (default, Flag 4–7) or `2025` (8–11). `2005` exists to speak to
   * HJ/T 212-2005 devices in their own dialect (Flag version 0 and only when given, QN never generated).
   */
  edition?: Edition;
  /** Sets the A bit (ack wanted) when the header carries no Flag. */
  ack?: boolean;
  /** Allow data segments over 1024 bytes (表 2 forbids them; up to 9999 can be framed). */
  allowLong?: boolean;
  /** Clock for a generated QN. */
  now?: () => number;
}

/** Thrown by the encoder for input it cannot turn into a valid frame (a programming error, not untrusted bytes). */
export class EncodeError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: Issue[]) {
    super(issues.map((i) => `${i.code}: ${i.message}`).join('; '));
    this.name = 'EncodeError';
    this.issues = issues;
  }
}

const VERSION_BITS: Record<Edition, number> = { '2005': 0, '2017': 1, '2025': 2 };

/** Characters that would break the segment's structure in a key or an unquoted value (§6.3.3). */
function forbidden(c: number): boolean {
  return c === 0x3b || c === 0x2c || c === 0x3d || c === 0x26 || c <= 0x20 || c === 0x7f;
}

/** Why a `//…//` text value (表 B.10) would not survive decoding, or null. */
function badText(s: string): string | null {
  if (s.length < 4 || !s.endsWith('//')) return 'an unclosed "//" text';
  // Anything but a closing `//` followed by a separator, which would end it early.
  const inner = s.slice(2, -2);
  return /\/\/[;,]/.test(inner) || inner.endsWith('/') ? 'a "//" inside the text' : null;
}

/** Shortest decimal text of `n` without exponent (HJ 212 numbers are plain decimals, §6.3.3). */
export function formatNumber(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  if (!s.includes('e')) return s;
  if (Math.abs(n) >= 1) return BigInt(n).toString();
  const fixed = n.toFixed(20).replace(/0+$/, '');
  return fixed.endsWith('.') ? fixed.slice(0, -1) : fixed;
}

/**
 * Writes the frame straight into a reused byte buffer: no intermediate strings, validation on the way.
 * Encoding is synchronous, so one module-level buffer serves every call.
 */
let buf = new Uint8Array(4096);
let pos = 0;
let problems: Issue[] = [];

function ensure(extra: number): void {
  if (pos + extra <= buf.length) return;
  const next = new Uint8Array(Math.max(buf.length * 2, pos + extra + 64));
  next.set(buf.subarray(0, pos));
  buf = next;
}

function literal(s: string): void {
  ensure(s.length);
  for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
}

function problem(code: IssueCode, message: string): void {
  problems.push(makeIssue(code, message, false));
}

/** Writes `s` (UTF-8); with `check`, refuses the structural characters. Returns false when it found one. */
function text(s: string, check: boolean): boolean {
  const n = s.length;
  ensure(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      // Non-ASCII (Chinese text): the rest goes through the UTF-8 writer, checked first.
      const rest = s.slice(i);
      if (check) for (let k = 0; k < rest.length; k++) if (forbidden(rest.charCodeAt(k))) return false;
      ensure(utf8Length(rest));
      pos = writeUtf8(rest, buf, pos);
      return true;
    }
    if (check && forbidden(c)) return false;
    buf[pos++] = c;
  }
  return true;
}

function key(k: string): void {
  if (typeof k !== 'string' || k.length === 0 || !text(k, true)) {
    problem('BAD_FIELD', `CP key ${JSON.stringify(k)} is empty or contains ; , = &, spaces or control characters`);
  }
}

function value(v: CpValue, k: string): void {
  if (typeof v === 'number') {
    const s = formatNumber(v);
    if (s === null) problem('BAD_FIELD', `value of "${k}" is not a finite number`);
    else literal(s);
    return;
  }
  if (typeof v !== 'string') {
    problem('BAD_FIELD', `value of "${k}" must be a string or a number`);
    return;
  }
  if (v.startsWith('//')) {
    const bad = badText(v);
    if (bad !== null) problem('BAD_FIELD', `value of "${k}" contains ${bad}`);
    else text(v, false);
    return;
  }
  if (!text(v, true)) problem('BAD_FIELD', `value of "${k}" contains ; , = &, spaces or control characters`);
}

function cpFields(cp: CpInput | undefined): void {
  if (cp === undefined) return;
  if (Array.isArray(cp)) {
    let prevItem = 0;
    let auto = 0;
    const list = cp as readonly CpFieldInput[];
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      const item = f.item ?? auto++;
      if (i > 0) buf[pos++] = item === prevItem ? 0x2c : 0x3b;
      key(f.key);
      ensure(1);
      buf[pos++] = 0x3d;
      value(f.value, f.key);
      ensure(1);
      prevItem = item;
    }
    return;
  }
  let first = true;
  for (const k in cp) {
    if (!Object.hasOwn(cp, k)) continue;
    const v = (cp as Record<string, CpValue | Record<string, CpValue>>)[k]!;
    if (v !== null && typeof v === 'object') {
      let inner = true;
      for (const name in v) {
        if (!Object.hasOwn(v, name)) continue;
        ensure(1);
        if (!first) buf[pos++] = inner ? 0x3b : 0x2c;
        key(`${k}-${name}`);
        literal('=');
        value(v[name]!, `${k}-${name}`);
        first = false;
        inner = false;
      }
    } else {
      ensure(1);
      if (!first) buf[pos++] = 0x3b;
      key(k);
      literal('=');
      value(v as CpValue, k);
      first = false;
    }
  }
}

function headerField(name: string, v: string | number | undefined, required: boolean): void {
  if (v === undefined) {
    if (required) problem('MISSING_FIELD', `header field ${name} is required (表 3)`);
    return;
  }
  literal(name);
  literal('=');
  if (!text(String(v), true)) problem('BAD_FIELD', `${name} contains ; , = &, spaces or control characters`);
  literal(';');
}

/** Writes `##0000` + segment at `buf[0…pos)`; returns the problems found. */
function writeFrame(input: FrameInput, options: EncodeOptions): Issue[] {
  pos = 0;
  problems = [];
  const edition = options.edition ?? input.edition ?? '2017';
  const h = input.header;
  if (h === null || typeof h !== 'object') return [makeIssue('BAD_STRUCTURE', 'no header', false)];
  let qn = h.QN;
  if (qn === undefined && edition !== '2005') qn = formatQn((options.now ?? Date.now)());
  if (h.ST === undefined || h.ST === '') problem('BAD_STRUCTURE', 'ST is required (表 3)');
  if (h.CN === undefined || !/^\d{4}$/.test(String(h.CN))) problem('BAD_STRUCTURE', 'CN must be 4 digits (表 3)');
  const split = h.PNUM !== undefined || h.PNO !== undefined;
  if (split) {
    const total = Number(h.PNUM);
    const index = Number(h.PNO);
    if (!Number.isInteger(total) || !Number.isInteger(index) || total < 1 || index < 1 || index > total) {
      problem('BAD_SPLIT', 'PNUM and PNO must be integers with 1 ≤ PNO ≤ PNUM (§6.3.2)');
    }
  }
  let ackBit = options.ack === true ? 1 : 0;
  if (h.Flag !== undefined) {
    const f = Number(h.Flag);
    if (!Number.isInteger(f) || f < 0 || f > 255)
      problem('BAD_FIELD', `Flag ${JSON.stringify(h.Flag)} is not an integer 0–255`);
    else ackBit = f & 1;
  }
  // 表 3 Flag: version bits V5–V0, D (PNUM/PNO present), A (answer wanted).
  const flag = (VERSION_BITS[edition] << 2) | (split ? 2 : 0) | ackBit;
  literal('##0000');
  headerField('QN', qn, false);
  headerField('ST', h.ST, true);
  headerField('CN', h.CN, true);
  headerField('PW', h.PW, true);
  headerField('MN', h.MN, true);
  // 2005 uploads commonly carry neither QN nor Flag; in that dialect Flag is written only when given.
  if (edition !== '2005' || h.Flag !== undefined) literal(`Flag=${flag};`);
  if (split) {
    headerField('PNUM', h.PNUM, true);
    headerField('PNO', h.PNO, true);
  }
  literal('CP=&&');
  cpFields(input.cp);
  literal('&&');
  return problems;
}

/** Adds length, CRC (附录 A, upper case) and CR LF around the segment at `buf[6…pos)`; returns a copy. */
function finishFrame(allowLong: boolean): Uint8Array {
  const n = pos - 6;
  if (n > 9999 || (n > 1024 && !allowLong)) {
    throw new EncodeError([
      makeIssue('TOO_LONG', `data segment of ${n} bytes exceeds ${n > 9999 ? 9999 : 1024} (表 2)`, false),
    ]);
  }
  buf[2] = 0x30 + Math.floor(n / 1000);
  buf[3] = 0x30 + (Math.floor(n / 100) % 10);
  buf[4] = 0x30 + (Math.floor(n / 10) % 10);
  buf[5] = 0x30 + (n % 10);
  const t = CRC16_TABLE;
  let reg = 0xffff;
  for (let i = 6; i < pos; i++) reg = t[(reg >>> 8) ^ buf[i]!]!;
  ensure(6);
  const hex = crcToHex(reg);
  for (let i = 0; i < 4; i++) buf[pos++] = hex.charCodeAt(i);
  buf[pos++] = 0x0d;
  buf[pos++] = 0x0a;
  return buf.slice(0, pos);
}

/** Builds the data segment (from `QN=` to the closing `&&`) of a frame. Throws {@link EncodeError} on bad input. */
export function encodeSegment(input: FrameInput, options: EncodeOptions = {}): string {
  const found = writeFrame(input, options);
  if (found.length > 0) throw new EncodeError(found);
  return segmentDecoder.decode(buf.subarray(6, pos));
}

const segmentDecoder = new TextDecoder();

/**
 * Wraps a data segment into a frame: `##` + byte length + segment + 附录 A CRC (upper case) + CR LF.
 * Throws {@link EncodeError} when the segment is longer than 1024 bytes (unless `allowLong`) or 9999.
 */
export function frameSegment(segment: string, options: { allowLong?: boolean } = {}): Uint8Array {
  pos = 0;
  literal('##0000');
  text(segment, false);
  return finishFrame(options.allowLong === true);
}

/** Encodes a frame (strict 2017 form unless another edition is asked). Throws {@link EncodeError} on bad input. */
export function encodeFrame(input: FrameInput, options: EncodeOptions = {}): Uint8Array {
  const found = writeFrame(input, options);
  if (found.length > 0) throw new EncodeError(found);
  return finishFrame(options.allowLong === true);
}
