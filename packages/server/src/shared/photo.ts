/**
 * What an uploaded photo may be, told by its bytes: inspection photos, rectification proof and clue
 * evidence all use it, so "is this really an image" has one answer. A declared type the first bytes
 * do not bear out is refused by the caller.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** one phone or drone photo; a larger file is not evidence but an archive */
export const PHOTO_LIMIT = 5 * 1024 * 1024;

/** The file's type from its first bytes (PNG, JPEG, WebP, PDF), or null. */
export function sniffType(content: Uint8Array): string | null {
  const b = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** The photo type the bytes are, or null when they are no photo we accept (whatever was declared). */
export const photoTypeOf = (content: Uint8Array): PhotoType | null => {
  const t = sniffType(content);
  return (PHOTO_TYPES as readonly string[]).includes(t ?? '') ? (t as PhotoType) : null;
};
