import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { isStaff, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import { assertCanRead } from '../enterprises/service.ts';
import { maskPersonalData } from './mask.ts';
import { listAudit } from './service.ts';

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

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
        querystring: z.object({
          actor: z.string().trim().max(64).optional(),
          action: z.string().trim().max(64).optional(),
          entityType: z.string().trim().max(40).optional(),
          entityId: z.string().trim().max(64).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          ...paging,
        }),
        response: {
          200: pageOf(entrySchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, from, to, ...f } = request.query;
      const user = request.user!;
      if (!user.roles.includes('admin')) {
        if (!f.entityType || !f.entityId) {
          throw new AppError('VALIDATION_FAILED', {
            detail: {
              zh: '只有系统管理员可以浏览全部日志；请用 entityType 和 entityId 指定具体记录',
              en: 'Only an admin may browse the whole log; name one record with entityType and entityId',
            },
            errors: [{ path: 'entityId', message: { zh: '必填', en: 'required' } }],
          });
        }
        if (f.entityType !== 'enterprise' && !isStaff(user)) throw new AppError('FORBIDDEN_RECORD');
        if (f.entityType === 'enterprise') assertCanRead(user, f.entityId);
        // A user's history holds their sign-ins and failed sign-ins: only the admin reads another
        // user's (等保: no sign-in failures of other users).
        if (f.entityType === 'user' && f.entityId !== user.id) throw new AppError('FORBIDDEN_RECORD');
      }
      const r = await listAudit(
        db,
        { ...f, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
        page,
        pageSize,
      );
      // The log keeps personal data as it was; outside the admin's view it is masked like
      // everywhere else, so a record's history does not undo the masking of its page.
      const admin = user.roles.includes('admin');
      const mask = admin ? (v: unknown) => v : maskPersonalData;
      return {
        items: r.items.map((e) => ({
          ...e,
          before: mask(e.before),
          after: mask(e.after),
          at: e.at.toISOString(),
          // Staff addresses map the bureau's network and tie people to workstations: admin only.
          // Who acted stays visible by name; the account id only for one's own entries.
          ip: admin ? e.ip : null,
          actorId: admin || e.actorId === user.id ? e.actorId : null,
        })),
        total: r.total,
        page,
        pageSize,
      };
    },
  );
};
