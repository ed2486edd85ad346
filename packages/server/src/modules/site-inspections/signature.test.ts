// The drawn signature's ink check, on PNGs made here byte by byte: what a canvas exports (RGBA,
// any filter), the other colour types a client could send, blank and transparent canvases, and
// hostile bytes — which are refused, never thrown on.
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURE } from './demo-parties.ts';
import { checkSignaturePng, SIGNATURE_MAX_PIXELS, SIGNATURE_MIN_INK } from './signature.ts';

const HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer, crc?: number): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc ?? crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

function ihdr(width: number, height: number, depth: number, colour: number, interlace = 0): Buffer {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(width, 0);
  b.writeUInt32BE(height, 4);
  b[8] = depth;
  b[9] = colour;
  b[12] = interlace;
  return b;
}

/** Filters each raw scanline (bytes per pixel `bpp`) with `filter`, as an encoder would. */
function filtered(lines: Buffer[], bpp: number, filter: number): Buffer {
  const out: Buffer[] = [];
  let prev: Buffer = Buffer.alloc(lines[0]!.length);
  for (const line of lines) {
    const f = Buffer.alloc(line.length);
    for (let i = 0; i < line.length; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter]!;
      f[i] = (line[i]! - predictor) & 0xff;
    }
    out.push(Buffer.from([filter]), f);
    prev = line;
  }
  return Buffer.concat(out);
}

type Png = {
  width: number;
  height: number;
  depth?: number;
  colour?: number;
  /** unfiltered scanlines */
  lines: Buffer[];
  bpp?: number;
  filter?: number;
  extra?: Buffer[];
};

function png({ width, height, depth = 8, colour = 6, lines, bpp = 4, filter = 0, extra = [] }: Png): Buffer {
  return Buffer.concat([
    HEADER,
    chunk('IHDR', ihdr(width, height, depth, colour)),
    ...extra,
    chunk('IDAT', deflateSync(filtered(lines, bpp, filter))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An RGBA canvas, 120×40, transparent, with a dark stroke across row 20 of `length` pixels. */
function rgbaCanvas(length: number, ink: [number, number, number, number] = [0, 0, 0, 255]): Buffer[] {
  return Array.from({ length: 40 }, (_, y) => {
    const line = Buffer.alloc(120 * 4);
    if (y >= 19 && y <= 21) for (let x = 10; x < 10 + length; x++) line.set(ink, x * 4);
    return line;
  });
}

describe('signature ink check', () => {
  it('passes the demo signature and a stroke exported under every scanline filter', () => {
    expect(checkSignaturePng(Buffer.from(SIGNATURE, 'base64'))).toMatchObject({ ok: true });
    for (const filter of [0, 1, 2, 3, 4]) {
      const r = checkSignaturePng(png({ width: 120, height: 40, lines: rgbaCanvas(30), filter }));
      expect(r, `filter ${filter}`).toEqual({ ok: true, width: 120, height: 40, ink: 90 });
    }
  });

  it('refuses a blank canvas, a transparent one, near-white or near-transparent ink and a speck', () => {
    const refuse = (lines: Buffer[]) => checkSignaturePng(png({ width: 120, height: 40, lines, filter: 1 }));
    expect(refuse(rgbaCanvas(0))).toEqual({ ok: false, reason: 'blank' });
    // a canvas filled white, as one with a background would export it
    const white = Array.from({ length: 40 }, () => Buffer.alloc(120 * 4, 0xff));
    expect(refuse(white)).toEqual({ ok: false, reason: 'blank' });
    // black drawn at alpha 0: the bytes say black, the page shows nothing
    expect(refuse(rgbaCanvas(60, [0, 0, 0, 0]))).toEqual({ ok: false, reason: 'blank' });
    expect(refuse(rgbaCanvas(60, [0, 0, 0, 30]))).toEqual({ ok: false, reason: 'blank' });
    expect(refuse(rgbaCanvas(60, [235, 235, 235, 255]))).toEqual({ ok: false, reason: 'blank' });
    // ten pixels of ink (a tap): fewer than SIGNATURE_MIN_INK
    expect(SIGNATURE_MIN_INK).toBeGreaterThan(9);
    expect(refuse(rgbaCanvas(3))).toEqual({ ok: false, reason: 'blank' });
    // the old demo stand-in, a single half-transparent blue dot
    const dot = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    expect(checkSignaturePng(dot)).toEqual({ ok: false, reason: 'blank' });
  });

  it('reads grey, grey with alpha, RGB, 16-bit and palette images, with their transparency', () => {
    const greyLines = (v: number, depth: number) =>
      Array.from({ length: 8 }, () => Buffer.alloc(Math.ceil((64 * depth) / 8), v));
    // 1-bit grey: 0 bits are black, all 64×8 of them ink; all 1 bits are white
    expect(
      checkSignaturePng(png({ width: 64, height: 8, depth: 1, colour: 0, lines: greyLines(0, 1), bpp: 1 })),
    ).toMatchObject({ ok: true, ink: 512 });
    expect(
      checkSignaturePng(png({ width: 64, height: 8, depth: 1, colour: 0, lines: greyLines(0xff, 1), bpp: 1 })),
    ).toMatchObject({ ok: false, reason: 'blank' });
    // the same black, made transparent by tRNS
    const keyed = png({
      width: 64,
      height: 8,
      depth: 1,
      colour: 0,
      lines: greyLines(0, 1),
      bpp: 1,
      extra: [chunk('tRNS', Buffer.from([0, 0]))],
    });
    expect(checkSignaturePng(keyed)).toMatchObject({ ok: false, reason: 'blank' });
    // grey + alpha, 8-bit: dark and opaque
    const ga = Array.from({ length: 8 }, () => Buffer.from(Array.from({ length: 64 }, () => [20, 255]).flat()));
    expect(checkSignaturePng(png({ width: 64, height: 8, colour: 4, lines: ga, bpp: 2, filter: 4 }))).toMatchObject({
      ok: true,
      ink: 512,
    });
    // RGB 16-bit, dark blue
    const rgb16 = Array.from({ length: 8 }, () =>
      Buffer.from(Array.from({ length: 64 }, () => [0, 0, 0, 0, 0x80, 0]).flat()),
    );
    expect(
      checkSignaturePng(png({ width: 64, height: 8, depth: 16, colour: 2, lines: rgb16, bpp: 6, filter: 3 })),
    ).toMatchObject({ ok: true, ink: 512 });
    // 2-bit palette: index 1 is dark, index 0 white; one row of dark
    const plte = chunk('PLTE', Buffer.from([255, 255, 255, 10, 10, 10]));
    const indexed = Array.from({ length: 8 }, (_, y) => Buffer.alloc(16, y === 3 ? 0b01010101 : 0));
    expect(
      checkSignaturePng(png({ width: 64, height: 8, depth: 2, colour: 3, lines: indexed, bpp: 1, extra: [plte] })),
    ).toMatchObject({ ok: true, ink: 64 });
    // the dark index made transparent by tRNS
    const clear = chunk('tRNS', Buffer.from([255, 0]));
    expect(
      checkSignaturePng(
        png({ width: 64, height: 8, depth: 2, colour: 3, lines: indexed, bpp: 1, extra: [plte, clear] }),
      ),
    ).toMatchObject({ ok: false, reason: 'blank' });
  });

  it('refuses a bare header, a damaged chunk, a truncated file, absurd sizes and a deflate bomb', () => {
    const good = png({ width: 120, height: 40, lines: rgbaCanvas(30) });
    expect(checkSignaturePng(HEADER)).toMatchObject({ ok: false });
    expect(checkSignaturePng(Buffer.concat([HEADER, Buffer.from('scribble, not a drawing')]))).toMatchObject({
      ok: false,
    });
    expect(checkSignaturePng(Buffer.from('GIF89a'))).toEqual({ ok: false, reason: 'not-png' });
    const damaged = Buffer.from(good);
    damaged[40] = damaged[40]! ^ 0xff;
    expect(checkSignaturePng(damaged)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSignaturePng(good.subarray(0, good.length - 12))).toEqual({ ok: false, reason: 'malformed' });
    // 100 000 × 100 000 claimed: refused before anything is inflated
    const huge = Buffer.concat([
      HEADER,
      chunk('IHDR', ihdr(100_000, 100_000, 8, 6)),
      chunk('IDAT', deflateSync(Buffer.alloc(10))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(checkSignaturePng(huge)).toEqual({ ok: false, reason: 'too-large' });
    expect(SIGNATURE_MAX_PIXELS).toBeLessThan(100_000 * 100_000);
    // 1×1 claimed, 50 MB of zeros inside: inflating stops at what one pixel needs
    const bomb = Buffer.concat([
      HEADER,
      chunk('IHDR', ihdr(1, 1, 8, 6)),
      chunk('IDAT', deflateSync(Buffer.alloc(50 * 1024 * 1024))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(checkSignaturePng(bomb)).toEqual({ ok: false, reason: 'malformed' });
    // a filter type that does not exist
    const raw = Buffer.concat([Buffer.from([7]), Buffer.alloc(4)]);
    const badFilter = Buffer.concat([
      HEADER,
      chunk('IHDR', ihdr(1, 1, 8, 6)),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(checkSignaturePng(badFilter)).toEqual({ ok: false, reason: 'malformed' });
    const interlaced = Buffer.concat([
      HEADER,
      chunk('IHDR', ihdr(1, 1, 8, 6, 1)),
      chunk('IDAT', deflateSync(Buffer.alloc(5))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(checkSignaturePng(interlaced)).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('never throws on arbitrary bytes, after a PNG header or inside a valid PNG', () => {
    const good = png({ width: 120, height: 40, lines: rgbaCanvas(30) });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, headed) => {
        const input = headed ? Buffer.concat([HEADER, bytes]) : Buffer.from(bytes);
        const r = checkSignaturePng(input);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    // one byte changed anywhere in a real signature: an answer, never an exception
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bytes = Buffer.from(good);
        bytes[at] = bytes[at]! ^ xor;
        expect(typeof checkSignaturePng(bytes).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    // chunks whose CRCs are right but whose contents are random: the decoder's own checks answer
    fc.assert(
      fc.property(
        fc.record({
          width: fc.integer({ min: 0, max: 70_000 }),
          height: fc.integer({ min: 0, max: 70_000 }),
          depth: fc.constantFrom(1, 2, 4, 8, 16, 3),
          colour: fc.constantFrom(0, 2, 3, 4, 6, 5),
          interlace: fc.constantFrom(0, 0, 0, 1, 2),
          data: fc.uint8Array({ maxLength: 600 }),
          deflate: fc.boolean(),
          palette: fc.option(fc.uint8Array({ maxLength: 30 })),
        }),
        (p) => {
          const bytes = Buffer.concat([
            HEADER,
            chunk('IHDR', ihdr(p.width, p.height, p.depth, p.colour, p.interlace)),
            ...(p.palette ? [chunk('PLTE', Buffer.from(p.palette))] : []),
            chunk('IDAT', p.deflate ? deflateSync(Buffer.from(p.data)) : Buffer.from(p.data)),
            chunk('IEND', Buffer.alloc(0)),
          ]);
          expect(typeof checkSignaturePng(bytes).ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});
