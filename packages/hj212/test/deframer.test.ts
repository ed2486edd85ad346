import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Deframer, type DeframerEvent } from '../src/deframer.ts';
import { encodeFrame, frameSegment } from '../src/encode.ts';
import { makeDevice, makeUpload } from '../src/simulator/profiles.ts';
import { APPENDIX_C, exampleSegment } from './fixtures/appendix-c.ts';
import { CAPTURED, CAPTURED_STREAMS } from './fixtures/captured.ts';
import { concat, latin1, text, utf8 } from './helpers.ts';

// Property and cost tests do real work: on a loaded 2-core machine they can take many times their idle duration.
vi.setConfig({ testTimeout: 120_000 });

/** Every fixture frame as bytes. */
const FIXTURES: Uint8Array[] = [
  ...CAPTURED.map((c) => utf8(c.frame)),
  ...APPENDIX_C.map((e) => frameSegment(exampleSegment(e))),
  ...Array.from({ length: 6 }, (_, i) =>
    encodeFrame(makeUpload(makeDevice(i, i % 2 ? 'air' : 'water', '2017', 7), { cn: '2051', dataTime: 0, ack: true })),
  ),
];

/** The fixtures whose length field counts their segment's bytes right (and which end in CR LF). */
const WELL_COUNTED = FIXTURES.filter((f) => Number(text(f.subarray(2, 6))) === f.length - 12);

function frames(events: DeframerEvent[]): string[] {
  return events.filter((e) => e.type === 'frame').map((e) => text(e.bytes));
}

function run(chunks: Uint8Array[], maxSegment?: number): DeframerEvent[] {
  const d = new Deframer(maxSegment === undefined ? {} : { maxSegment });
  const out: DeframerEvent[] = [];
  for (const c of chunks) out.push(...d.push(c));
  out.push(...d.end());
  return out;
}

describe('Deframer', () => {
  it('finds every fixture frame, alone and concatenated', () => {
    for (const f of FIXTURES) expect(frames(run([f]))).toEqual([text(f)]);
    expect(frames(run([concat(FIXTURES)]))).toEqual(FIXTURES.map(text));
  });

  it('gives the same frames for every fixture split at every byte offset and merged with its neighbours', () => {
    for (let i = 0; i < FIXTURES.length; i++) {
      const prev = FIXTURES[(i + FIXTURES.length - 1) % FIXTURES.length]!;
      const cur = FIXTURES[i]!;
      const next = FIXTURES[(i + 1) % FIXTURES.length]!;
      const stream = concat([prev, cur, next]);
      const expected = [text(prev), text(cur), text(next)];
      expect(frames(run([stream]))).toEqual(expected);
      for (let k = prev.length; k <= prev.length + cur.length; k++) {
        const got = frames(run([stream.subarray(0, k), stream.subarray(k)]));
        if (got.join('|') !== expected.join('|')) {
          throw new Error(`fixture ${i} split at ${k}: ${JSON.stringify(got.map((g) => g.slice(0, 40)))}`);
        }
      }
    }
  });

  it('gives the same frames for any partition of the whole fixture stream into chunks', () => {
    const stream = concat(FIXTURES);
    const expected = FIXTURES.map(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 40 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(stream.subarray(last, p));
          last = p;
        }
        chunks.push(stream.subarray(last));
        expect(frames(run(chunks))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same frames when a silence (flush) follows every chunk of any partition', () => {
    // what the gateway does when a device pauses, or when it stops reading a connection for a while
    const stream = concat(WELL_COUNTED);
    const expected = WELL_COUNTED.map((f) => text(f).replace(/\r\n$/, ''));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 40 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const d = new Deframer();
        const out: DeframerEvent[] = [];
        let last = 0;
        for (const p of [...points, stream.length]) {
          out.push(...d.push(stream.subarray(last, p)), ...d.flush());
          last = p;
        }
        out.push(...d.end());
        // a silence right before CR LF ends the frame there: the same frame, its trailer swallowed
        expect(frames(out).map((f) => f.replace(/\r?\n?$/, ''))).toEqual(expected);
        expect(out.filter((e) => e.type === 'skipped')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('works byte by byte', () => {
    const stream = concat(FIXTURES.slice(0, 8));
    const chunks = Array.from(stream, (b) => Uint8Array.of(b));
    expect(frames(run(chunks))).toEqual(FIXTURES.slice(0, 8).map(text));
  });

  it('finds the frames of captured multi-read streams and skips the Modbus bytes between them', () => {
    for (const s of CAPTURED_STREAMS) {
      const events = run(s.reads.map(latin1));
      const found = events.filter((e) => e.type === 'frame').map((e) => text(e.bytes));
      expect(found.map((f) => f.match(/CN=(\d{4})/)?.[1])).toEqual(s.frames.map((f) => f.cn));
      expect(found.map((f) => f.replace(/[\r\n]+$/, '').slice(-4))).toEqual(s.frames.map((f) => f.crc));
    }
    const modbus = run(CAPTURED_STREAMS[2]!.reads.map(latin1));
    const garbage = modbus.filter((e) => e.type === 'skipped' && e.code === 'GARBAGE');
    expect(garbage.reduce((n, e) => n + (e.type === 'skipped' ? e.length : 0), 0)).toBe(36);
  });

  it("returns frames that share the caller's chunk when they are complete in it", () => {
    const chunk = concat([FIXTURES[0]!, FIXTURES[1]!]);
    const [first] = new Deframer().push(chunk);
    expect(first?.type === 'frame' && first.bytes.buffer).toBe(chunk.buffer);
  });

  it('completes a frame without trailer on flush, and swallows a CR LF that arrives later', () => {
    const f = text(FIXTURES[0]!).replace(/\r\n$/, '');
    const d = new Deframer();
    expect(d.push(utf8(f))).toEqual([]);
    const flushed = d.flush();
    expect(frames(flushed)).toEqual([f]);
    const after = d.push(concat([latin1('\r\n'), FIXTURES[1]!]));
    expect(after.map((e) => e.type)).toEqual(['frame']);
  });

  it('does not complete a frame still arriving when a silence falls inside it (flush at every byte offset)', () => {
    // The gateway flushes after 200 ms without data, and also stops reading while it is behind: a frame whose
    // rest has not been read yet must wait for it. Cut just after `CP=&&Da` it used to end like a frame.
    expect(WELL_COUNTED.length).toBeGreaterThan(10);
    for (const f of WELL_COUNTED) {
      for (let k = 7; k < f.length; k++) {
        const d = new Deframer();
        const got = frames([...d.push(f.subarray(0, k)), ...d.flush(), ...d.push(f.subarray(k)), ...d.end()]);
        // with every byte up to the CRC read, a device without trailer has nothing more to send
        const expected = [text(k >= f.length - 2 ? f.subarray(0, k) : f)];
        if (got.join('|') !== expected.join('|'))
          throw new Error(`${text(f).slice(0, 50)}… flushed at ${k}: ${got.join('|')}`);
      }
    }
  });

  it('resynchronises after a frame cut short by a new one, reporting TRUNCATED', () => {
    const cut = FIXTURES[0]!.subarray(0, 40);
    const events = run([cut, FIXTURES[1]!]);
    expect(events.map((e) => (e.type === 'frame' ? 'frame' : e.code))).toEqual(['TRUNCATED', 'frame']);
  });

  it('frames by the trailer when the length field is wrong', () => {
    const good = text(FIXTURES[0]!);
    const wrongShort = `##0090${good.slice(6)}`;
    const wrongLong = `##0500${good.slice(6)}`;
    expect(frames(run([utf8(wrongShort + good)]))).toEqual([wrongShort, good]);
    expect(frames(run([utf8(wrongLong), FIXTURES[1]!]))).toEqual([wrongLong, text(FIXTURES[1]!)]);
  });

  it('frames a character-counted length (Chinese text) by its trailer', () => {
    const seg =
      'QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&i11001-Info=//清洗管路//&&';
    const f = frameSegment(seg);
    const asChars = concat([latin1(`##${String(seg.length).padStart(4, '0')}`), f.subarray(6)]);
    expect(frames(run([asChars, FIXTURES[0]!]))).toEqual([text(asChars), text(FIXTURES[0]!)]);
  });

  it('skips a declared length above the configured maximum', () => {
    const events = run([FIXTURES[0]!], 50);
    expect(events.some((e) => e.type === 'skipped' && e.code === 'TOO_LONG')).toBe(true);
    expect(frames(events)).toEqual([]);
  });

  it('keeps its memory bounded on a hostile stream', () => {
    const maxSegment = 300;
    const alphabet = fc.constantFrom(0x23, 0x23, 0x30, 0x31, 0x39, 0x0a, 0x0d, 0x26, 0x41, 0x3b, 0x00, 0xff);
    fc.assert(
      fc.property(
        fc.array(
          fc.uint8Array({ maxLength: 700 }).map((a) => a),
          { maxLength: 30 },
        ),
        fc.array(alphabet, { maxLength: 4000 }),
        (chunks, noise) => {
          const d = new Deframer({ maxSegment });
          const all = [...chunks, Uint8Array.from(noise), latin1(`##0299${'A'.repeat(900)}`)];
          for (const c of all) {
            d.push(c);
            expect(d.buffered).toBeLessThanOrEqual(d.maxFrameBytes);
            expect(d.capacity).toBeLessThanOrEqual(Math.max(4096, 2 * d.maxFrameBytes));
          }
          d.end();
          expect(d.buffered).toBe(0);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('gives up on an endless candidate after maxFrameBytes and recovers', () => {
    const d = new Deframer({ maxSegment: 100 });
    const events: DeframerEvent[] = [];
    events.push(...d.push(latin1(`##0100${'x'.repeat(5000)}`)));
    events.push(...d.push(FIXTURES[0]!));
    expect(events.some((e) => e.type === 'skipped' && e.code === 'TRUNCATED')).toBe(true);
    expect(frames(events)).toEqual([]); // the fixture is longer than maxSegment 100 → skipped as TOO_LONG
    const big = new Deframer();
    const ev2 = [...big.push(latin1(`##9999${'y'.repeat(12000)}`)), ...big.push(FIXTURES[1]!), ...big.end()];
    expect(frames(ev2)).toEqual([text(FIXTURES[1]!)]);
    expect(big.stats.garbageBytes).toBeGreaterThan(10000);
  });
});

describe('Deframer cost (issue 8 §7: quadratic on LF-less input)', () => {
  // Hostile shapes that each used to send a search to the end of every read (or of the whole candidate).
  const HOSTILE: Record<string, string> = {
    'bogus frames, no LF': '##0999ST=32;CN=2011;PW=123456;MN=1;',
    'bogus frames inside CP, no LF': '##0999QN=1;ST=32;CN=2011;CP=&&a=1;b=2;',
    'endless candidate without markers': `##9999QN=${'A'.repeat(997)}`,
    'hashes that never make a marker': `${'#'.repeat(50)}##12x##`,
    'frame ends that are never frames': '##0100CP=&&x=1&&12345678901##00',
  };
  const CHUNKS = [1, 7, 1460, 65_536];

  function work(unit: string, bytes: number, chunk: number): number {
    const all = latin1(unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes));
    const d = new Deframer();
    for (let p = 0; p < all.length; p += chunk) d.push(all.subarray(p, p + chunk));
    d.end();
    return d.stats.work;
  }

  it('examines each byte a bounded number of times, whatever the input and its chunking (no timing)', () => {
    for (const [name, unit] of Object.entries(HOSTILE)) {
      for (const chunk of CHUNKS) {
        // Whole reads only, so that the comparison is not skewed by a last partial read.
        const n = chunk * Math.ceil(100_000 / chunk);
        const small = work(unit, n, chunk);
        const large = work(unit, 4 * n, chunk);
        // Linear: the work per byte does not grow with the input (it may rise a little, since every read after the
        // first is appended to a carry-over buffer once)…
        expect(large / (4 * n) - small / n, `${name}, ${chunk}-byte reads`).toBeLessThan(0.5);
        // …nor with the read size: a few units per byte (about 2 measured). The old line-end search ran to the end
        // of the read for every bogus candidate: hundreds of units per byte in 64 KiB reads.
        expect(small / n, `${name}, ${chunk}-byte reads`).toBeLessThan(4);
        expect(large / (4 * n), `${name}, ${chunk}-byte reads`).toBeLessThan(4);
      }
    }
  }, 120_000);

  it('costs valid frames a few units of work per byte too', () => {
    const valid = concat(FIXTURES.slice(0, 8));
    const d = new Deframer();
    for (let p = 0; p < valid.length; p += 7) d.push(valid.subarray(p, p + 7));
    d.end();
    expect(d.stats.frames).toBe(8);
    expect(d.stats.work / valid.length).toBeLessThan(4);
  });
});

describe('Deframer resynchronisation (issue 8 §7)', () => {
  const good = text(FIXTURES[0]!);
  const modes: Record<string, (s: string) => string[]> = {
    'one read': (s) => [s],
    'line by line': (s) => s.split(/(?<=\n)/),
    'byte by byte': (s) => [...s],
  };

  for (const bogus of ['##1234\r\n', '##0500hello\n', '##9999 login ok\r\n', '##0010\r\n', '##0200QN=1;ST=32\r\n']) {
    for (const [mode, split] of Object.entries(modes)) {
      it(`a bogus ${JSON.stringify(bogus)} line and text lines do not hold back the frames after them (${mode})`, () => {
        const stream = `${bogus}some text line\r\nanother line\r\n${good}${good}${good}`;
        const d = new Deframer();
        const out: DeframerEvent[] = [];
        for (const part of split(stream)) out.push(...d.push(utf8(part)));
        // Before end(): nothing waits for a declared length that will never come.
        expect(frames(out)).toEqual([good, good, good]);
        expect(frames(d.end())).toEqual([]);
        expect(d.buffered).toBe(0);
      });
    }
  }

  it('still reads an LF inside CP text as part of the frame', () => {
    const seg =
      'QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&i11001-Info=//line 1\nline 2//&&';
    const f = frameSegment(seg);
    expect(frames(run([f.subarray(0, 100), f.subarray(100), FIXTURES[1]!]))).toEqual([text(f), text(FIXTURES[1]!)]);
  });
});
