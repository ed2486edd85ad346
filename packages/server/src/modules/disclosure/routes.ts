import { BUREAU_NAME } from '@qingshan/core';
import { todayInShanghai } from '@qingshan/core/calendar';
import { ALL_ROLES, STAFF_ROLES } from '@qingshan/core/roles';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, isStaff } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { codeParams, phoneQuery } from '../../shared/public-lookup.ts';
import { DOCX, docxDisposition } from '../../shared/word.ts';
import { sendXlsx } from '../../shared/xlsx.ts';
import { appealsOf, createAppeal, drillAnnualCell, fullAnnualReport, saveAnnualText, updateAppeal } from './annual.ts';
import {
  annualCellQuery,
  annualCellSchema,
  annualReportQuery,
  annualReportSchema,
  annualTextParams,
  annualTextSchema,
  annualTextViewSchema,
  appealParams,
  appealSchema,
  appealUpdateSchema,
  appealViewSchema,
  disclosureActionSchema,
  disclosureDetailSchema,
  disclosureListQuery,
  disclosureViewSchema,
  idParams,
  publicDisclosureRequestSchema,
  publicPermitQuery,
  publicPermitViewSchema,
  staffDisclosureRequestSchema,
  toAppealView,
  toDisclosureDetailView,
  toDisclosureView,
  toPublicPermitView,
} from './schema.ts';
import {
  actOnDisclosure,
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
/** A cell of a county's year stays small; the cap keeps the answer bounded if it does not. */
const DRILL_MAX = 500;

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
      return reply.status(201).send(toDisclosureView(row, true, request.lang));
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
    async (request, reply) => {
      // the answer's type and grounds are in the reader's language
      reply.header('vary', 'accept-language');
      const r = await byCodeAndPhone(db, request.params.code, request.query.phone);
      return toDisclosureDetailView(await disclosureDetail(db, r.id, false), false, request.lang);
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
      return reply.status(201).send(toDisclosureView(row, true, request.lang));
    },
  );

  app.get(
    '/api/disclosure-requests',
    {
      config: { access: [...ALL_ROLES] },
      schema: {
        tags: ['disclosure'],
        summary:
          '信息公开申请（企业、个人只见本人的） Disclosure requests, open ones first by due date unless sorted (enterprises and citizens: their own)',
        querystring: disclosureListQuery,
        response: { 200: pageOf(disclosureViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      reply.header('vary', 'accept-language');
      const { page, pageSize, ...f } = request.query;
      const found = await listDisclosures(db, request.user!, f, { page, pageSize });
      return { ...found, items: found.items.map((r) => toDisclosureView(r, true, request.lang)) };
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
    async (request, reply) => {
      reply.header('vary', 'accept-language');
      assertCanRead(request.user, await getDisclosure(db, request.params.id));
      const full = isStaff(request.user);
      return toDisclosureDetailView(await disclosureDetail(db, request.params.id, full), full, request.lang);
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
      toDisclosureView(
        await actOnDisclosure(db, actorOf(request), request.params.id, request.body),
        true,
        request.lang,
      ),
  );

  app.get(
    '/api/disclosure/annual-report',
    {
      config: { access: STAFF },
      schema: {
        tags: ['disclosure'],
        summary:
          '政府信息公开工作年度报告：文字部分与表二、表三、表四（由记录计算） The statutory annual report, tables computed from the records',
        querystring: annualReportQuery,
        response: { 200: annualReportSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => fullAnnualReport(db, request.query.year),
  );

  app.get(
    '/api/disclosure/annual-report/cells',
    {
      config: { access: STAFF },
      schema: {
        tags: ['disclosure'],
        summary: '年度报告中一个数字对应的记录 The records behind one number of the annual report',
        querystring: annualCellQuery,
        response: { 200: annualCellSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const items = await drillAnnualCell(db, request.query.year, request.query.cell);
      return { cell: request.query.cell, total: items.length, items: items.slice(0, DRILL_MAX) };
    },
  );

  app.put(
    '/api/disclosure/annual-report/texts/:section',
    {
      config: { access: [...DISCLOSURE_DESK] },
      schema: {
        tags: ['disclosure'],
        summary: '保存年度报告文字部分（一、五、六；带版本） Save a written section of the annual report (versioned)',
        params: annualTextParams,
        body: annualTextSchema,
        response: { 200: annualTextViewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const row = await saveAnnualText(db, actorOf(request), request.params.section, request.body);
      return {
        section: request.params.section,
        body: row.body,
        version: row.version,
        updatedByName: row.updatedByName,
        updatedAt: row.updatedAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/disclosure/annual-report.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags: ['disclosure'],
        summary: '导出年度报告表二、表三、表四（xlsx） Export the annual report tables',
        querystring: annualReportQuery,
      },
    },
    async (request, reply) => {
      const r = await fullAnnualReport(db, request.query.year);
      const { annualReportXlsx } = await import('./annual-xlsx.ts');
      return sendXlsx(reply, await annualReportXlsx(r), {
        ascii: `disclosure-annual-report-${r.year}`,
        zh: `${r.year}年政府信息公开工作年度报告表格`,
      });
    },
  );

  app.get(
    '/api/disclosure/annual-report.docx',
    {
      config: { access: STAFF },
      schema: {
        tags: ['disclosure'],
        summary: '导出政府信息公开工作年度报告全文（Word） Export the whole annual report as .docx',
        querystring: annualReportQuery,
        response: { 200: z.any().describe('Word document'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const r = await fullAnnualReport(db, request.query.year);
      const title = `${BUREAU_NAME}${r.year}年政府信息公开工作年度报告`;
      const { annualReportDocx } = await import('./annual-docx.ts');
      const buf = await annualReportDocx(r, title, `${BUREAU_NAME}　${todayInShanghai()}`);
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          docxDisposition(`disclosure-annual-report-${r.year}`, `${r.year}年政府信息公开工作年度报告`),
        )
        .send(buf);
    },
  );

  app.get(
    '/api/disclosure-requests/:id/appeals',
    {
      config: { access: STAFF },
      schema: {
        tags: ['disclosure'],
        summary: '申请涉及的行政复议、行政诉讼 Reconsiderations and lawsuits about a request',
        params: idParams,
        response: { 200: z.array(appealViewSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => (await appealsOf(db, request.params.id)).map(toAppealView),
  );

  app.post(
    '/api/disclosure-requests/:id/appeals',
    {
      config: { access: [...DISCLOSURE_DESK] },
      schema: {
        tags: ['disclosure'],
        summary: '登记对答复的行政复议或行政诉讼 Record a reconsideration or lawsuit about an answer',
        params: idParams,
        body: appealSchema,
        response: { 201: appealViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toAppealView(await createAppeal(db, actorOf(request), request.params.id, request.body))),
  );

  app.patch(
    '/api/disclosure-appeals/:appealId',
    {
      config: { access: [...DISCLOSURE_DESK] },
      schema: {
        tags: ['disclosure'],
        summary: '更新行政复议、行政诉讼的结果 Record the result of a reconsideration or lawsuit',
        params: appealParams,
        body: appealUpdateSchema,
        response: { 200: appealViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => toAppealView(await updateAppeal(db, actorOf(request), request.params.appealId, request.body)),
  );

  app.get(
    '/api/public/disclosure/permits',
    {
      config: { access: 'public' },
      schema: {
        tags: ['disclosure'],
        summary:
          '主动公开：排污许可证（由排污许可记录生成） Proactive disclosure: discharge permits, newest issued first unless sorted',
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
