import { REPORT_ACTIONS, STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { codeParams, phoneQuery } from '../../shared/public-lookup.ts';
import {
  idParams,
  publicReportBody,
  reportActionBody,
  reportCreateBody,
  reportDetailViewSchema,
  reportListQuery,
  reportViewSchema,
  toReportDetailView,
  toReportView,
} from './schema.ts';
import {
  actOnReport,
  byCodeAndPhone,
  createReport,
  getReport,
  listReports,
  reportDetail,
  withDueDates,
} from './service.ts';

/** Who registers and handles reports: the same desk as petitions. */
export const REPORT_DESK = ['admin', 'leader', 'clerk', 'inspector'] as const;

const FULL = { unmasked: true };

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit?: number }> = async (
  app,
  { db, publicRateLimit = 20 },
) => {
  const LOOKUP_LIMIT = { max: publicRateLimit, timeWindow: '1 minute' };

  app.post(
    '/api/reports',
    {
      config: { access: REPORT_DESK },
      schema: {
        tags: ['reports'],
        summary: '登记环保举报（12369 电话、微信、网络平台，来信来访） Register an environmental report',
        body: reportCreateBody,
        response: { 201: reportViewSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createReport(tx, actorOf(request), request.body));
      return reply.status(201).send(toReportView(await withDueDates(db, row), FULL));
    },
  );

  app.post(
    '/api/public/reports',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['reports'],
        summary: '网上环保举报（可匿名；实名的凭查询码和手机号查询） Report pollution online (anonymous allowed)',
        body: publicReportBody,
        response: { 201: reportViewSchema, ...problemResponses(400, 422, 429) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) =>
        createReport(tx, actorOf(request), { ...request.body, channel: 'online' }),
      );
      return reply.status(201).send(toReportView(await withDueDates(db, row), FULL));
    },
  );

  app.get(
    '/api/public/reports/:code',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['reports'],
        summary: '凭查询码和手机号查询举报办理进度 Track a report by code and phone',
        params: codeParams,
        querystring: phoneQuery,
        response: { 200: reportDetailViewSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) =>
      toReportDetailView(
        await reportDetail(db, await byCodeAndPhone(db, request.params.code, request.query.phone)),
        false,
      ),
  );

  app.get(
    '/api/reports',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['reports'],
        summary: '环保举报列表 Environmental reports',
        querystring: reportListQuery,
        response: { 200: pageOf(reportViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const found = await listReports(db, f, { page, pageSize });
      return { ...found, items: found.items.map((x) => toReportView(x, FULL)) };
    },
  );

  app.get(
    '/api/reports/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['reports'],
        summary: '举报件详情与期限 A report with its clocks',
        params: idParams,
        response: { 200: reportDetailViewSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => toReportDetailView(await reportDetail(db, await getReport(db, request.params.id)), true),
  );

  app.post(
    '/api/reports/:id/actions',
    {
      config: { access: REPORT_DESK },
      schema: {
        tags: ['reports'],
        summary: `办理步骤：${REPORT_ACTIONS.join(', ')} A handling step`,
        params: idParams,
        body: reportActionBody,
        response: { 200: reportViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toReportView(
        await withDueDates(db, await actOnReport(db, actorOf(request), request.params.id, request.body)),
        FULL,
      ),
  );
};
