import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { registry } from '../../platform/registry.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { assertCanReadAudit } from './access.ts';
import { auditEntrySchema, auditQuery, auditVocabularySchema, toAuditEntryView } from './schema.ts';
import { listAudit } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      // Admins browse everything; other staff, and enterprises for their own file, see the
      // history of one record (the "操作记录" tab).
      config: { access: [...STAFF_ROLES, 'enterprise'] },
      schema: {
        tags: ['audit'],
        summary: '操作日志 Audit log',
        querystring: auditQuery,
        response: {
          200: pageOf(auditEntrySchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, from, to, ...f } = request.query;
      const user = request.user!;
      assertCanReadAudit(user, f);
      const r = await listAudit(
        db,
        { ...f, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
        page,
        pageSize,
      );
      return { ...r, items: r.items.map((e) => toAuditEntryView(e, user)) };
    },
  );

  app.get(
    '/api/audit/vocabulary',
    {
      // the same words for everyone who may read any audit entry; no record in it
      config: { access: [...STAFF_ROLES, 'enterprise'] },
      schema: {
        tags: ['audit'],
        summary: '操作日志用语 Audit vocabulary: plain names of actions, records and fields',
        response: { 200: auditVocabularySchema, ...problemResponses(401, 403) },
      },
    },
    async () => registry().audit,
  );
};
