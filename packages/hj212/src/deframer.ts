/**
 * Byte-stream deframer for HJ 212 over TCP (表 2 frame: `##` + 4-digit length + segment + CRC + CRLF).
 *
 * TCP delivers arbitrary chunks: one frame over several reads, several frames in one read, and, on the ports
 * of real gateways, bytes that are not HJ 212 at all (Modbus-TCP polls, DTU heartbeats). The deframer
 * - resynchronises on `##` followed by 4 ASCII digits;
 * - ends a frame by its length field when the 4 CRC digits and a trailer (CRLF, LF, or the next `##`) sit
 *   where the length says; otherwise by the first LF after the CP area has begun, or by the next `##dddd` when
 *   the bytes before it end like a frame (`&&` + hex CRC + at most {@link MAX_TAIL_JUNK} vendor bytes, the same
 *   tolerance as {@link decodeFrame}) — devices miscount lengths, count characters instead of bytes, or append
 *   vendor bytes after the CRC;
 * - gives a candidate up as soon as it cannot be a frame — no header key after `##dddd`, or a line that ends
 *   before `CP=&&` — and resynchronises on the next `##dddd`, instead of waiting for the declared length;
 * - examines every byte a bounded number of times whatever the chunk sizes (searches never run past the point
 *   where they would decide, and a waiting candidate resumes where its search stopped); `stats.work` counts the
 *   bytes examined and copied, so tests can check the cost is linear without timing anything;
 * - never holds more than one candidate frame (at most `6 + maxSegment + 4 + 8` bytes) between calls, so a
 *   hostile stream cannot make it grow;
 * - reports skipped bytes and abandoned candidates as events instead of giving up on the stream.
 *
 * It does not check CRCs or content: that is {@link decodeFrame}'s job.
 */
import { isSegmentStart, isTailJunk, MAX_TAIL_JUNK } from './limits.ts';

export interface DeframerOptions {
  /**
   * Largest data segment accepted, in bytes (default 9999, the most 4 digits can declare; 表 2 limits senders
   * to 1024 but longer real frames exist). A declared length above it is skipped as TOO_LONG.
   */
  maxSegment?: number;
}

export type DeframerEvent =
  | {
      type: 'frame';
      /** The frame from `##` through its trailer. It may share memory with the chunk passed to `push`. */
      bytes: Uint8Array;
    }
  | {
      type: 'skipped';
      code: 'GARBAGE' | 'TRUNCATED' | 'TOO_LONG';
      /** Number of bytes skipped. */
      length: number;
      /** A copy of the first skipped bytes (at most 32), for diagnostics. */
      sample: Uint8Array;
      message: string;
    };

export interface DeframerStats {
  frames: number;
  frameBytes: number;
  garbageBytes: number;
  skippedEvents: number;
  truncated: number;
  tooLong: number;
  /**
   * Bytes examined by the searches plus bytes copied into the carry-over buffer: a work counter that grows
   * linearly with the input (a few units per byte), whatever the input and its chunking.
   */
  work: number;
}

const SAMPLE = 32;
/** Slack after the CRC for a trailer and vendor junk such as `**` before the LF. */
const TAIL_SLACK = MAX_TAIL_JUNK;

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Whether `[.., x)` ends like a frame: `&&`, `minHex`–4 hex digits, tail junk that {@link decodeFrame} tolerates
 * after the CRC ({@link isTailJunk}), then optionally CR and/or LF. Looks at a bounded window only.
 */
function endsLikeFrame(d: Uint8Array, from: number, x: number, minHex = 1): boolean {
  let i = x;
  if (i > from && d[i - 1] === 0x0a) i--;
  if (i > from && d[i - 1] === 0x0d) i--;
  // Tail junk holds no `&`, so the last `&&` in this window is the one that closes CP...
  const low = Math.max(from + 1, i - (4 + MAX_TAIL_JUNK) - 1);
  for (let a = i - 1; a >= low; a--) {
    if (d[a] !== 0x26 || d[a - 1] !== 0x26) continue;
    // ...unless it is the one that opens it: a frame cut just after `CP=&&Da` (of `DataTime`) would end like
    // one, `Da` read as its CRC and `taTim` as vendor bytes
    if (a - 4 >= from && d[a - 2] === 0x3d && d[a - 3] === 0x50 && d[a - 4] === 0x43) return false;
    let hex = 0;
    while (hex < 4 && a + 1 + hex < i && isHex(d[a + 1 + hex]!)) hex++;
    return hex >= minHex && hex > 0 && isTailJunk(d, a + 1 + hex, i);
  }
  return false;
}

/** Whether `[k, end)` (fewer than 6 bytes) could still become a `##dddd` marker. */
function couldBeMarker(d: Uint8Array, k: number, end: number): boolean {
  for (let j = k + 1; j < end; j++) {
    const c = d[j]!;
    if (j === k + 1 ? c !== 0x23 : !isDigit(c)) return false;
  }
  return true;
}

export class Deframer {
  readonly maxSegment: number;
  /** Largest number of bytes a single candidate frame may occupy. */
  readonly maxFrameBytes: number;
  readonly stats: DeframerStats = {
    frames: 0,
    frameBytes: 0,
    garbageBytes: 0,
    skippedEvents: 0,
    truncated: 0,
    tooLong: 0,
    work: 0,
  };

  /** Carried-over bytes: a candidate frame (always at index 0) or a partial `##ddd` prefix. */
  #buf: Uint8Array = new Uint8Array(0);
  #len = 0;
  /** Offset (relative to the candidate start) up to which the candidate was already searched. */
  #scanFrom = 6;
  /** The candidate's bytes searched so far hold `=&&`: its CP area has begun (an LF may be text now). */
  #cpSeen = false;
  /** After a frame ended without trailer at a flush: a CR LF or LF arriving next belongs to it. */
  #swallow = false;
  /** The carried-over bytes start with a complete `##dddd` marker whose frame is still open. */
  #candidate = false;
  #events: DeframerEvent[] = [];
  #garbageRun = 0;
  #garbageSample: number[] = [];

  constructor(options: DeframerOptions = {}) {
    const max = options.maxSegment ?? 9999;
    this.maxSegment = Math.max(0, Math.min(9999, Math.floor(max)));
    this.maxFrameBytes = 6 + this.maxSegment + 4 + TAIL_SLACK;
  }

  /** Bytes currently held between calls (never more than `maxFrameBytes`). */
  get buffered(): number {
    return this.#len;
  }

  /** Capacity of the internal buffer (for memory-bound checks). */
  get capacity(): number {
    return this.#buf.length;
  }

  /**
   * Feeds a chunk; returns the frames completed and the bytes skipped. The chunk must not be modified while
   * returned frames that share its memory are in use.
   */
  push(chunk: Uint8Array): DeframerEvent[] {
    this.#events = [];
    if (chunk.length === 0) return this.#events;
    let data: Uint8Array;
    let end: number;
    let owned: boolean;
    if (this.#len === 0) {
      data = chunk;
      end = chunk.length;
      owned = false;
    } else {
      this.#ensure(this.#len + chunk.length);
      this.#buf.set(chunk, this.#len);
      this.#len += chunk.length;
      this.stats.work += chunk.length;
      data = this.#buf;
      end = this.#len;
      owned = true;
    }
    const keep = this.#process(data, end, owned, false);
    this.#keep(data, keep, end, owned);
    this.#flushGarbage();
    return this.#events;
  }

  /**
   * Completes a candidate that is waiting only for its trailer (a device that sends no CR LF), e.g. after the
   * connection has been idle for a moment. Partial candidates stay buffered.
   */
  flush(): DeframerEvent[] {
    this.#events = [];
    if (this.#len > 0) {
      const keep = this.#process(this.#buf, this.#len, true, true);
      this.#keep(this.#buf, keep, this.#len, true);
    }
    this.#flushGarbage();
    return this.#events;
  }

  /** End of stream: completes what can be completed and reports the rest as TRUNCATED. */
  end(): DeframerEvent[] {
    const events = this.flush();
    this.#events = events;
    if (this.#len > 0) {
      const isCandidate = this.#len >= 6 && this.#buf[0] === 0x23 && this.#buf[1] === 0x23;
      if (isCandidate) this.#skip('TRUNCATED', this.#buf, 0, this.#len, 'stream ended inside a frame');
      else {
        this.#garbage(this.#buf, 0, this.#len);
        this.#flushGarbage();
      }
      this.#len = 0;
    }
    this.#swallow = false;
    this.#candidate = false;
    this.#shrink();
    return events;
  }

  /** Keeps `[keep, end)` for the next call, with the candidate at index 0. */
  #keep(data: Uint8Array, keep: number, end: number, owned: boolean): void {
    const rest = end - keep;
    if (rest <= 0) {
      this.#len = 0;
      this.#shrink();
      return;
    }
    if (owned) {
      if (keep > 0) {
        this.#buf.copyWithin(0, keep, end);
        this.stats.work += rest;
      }
    } else {
      this.stats.work += rest;
      this.#ensure(rest);
      this.#buf.set(data.subarray(keep, end), 0);
    }
    this.#len = rest;
    this.#shrink();
  }

  #ensure(size: number): void {
    if (this.#buf.length >= size) return;
    const next = new Uint8Array(Math.max(size, Math.min(this.maxFrameBytes * 2, Math.max(256, this.#buf.length * 2))));
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }

  /** Gives memory back after a large chunk passed through the carry-over buffer. */
  #shrink(): void {
    const limit = Math.max(4096, this.maxFrameBytes * 2);
    if (this.#buf.length > limit && this.#len <= this.maxFrameBytes) {
      const next = new Uint8Array(Math.max(256, this.#len));
      next.set(this.#buf.subarray(0, this.#len));
      this.#buf = next;
    }
  }

  #emitFrame(data: Uint8Array, start: number, end: number, owned: boolean): void {
    this.#flushGarbage();
    const bytes = owned ? data.slice(start, end) : data.subarray(start, end);
    this.stats.frames++;
    this.stats.frameBytes += end - start;
    this.#events.push({ type: 'frame', bytes });
  }

  #garbage(data: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    this.#garbageRun += end - start;
    for (let i = start; i < end && this.#garbageSample.length < SAMPLE; i++) this.#garbageSample.push(data[i]!);
  }

  #flushGarbage(): void {
    if (this.#garbageRun === 0) return;
    const length = this.#garbageRun;
    this.stats.garbageBytes += length;
    this.stats.skippedEvents++;
    this.#events.push({
      type: 'skipped',
      code: 'GARBAGE',
      length,
      sample: Uint8Array.from(this.#garbageSample),
      message: `${length} byte(s) outside any frame skipped`,
    });
    this.#garbageRun = 0;
    this.#garbageSample = [];
  }

  #skip(code: 'TRUNCATED' | 'TOO_LONG', data: Uint8Array, start: number, end: number, message: string): void {
    this.#flushGarbage();
    if (code === 'TRUNCATED') this.stats.truncated++;
    else this.stats.tooLong++;
    this.stats.skippedEvents++;
    this.#events.push({
      type: 'skipped',
      code,
      length: end - start,
      sample: data.slice(start, Math.min(end, start + SAMPLE)),
      message,
    });
  }

  /**
   * Scans `data[0, end)`. Returns the index from which bytes must be kept for later (a candidate or partial
   * start marker), or `end` when nothing is pending.
   */
  #process(data: Uint8Array, end: number, owned: boolean, flushing: boolean): number {
    let pos = 0;
    if (this.#swallow && pos < end) {
      if (data[pos] === 0x0d && pos + 1 < end && data[pos + 1] === 0x0a) pos += 2;
      else if (data[pos] === 0x0a) pos += 1;
      else if (data[pos] === 0x0d && pos + 1 === end) return pos; // wait to see whether LF follows
      this.#swallow = false;
    }
    let resume = this.#candidate && owned && pos === 0;
    this.#candidate = false;
    while (pos < end) {
      // Find the next start marker `##dddd`.
      const p = resume ? pos : this.#findStart(data, pos, end);
      if (p < 0) {
        // Keep a tail that could still become a marker: `#`, `##`, `##d`, `##dd`, `##ddd`.
        const tail = partialMarker(data, pos, end);
        this.#garbage(data, pos, tail);
        return tail;
      }
      if (!resume) {
        this.#garbage(data, pos, p);
        this.#scanFrom = 6;
        this.#cpSeen = false;
      }
      resume = false;
      const declared =
        (data[p + 2]! - 0x30) * 1000 + (data[p + 3]! - 0x30) * 100 + (data[p + 4]! - 0x30) * 10 + (data[p + 5]! - 0x30);
      if (declared > this.maxSegment) {
        this.#skip('TOO_LONG', data, p, p + 6, `declared length ${declared} exceeds the limit of ${this.maxSegment}`);
        pos = p + 2;
        continue;
      }
      const r = this.#decide(data, p, end, declared, flushing);
      if (r.kind === 'frame') {
        this.#emitFrame(data, p, r.at, owned);
        if (r.swallow) this.#swallow = true;
        pos = r.at;
        if (this.#swallow && pos < end) {
          if (data[pos] === 0x0d && pos + 1 < end && data[pos + 1] === 0x0a) pos += 2;
          else if (data[pos] === 0x0a) pos += 1;
          this.#swallow = false;
        }
        continue;
      }
      if (r.kind === 'cut') {
        this.#skip('TRUNCATED', data, p, r.at, r.message);
        pos = r.at;
        continue;
      }
      // Need more bytes: keep the candidate.
      this.#candidate = true;
      return p;
    }
    return end;
  }

  /** Index of the next `##dddd` at or after `from` whose 6 bytes are all present before `end`, or -1. */
  #findStart(data: Uint8Array, from: number, end: number): number {
    let i = from;
    while (i + 6 <= end) {
      // Bounded search: never past `end`, so a caller that stops early does not pay for the rest of the read.
      const h = data[i] === 0x23 ? i : data.subarray(i, end - 5).indexOf(0x23) + i;
      if (h < i) {
        this.stats.work += end - 5 - i;
        return -1;
      }
      this.stats.work += h + 1 - i;
      if (
        data[h + 1] === 0x23 &&
        isDigit(data[h + 2]!) &&
        isDigit(data[h + 3]!) &&
        isDigit(data[h + 4]!) &&
        isDigit(data[h + 5]!)
      ) {
        return h;
      }
      i = h + 1;
    }
    return -1;
  }

  #decide(
    data: Uint8Array,
    p: number,
    end: number,
    declared: number,
    flushing: boolean,
  ): { kind: 'frame'; at: number; swallow: boolean } | { kind: 'cut'; at: number; message: string } | { kind: 'wait' } {
    // 0. A data segment starts with a header key (表 3): anything else cannot be a frame, whatever its length says.
    if (p + 6 < end && !isSegmentStart(data[p + 6]!)) {
      return { kind: 'cut', at: p + 2, message: 'no header key after the length field (表 3)' };
    }
    // 1. By the length field: 4 hex CRC digits where the length says, then CR LF, LF, or the next frame.
    const e = p + 6 + declared + 4;
    if (e <= end) {
      if (isHex(data[e - 4]!) && isHex(data[e - 3]!) && isHex(data[e - 2]!) && isHex(data[e - 1]!)) {
        if (e === end) {
          if (flushing) return { kind: 'frame', at: e, swallow: true };
          return { kind: 'wait' };
        }
        const c = data[e]!;
        if (c === 0x0a) return { kind: 'frame', at: e + 1, swallow: false };
        if (c === 0x0d) {
          if (e + 1 < end) return { kind: 'frame', at: data[e + 1] === 0x0a ? e + 2 : e + 1, swallow: false };
          if (flushing) return { kind: 'frame', at: e + 1, swallow: true };
          return { kind: 'wait' };
        }
        if (c === 0x23) return { kind: 'frame', at: e, swallow: false };
      }
    }

    // 2. By structure.
    // One pass from where the last call stopped, up to the first LF or the next `##dddd`, whichever comes first.
    const limit = Math.min(end, p + this.maxFrameBytes);
    const from = p + this.#scanFrom;
    let i = from;
    let cp = this.#cpSeen;
    for (; i < limit; i++) {
      const c = data[i]!;
      if (c === 0x0a) {
        if (!cp) {
          // A line that ends before `CP=&&` (a login banner, a log line, a bogus `##dddd`): not a frame. Waiting
          // for the declared length would hold back the valid frames behind it.
          this.stats.work += i + 1 - from;
          return { kind: 'cut', at: i + 1, message: 'the line ended before the CP area (表 3): not a frame' };
        }
        // e <= end: the length reading was already tried above and failed.
        if (e <= end || endsLikeFrame(data, p + 6, i + 1)) {
          this.stats.work += i + 1 - from;
          return { kind: 'frame', at: i + 1, swallow: false };
        }
        // An LF in CP text (`//…//`, 表 B.10) before the length-field end: keep reading.
      } else if (c === 0x23) {
        if (i + 6 > end) {
          if (couldBeMarker(data, i, end)) break; // wait for the bytes that tell whether a frame starts here
        } else if (
          data[i + 1] === 0x23 &&
          isDigit(data[i + 2]!) &&
          isDigit(data[i + 3]!) &&
          isDigit(data[i + 4]!) &&
          isDigit(data[i + 5]!)
        ) {
          this.stats.work += i + 1 - from;
          if (endsLikeFrame(data, p + 6, i)) return { kind: 'frame', at: i, swallow: false };
          return { kind: 'cut', at: i, message: 'a new frame started before this one was complete' };
        }
      } else if (c === 0x26 && !cp && data[i - 1] === 0x26 && data[i - 2] === 0x3d) cp = true;
    }
    this.stats.work += i - from;
    this.#scanFrom = i - p;
    this.#cpSeen = cp;

    if (end - p >= this.maxFrameBytes) {
      return { kind: 'cut', at: p + 2, message: `no frame end within ${this.maxFrameBytes} bytes` };
    }
    // A silence: a device that sends no trailer has sent its frame. Fewer bytes than the length field declares
    // may also be a frame still on its way (a slow link, or a reader that stopped reading), so then only a
    // complete 4-digit CRC ends it; past the declared length the length is wrong anyway and the shape decides.
    if (flushing && endsLikeFrame(data, p + 6, end, end < e ? 4 : 1)) return { kind: 'frame', at: end, swallow: true };
    return { kind: 'wait' };
  }
}

/** Start of a trailing partial marker (`#`, `##`, `##d`…) in `[from, end)`, or `end` when there is none. */
function partialMarker(data: Uint8Array, from: number, end: number): number {
  for (let k = Math.max(from, end - 5); k < end; k++) {
    if (data[k] !== 0x23) continue;
    let ok = true;
    for (let j = k + 1; j < end; j++) {
      const c = data[j]!;
      if (j === k + 1 ? c !== 0x23 : !isDigit(c)) {
        ok = false;
        break;
      }
    }
    if (ok) return k;
  }
  return end;
}
