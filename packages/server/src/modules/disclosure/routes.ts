import { ALL_ROLES, STAFF_ROLES } from '@qingshan/core/roles';
import { DISCLOSURE_APPLICANT_LABELS } from '@qingshan/core/disclosure';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, isStaff } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { codeParams, phoneQuery } from '../../shared/public-lookup.ts';
import {
  annualReportQuery,
  annualReportSchema,
  disclosureActionSchema,
  disclosureDetailSchema,
  disclosureListQuery,
  disclosureViewSchema,
  idParams,
  publicDisclosureRequestSchema,
  staffDisclosureRequestSchema,
  toDisclosureDetailView,
  toDisclosureView,
} from './schema.ts';
import {
  actOnDisclosure,
  annualReport,
  assertCanRead,
  byCodeAndPhone,
  createDisclosureRequest,
  disclosureDetail,
  fileDisclosureOnline,
  getDisclosure,
  listDisclosures,
} from './service.ts';

/** Who handles disclosure requests (the leader, as head of the disclosure body, decides extensions). */
export const DISCLOSURE_DESK = ['admin', 'leader', 'clerk'] as const;
const STAFF = [...STAFF_ROLES];

export const disclosureRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit?: number }> = async (
  app,
  { db, publicRateLimit = 20 },
) => {
  // Public filing and lookups by code + phone are guessing targets: slow per client.
  const LOOKUP_LIMIT = { max: publicRateLimit, timeWindow: '1 minute' };

  app.post(
    '/api/public/disclosure-requests',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['disclosure'],
        summary: '提交政府信息公开申请（手机验证码；凭查询码和手机号查询） File a disclosure request online',
        body: publicDisclosureRequestSchema,
        response: { 201: disclosureViewSchema, ...problemResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      const row = await fileDisclosureOnline(db, request.user, actorOf(request), request.body);
      return reply.status(201).send(toDisclosureView(row, true));
    },
  );

  app.get(
    '/api/public/disclosure-requests/:code',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['disclosure'],
        summary: '凭查询码和手机号查询信息公开申请 Track a disclosure request by code and phone',
        params: codeParams,
        querystring: phoneQuery,
        response: { 200: disclosureDetailSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const r = await byCodeAndPhone(db, request.params.code, request.query.phone);
      return toDisclosureDetailView(await disclosureDetail(db, r.id, false), false);
    },
  );

  app.post(
    '/api/disclosure-requests',
    {
      config: { access: [...DISCLOSURE_DESK] },
      schema: {
        tags: ['disclosure'],
        summary: '登记信函、当面提交的信息公开申请 Register a request received by letter or in person',
        body: staffDisclosureRequestSchema,
        response: { 201: disclosureViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { receivedAt, ...body } = request.body;
      const at = receivedAt ? new Date(receivedAt) : undefined;
      if (at && at.getTime() > Date.now() + 60_000) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [
            { path: 'receivedAt', message: { zh: '收到日期不能晚于现在', en: 'receipt cannot be in the future' } },
          ],
        });
      }
      const row = await db.transaction((tx) =>
        createDisclosureRequest(tx, actorOf(request), body, at ? { receivedAt: at } : {}),
      );
      return reply.status(201).send(toDisclosureView(row, true));
    },
  );

  app.get(
    '/api/disclosure-requests',
    {
      config: { access: [...ALL_ROLES] },
      schema: {
        tags: ['disclosure'],
        summary: '信息公开申请（企业、个人只见本人的） Disclosure requests (enterprises and citizens: their own)',
        querystring: disclosureListQuery,
        response: { 200: pageOf(disclosureViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const found = await listDisclosures(db, request.user!, f, { page, pageSize });
      return { ...found, items: found.items.map((r) => toDisclosureView(r, true)) };
    },
  );

  app.get(
    '/api/disclosure-requests/:id',
    {
      config: { access: [...ALL_ROLES] },
      schema: {
        tags: ['disclosure'],
        summary: '信息公开申请详情：过程、期限 A request with its history and clock',
        params: idParams,
        response: { 200: disclosureDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      assertCanRead(request.user, await getDisclosure(db, request.params.id));
      const full = isStaff(request.user);
      return toDisclosureDetailView(await disclosureDetail(db, request.params.id, full), full);
    },
  );

  app.post(
    '/api/disclosure-requests/:id/actions',
    {
      config: { access: [...DISCLOSURE_DESK] },
      schema: {
        tags: ['disclosure'],
        summary:
          '办理：征求第三方意见（暂停计时）、延期（负责人同意）、答复 A step: consult a third party, extend with the head’s consent, answer',
        params: idParams,
        body: disclosureActionSchema,
        response: { 200: disclosureViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      toDisclosureView(await actOnDisclosure(db, actorOf(request), request.params.id, request.body), true),
  );

  app.get(
    '/api/disclosure/annual-report',
    {
      config: { access: STAFF },
      schema: {
        tags: ['disclosure'],
        summary: '政府信息公开工作年度报告：收到和处理政府信息公开申请情况（表三） Annual report table of requests',
        querystring: annualReportQuery,
        response: { 200: annualReportSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const t = await annualReport(db, request.query.year);
      return {
        year: t.year,
        columns: t.columns.map((k) => ({ key: k, ...DISCLOSURE_APPLICANT_LABELS[k] })),
        rows: t.rows,
      };
    },
  );
};
