import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  creditListQuery,
  creditProposalDecisionBody,
  creditProposalsQuery,
  creditProposalViewSchema,
  creditRecordBody,
  creditViewSchema,
  enterpriseParams,
  proposalParams,
  riskViewSchema,
  toCreditProposalView,
  toCreditView,
  toWatchRow,
  watchListQuery,
  watchListSchema,
} from './schema.ts';
import {
  decideCreditProposal,
  getCreditProposal,
  listCredit,
  listCreditProposals,
  recordCredit,
  riskOf,
  watchList,
} from './service.ts';

/** Who records credit evaluations: the leaders and the enforcement officers. */
export const CREDIT_EDITORS = ['admin', 'leader', 'inspector'] as const;

export const creditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/credit',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['credit'],
        summary: '环境信用评价记录 Credit evaluations with their basis and dates, newest first',
        querystring: creditListQuery,
        response: { 200: pageOf(creditViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listCredit(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toCreditView) };
    },
  );

  app.post(
    '/api/credit',
    {
      config: { access: CREDIT_EDITORS },
      schema: {
        tags: ['credit'],
        summary: '登记环境信用评价 Record a credit evaluation; the firm’s grade follows the latest',
        body: creditRecordBody,
        response: { 201: creditViewSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      // the evaluation just recorded, which need not be the firm's latest (an older one entered late)
      const row = await db.transaction((tx) => recordCredit(tx, actorOf(request), request.body));
      return reply.code(201).send(toCreditView(row));
    },
  );

  app.get(
    '/api/credit/proposals',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['credit'],
        summary: '信用调整建议 Credit changes penalty decisions call for, newest first',
        querystring: creditProposalsQuery,
        response: { 200: pageOf(creditProposalViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listCreditProposals(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toCreditProposalView) };
    },
  );

  app.post(
    '/api/credit/proposals/:id/decision',
    {
      config: { access: CREDIT_EDITORS },
      schema: {
        tags: ['credit'],
        summary: '确认信用调整 Record the grade a penalty calls for, or dismiss it, with a reason',
        params: proposalParams,
        body: creditProposalDecisionBody,
        response: { 200: creditProposalViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const row = await db.transaction((tx) =>
        decideCreditProposal(tx, actorOf(request), request.params.id, request.body),
      );
      return toCreditProposalView(await getCreditProposal(db, row.id));
    },
  );

  app.get(
    '/api/risk/watch-list',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['credit'],
        summary: '重点关注名单 Firms whose risk score reaches the threshold rule, highest first unless sorted',
        querystring: watchListQuery,
        response: { 200: watchListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await watchList(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toWatchRow) };
    },
  );

  app.get(
    '/api/risk/:enterpriseId',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['credit'],
        summary: '企业风险评分 A firm’s risk score: each contribution with its weight, source and records',
        params: enterpriseParams,
        response: { 200: riskViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => riskOf(db, request.params.enterpriseId, request.lang),
  );
};
