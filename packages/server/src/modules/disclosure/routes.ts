import { todayInShanghai } from '@qingshan/core/calendar';
import { DISCLOSURE_APPLICANT_LABELS } from '@qingshan/core/disclosure';
import { ALL_ROLES, STAFF_ROLES } from '@qingshan/core/roles';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, isStaff } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { codeParams, phoneQuery } from '../../shared/public-lookup.ts';
import { sendXlsx } from '../../shared/xlsx.ts';
import {
  annualReportQuery,
  annualReportSchema,
  disclosureActionSchema,
  disclosureDetailSchema,
  disclosureListQuery,
  disclosureViewSchema,
  idParams,
  publicDisclosureRequestSchema,
  publicPermitQuery,
  publicPermitViewSchema,
  staffDisclosureRequestSchema,
  toDisclosureDetailView,
  toDisclosureView,
  toPublicPermitView,
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
  publicPermits,
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

  app.get(
    '/api/disclosure/annual-report.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags: ['disclosure'],
        summary: '导出年度报告表三（xlsx） Export the annual report table of requests',
        querystring: annualReportQuery,
      },
    },
    async (request, reply) => {
      const t = await annualReport(db, request.query.year);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('表三');
      ws.addRow([`${t.year}年政府信息公开工作年度报告`]);
      ws.addRow(['三、收到和处理政府信息公开申请情况']);
      ws.addRow(['本列数据的统计口径', '申请人情况']);
      ws.addRow(['', '自然人', '法人或其他组织', '', '', '', '', '总计']);
      ws.addRow(['', ...t.columns.map((c) => DISCLOSURE_APPLICANT_LABELS[c].zh), '']);
      for (const r of t.rows) ws.addRow([r.zh, ...t.columns.map((c) => r.cells[c]), r.total]);
      ws.mergeCells(3, 2, 3, 8);
      ws.mergeCells(4, 3, 4, 7);
      ws.mergeCells(3, 1, 5, 1);
      ws.mergeCells(4, 8, 5, 8);
      ws.getColumn(1).width = 60;
      for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 12;
      ws.addRow([]);
      ws.addRow([
        `依据：国务院办公厅政府信息与政务公开办公室《中华人民共和国政府信息公开工作年度报告格式》；由平台记录计算，导出于 ${todayInShanghai()}`,
      ]);
      return sendXlsx(reply, Buffer.from(await wb.xlsx.writeBuffer()), {
        ascii: `disclosure-annual-report-${t.year}`,
        zh: `${t.year}年政府信息公开年度报告表三`,
      });
    },
  );

  app.get(
    '/api/public/disclosure/permits',
    {
      config: { access: 'public' },
      schema: {
        tags: ['disclosure'],
        summary: '主动公开：排污许可证（由排污许可记录生成） Proactive disclosure: discharge permits',
        querystring: publicPermitQuery,
        response: { 200: pageOf(publicPermitViewSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const found = await publicPermits(db, f, { page, pageSize });
      const today = todayInShanghai();
      return { ...found, items: found.items.map((p) => toPublicPermitView(p, today)) };
    },
  );
};
