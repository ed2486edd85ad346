import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import {
  catalogueQuery,
  catalogueSchema,
  classifyBody,
  classifyResultSchema,
  toCatalogueView,
  toClassifyView,
} from './schema.ts';
import { classifyProject, getCatalogueEdition } from './service.ts';

// Public like the service guides: anyone planning a project may ask which EIA document it needs,
// without an account. Each wizard step is one request, so the limit leaves room for a few dozen
// steps a minute while stopping a script from walking the catalogue.
const CLASSIFY_LIMIT = { max: 60, timeWindow: '1 minute' };

export const eiaClassificationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/eia/classify',
    {
      config: { access: 'public', rateLimit: CLASSIFY_LIMIT },
      schema: {
        tags: ['eia-classification'],
        summary:
          '环评类别判定 Which EIA document a project needs under 名录(2021年版): the row, column and quoted text, or the facts still missing',
        body: classifyBody,
        response: { 200: classifyResultSchema, ...problemResponses(400, 429) },
      },
    },
    async (request) => toClassifyView(classifyProject(request.body)),
  );

  app.get(
    '/api/eia/catalogue',
    {
      config: { access: 'public' },
      schema: {
        tags: ['eia-classification'],
        summary: '环评分类管理名录 The catalogue rows the wizard uses, with their exact texts and the edition',
        querystring: catalogueQuery,
        response: { 200: catalogueSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => toCatalogueView(await getCatalogueEdition(db, request.query.version)),
  );
};
