import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { worklistCountsSchema, worklistPageSchema, worklistQuery } from './schema.ts';
import { worklist, worklistCounts } from './service.ts';

export const worklistRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/worklist',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['worklist'],
        summary: '我的待办 Open clocks assigned to me or my roles, by due date',
        querystring: worklistQuery,
        response: {
          200: worklistPageSchema,
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      return worklist(db, request.user!, f, sort, { page, pageSize });
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
          200: worklistCountsSchema,
          ...problemResponses(401),
        },
      },
    },
    async (request) => worklistCounts(db, request.user!),
  );
};
