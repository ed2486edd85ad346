import {
  isChinesePhone,
  REPORT_ACTIONS,
  REPORT_CHANNELS,
  REPORT_STATUSES,
  reportActionSchema,
  reportCreateSchema,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import { clocksOf } from '../clocks/service.ts';
import {
  actOnReport,
  byCodeAndPhone,
  createReport,
  dueDatesOf,
  getReport,
  listReports,
  type ReportRow,
  toReportView,
} from './service.ts';

/** Who registers and handles reports: the same desk as petitions. */
export const REPORT_DESK = ['admin', 'leader', 'clerk', 'inspector'] as const;

const phone = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });
const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ code: z.string().trim().min(4).max(20) });

export const reportSchema = z.object({
  id: z.string(),
  code: z.string(),
  channel: z.enum(REPORT_CHANNELS),
  title: z.string(),
  content: z.string(),
  location: z.string(),
  anonymous: z.boolean(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  subjectEnterpriseId: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** read from the report's clocks, which own them */
  acceptanceDueDate: z.string().nullable(),
  handlingDueDate: z.string().nullable(),
  extensionDays: z.number(),
  extensionRequest: z
    .object({ days: z.number(), reason: z.string(), requestedBy: z.string(), at: z.string() })
    .nullable(),
  decisionNote: z.string().nullable(),
  transferredTo: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
const clockSchema = z.object({
  id: z.string(),
  profileKey: z.string(),
  title: z.string(),
  start: z.string(),
  dueDate: z.string(),
  state: z.string(),
  completedAt: z.string().nullable(),
  extensions: z.array(z.object({ days: z.number(), approvedBy: z.string(), reason: z.string(), at: z.string() })),
});
const detailSchema = z.object({ report: reportSchema, clocks: z.array(clockSchema) });

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit?: number }> = async (
  app,
  { db, publicRateLimit = 20 },
) => {
  const LOOKUP_LIMIT = { max: publicRateLimit, timeWindow: '1 minute' };

  async function view(r: ReportRow, unmasked: boolean) {
    return toReportView(r, (await dueDatesOf(db, [r.id])).get(r.id), { unmasked });
  }

  async function detail(r: ReportRow, full: boolean) {
    const own = await clocksOf(db, { ownerType: 'report', ownerId: r.id });
    return {
      report: await view(r, full),
      clocks: full
        ? own.map((c) => ({
            id: c.id,
            profileKey: c.profileKey,
            title: c.title,
            start: c.start,
            dueDate: c.dueDate,
            state: c.state,
            completedAt: c.completedAt,
            extensions: c.extensions,
          }))
        : [],
    };
  }

  app.post(
    '/api/reports',
    {
      config: { access: REPORT_DESK },
      schema: {
        tags: ['reports'],
        summary: '登记环保举报（12369 电话、微信、网络平台，来信来访） Register an environmental report',
        body: reportCreateSchema,
        response: { 201: reportSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createReport(tx, actorOf(request), request.body));
      return reply.status(201).send(await view(row, true));
    },
  );

  app.post(
    '/api/public/reports',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['reports'],
        summary: '网上环保举报（可匿名；实名的凭查询码和手机号查询） Report pollution online (anonymous allowed)',
        body: reportCreateSchema.pick({
          title: true,
          content: true,
          location: true,
          anonymous: true,
          reporterName: true,
          reporterPhone: true,
        }),
        response: { 201: reportSchema, ...problemResponses(400, 422, 429) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) =>
        createReport(tx, actorOf(request), { ...request.body, channel: 'online' }),
      );
      return reply.status(201).send(await view(row, true));
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
        querystring: z.object({ phone }),
        response: { 200: detailSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => detail(await byCodeAndPhone(db, request.params.code, request.query.phone), false),
  );

  app.get(
    '/api/reports',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['reports'],
        summary: '环保举报列表 Environmental reports',
        querystring: z.object({
          status: z.enum(REPORT_STATUSES).optional(),
          q: z.string().trim().max(50).optional(),
          ...paging,
        }),
        response: { 200: pageOf(reportSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const { items, total } = await listReports(db, f, page, pageSize);
      const due = await dueDatesOf(
        db,
        items.map((r) => r.id),
      );
      return { items: items.map((r) => toReportView(r, due.get(r.id), { unmasked: true })), total, page, pageSize };
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
        response: { 200: detailSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => detail(await getReport(db, request.params.id), true),
  );

  app.post(
    '/api/reports/:id/actions',
    {
      config: { access: REPORT_DESK },
      schema: {
        tags: ['reports'],
        summary: `办理步骤：${REPORT_ACTIONS.join(', ')} A handling step`,
        params: idParams,
        body: reportActionSchema,
        response: { 200: reportSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => view(await actOnReport(db, actorOf(request), request.params.id, request.body), true),
  );
};
