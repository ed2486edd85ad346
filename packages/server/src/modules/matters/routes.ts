import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { matterCodeParams, matterDetailSchema, matterEditBody, mattersQuery, matterVersionSchema } from './schema.ts';
import { getMatter, listMatters, listMatterVersions, updateMatter } from './service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const matterRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Service guides are published for everyone; nobody signs in to learn what to bring.
  app.get(
    '/api/public/matters',
    {
      config: { access: 'public' },
      schema: {
        tags: ['matters'],
        summary: '办事指南 Service guides of the matters the bureau handles or helps with, searchable',
        querystring: mattersQuery,
        response: { 200: pageOf(matterDetailSchema), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { q, decidingAuthority, sort, page, pageSize } = request.query;
      // searched and ordered on the names the reader sees, which follow the language
      reply.header('vary', 'accept-language');
      return listMatters(db, { q, decidingAuthority, sort }, { page, pageSize }, request.lang);
    },
  );

  app.get(
    '/api/public/matters/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['matters'],
        summary: '办事指南详情 A service guide with its materials and the time limits in force',
        params: matterCodeParams,
        response: { 200: matterDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => getMatter(db, request.params.code),
  );

  app.get(
    '/api/public/matters/:code/notice.docx',
    {
      config: { access: 'public' },
      schema: {
        tags: ['matters'],
        summary: '一次性告知单 One-page notice of everything to bring (Word)',
        params: matterCodeParams,
        response: { 200: z.any().describe('Word document'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const matter = await getMatter(db, request.params.code);
      const { matterNoticeDocx } = await import('./notice.ts');
      const buf = await matterNoticeDocx(matter);
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="notice-${matter.code}.docx"; filename*=UTF-8''${encodeURIComponent(`一次性告知单-${matter.name}.docx`)}`,
        )
        .send(buf);
    },
  );

  app.get(
    '/api/matters/:code/versions',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['matters'],
        summary: '办事指南版本 Versions of a guide, newest first, each with its reason',
        params: matterCodeParams,
        response: { 200: z.array(matterVersionSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listMatterVersions(db, request.params.code),
  );

  app.patch(
    '/api/matters/:code',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['matters'],
        summary: '修改办事指南（新增版本） Edit a guide: adds a version with its reason, keeps the old one',
        params: matterCodeParams,
        body: matterEditBody,
        response: { 200: matterDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => db.transaction((tx) => updateMatter(tx, actorOf(request), request.params.code, request.body)),
  );
};
