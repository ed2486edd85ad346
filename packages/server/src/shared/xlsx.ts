import { todayInShanghai } from '@qingshan/core';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a workbook as a download. The Chinese name goes in filename* (RFC 6266); the plain
 * filename is an ASCII fallback for clients that ignore it.
 */
export function sendXlsx(
  reply: FastifyReply,
  workbook: Buffer,
  names: { ascii: string; zh: string; stamp?: string },
): FastifyReply {
  const stamp = names.stamp ?? todayInShanghai();
  return reply
    .type(XLSX_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="${names.ascii}-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${names.zh}-${stamp}.xlsx`)}`,
    )
    .send(workbook);
}
