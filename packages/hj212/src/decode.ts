/**
 * Decoder for one complete frame (表 2): `##` + 4-digit length + data segment + 4 hex CRC + CRLF.
 *
 * Speed comes from doing everything in one pass over the bytes of the data segment: the 附录 A CRC, the
 * header `key=value` pairs in any order (表 3), the CP fields (§6.3.3), key interning and decimal parsing
 * are all fed by the same byte loads, so the CRC's dependency chain and the parsing work overlap in the CPU.
 * The segment is decoded to text once; header values are cut from it, CP value strings and the `cp` map only
 * when first asked for (numbers are parsed eagerly, without intermediate strings).
 *
 * Separator bytes (`;` `,` `=` `&` `/`) never occur inside a UTF-8 or GB18030 multi-byte character, so
 * scanning bytes is correct for Chinese text in either encoding.
 *
 * Untrusted input never makes it throw: every problem becomes an issue.
 */
import { CRC16_TABLE, type CrcMode, crc16Hj212, crcForMode, crcToHex, isPossibleHj212Crc } from './crc.ts';
import { type Issue, type IssueCode, makeIssue, tooManyIssues } from './issues.ts';
import { isSegmentStart, isTailJunk, MAX_ISSUES, MAX_TAIL_JUNK } from './limits.ts';
import { decodeAscii, decodeText, decodeTextAs, utf8CharCount, utf8Encode } from './text.ts';
import type { CpField, CpMap, CrcInfo, DecodedFrame, Edition, FactorFields, FlagInfo, Header } from './types.ts';

export interface DecodeOptions {
  /**
   * Accept the documented device quirks (lower-case or short CRC, wrong length field, stray spaces,
   * segments over 1024, CRC variants in `crcModes`, missing QN/Flag…) as warnings instead of errors.
   * Default `false` (strict).
   */
  lenient?: boolean;
  /**
   * CRC variants accepted besides 附录 A for this device: `modbus-be`, `modbus-le`, or `none` (no check).
   * A frame that matches only a variant gets a CRC_VARIANT issue (an error in strict mode).
   */
  crcModes?: readonly CrcMode[];
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);
const NO_MODES: readonly CrcMode[] = Object.freeze([]);

/** 表 2 and 表 3 limits of a sender; receivers accept more in lenient mode. */
export const MAX_SEGMENT = 1024;
export const MAX_CP = 950;
/** Longest input `decodeFrame` examines: 4 length digits, 9999 bytes, CRC, trailer and generous vendor junk. */
const MAX_FRAME_BYTES = 0xffff;

type Trailer = 'CRLF' | 'LF' | 'none' | 'other';
type TextKind = 'ascii' | 'utf8' | 'gb18030';

// ---------------------------------------------------------------------------------------------------------------
// Key interning. Factor keys repeat in every frame, so each distinct key becomes one entry shared by all frames.
// Frames of one kind of device list their keys in the same order, so each entry remembers the key that followed
// it last time; the scanner compares the next key with that prediction byte by byte while looking for its end,
// and consults the hash table only on a miss.

interface KeyEntry {
  key: string;
  code: string;
  name: string;
  bytes: Uint8Array;
  hash: number;
  /** False when the key, code or name is an Object.prototype property (`__proto__`, `constructor`…). */
  safe: boolean;
  /** The key holds no byte the encoder refuses in a key (spaces, control characters, `&`). */
  clean: boolean;
  /** The key that followed this one in the last frame that had it. */
  next: KeyEntry | null;
  /** Decode number in which this key was last seen (duplicate detection without a per-frame set). */
  stamp: number;
}

const INTERN_SIZE = 4096; // power of two, fixed: a hostile stream of new keys cannot grow the table
const INTERN_MAX_KEY = 48;
const internTable: (KeyEntry | undefined)[] = new Array(INTERN_SIZE).fill(undefined);
const EMPTY_BYTES = new Uint8Array(0);
/** Predecessor of the first CP key of a frame. */
const START: KeyEntry = {
  key: '',
  code: '',
  name: '',
  bytes: EMPTY_BYTES,
  hash: 0,
  safe: true,
  clean: true,
  next: null,
  stamp: 0,
};
let stamp = 0;

/**
 * V8 looks property keys up fastest when they are internalized strings; a string read back from an object's
 * keys is one. Done once per distinct key.
 */
function internalize(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}

function makeEntry(bytes: Uint8Array, hash: number): KeyEntry {
  const key = internalize(decodeTextAs('utf8', bytes, 0, bytes.length));
  const dash = key.indexOf('-');
  const code = dash < 0 ? '' : internalize(key.substring(0, dash));
  const name = dash < 0 ? key : internalize(key.substring(dash + 1));
  const safe = !(key in Object.prototype || code in Object.prototype || name in Object.prototype);
  let clean = true;
  for (const c of bytes) if (refused(c)) clean = false;
  return { key, code, name, bytes, hash, safe, clean, next: null, stamp: 0 };
}

/**
 * Bytes the encoder refuses in a key or an unquoted value besides the separators `;` `,` (§6.3.3): `=`, `&`,
 * spaces and control characters. Strict mode accepts only what the encoder would produce.
 */
function refused(c: number): boolean {
  return c <= 0x20 || c === 0x3d || c === 0x26 || c === 0x7f;
}

/** Whether `b[s, e)` holds a byte the encoder refuses. */
function hasRefused(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (refused(b[i]!)) return true;
  return false;
}

function sameBytes(b: Uint8Array, start: number, key: Uint8Array): boolean {
  for (let k = 0; k < key.length; k++) if (b[start + k] !== key[k]) return false;
  return true;
}

function internBytes(b: Uint8Array, start: number, end: number): KeyEntry {
  const len = end - start;
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ b[i]!, 0x01000193);
  hash >>>= 0;
  if (len > INTERN_MAX_KEY) return makeEntry(b.slice(start, end), hash);
  let slot = hash & (INTERN_SIZE - 1);
  const first = slot;
  for (let probe = 0; probe < 4; probe++) {
    const e = internTable[slot];
    if (e === undefined) break;
    if (e.hash === hash && e.bytes.length === len && sameBytes(b, start, e.bytes)) return e;
    slot = (slot + 1) & (INTERN_SIZE - 1);
  }
  const e = makeEntry(b.slice(start, end), hash);
  if (internTable[slot] === undefined) internTable[slot] = e;
  else {
    // Evict: cut its prediction link so that evicted entries never keep chains of other evicted entries alive.
    internTable[first]!.next = null;
    internTable[first] = e;
  }
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// Scratch state of the scan, reused by every decode (decoding is synchronous) and copied into the result.
// Plain arrays of numbers hold unboxed doubles and small integers: no allocation per element.

const scratchEntries: KeyEntry[] = [];
const scratchNums: number[] = [];
/** Per CP field: value start, and value end + (item index << 16) (byte offsets in the frame, < 10 016). */
const scratchPos: number[] = [];
/**
 * Per header field (stride 7): key start, key end, value start, value end, canonical index (-1 unknown), exact
 * case 0/1, value holds a byte the encoder refuses 0/1.
 */
const scratchHeader: number[] = [];
let scanReg = 0;
let scanHigh = 0;
let scanHeaderCount = 0;
let scanCount = 0;
/** Offset of the `CP` key, or -1 when the header has none. */
let scanCpKey = -1;
/** Start of the CP body (after `CP=&&`), -1 when CP is malformed. */
let scanCpStart = -1;
let scanCpClosed = false;
/** An LF before the CP area: a line break ends a frame there (表 2), so these bytes are not one frame. */
let scanHeaderLf = false;

const HEADER_NAMES = ['QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO', 'CP'] as const;
const H_CP = 8;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

// ---------------------------------------------------------------------------------------------------------------

/**
 * Constructor for the plain objects of the `cp` map. Objects made by a constructor get V8's in-object slack
 * tracking, so their fields live inside the object instead of a separately allocated property array, as `{}`
 * literals (4 in-object slots) would need for 5 or more fields. The prototype stays Object.prototype.
 */
function PlainMap(): void {}
PlainMap.prototype = Object.prototype;

function define(o: object, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * A decoded frame. Header, flag, CRC verdict, issues and the numeric values are computed while decoding; the
 * CP value strings, the `cp` map and the `fields` list are cut from the segment on first access.
 */
class Frame implements DecodedFrame {
  ok: boolean;
  edition: Edition | null;
  crcValid: boolean;
  header: Header;
  headerExtra: Record<string, string> | undefined;
  flag: FlagInfo | null;
  crc: CrcInfo;
  length: { declared: number; bytes: number };
  trailer: Trailer;
  issues: readonly Issue[];
  #segment: string | undefined;
  #bytes: Uint8Array;
  #text: TextKind;
  #entries: KeyEntry[];
  #nums: number[];
  #pos: number[];
  #cp: CpMap | undefined;
  #fields: CpField[] | undefined;

  constructor(
    ok: boolean,
    edition: Edition | null,
    crcValid: boolean,
    header: Header,
    headerExtra: Record<string, string> | undefined,
    flag: FlagInfo | null,
    crc: CrcInfo,
    length: { declared: number; bytes: number },
    trailer: Trailer,
    segment: string | undefined,
    issues: readonly Issue[],
    bytes: Uint8Array,
    text: TextKind,
    entries: KeyEntry[],
    nums: number[],
    pos: number[],
  ) {
    this.ok = ok;
    this.edition = edition;
    this.crcValid = crcValid;
    this.header = header;
    this.headerExtra = headerExtra;
    this.flag = flag;
    this.crc = crc;
    this.length = length;
    this.trailer = trailer;
    this.#segment = segment;
    this.issues = issues;
    this.#bytes = bytes;
    this.#text = text;
    this.#entries = entries;
    this.#nums = nums;
    this.#pos = pos;
    this.#cp = undefined;
    this.#fields = undefined;
  }

  /** The data segment as text; for ASCII frames decoded on first access. */
  get segment(): string {
    if (this.#segment === undefined) this.#segment = decodeAscii(this.#bytes, 6, 6 + this.length.bytes);
    return this.#segment;
  }

  #value(i: number): string {
    const s = this.#pos[i * 2]!;
    const e = this.#pos[i * 2 + 1]! & 0xffff;
    if (this.#text === 'ascii') return this.segment.substring(s - 6, e - 6);
    return decodeTextAs(this.#text, this.#bytes, s, e);
  }

  get cp(): CpMap {
    if (this.#cp !== undefined) return this.#cp;
    const cp = new (PlainMap as unknown as new () => CpMap)();
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (!e.safe) {
        storeUnsafe(cp, e, this.#value(i));
        continue;
      }
      if (e.code === '') {
        if (cp[e.key] === undefined) cp[e.key] = this.#value(i);
        continue;
      }
      let f = cp[e.code];
      if (f === undefined) {
        f = new (PlainMap as unknown as new () => FactorFields)();
        cp[e.code] = f;
      } else if (typeof f === 'string') continue; // a plain field and a factor code clash: the first wins
      if (f[e.name] === undefined) f[e.name] = this.#value(i);
    }
    this.#cp = cp;
    return cp;
  }

  get fields(): readonly CpField[] {
    if (this.#fields === undefined) {
      const out: CpField[] = [];
      for (let i = 0; i < this.#entries.length; i++) {
        const e = this.#entries[i]!;
        const n = this.#nums[i]!;
        out.push({
          key: e.key,
          code: e.code,
          name: e.name,
          value: this.#value(i),
          number: Number.isNaN(n) ? null : n,
          item: this.#pos[i * 2 + 1]! >>> 16,
        });
      }
      this.#fields = out;
    }
    return this.#fields;
  }

  #find(code: string, name: string | undefined): number {
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (name === undefined ? e.code === '' && e.key === code : e.code === code && e.name === name) return i;
    }
    return -1;
  }

  number(code: string, name?: string): number | undefined {
    const i = this.#find(code, name);
    if (i < 0) return undefined;
    const n = this.#nums[i]!;
    return Number.isNaN(n) ? undefined : n;
  }

  get(code: string, name?: string): string | undefined {
    const i = this.#find(code, name);
    return i < 0 ? undefined : this.#value(i);
  }

  toJSON(): object {
    return {
      ok: this.ok,
      edition: this.edition,
      crcValid: this.crcValid,
      header: this.header,
      cp: this.cp,
      issues: this.issues.map((i) => ({ code: i.code, message: i.message })),
    };
  }
}

/** Keys such as `__proto__` or `constructor` are stored as plain own properties, never through the prototype. */
function storeUnsafe(cp: CpMap, entry: KeyEntry, value: string): void {
  if (entry.code === '') {
    if (!Object.hasOwn(cp, entry.key)) define(cp, entry.key, value);
    return;
  }
  let f: FactorFields;
  if (Object.hasOwn(cp, entry.code)) {
    const existing = cp[entry.code];
    if (typeof existing !== 'object') return;
    f = existing;
  } else {
    f = {};
    define(cp, entry.code, f);
  }
  if (!Object.hasOwn(f, entry.name)) define(f, entry.name, value);
}

/**
 * Collects issues; allocates only when there is one. Lists at most {@link MAX_ISSUES} (the last one then a
 * TOO_MANY_ISSUES count of the rest); `errors` counts every error, listed or not, so the verdict is unchanged.
 */
class Issues {
  list: Issue[] | null = null;
  errors = 0;
  omitted = 0;
  omittedErrors = 0;
  constructor(readonly lenient: boolean) {}
  add(code: IssueCode, message: string): void {
    this.push(makeIssue(code, message, this.lenient));
  }
  push(issue: Issue): void {
    const error = issue.severity === 'error';
    if (error) this.errors++;
    if (this.list === null) this.list = [issue];
    else if (this.list.length < MAX_ISSUES - 1) this.list.push(issue);
    else {
      this.omitted += issue.count ?? 1;
      if (error) this.omittedErrors++;
    }
  }
  addAll(other: Issues): void {
    if (other.list !== null) for (const i of other.list) this.push(i);
    if (other.omitted > 0) {
      this.omitted += other.omitted;
      this.omittedErrors += other.omittedErrors;
      this.errors += other.omittedErrors;
    }
  }
  final(): readonly Issue[] {
    if (this.list === null) return NO_ISSUES;
    if (this.omitted > 0) this.list.push(tooManyIssues(this.omitted, this.omittedErrors > 0));
    return this.list;
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Text of bytes `[s, e)` for messages. */
function textOf(b: Uint8Array, s: number, e: number): string {
  return decodeTextAs('utf8', b, s, e);
}

/** Position after the last `&&` in `(from, end)`, or -1. */
function lastAmpAmp(b: Uint8Array, from: number, end: number): number {
  for (let i = end - 1; i > from; i--) {
    if (b[i] === 0x26 && b[i - 1] === 0x26) return i + 1;
  }
  return -1;
}

interface CrcField {
  value: number;
  digits: number;
  lower: boolean;
}

function readCrcField(b: Uint8Array, from: number, end: number): CrcField {
  let value = 0;
  let digits = 0;
  let lower = false;
  for (let i = from; i < end && digits < 4; i++) {
    const c = b[i]!;
    const d = hexDigit(c);
    if (d < 0) break;
    if (c >= 0x61) lower = true;
    value = (value << 4) | d;
    digits++;
  }
  return { value, digits, lower };
}

function crcWithoutSpaces(b: Uint8Array, start: number, end: number): number {
  const copy: number[] = [];
  for (let i = start; i < end; i++) if (!isSpace(b[i]!)) copy.push(b[i]!);
  return crc16Hj212(Uint8Array.from(copy));
}

function failure(issues: Issues, declared: number, trailer: Trailer): DecodedFrame {
  return new Frame(
    false,
    null,
    false,
    {},
    undefined,
    null,
    { received: '', computed: '', mode: null },
    { declared, bytes: 0 },
    trailer,
    '',
    issues.final(),
    EMPTY_BYTES,
    'utf8',
    [],
    [],
    [],
  );
}

/**
 * Decodes one complete frame (as delivered by {@link Deframer}, or any `Uint8Array`/string holding exactly one
 * frame). Never throws on untrusted input. The result keeps a reference to `input`, from which the segment text
 * and value strings are cut on first access: do not reuse that buffer while the result is in use.
 */
export function decodeFrame(input: Uint8Array | string, options?: DecodeOptions): DecodedFrame {
  const lenient = options?.lenient === true;
  try {
    const bytes = typeof input === 'string' ? utf8Encode(input) : input;
    return decodeBytes(bytes, lenient, options?.crcModes ?? NO_MODES);
  } catch (err) {
    // Defence in depth: a decoder bug must not take a gateway down. Fuzz tests keep this path unused.
    const issues = new Issues(lenient);
    issues.add('BAD_STRUCTURE', `decoder failure: ${err instanceof Error ? err.message : String(err)}`);
    return failure(issues, -1, 'other');
  }
}

function decodeBytes(b: Uint8Array, lenient: boolean, crcModes: readonly CrcMode[]): DecodedFrame {
  const issues = new Issues(lenient);
  const n = b.length;
  if (n > MAX_FRAME_BYTES) {
    // 4 length digits allow 9999 bytes; offsets are kept in 16 bits.
    issues.add('TOO_LONG', `${n} bytes cannot be one HJ 212 frame (表 2 allows at most 9999 in the data segment)`);
    return failure(issues, -1, 'other');
  }

  // 表 2: `##` then the data-segment length as 4 decimal digits.
  let declared = -1;
  if (n >= 6 && b[0] === 0x23 && b[1] === 0x23) {
    const d0 = b[2]! - 0x30;
    const d1 = b[3]! - 0x30;
    const d2 = b[4]! - 0x30;
    const d3 = b[5]! - 0x30;
    if (d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && d3 >= 0 && d3 <= 9) {
      declared = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
    }
  }
  if (declared < 0) {
    issues.add('BAD_HEADER', 'frame does not start with "##" and a 4-digit length (表 2)');
    return failure(issues, declared, 'other');
  }

  // Trailer (表 2: <CR><LF>); bare LF and none are tolerated.
  let end = n;
  let trailer: Trailer = 'none';
  if (end > 6 && b[end - 1] === 0x0a) {
    end--;
    if (end > 6 && b[end - 1] === 0x0d) {
      end--;
      trailer = 'CRLF';
    } else trailer = 'LF';
  } else if (end > 6 && b[end - 1] === 0x0d) {
    end--;
    trailer = 'other';
  }

  // Where the data segment ends: by the length field when 4 hex digits sit exactly there, else after the last
  // `&&` (CP's closing marker). The two disagree when a device miscounts; the CRC decides between them below.
  const byLength = 6 + declared;
  let segEnd = -1;
  let lengthCrc: CrcField | null = null;
  if (byLength < end) {
    lengthCrc = readCrcField(b, byLength, end);
    if (lengthCrc.digits === 4 && byLength + 4 === end) segEnd = byLength;
  }
  const byAmp = lastAmpAmp(b, 6, end);
  if (segEnd < 0) {
    if (byAmp > 0) segEnd = byAmp;
    else if (lengthCrc !== null && lengthCrc.digits > 0) segEnd = byLength;
    else segEnd = Math.max(6, end - 4);
  }
  let crcField = readCrcField(b, segEnd, end);

  // One pass: 附录 A CRC + header + CP.
  let scanIssues = new Issues(lenient);
  scan(b, 6, segEnd, scanIssues);
  let reg = scanReg;
  if (crcField.value !== reg && byAmp > 0 && byAmp !== segEnd) {
    const alt = readCrcField(b, byAmp, end);
    if (alt.digits > 0 && alt.value === crc16Hj212(b, 6, byAmp)) {
      // The length reading failed the CRC and the `&&` reading passes: the device miscounted.
      segEnd = byAmp;
      crcField = alt;
      scanIssues = new Issues(lenient);
      scan(b, 6, segEnd, scanIssues);
      reg = scanReg;
    }
  }
  const segBytes = segEnd - 6;

  // Text of the segment (§6.3: ASCII, Chinese in UTF-8). ASCII segments are decoded only if asked for.
  let seg: string | undefined;
  let text: TextKind = 'ascii';
  if (scanHigh >= 0x80) {
    const t = decodeText(b, 6, segEnd);
    seg = t.text;
    text = t.fallback ? 'gb18030' : 'utf8';
    if (t.fallback) issues.add('BAD_ENCODING', 'data segment is not valid UTF-8 (§6.3); decoded as GB18030');
  }

  if (declared !== segBytes) {
    if (text !== 'ascii' && declared === utf8CharCount(b, 6, segEnd)) {
      issues.add('LENGTH_CHARS', `length field ${declared} counts characters; the segment has ${segBytes} bytes`);
    } else {
      issues.add('BAD_LENGTH', `length field says ${declared}, the data segment has ${segBytes} bytes (表 2)`);
    }
  }

  // CRC verdict (附录 A; §6.3.1 "如果 CRC 错误，执行结束").
  const crcEnd = segEnd + crcField.digits;
  const received = asciiShort(b, segEnd, crcEnd);
  const computed = crcField.digits === 4 && !crcField.lower && crcField.value === reg ? received : crcToHex(reg);
  let crcValid = false;
  let mode: CrcMode | null = null;
  if (crcField.digits === 0) {
    if (crcModes.includes('none')) {
      mode = 'none';
      issues.add('CRC_VARIANT', 'no CRC; accepted because CRC checking is disabled for this device');
    } else issues.add('CRC_MISMATCH', `no CRC after the data segment (附录 A wants ${computed})`);
  } else if (crcField.value === reg) {
    crcValid = true;
    mode = 'hj212';
    if (crcField.lower) issues.add('CRC_LOWERCASE', `CRC "${received}" is in lower case`);
    if (crcField.digits < 4) issues.add('CRC_SHORT', `CRC "${received}" lacks leading zeros (${computed})`);
  } else {
    for (const m of crcModes) {
      if (m === 'hj212') continue;
      if (m === 'none' || crcForMode(m, b, 6, segEnd) === crcField.value) {
        mode = m;
        issues.add(
          'CRC_VARIANT',
          m === 'none'
            ? `CRC ${received} not checked (disabled for this device); 附录 A gives ${computed}`
            : `CRC ${received} is CRC-16/MODBUS (${m}), not 附录 A (${computed})`,
        );
        break;
      }
    }
    if (mode === null) {
      if (b.subarray(6, segEnd).includes(0x20) && crcWithoutSpaces(b, 6, segEnd) === crcField.value) {
        // A lenient repair, not a valid CRC: the bytes as received do not match (crcValid stays false).
        mode = 'hj212';
        issues.add('CRC_WHITESPACE', 'CRC matches the data segment only with its spaces removed');
      } else issues.add('CRC_MISMATCH', crcMismatchMessage(b, segEnd, crcField.value, received, computed));
    }
  }
  if (crcEnd < end) {
    // The deframer ends a frame before the next one only on the same condition (isTailJunk), so a frame gets
    // the same verdict alone and in a stream.
    if (isTailJunk(b, crcEnd, end)) issues.add('BAD_TRAILER', `${end - crcEnd} unexpected byte(s) after the CRC`);
    else {
      issues.add(
        'BAD_STRUCTURE',
        `${end - crcEnd} byte(s) after the CRC are not a trailer (at most ${MAX_TAIL_JUNK} bytes without ; = , & # are tolerated)`,
      );
    }
  } else if (trailer !== 'CRLF') {
    issues.add(
      'BAD_TRAILER',
      trailer === 'LF' ? 'frame ends with LF, not CR LF (表 2)' : 'frame does not end with CR LF (表 2)',
    );
  }
  if (segBytes > MAX_SEGMENT) issues.add('TOO_LONG', `data segment of ${segBytes} bytes exceeds 1024 (表 2)`);
  issues.addAll(scanIssues);

  return finish(b, seg, text, issues, declared, segBytes, trailer, crcValid, { received, computed, mode });
}

function crcMismatchMessage(b: Uint8Array, segEnd: number, value: number, received: string, computed: string): string {
  let hint = '';
  if (crcForMode('modbus-le', b, 6, segEnd) === value) hint = '; it is CRC-16/MODBUS sent low byte first (modbus-le)';
  else if (crcForMode('modbus-be', b, 6, segEnd) === value) hint = '; it is CRC-16/MODBUS (modbus-be)';
  else if (segEnd > 6 && !isPossibleHj212Crc(value)) hint = '; no HJ 212 CRC can have this value';
  return `CRC ${received} does not match the data segment (附录 A gives ${computed})${hint}`;
}

/** ASCII text of at most 4 bytes (the CRC field). */
function asciiShort(b: Uint8Array, s: number, e: number): string {
  switch (e - s) {
    case 0:
      return '';
    case 1:
      return String.fromCharCode(b[s]!);
    case 2:
      return String.fromCharCode(b[s]!, b[s + 1]!);
    case 3:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!);
    default:
      return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
  }
}

/**
 * Header values other than QN (ST, CN, PW, MN, Flag…) repeat on every frame of a connection, so they come from
 * a small direct-mapped cache compared byte by byte; a QN is unique and is built directly.
 */
interface CachedValue {
  bytes: Uint8Array;
  text: string;
}
const VALUE_CACHE_SIZE = 1024;
const valueCache: (CachedValue | undefined)[] = new Array(VALUE_CACHE_SIZE).fill(undefined);

function headerValue(b: Uint8Array, s: number, e: number, key: number): string {
  const len = e - s;
  if (key === 0 && len === 17) {
    // QN: YYYYMMDDhhmmsszzz
    return String.fromCharCode(
      b[s]!,
      b[s + 1]!,
      b[s + 2]!,
      b[s + 3]!,
      b[s + 4]!,
      b[s + 5]!,
      b[s + 6]!,
      b[s + 7]!,
      b[s + 8]!,
      b[s + 9]!,
      b[s + 10]!,
      b[s + 11]!,
      b[s + 12]!,
      b[s + 13]!,
      b[s + 14]!,
      b[s + 15]!,
      b[s + 16]!,
    );
  }
  if (len > 32 || key === 0) return decodeAscii(b, s, e);
  let hash = 0x811c9dc5 ^ key;
  for (let i = s; i < e; i++) hash = Math.imul(hash ^ b[i]!, 0x01000193);
  const slot = (hash >>> 0) & (VALUE_CACHE_SIZE - 1);
  const hit = valueCache[slot];
  if (hit !== undefined && hit.bytes.length === len && sameBytes(b, s, hit.bytes)) return hit.text;
  const text = decodeAscii(b, s, e);
  valueCache[slot] = { bytes: b.slice(s, e), text };
  return text;
}

/** Canonical header key index (表 3) for bytes `[s, e)`, matched case-insensitively; -1 when unknown. */
function headerKeyIndex(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 2 || len > 4) return -1;
  const c0 = b[s]! | 0x20;
  const c1 = b[s + 1]! | 0x20;
  if (len === 2) {
    if (c0 === 0x71 && c1 === 0x6e) return 0; // QN
    if (c0 === 0x73 && c1 === 0x74) return 1; // ST
    if (c0 === 0x63 && c1 === 0x6e) return 2; // CN
    if (c0 === 0x70 && c1 === 0x77) return 3; // PW
    if (c0 === 0x6d && c1 === 0x6e) return 4; // MN
    if (c0 === 0x63 && c1 === 0x70) return H_CP;
    return -1;
  }
  const c2 = b[s + 2]! | 0x20;
  if (len === 3) return c0 === 0x70 && c1 === 0x6e && c2 === 0x6f ? 7 : -1; // PNO
  const c3 = b[s + 3]! | 0x20;
  if (c0 === 0x66 && c1 === 0x6c && c2 === 0x61 && c3 === 0x67) return 5; // Flag
  if (c0 === 0x70 && c1 === 0x6e && c2 === 0x75 && c3 === 0x6d) return 6; // PNUM
  return -1;
}

/** Whether bytes `[s, e)` spell the canonical key exactly (§6.3.3: field names are case-sensitive). */
function exactCase(b: Uint8Array, s: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (b[s + k] !== name.charCodeAt(k)) return false;
  return true;
}

/**
 * The single pass over the data segment `b[start, end)`: CRC of every byte, header fields, CP fields.
 * Results go to the module-level scan state.
 */
function scan(b: Uint8Array, start: number, end: number, issues: Issues): void {
  const T = CRC16_TABLE;
  let reg = 0xffff;
  let high = 0;
  let i = start;
  let c = 0;
  const header = scratchHeader;
  let hCount = 0;
  scanCpKey = -1;
  scanCpStart = -1;
  scanCpClosed = false;
  scanHeaderLf = false;
  scanCount = 0;

  // Header (表 3): `;`-separated `key=value` pairs in any order, up to `CP=`.
  while (i < end) {
    let ks = i;
    while (i < end) {
      c = b[i]!;
      if (c === 0x3d || c === 0x3b || c === 0x2c) break;
      if (c === 0x0a) scanHeaderLf = true;
      reg = T[(reg >>> 8) ^ c]!;
      high |= c;
      i++;
    }
    let ke = i;
    if (i >= end || c !== 0x3d) {
      if (ke > ks) issues.add('BAD_FIELD', `header item "${textOf(b, ks, ke)}" has no "="`);
      else if (i < end && c === 0x2c)
        issues.add('BAD_FIELD', 'stray "," in the header (表 3 separates fields with ";")');
      else issues.add('BAD_FIELD', 'empty header item');
      if (i < end) {
        reg = T[(reg >>> 8) ^ c]!;
        i++;
      }
      continue;
    }
    reg = T[(reg >>> 8) ^ c]!; // '='
    i++;
    if (ke > ks && (isSpace(b[ks]!) || isSpace(b[ke - 1]!))) {
      while (ks < ke && isSpace(b[ks]!)) ks++;
      while (ke > ks && isSpace(b[ke - 1]!)) ke--;
      issues.add('WHITESPACE', `spaces around header key "${textOf(b, ks, ke)}"`);
    }
    const key = headerKeyIndex(b, ks, ke);
    if (key === H_CP) {
      if (!exactCase(b, ks, 'CP')) issues.add('KEY_CASE', `header key "${textOf(b, ks, ke)}" should be "CP"`);
      scanCpKey = ks;
      break;
    }
    const vs = i;
    let dirty = 0;
    while (i < end) {
      c = b[i]!;
      if (c === 0x3b || c === 0x2c) break;
      if (c <= 0x20 || c === 0x3d || c === 0x26 || c === 0x7f) {
        dirty = 1;
        if (c === 0x0a) scanHeaderLf = true;
      }
      reg = T[(reg >>> 8) ^ c]!;
      high |= c;
      i++;
    }
    const ve = i;
    if (i < end) {
      if (c === 0x2c) issues.add('BAD_FIELD', 'stray "," in the header (表 3 separates fields with ";")');
      reg = T[(reg >>> 8) ^ c]!;
      i++;
    }
    const h = hCount * 7;
    header[h] = ks;
    header[h + 1] = ke;
    header[h + 2] = vs;
    header[h + 3] = ve;
    header[h + 4] = key;
    header[h + 5] = key >= 0 && exactCase(b, ks, HEADER_NAMES[key]!) ? 1 : 0;
    header[h + 6] = dirty;
    hCount++;
  }
  scanHeaderCount = hCount;

  // CP (§6.3.3): `CP=&&` … `&&`.
  if (scanCpKey >= 0 && i + 1 < end && b[i] === 0x26 && b[i + 1] === 0x26) {
    reg = T[(reg >>> 8) ^ 0x26]!;
    reg = T[(reg >>> 8) ^ 0x26]!;
    i += 2;
    const cpStart = i;
    let cpEnd = end;
    if (end - 2 >= cpStart && b[end - 1] === 0x26 && b[end - 2] === 0x26) {
      cpEnd = end - 2;
      scanCpClosed = true;
    }
    scanCpStart = cpStart;

    const entries = scratchEntries;
    const nums = scratchNums;
    const pos = scratchPos;
    const frameStamp = ++stamp;
    let count = 0;
    let item = 0;
    let prev = START;
    while (i < cpEnd) {
      // Key: first try the key that followed the previous one last time (one compare per byte), then the
      // general scan up to `=` from wherever the prediction failed.
      const ks = i;
      const predicted = prev.next;
      const pk = predicted === null ? EMPTY_BYTES : predicted.bytes;
      const plen = pk.length;
      let match = predicted !== null && ks + plen < cpEnd;
      if (match) {
        let k = 0;
        for (; k < plen; k++) {
          c = b[i]!;
          if (c !== pk[k]) break;
          reg = T[(reg >>> 8) ^ c]!;
          high |= c;
          i++;
        }
        if (k < plen || b[i] !== 0x3d) match = false;
        else c = 0x3d;
      }
      let spaces = false;
      if (!match) {
        // Bytes already consumed matched the prediction, so they hold no separator; recheck them for spaces.
        for (let k = ks; k < i; k++) if (b[k] === 0x20 || b[k] === 0x09) spaces = true;
      }
      while (!match && i < cpEnd) {
        c = b[i]!;
        if (c === 0x3d || c === 0x3b || c === 0x2c) break;
        reg = T[(reg >>> 8) ^ c]!;
        high |= c;
        if (c === 0x20 || c === 0x09) spaces = true;
        i++;
      }
      const ke = i;
      if (i >= cpEnd || c !== 0x3d) {
        // An item without `=`: a bare word, or an empty item (`;;`, or `;` before the closing `&&`).
        if (ke > ks) issues.add('BAD_FIELD', `CP item "${textOf(b, ks, ke)}" has no "="`);
        else issues.add('BAD_FIELD', 'empty CP item');
        if (i < cpEnd) {
          if (c === 0x3b) item++;
          reg = T[(reg >>> 8) ^ c]!;
          i++;
          if (i === cpEnd) issues.add('BAD_FIELD', 'empty CP item');
        }
        continue;
      }
      reg = T[(reg >>> 8) ^ 0x3d]!; // '='
      i++;
      if (ke === ks) issues.add('BAD_FIELD', 'CP item with an empty key');
      let entry: KeyEntry;
      if (match) entry = predicted!;
      else if (spaces) {
        const cleaned = Uint8Array.from(b.subarray(ks, ke).filter((x) => x !== 0x20 && x !== 0x09));
        issues.add('WHITESPACE', `spaces in CP key "${textOf(b, ks, ke)}"`);
        entry = internBytes(cleaned, 0, cleaned.length);
      } else {
        entry = internBytes(b, ks, ke);
        prev.next = entry;
      }
      if (!entry.clean) {
        issues.add('BAD_FIELD', `CP key ${JSON.stringify(entry.key)} contains "&" or control characters`);
      }
      if (entry.stamp === frameStamp) issues.add('DUPLICATE_KEY', `CP key "${entry.key}" appears twice`);
      entry.stamp = frameStamp;
      prev = entry;

      // Value: `//text//` is opaque (表 B.10); otherwise up to `;` or `,`, parsed as a decimal on the way.
      let vs = i;
      let ve: number;
      let num = Number.NaN;
      let dirty = false;
      if (i + 1 < cpEnd && b[i] === 0x2f && b[i + 1] === 0x2f) {
        reg = T[(reg >>> 8) ^ 0x2f]!;
        reg = T[(reg >>> 8) ^ 0x2f]!;
        i += 2;
        let closed = false;
        while (i < cpEnd) {
          c = b[i]!;
          reg = T[(reg >>> 8) ^ c]!;
          high |= c;
          i++;
          if (c === 0x2f && i < cpEnd && b[i] === 0x2f && (i + 1 === cpEnd || b[i + 1] === 0x3b || b[i + 1] === 0x2c)) {
            reg = T[(reg >>> 8) ^ 0x2f]!;
            i++;
            closed = true;
            break;
          }
        }
        if (!closed) issues.add('BAD_FIELD', `text of "${entry.key}" is not closed by "//" (表 B.10)`);
        ve = i;
        c = i < cpEnd ? b[i]! : 0;
      } else {
        // Decimal: [sign] digits [. digits] (§6.3.3 number formats N/N.m). The mantissa stays exact below 2^53,
        // and one division by an exact power of ten then rounds correctly, like parseFloat.
        let m = 0;
        let dot = -1;
        let bad = false;
        let neg = false;
        if (i < cpEnd && (b[i] === 0x2d || b[i] === 0x2b)) {
          neg = b[i] === 0x2d;
          reg = T[(reg >>> 8) ^ b[i]!]!;
          i++;
        }
        const ds = i;
        while (i < cpEnd) {
          c = b[i]!;
          const d = c - 0x30;
          if (d >= 0 && d <= 9) m = m * 10 + d;
          else if (c === 0x3b || c === 0x2c) break;
          else if (c === 0x2e && dot < 0) dot = i;
          else {
            bad = true;
            if (c <= 0x20 || c === 0x3d || c === 0x26 || c === 0x7f) dirty = true;
          }
          reg = T[(reg >>> 8) ^ c]!;
          high |= c;
          i++;
        }
        ve = i;
        const digits = ve - ds - (dot < 0 ? 0 : 1);
        if (!bad && digits > 0) {
          if (digits <= 15) {
            num = dot < 0 || dot === ve - 1 ? m : m / POW10[ve - dot - 1]!;
            if (neg) num = -num;
          } else num = Number(textOf(b, vs, ve));
        }
      }
      if (ve > vs && (isSpace(b[vs]!) || isSpace(b[ve - 1]!))) {
        while (vs < ve && isSpace(b[vs]!)) vs++;
        while (ve > vs && isSpace(b[ve - 1]!)) ve--;
        issues.add('WHITESPACE', `spaces around the value of "${entry.key}"`);
        const t = textOf(b, vs, ve);
        num = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
      }
      if (dirty && hasRefused(b, vs, ve)) {
        issues.add(
          'BAD_FIELD',
          `value of "${entry.key}" contains "=", "&", spaces or control characters, which the encoder refuses`,
        );
      }

      // Indexed writes: the scratch arrays keep their capacity from frame to frame (the entries they still
      // reference beyond `count` are interned keys, alive anyway).
      entries[count] = entry;
      nums[count] = num;
      pos[count * 2] = vs;
      pos[count * 2 + 1] = ve | (item << 16); // ve and item stay below 2^16 and 2^15: a small integer

      count++;

      if (i < cpEnd) {
        // `c` is the separator after the value.
        if (c === 0x3b) item++;
        reg = T[(reg >>> 8) ^ c]!;
        i++;
        if (i === cpEnd) issues.add('BAD_FIELD', 'empty CP item');
      }
    }
    scanCount = count;
  }

  // Whatever the structure, every byte of the segment is in the CRC (the closing `&&`, malformed tails).
  while (i < end) {
    c = b[i]!;
    reg = T[(reg >>> 8) ^ c]!;
    high |= c;
    i++;
  }
  scanReg = reg;
  scanHigh = high;
}

function finish(
  b: Uint8Array,
  seg: string | undefined,
  text: TextKind,
  issues: Issues,
  declared: number,
  segBytes: number,
  trailer: Trailer,
  crcValid: boolean,
  crc: CrcInfo,
): DecodedFrame {
  // Header values (表 3), cut from the segment text.
  const header: Header = {};
  let headerExtra: Record<string, string> | undefined;
  const hv = scratchHeader;
  for (let k = 0; k < scanHeaderCount; k++) {
    const h = k * 7;
    const vs = hv[h + 2]!;
    let ve = hv[h + 3]!;
    let s = vs;
    if (ve > s && (isSpace(b[s]!) || isSpace(b[ve - 1]!))) {
      while (s < ve && isSpace(b[s]!)) s++;
      while (ve > s && isSpace(b[ve - 1]!)) ve--;
      issues.add('WHITESPACE', `spaces around the value of header key "${textOf(b, hv[h]!, hv[h + 1]!)}"`);
    }
    if (hv[h + 6] === 1 && hasRefused(b, s, ve)) {
      issues.add(
        'BAD_FIELD',
        `value of header key "${textOf(b, hv[h]!, hv[h + 1]!)}" contains "=", "&", spaces or control characters, which the encoder refuses`,
      );
    }
    const key = hv[h + 4]!;
    const value = text === 'ascii' ? headerValue(b, s, ve, key) : decodeTextAs(text, b, s, ve);
    if (key < 0) {
      const raw = textOf(b, hv[h]!, hv[h + 1]!);
      issues.add('BAD_FIELD', `unknown header key "${raw}" (表 3)`);
      headerExtra ??= {};
      if (Object.hasOwn(headerExtra, raw)) issues.add('DUPLICATE_KEY', `header key "${raw}" appears twice`);
      else define(headerExtra, raw, value);
      continue;
    }
    const name = HEADER_NAMES[key]!;
    if (hv[h + 5] === 0) issues.add('KEY_CASE', `header key "${textOf(b, hv[h]!, hv[h + 1]!)}" should be "${name}"`);
    const hr = header as Record<string, string>;
    if (hr[name] !== undefined) issues.add('DUPLICATE_KEY', `header key "${name}" appears twice`);
    else hr[name] = value;
  }

  // Shapes the deframer also refuses to take for a frame (one verdict alone and in a stream).
  if (segBytes > 0 && !isSegmentStart(b[6]!)) {
    issues.add('BAD_STRUCTURE', 'the data segment does not start with a header key (表 3)');
  }
  if (scanHeaderLf) issues.add('BAD_STRUCTURE', 'a line break before the CP area (表 2 ends a frame with CR LF)');

  // CP framing.
  const count = scanCount;
  if (scanCpKey < 0) issues.add('BAD_STRUCTURE', 'no "CP=&&" in the data segment (表 3)');
  else if (scanCpStart < 0) issues.add('BAD_STRUCTURE', 'CP does not start with "&&" (§6.3.3)');
  else {
    if (!scanCpClosed) issues.add('BAD_CP', 'CP is not closed by "&&" at the end of the data segment (§6.3.3)');
    const cpBytes = segBytes - (scanCpKey - 6);
    if (cpBytes > MAX_CP) issues.add('TOO_LONG', `CP of ${cpBytes} bytes exceeds 950 (表 3)`);
  }

  // Flag (表 3) and edition.
  let flag: FlagInfo | null = null;
  const flagText = header.Flag;
  if (flagText !== undefined) {
    const v = parseSmallInt(flagText);
    if (v < 0 || v > 255) issues.add('BAD_FIELD', `Flag "${flagText}" is not an integer 0–255 (表 3)`);
    else flag = { value: v, version: v >>> 2, split: (v & 2) !== 0, ack: (v & 1) !== 0 };
  }
  let edition: Edition | null = null;
  if (flag !== null) {
    if (flag.version === 0) edition = '2005';
    else if (flag.version === 1) edition = '2017';
    else if (flag.version === 2) edition = '2025';
    else issues.add('BAD_FIELD', `Flag ${flag.value} carries unknown version ${flag.version} (表 3 bits V5–V0)`);
  }
  if (edition === null) edition = guessEdition(header, count);

  const cn = header.CN;
  if (header.ST === undefined) issues.add('BAD_STRUCTURE', 'no ST (表 3)');
  if (cn === undefined) issues.add('BAD_STRUCTURE', 'no CN (表 3)');
  else if (!isDigits(cn, 4)) issues.add('BAD_FIELD', `CN "${cn}" is not 4 digits (表 3)`);
  if (edition !== '2005') {
    if (header.QN === undefined) issues.add('MISSING_FIELD', 'no QN (表 3)');
    if (flagText === undefined) issues.add('MISSING_FIELD', 'no Flag (表 3)');
  }
  if (header.PW === undefined) issues.add('MISSING_FIELD', 'no PW (表 3)');
  if (header.MN === undefined) issues.add('MISSING_FIELD', 'no MN (表 3)');
  if (!issues.lenient) checkShapes(header, edition, issues);
  checkSplit(header, flag, edition, issues);

  return new Frame(
    issues.errors === 0,
    edition,
    crcValid,
    header,
    headerExtra,
    flag,
    crc,
    { declared, bytes: segBytes },
    trailer,
    seg,
    issues.final(),
    b,
    text,
    scratchEntries.slice(0, count),
    scratchNums.slice(0, count),
    scratchPos.slice(0, count * 2),
  );
}

function parseSmallInt(s: string): number {
  if (s.length === 0 || s.length > 4) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function isDigits(s: string, n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/**
 * Without Flag (§1 of the domain notes): no QN, or 2005-style factor codes (`011`, `B01`, `S01`, 2–3 characters),
 * means HJ/T 212-2005; otherwise 2017.
 */
function guessEdition(header: Header, count: number): Edition {
  if (header.QN === undefined) return '2005';
  for (let k = 0; k < count; k++) {
    const code = scratchEntries[k]!.code;
    if (code !== '' && code.length <= 3) return '2005';
  }
  return '2017';
}

/** `s` has exactly `n` characters from 0-9A-Z (or 0-9A-F when `hex`). */
function isCodeChars(s: string, n: number, hex: boolean): boolean {
  if (s.length !== n) return false;
  const top = hex ? 0x46 : 0x5a;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= top))) return false;
  }
  return true;
}

/** Field shapes of 表 3, checked in strict mode only (lenient mode treats QN, PW, MN as opaque). */
function checkShapes(header: Header, edition: Edition | null, issues: Issues): void {
  const { QN, ST, PW, MN } = header;
  if (QN !== undefined && !isDigits(QN, 17)) issues.add('BAD_FIELD', `QN "${QN}" is not YYYYMMDDhhmmsszzz (表 3)`);
  if (ST !== undefined && !isCodeChars(ST, 2, false))
    issues.add('BAD_FIELD', `ST "${ST}" is not 2 characters 0-9A-Z (表 5)`);
  if (PW !== undefined && PW.length > 6) issues.add('BAD_FIELD', `PW "${PW}" is longer than 6 characters (表 3)`);
  if (MN !== undefined && edition !== '2005' && !isCodeChars(MN, 24, true)) {
    issues.add('BAD_FIELD', `MN "${MN}" is not 24 characters 0-9A-F (表 3)`);
  }
}

/**
 * §6.3.2: D=1 ⇔ PNUM and PNO present, 1 ≤ PNO ≤ PNUM. In 2005 the D bit did not imply PNUM/PNO (2005-era
 * platforms sent requests with Flag=3 and no packet numbers), so only the numbers themselves are checked there.
 */
function checkSplit(header: Header, flag: FlagInfo | null, edition: Edition | null, issues: Issues): void {
  const { PNUM, PNO } = header;
  const present = PNUM !== undefined || PNO !== undefined;
  if (edition === '2005') flag = null;
  if (flag?.split && !present) {
    issues.add('BAD_SPLIT', `Flag ${flag.value} has the D bit but PNUM/PNO are absent (§6.3.2)`);
    return;
  }
  if (!present) return;
  if (flag !== null && !flag.split) issues.add('BAD_SPLIT', `PNUM/PNO present but Flag ${flag.value} lacks the D bit`);
  const total = PNUM === undefined ? -1 : parseSmallInt(PNUM);
  const index = PNO === undefined ? -1 : parseSmallInt(PNO);
  if (total < 1 || index < 1)
    issues.add('BAD_SPLIT', `PNUM "${PNUM ?? ''}" / PNO "${PNO ?? ''}" are not both positive integers`);
  else if (index > total) issues.add('BAD_SPLIT', `PNO ${index} is greater than PNUM ${total}`);
}
