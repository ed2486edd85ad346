/**
 * multipart/form-data (RFC 7578) read from a body already bounded by the route's limit. Pure and
 * total: untrusted bytes give a result or a reason, never an exception. Only what a browser's
 * FormData sends is understood (no nested multipart, no transfer encodings).
 */
export type MultipartPart = {
  name: string;
  /** present for a file part (the browser's file name) */
  fileName: string | null;
  contentType: string | null;
  content: Buffer;
};

export type MultipartResult =
  | { ok: true; parts: MultipartPart[] }
  | { ok: false; reason: 'boundary' | 'malformed' | 'too-many-parts' };

/** The boundary parameter of a multipart/form-data content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function param(header: string, key: string): string | null {
  // quoted values may hold ';' (a file name); browsers escape '"' as %22
  const m =
    new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${key}=([^;\\s]*)`, 'i').exec(header);
  return m ? m[1]!.replace(/%22/g, '"') : null;
}

export function parseMultipart(body: Buffer, boundary: string, maxParts: number): MultipartResult {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos !== 0 && !(pos > 0 && body.subarray(pos - 2, pos).toString('latin1') === '\r\n'))
    return { ok: false, reason: 'malformed' };
  pos += delimiter.length;
  const parts: MultipartPart[] = [];
  for (;;) {
    const after = body.toString('latin1', pos, pos + 2);
    if (after === '--') return { ok: true, parts };
    if (after !== '\r\n') return { ok: false, reason: 'malformed' };
    const start = pos + 2;
    const end = body.indexOf(between, start);
    if (end < 0) return { ok: false, reason: 'malformed' };
    if (parts.length >= maxParts) return { ok: false, reason: 'too-many-parts' };
    const part = body.subarray(start, end);
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd < 0) return { ok: false, reason: 'malformed' };
    const headers = part.toString('utf8', 0, headEnd).split('\r\n');
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h));
    const type = headers.find((h) => /^content-type\s*:/i.test(h));
    if (!disposition || !/:\s*form-data\s*;/i.test(disposition)) return { ok: false, reason: 'malformed' };
    const name = param(disposition, 'name');
    if (name === null) return { ok: false, reason: 'malformed' };
    parts.push({
      name,
      fileName: param(disposition, 'filename'),
      contentType: type
        ? type
            .slice(type.indexOf(':') + 1)
            .trim()
            .split(';')[0]!
            .toLowerCase()
        : null,
      content: part.subarray(headEnd + 4),
    });
    pos = end + between.length;
  }
}
