import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { ruleDetailSchema, ruleEditBody, ruleKeyParams, ruleSchema, rulesQuery } from './schema.ts';
import { getRuleDetail, listRules, updateRule } from './service.ts';

export const ruleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Rules are the published legal defaults the platform applies; anyone may read them.
  app.get(
    '/api/rules',
    {
      config: { access: 'public' },
      schema: {
        tags: ['rules'],
        summary: '规则库 List rules (deadline profiles, caps, ratios) with the version in force',
        querystring: rulesQuery,
        response: {
          200: pageOf(ruleSchema),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const { q, type, sort, page, pageSize } = request.query;
      return listRules(db, { q, type }, sort, page, pageSize);
    },
  );

  app.get(
    '/api/rules/:key',
    {
      config: { access: 'public' },
      schema: {
        tags: ['rules'],
        summary: '规则详情与版本历史 A rule with its version history',
        params: ruleKeyParams,
        response: { 200: ruleDetailSchema, ...problemResponses(404) },
      },
    },
    async (request) => getRuleDetail(db, request.params.key),
  );

  app.put(
    '/api/rules/:key',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['rules'],
        summary: '修改规则（新增版本） Edit a rule: adds a version with its source and reason',
        params: ruleKeyParams,
        body: ruleEditBody,
        response: { 200: ruleDetailSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => db.transaction((tx) => updateRule(tx, actorOf(request), request.params.key, request.body)),
  );
};
