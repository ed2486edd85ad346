import { INDUSTRIES, TOWNS } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reference/towns',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: '本县乡镇 Towns of the county',
        response: { 200: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) },
      },
    },
    async () => TOWNS.map((t) => ({ code: t.code, name: t.name, nameEn: t.nameEn })),
  );
  app.get(
    '/api/reference/industries',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: '国民经济行业分类 GB/T 4754-2017',
        querystring: z.object({
          q: z.string().trim().max(50).optional(),
          level: z.enum(['section', 'division', 'group', 'class']).optional(),
        }),
        response: {
          200: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), parent: z.string() })),
        },
      },
    },
    async (request) => {
      const { q, level } = request.query;
      return INDUSTRIES.filter(
        (i) => (!level || i.level === level) && (!q || i.code.startsWith(q) || i.name.includes(q)),
      )
        .slice(0, 500)
        .map((i) => ({ code: i.code, name: i.name, level: i.level, parent: i.parent ?? '' }));
    },
  );
};
