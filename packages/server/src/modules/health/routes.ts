import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import { healthOkSchema, healthUnavailableSchema, toHealthView } from './schema.ts';
import { checkHealth } from './service.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ops'],
        summary: '健康检查 Health (database reachability, module services such as the HJ 212 gateway port)',
        response: { 200: healthOkSchema, 503: healthUnavailableSchema },
      },
    },
    async (_request, reply) => {
      const check = await checkHealth(database);
      const services = Object.fromEntries(app.services.map((s) => [s.name, s.status()]));
      return reply.status(check.ok ? 200 : 503).send(toHealthView(check, services));
    },
  );
};
