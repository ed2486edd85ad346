// What a Word download's reply carries. Kept apart from the modules' .docx builders, which import
// the docx library: a route file reads these at start, the builders load on the first download.

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** content-disposition with an ASCII fallback and the Chinese name (RFC 6266). */
export function docxDisposition(ascii: string, zh: string): string {
  return `attachment; filename="${ascii}.docx"; filename*=UTF-8''${encodeURIComponent(`${zh}.docx`)}`;
}
