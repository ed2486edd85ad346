/**
 * Deframer + decoder in one object, for a byte stream such as one TCP connection or stdin.
 * Bytes skipped between frames (GARBAGE, TRUNCATED, TOO_LONG) are reported as warnings on the next frame —
 * they never make that frame invalid — or, at the end of the stream, in `end().skipped`.
 */
import { type DecodeOptions, decodeFrame } from './decode.ts';
import { Deframer, type DeframerEvent, type DeframerOptions } from './deframer.ts';
import { capIssues, type Issue, type IssueCode } from './issues.ts';
import type { DecodedFrame } from './types.ts';

export interface StreamDecoderOptions extends DecodeOptions, DeframerOptions {}

export interface DecodedStream {
  frames: DecodedFrame[];
  /** Skipped bytes not followed by a frame (yet). */
  skipped: Issue[];
}

function hex(sample: Uint8Array): string {
  let s = '';
  for (const b of sample) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Skipped-byte notes kept for the next frame; more are counted in the deframer's stats only. */
const PENDING_MAX = 16;

export class StreamDecoder {
  readonly deframer: Deframer;
  #options: DecodeOptions;
  #pending: Issue[] = [];

  constructor(options: StreamDecoderOptions = {}) {
    this.deframer = new Deframer(options);
    this.#options = { lenient: options.lenient, crcModes: options.crcModes };
  }

  push(chunk: Uint8Array): DecodedFrame[] {
    return this.#handle(this.deframer.push(chunk));
  }

  /** Completes a frame waiting only for its trailer (call when the connection has been idle briefly). */
  flush(): DecodedFrame[] {
    return this.#handle(this.deframer.flush());
  }

  end(): DecodedStream {
    const frames = this.#handle(this.deframer.end(), true);
    const skipped = this.#pending;
    this.#pending = [];
    return { frames, skipped };
  }

  /** Garbage runs reported by successive reads are merged into one issue. */
  #garbage = 0;
  #garbageSample = '';

  #flushGarbage(): void {
    if (this.#garbage === 0) return;
    this.#note('GARBAGE', `${this.#garbage} byte(s) outside any frame skipped (starts ${this.#garbageSample})`);
    this.#garbage = 0;
    this.#garbageSample = '';
  }

  #note(code: IssueCode, message: string): void {
    if (this.#pending.length < PENDING_MAX) this.#pending.push({ code, message, severity: 'warning' });
  }

  #handle(events: DeframerEvent[], final = false): DecodedFrame[] {
    const out: DecodedFrame[] = [];
    for (const e of events) {
      if (e.type === 'skipped') {
        if (e.code === 'GARBAGE') {
          if (this.#garbage === 0) this.#garbageSample = hex(e.sample);
          this.#garbage += e.length;
        } else {
          this.#flushGarbage();
          // Formatted only while there is room: a hostile stream yields one such event per bogus candidate.
          if (this.#pending.length < PENDING_MAX) this.#note(e.code, `${e.message} (starts ${hex(e.sample)})`);
        }
        continue;
      }
      this.#flushGarbage();
      const frame = decodeFrame(e.bytes, this.#options);
      if (this.#pending.length > 0) {
        frame.issues = capIssues([...this.#pending, ...frame.issues]);
        this.#pending = [];
      }
      out.push(frame);
    }
    if (final) this.#flushGarbage();
    return out;
  }
}

/** Decodes every frame in `bytes` (a whole capture). */
export function decodeStream(bytes: Uint8Array, options: StreamDecoderOptions = {}): DecodedStream {
  const d = new StreamDecoder(options);
  const frames = d.push(bytes);
  const last = d.end();
  return { frames: [...frames, ...last.frames], skipped: last.skipped };
}
