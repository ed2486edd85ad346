/**
 * Limits shared by the deframer and the decoder, so that a frame gets the same verdict whether it is decoded
 * alone ({@link decodeFrame}) or cut from a byte stream ({@link Deframer}, {@link StreamDecoder}).
 */

/**
 * Most bytes tolerated between the CRC and the end of a frame (a vendor `**`, a stray byte before the CR LF).
 * With at most this many the frame is kept and gets a BAD_TRAILER quirk; with more it is not a frame: the
 * decoder reports BAD_STRUCTURE and the deframer does not end a frame there.
 */
export const MAX_TAIL_JUNK = 8;

/**
 * Most issues listed on one frame. A hostile frame can contain thousands of malformed items; past this many the
 * list ends with one TOO_MANY_ISSUES issue that counts the rest (an error when any of them was an error), so the
 * verdict is unchanged and the list stays small.
 */
export const MAX_ISSUES = 32;

/**
 * Whether `b[from, to)` may stand between a frame's CRC and its end (CR LF stripped): at most
 * {@link MAX_TAIL_JUNK} bytes, none of them structural (`;` `=` `,` `&` `#` LF), which would mean data, not a
 * vendor trailer.
 */
export function isTailJunk(b: Uint8Array, from: number, to: number): boolean {
  if (to - from > MAX_TAIL_JUNK) return false;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c === 0x3b || c === 0x3d || c === 0x2c || c === 0x26 || c === 0x23 || c === 0x0a) return false;
  }
  return true;
}

/**
 * Whether a data segment may start with byte `c`: a header key (表 3: `QN=`, `ST=`…) begins with a letter;
 * lenient devices put spaces before it. Anything else after `##dddd` is not a frame, for the deframer (which then
 * resynchronises at once) and for the decoder (BAD_STRUCTURE) alike.
 */
export function isSegmentStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x20 || c === 0x09;
}
