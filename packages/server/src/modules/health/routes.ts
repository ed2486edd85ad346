import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Database, pingDatabase } from '../../db/client.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ops'],
        summary: '健康检查 Health (database reachability)',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.object({ engine: z.string(), latencyMs: z.number() }) }),
          503: z.object({
            status: z.literal('unavailable'),
            database: z.object({ engine: z.string(), error: z.string() }),
          }),
        },
      },
    },
    async (_request, reply) => {
      const t0 = performance.now();
      try {
        await pingDatabase(database.db);
        return {
          status: 'ok' as const,
          database: { engine: database.engine, latencyMs: Math.round((performance.now() - t0) * 10) / 10 },
        };
      } catch (e) {
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, database: { engine: database.engine, error: (e as Error).message } });
      }
    },
  );
};
