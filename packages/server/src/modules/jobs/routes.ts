import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { jobParams, jobView, toJobView } from './schema.ts';
import { getJob } from './service.ts';

export const jobRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/jobs/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['jobs'],
        summary: '后台任务进度 Progress of a background job',
        params: jobParams,
        response: { 200: jobView, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => toJobView(await getJob(db, request.user!, request.params.id)),
  );
};
