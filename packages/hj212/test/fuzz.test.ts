import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeFrame } from '../src/decode.ts';
import { Deframer } from '../src/deframer.ts';
import { StreamDecoder } from '../src/stream.ts';
import { CAPTURED } from './fixtures/captured.ts';
import { utf8 } from './helpers.ts';

// Property and cost tests do real work: on a loaded 2-core machine they can take many times their idle duration.
vi.setConfig({ testTimeout: 120_000 });

const REAL = CAPTURED.map((c) => utf8(c.frame));

/** Bytes biased towards the characters that drive the parser's decisions. */
const hj212ish = fc.uint8Array({ maxLength: 600 }).chain((noise) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '##',
          '0101',
          ';',
          ',',
          '=',
          '&&',
          'CP=&&',
          'QN=',
          'Flag=',
          'PNUM=',
          'PNO=',
          '//',
          '\r\n',
          '\n',
          '-',
          '.',
          ' ',
        ),
        fc.constantFrom('__proto__', 'constructor', 'w01018-Rtd', '清洗', '\u00ff'),
      ),
      { maxLength: 80 },
    )
    .map((parts) => {
      const s = utf8(parts.join(''));
      const out = new Uint8Array(s.length + noise.length);
      out.set(s);
      out.set(noise, s.length);
      return out;
    }),
);

function mutate(frame: Uint8Array, edits: [number, number, number][]): Uint8Array {
  let b = Array.from(frame);
  for (const [kind, at, value] of edits) {
    const i = b.length === 0 ? 0 : at % b.length;
    if (kind === 0) b[i] = value;
    else if (kind === 1) b.splice(i, 1);
    else if (kind === 2) b.splice(i, 0, value);
    else b = b.slice(0, i);
  }
  return Uint8Array.from(b);
}

function checkResult(d: ReturnType<typeof decodeFrame>): void {
  expect(typeof d.ok).toBe('boolean');
  expect(Array.isArray(d.issues)).toBe(true);
  for (const i of d.issues) expect(typeof i.code).toBe('string');
  // Lazy parts must not throw either.
  void d.cp;
  void d.fields;
  void d.segment;
  JSON.stringify(d);
  expect(Object.getPrototypeOf(d.cp)).toBe(Object.prototype);
}

describe('untrusted input never throws and never hangs', () => {
  it('decodeFrame on random bytes, strict and lenient', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), hj212ish), fc.boolean(), (bytes, lenient) => {
        const d = decodeFrame(bytes, { lenient, crcModes: ['modbus-le', 'modbus-be'] });
        checkResult(d);
        // A decoder bug would surface as this message; it must never be needed.
        expect(d.issues.some((i) => i.message.startsWith('decoder failure'))).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('decodeFrame on mutated real frames', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: REAL.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (k, edits) => {
          const d = decodeFrame(mutate(REAL[k]!, edits), { lenient: true });
          checkResult(d);
          expect(d.issues.some((i) => i.message.startsWith('decoder failure'))).toBe(false);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('deframer and stream decoder on random chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hj212ish, fc.constantFrom(...REAL)), { maxLength: 12 }), (chunks) => {
        const s = new StreamDecoder({ lenient: true, maxSegment: 1200 });
        for (const c of chunks) for (const f of s.push(c)) checkResult(f);
        for (const f of s.end().frames) checkResult(f);
        const d = new Deframer();
        for (const c of chunks) d.push(c);
        d.flush();
        d.end();
      }),
      { numRuns: 300 },
    );
  });

  it('a mutated frame whose CRC still matches is still fully checked', () => {
    // Flipping bytes can keep the 8-bit-strong CRC valid (1 in 256); the structure checks still run.
    let flagged = 0;
    for (let v = 0; v < 256; v++) {
      const m = mutate(REAL[0]!, [[0, 40, v]]);
      const d = decodeFrame(m);
      if (d.crcValid && v !== REAL[0]![40]) flagged++;
      checkResult(d);
    }
    expect(flagged).toBeLessThan(8);
  });
});

describe('strict accepts only what the encoder writes (issue 8 §7)', () => {
  it('a frame with inserted =, &, spaces or control characters is refused by strict mode unless the encoder writes exactly it', async () => {
    const { encodeFrame } = await import('../src/encode.ts');
    const { crc16Hj212, crcToHex } = await import('../src/crc.ts');
    const strictOk = REAL.map((b) => decodeFrame(b)).filter((d) => d.ok);
    expect(strictOk.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: strictOk.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x3d, 0x26, 0x20, 0x09, 0x00, 0x01, 0x1f, 0x7f)), {
          minLength: 1,
          maxLength: 3,
        }),
        (k, inserts) => {
          const seg = Array.from(utf8(strictOk[k]!.segment));
          for (const [at, c] of inserts) seg.splice(at % (seg.length + 1), 0, c);
          const segment = Uint8Array.from(seg);
          const len = String(segment.length).padStart(4, '0');
          const bytes = new Uint8Array([
            ...utf8(`##${len}`),
            ...segment,
            ...utf8(`${crcToHex(crc16Hj212(segment))}\r\n`),
          ]);
          const d = decodeFrame(bytes);
          if (!d.ok) return;
          // Accepted: then the encoder must write these very bytes from what was decoded.
          const again = encodeFrame(
            { header: d.header as never, cp: d.fields.map((f) => ({ key: f.key, value: f.value, item: f.item })) },
            { edition: d.edition ?? '2017', allowLong: true },
          );
          expect(Array.from(again)).toEqual(Array.from(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });
});
