import { type DecodedFrame, decodeFrame, utf8Encode } from '@qingshan/hj212';

/**
 * Decodes a frame as the platform stored it (with its CR LF) or as someone pasted it (usually
 * without): the text between the leading "##" and the CRC is what is judged, so surrounding
 * whitespace is dropped and the trailer put back once. Before, a stored frame ending in CR LF lost
 * it to trim() and every correct frame was shown with a BAD_TRAILER problem.
 */
export function decodeRaw(raw: string): DecodedFrame {
  return decodeFrame(utf8Encode(`${raw.trim()}\r\n`), { lenient: true });
}
