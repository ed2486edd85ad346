import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { getEnterprise } from '../enterprises/service.ts';
import { idParams, timelinePageSchema, timelineQuery } from './schema.ts';
import { enterpriseTimeline, PER_PROVIDER_LIMIT } from './service.ts';

const READ = [...STAFF_ROLES, 'enterprise'] as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const kindsOf = (s: string | undefined) => (s ? s.split(',') : undefined);

export const enterpriseFileRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/enterprises/:id/timeline',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '一企一档 Every module’s records about the firm on one timeline, filtered and paged',
        params: idParams,
        querystring: timelineQuery,
        response: { 200: timelinePageSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { kinds, ...q } = request.query;
      return enterpriseTimeline(db, request.user, request.params.id, { ...q, kinds: kindsOf(kinds) }, request.lang);
    },
  );

  app.get(
    '/api/enterprises/:id/timeline.docx',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '一企一档（Word） The timeline as a document to take on site (same filters, up to 500 entries)',
        params: idParams,
        querystring: timelineQuery,
        response: { 200: z.any().describe('Word document'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { kinds, from, to } = request.query;
      const page = await enterpriseTimeline(db, request.user, request.params.id, {
        from,
        to,
        kinds: kindsOf(kinds),
        page: 1,
        pageSize: PER_PROVIDER_LIMIT,
      });
      const e = await getEnterprise(db, request.params.id);
      const labels = kinds ? page.kinds.filter((k) => kinds.split(',').includes(k.kind)).map((k) => k.label) : ['全部'];
      const scope = `${from ?? '最早'} 至 ${to ?? '今天'}；${labels.join('、')}${page.total > page.items.length ? `（共 ${page.total} 条，仅列最近 ${page.items.length} 条）` : ''}`;
      const { enterpriseFileDocx } = await import('./docx.ts');
      const buf = await enterpriseFileDocx(e, page.items, scope);
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="enterprise-file.docx"; filename*=UTF-8''${encodeURIComponent(`一企一档-${e.name}.docx`)}`,
        )
        .send(buf);
    },
  );
};
