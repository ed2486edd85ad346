import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { paging, problemResponses } from '../../plugins/openapi.ts';
import { CLOCK_STATES, clockViewSchema } from '../clocks/schema.ts';
import { unreadCount } from '../notifications/service.ts';
import { WORKLIST_SORTS, worklist, worklistCounts } from './service.ts';

export const worklistRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/worklist',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['worklist'],
        summary: '我的待办 Open clocks assigned to me or my roles, by due date',
        querystring: z.object({
          state: z.enum(CLOCK_STATES).optional(),
          q: z.string().trim().max(100).optional(),
          ownerType: z.string().max(60).optional(),
          sort: z.enum(WORKLIST_SORTS).default('due'),
          ...paging,
        }),
        response: {
          200: z.object({
            items: z.array(clockViewSchema.extend({ evaluationError: z.string().nullable() })),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const { items, total } = await worklist(db, request.user!, f, sort, page, pageSize);
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/api/worklist/counts',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['worklist'],
        summary: '待办与未读数（菜单角标） Counts for the menu badges',
        response: {
          200: z.object({
            total: z.number(),
            dueSoon: z.number(),
            overdue: z.number(),
            paused: z.number(),
            unread: z.number(),
          }),
          ...problemResponses(401),
        },
      },
    },
    async (request) => ({
      ...(await worklistCounts(db, request.user!)),
      unread: await unreadCount(db, request.user!.id),
    }),
  );
};
