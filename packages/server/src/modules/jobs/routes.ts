import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { getJob } from './service.ts';

export const jobRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/jobs/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['jobs'],
        summary: '后台任务进度 Progress of a background job',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            kind: z.string(),
            status: z.enum(['running', 'done', 'failed']),
            total: z.number(),
            processed: z.number(),
            result: z.unknown(),
            error: z.string().nullable(),
          }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const j = await getJob(db, request.user!, request.params.id);
      return {
        id: j.id,
        kind: j.kind,
        status: j.status as 'running' | 'done' | 'failed',
        total: j.total,
        processed: j.processed,
        result: j.result ?? null,
        error: j.error,
      };
    },
  );
};
