import { isoDateSchema } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { getRuleDetail, listRules, RULE_SORTS, RULE_TYPES, updateRule } from './service.ts';

const versionSchema = z.object({
  key: z.string(),
  version: z.number(),
  value: z.unknown(),
  source: z.string(),
  effectiveFrom: z.string(),
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
const ruleSchema = z.object({
  key: z.string(),
  type: z.enum(RULE_TYPES),
  labelZh: z.string(),
  labelEn: z.string(),
  note: z.string().nullable(),
  current: versionSchema,
  latestVersion: z.number(),
});
const ruleDetailSchema = ruleSchema.extend({ history: z.array(versionSchema) });
const keyParams = z.object({ key: z.string().min(1).max(100) });

export const ruleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Rules are the published legal defaults the platform applies; anyone may read them.
  app.get(
    '/api/rules',
    {
      config: { access: 'public' },
      schema: {
        tags: ['rules'],
        summary: '规则库 List rules (deadline profiles, caps, ratios) with the version in force',
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          type: z.enum(RULE_TYPES).optional(),
          sort: z.enum(RULE_SORTS).default('key'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: pageOf(ruleSchema),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const { q, type, sort, page, pageSize } = request.query;
      const { items, total } = await listRules(db, { q, type }, sort, page, pageSize);
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/api/rules/:key',
    {
      config: { access: 'public' },
      schema: {
        tags: ['rules'],
        summary: '规则详情与版本历史 A rule with its version history',
        params: keyParams,
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
        params: keyParams,
        body: z.strictObject({
          value: z.unknown(),
          source: z.string().trim().min(1).max(1000),
          effectiveFrom: isoDateSchema,
          reason: z.string().trim().min(1).max(1000),
        }),
        response: { 200: ruleDetailSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => db.transaction((tx) => updateRule(tx, actorOf(request), request.params.key, request.body)),
  );
};
