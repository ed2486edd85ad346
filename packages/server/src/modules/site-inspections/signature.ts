import { crc32, inflateSync } from 'node:zlib';

/**
 * Whether a drawn signature (a PNG from the record page's canvas) holds any ink. The header alone
 * proves nothing: a blank or fully transparent canvas, or any bytes behind a PNG signature, would be
 * stored as "signed by X". So the image is decoded here (ISO/IEC 15948: chunks, IHDR, PLTE, tRNS,
 * the concatenated IDAT inflated, scanlines unfiltered) and its pixels read as they show on the
 * white page.
 *
 * The bytes are untrusted: the work is bounded before it starts (dimensions refused before
 * inflating, the inflated size capped at what the dimensions allow) and nothing throws; any
 * failure is an answer.
 */

/** The canvas is 600×240; a phone or tablet drawing is never near these. */
export const SIGNATURE_MAX_SIDE = 4096;
export const SIGNATURE_MAX_PIXELS = 2_000_000;
/**
 * Pixels of ink a signature needs: a 3-pixel pen stroke about ten pixels long. Fewer is a tap or a
 * speck, not a signature anyone could read.
 */
export const SIGNATURE_MIN_INK = 32;
/**
 * A pixel is ink when, laid over the white page, its darkest channel is at most this: what the
 * eye reads as a mark, not a near-white haze or a near-transparent smear.
 */
const INK_LEVEL = 200;

export type SignatureCheck =
  | { ok: true; width: number; height: number; ink: number }
  | { ok: false; reason: 'not-png' | 'malformed' | 'unsupported' | 'too-large' | 'blank' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** bit depths allowed per colour type (ISO/IEC 15948 §11.2.2, table 11.1) */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function checkSignaturePng(bytes: Uint8Array): SignatureCheck {
  try {
    return check(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    // bounded above; whatever still goes wrong on hostile bytes is a refusal, not a 500
    return { ok: false, reason: 'malformed' };
  }
}

function check(b: Buffer): SignatureCheck {
  if (b.length < 8 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return { ok: false, reason: 'not-png' };
  let pos = 8;
  let ihdr: Buffer | null = null;
  let palette: Buffer | null = null;
  let trns: Buffer | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (pos + 12 <= b.length) {
    const length = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    if (length > b.length - pos - 12) return { ok: false, reason: 'malformed' };
    const data = b.subarray(pos + 8, pos + 8 + length);
    // a damaged chunk would show as a broken image beside "signed by": refused like one
    if (crc32(b.subarray(pos + 4, pos + 8 + length)) !== b.readUInt32BE(pos + 8 + length))
      return { ok: false, reason: 'malformed' };
    pos += 12 + length;
    if (ihdr === null && type !== 'IHDR') return { ok: false, reason: 'malformed' };
    if (type === 'IHDR') {
      if (ihdr !== null || length !== 13) return { ok: false, reason: 'malformed' };
      ihdr = data;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ihdr || !ended || idat.length === 0) return { ok: false, reason: 'malformed' };
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8]!;
  const colour = ihdr[9]!;
  if (width === 0 || height === 0 || ihdr[10] !== 0 || ihdr[11] !== 0 || ihdr[12]! > 1)
    return { ok: false, reason: 'malformed' };
  if (!DEPTHS[colour]?.includes(depth)) return { ok: false, reason: 'malformed' };
  // Adam7 is never what a canvas exports; reading it is more code on untrusted input for no signer
  if (ihdr[12] === 1) return { ok: false, reason: 'unsupported' };
  if (width > SIGNATURE_MAX_SIDE || height > SIGNATURE_MAX_SIDE || width * height > SIGNATURE_MAX_PIXELS)
    return { ok: false, reason: 'too-large' };
  if (colour === 3 && (!palette || palette.length % 3 !== 0 || palette.length === 0))
    return { ok: false, reason: 'malformed' };

  const bitsPerPixel = CHANNELS[colour]! * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const expected = height * (stride + 1);
  // capped at what the dimensions allow: a deflate bomb stops here, not in memory
  const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected });
  if (raw.length !== expected) return { ok: false, reason: 'malformed' };

  const pixel = pixelReader(colour, depth, palette, trns);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  let previous = Buffer.alloc(stride);
  let line = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    const filter = raw[start]!;
    if (!unfilter(filter, raw.subarray(start + 1, start + 1 + stride), previous, line, bpp))
      return { ok: false, reason: 'malformed' };
    for (let x = 0; x < width; x++) if (pixel(line, x)) ink++;
    [previous, line] = [line, previous];
  }
  if (ink < SIGNATURE_MIN_INK) return { ok: false, reason: 'blank' };
  return { ok: true, width, height, ink };
}

/** ISO/IEC 15948 §9: the five scanline filters, undone into `out` against the previous line. */
function unfilter(filter: number, src: Buffer, prev: Buffer, out: Buffer, bpp: number): boolean {
  const n = src.length;
  switch (filter) {
    case 0:
      src.copy(out);
      return true;
    case 1:
      for (let i = 0; i < n; i++) out[i] = (src[i]! + (i >= bpp ? out[i - bpp]! : 0)) & 0xff;
      return true;
    case 2:
      for (let i = 0; i < n; i++) out[i] = (src[i]! + prev[i]!) & 0xff;
      return true;
    case 3:
      for (let i = 0; i < n; i++) out[i] = (src[i]! + (((i >= bpp ? out[i - bpp]! : 0) + prev[i]!) >> 1)) & 0xff;
      return true;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? out[i - bpp]! : 0;
        const b = prev[i]!;
        const c = i >= bpp ? prev[i - bpp]! : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out[i] = (src[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return true;
    default:
      return false;
  }
}

/** Whether pixel x of an unfiltered line is ink, by colour type; 16-bit samples by their high byte. */
function pixelReader(
  colour: number,
  depth: number,
  palette: Buffer | null,
  trns: Buffer | null,
): (line: Buffer, x: number) => boolean {
  const step = depth === 16 ? 2 : 1;
  const isInk = (r: number, g: number, b: number, a: number) =>
    255 - (a * (255 - Math.min(r, g, b))) / 255 <= INK_LEVEL;
  const sample = (line: Buffer, x: number, channel: number, channels: number) => line[(x * channels + channel) * step]!;
  switch (colour) {
    case 0: {
      const max = (1 << depth) - 1;
      const key = trns && trns.length >= 2 ? trns.readUInt16BE(0) : -1;
      return (line, x) => {
        const v = depth === 16 ? line.readUInt16BE(x * 2) : packed(line, x, depth);
        if (v === key) return false;
        const grey = depth === 16 ? v >> 8 : Math.round((v * 255) / max);
        return isInk(grey, grey, grey, 255);
      };
    }
    case 2: {
      const key = trns && trns.length >= 6 ? [trns.readUInt16BE(0), trns.readUInt16BE(2), trns.readUInt16BE(4)] : null;
      return (line, x) => {
        if (key) {
          const at = (c: number) => (depth === 16 ? line.readUInt16BE((x * 3 + c) * 2) : line[x * 3 + c]!);
          if (at(0) === key[0] && at(1) === key[1] && at(2) === key[2]) return false;
        }
        return isInk(sample(line, x, 0, 3), sample(line, x, 1, 3), sample(line, x, 2, 3), 255);
      };
    }
    case 3:
      return (line, x) => {
        const i = packed(line, x, depth);
        // an index past the palette is an error readers disagree on: it counts as no ink
        if (!palette || i * 3 + 2 >= palette.length) return false;
        const a = trns && i < trns.length ? trns[i]! : 255;
        return isInk(palette[i * 3]!, palette[i * 3 + 1]!, palette[i * 3 + 2]!, a);
      };
    case 4:
      return (line, x) => {
        const grey = sample(line, x, 0, 2);
        return isInk(grey, grey, grey, sample(line, x, 1, 2));
      };
    default:
      return (line, x) =>
        isInk(sample(line, x, 0, 4), sample(line, x, 1, 4), sample(line, x, 2, 4), sample(line, x, 3, 4));
  }
}

/** Sample x of a line packed at 1, 2, 4 or 8 bits, most significant bits first. */
function packed(line: Buffer, x: number, depth: number): number {
  if (depth === 8) return line[x]!;
  const perByte = 8 / depth;
  const byte = line[Math.floor(x / perByte)]!;
  const shift = 8 - depth * ((x % perByte) + 1);
  return (byte >> shift) & ((1 << depth) - 1);
}
