import type { FastifyReply } from 'fastify';

/** A stored file (a photo, a signature, an attachment) shown in the browser under its own name (RFC 6266). */
export function sendInlineFile(
  reply: FastifyReply,
  f: { contentType: string; fileName: string; content: Buffer | Uint8Array },
) {
  return reply
    .type(f.contentType)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.content);
}
