import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { industriesQuery, industrySchema, toIndustryView, toTownView, townSchema } from './schema.ts';
import { findIndustries, listTowns } from './service.ts';

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reference/towns',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: '本县乡镇 Towns of the county',
        response: { 200: z.array(townSchema) },
      },
    },
    async () => listTowns().map(toTownView),
  );
  app.get(
    '/api/reference/industries',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: '国民经济行业分类 GB/T 4754-2017',
        querystring: industriesQuery,
        response: { 200: z.array(industrySchema) },
      },
    },
    async (request) => findIndustries(request.query).map(toIndustryView),
  );
};
