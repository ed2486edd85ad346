import { BUREAU_NAME, shanghaiDateOf, todayInShanghai } from '@qingshan/core';
import { DESK_LABELS, reportDraftEditSchema, reportPeriodSchema } from '@qingshan/core/period-report';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { loadExcel } from '../../shared/excel.ts';
import { DOCX, docxDisposition } from '../../shared/word.ts';
import { sendXlsx } from '../../shared/xlsx.ts';
import { boundedPeriod, EXPORT_MAX_ROWS_RULE } from '../figures/period.ts';
import { figureSources } from '../figures/registry.ts';
import { getRuleNumber } from '../rules/service.ts';
import { dashboard, drillDown } from './dashboard.ts';
import {
  dashboardQuery,
  dashboardView,
  draftIdParams,
  draftListQuery,
  draftListView,
  draftVersionView,
  draftView,
  drillListView,
  drillQuery,
  freshDraftView,
  periodQuery,
  toDashboardView,
  toDraftVersionView,
  toDraftView,
  toDrillView,
} from './schema.ts';
import { createDraft, freshDraft, getDraft, listDrafts, listDraftVersions, updateDraft } from './service.ts';

// the period report and the dashboard are the leaders' (and the administrator's, who sets them up);
// only a leader signs off the text
const READ = ['admin', 'leader'] as const;
const WRITE = ['leader'] as const;

const OUTCOME_ZH = { 'on-time': '按时办结', late: '超期办结', 'open-overdue': '逾期未办结', open: '办理中' } as const;
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export const periodReportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/period-report/draft',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '按统计数字起草阶段报告（不保存） The period report drafted from the figures, not saved',
        querystring: periodQuery,
        response: { 200: freshDraftView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const p = await boundedPeriod(db, request.query);
      const { draft, figures } = await freshDraft(db, p);
      const defs = new Map(figureSources().map((s) => [s.key, s]));
      return {
        ...draft,
        figures: figures.map((f) => ({
          key: f.key,
          value: f.value,
          label: f.label,
          unit: f.unit,
          definition: defs.get(f.key)!.definition,
          source: defs.get(f.key)!.source,
          sourceEn: defs.get(f.key)!.sourceEn,
        })),
      };
    },
  );

  app.get(
    '/api/reports/period.docx',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '导出阶段报告（Word，按统计数字起草） The period report drafted from the figures, as .docx',
        querystring: periodQuery,
        response: { 200: z.any().describe('Word document'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const p = await boundedPeriod(db, request.query);
      const { draft } = await freshDraft(db, p);
      const { periodReportDocx } = await import('./docx.ts');
      const buf = await periodReportDocx({
        title: draft.title,
        sections: draft.sections,
        footer: `${BUREAU_NAME}　${todayInShanghai()}（据平台统计数字生成）`,
      });
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          docxDisposition(`period-report-${p.from}-${p.to}`, `阶段报告-${p.from}至${p.to}`),
        )
        .send(buf);
    },
  );

  app.get(
    '/api/period-report/drafts',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '已保存的阶段报告稿 Saved period report drafts',
        querystring: draftListQuery,
        response: { 200: draftListView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listDrafts(db, request.query);
      return { ...page, items: page.items.map((r) => toDraftView(r)) };
    },
  );

  app.post(
    '/api/period-report/drafts',
    {
      config: { access: [...WRITE] },
      schema: {
        tags: ['period-report'],
        summary: '保存阶段报告稿（第 1 版，由统计数字生成） Save the drafted report as a record',
        body: reportPeriodSchema,
        response: { 201: draftView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const p = await boundedPeriod(db, request.body);
      reply.status(201).send(toDraftView(await createDraft(db, actorOf(request), p)));
    },
  );

  app.get(
    '/api/period-report/drafts/:id',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '阶段报告稿 A saved draft',
        params: draftIdParams,
        response: { 200: draftView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toDraftView(await getDraft(db, request.params.id)),
  );

  app.put(
    '/api/period-report/drafts/:id',
    {
      config: { access: [...WRITE] },
      schema: {
        tags: ['period-report'],
        summary: '修改阶段报告稿（新增版本） Edit a draft (a new version)',
        params: draftIdParams,
        body: reportDraftEditSchema,
        response: { 200: draftView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => toDraftView(await updateDraft(db, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/period-report/drafts/:id/versions',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '阶段报告稿的历次版本 Versions of a draft, newest first',
        params: draftIdParams,
        response: { 200: z.array(draftVersionView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => (await listDraftVersions(db, request.params.id)).map(toDraftVersionView),
  );

  app.get(
    '/api/period-report/drafts/:id/report.docx',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '导出已保存（含修改）的阶段报告稿（Word） Export a saved, edited draft as .docx',
        params: draftIdParams,
        response: { 200: z.any().describe('Word document'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const d = await getDraft(db, request.params.id);
      const { periodReportDocx } = await import('./docx.ts');
      const buf = await periodReportDocx({
        title: d.title,
        sections: d.body,
        footer: `${BUREAU_NAME}　${todayInShanghai()}（第 ${d.version} 版）`,
      });
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          docxDisposition(
            `period-report-${d.periodFrom}-${d.periodTo}-v${d.version}`,
            `阶段报告-${d.periodFrom}至${d.periodTo}-第${d.version}版`,
          ),
        )
        .send(buf);
    },
  );

  app.get(
    '/api/period-report/dashboard',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '领导驾驶舱：按时办结率、逾期、一次办结率、平均用时 Leaders’ SLA dashboard',
        querystring: dashboardQuery,
        response: { 200: dashboardView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const p = await boundedPeriod(db, request.query);
      return toDashboardView(p, await dashboard(db, p, request.query));
    },
  );

  app.get(
    '/api/period-report/dashboard/records',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '驾驶舱数字的明细 The records behind a dashboard number',
        querystring: drillQuery,
        response: { 200: drillListView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const p = await boundedPeriod(db, q);
      const { items, total } = await drillDown(
        db,
        p,
        q,
        q.metric,
        q.dim,
        q.value,
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
        request.lang,
      );
      return { items: items.map(toDrillView), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/period-report/dashboard.xlsx',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '导出驾驶舱（xlsx） Export the dashboard',
        querystring: dashboardQuery,
      },
    },
    async (request, reply) => {
      const p = await boundedPeriod(db, request.query);
      const d = await dashboard(db, p, request.query);
      const ExcelJS = await loadExcel();
      const wb = new ExcelJS.Workbook();
      const sla = wb.addWorksheet('按时办结');
      sla.addRow([`“放管服”办理时限情况（${p.from} 至 ${p.to}）`]);
      const t = d.totals;
      sla.addRow([
        `办结 ${t.completed} 件，按时 ${t.onTime} 件（${pct(t.onTimeRate)}），超期办结 ${t.late} 件，逾期未办结 ${t.overdue} 件，平均用时 ${t.averageDays ?? '—'} 天`,
      ]);
      const dims = { desk: '股室', matter: '事项时限', town: '乡镇', industry: '行业' } as const;
      for (const [dim, name] of Object.entries(dims) as [keyof typeof dims, string][]) {
        sla.addRow([]);
        sla.addRow([`按${name}`, '办结', '按时办结', '超期办结', '逾期未办结', '按时办结率', '平均用时（天）']).font = {
          bold: true,
        };
        for (const g of d.sla[dim]) {
          sla.addRow([g.label, g.completed, g.onTime, g.late, g.overdue, pct(g.onTimeRate), g.averageDays ?? '—']);
        }
      }
      const ov = wb.addWorksheet('一次办结');
      ov.addRow([`一次办结率 ${pct(t.oneVisitRate)}（办结申请 ${t.decided} 件，最多跑一次 ${t.oneVisit} 件）`]);
      for (const [dim, name] of [
        ['matter', '事项'],
        ['town', '乡镇'],
        ['industry', '行业'],
      ] as const) {
        ov.addRow([]);
        ov.addRow([`按${name}`, '办结申请', '最多跑一次', '一次办结率']).font = { bold: true };
        for (const g of d.oneVisit[dim]) ov.addRow([g.label, g.decided, g.oneVisit, pct(g.oneVisitRate)]);
      }
      for (const ws of [sla, ov]) ws.getColumn(1).width = 40;
      return sendXlsx(reply, Buffer.from(await wb.xlsx.writeBuffer()), {
        ascii: `dashboard-${p.from}`,
        zh: `领导驾驶舱-${p.from}`,
        stamp: p.to,
      });
    },
  );

  app.get(
    '/api/period-report/dashboard/records.xlsx',
    {
      config: { access: [...READ] },
      schema: {
        tags: ['period-report'],
        summary: '导出驾驶舱数字的明细（xlsx） Export the records behind a dashboard number',
        querystring: drillQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const p = await boundedPeriod(db, q);
      const max = await getRuleNumber(db, EXPORT_MAX_ROWS_RULE);
      // records beyond the cap are counted, never read in full
      const { items: all, total } = await drillDown(db, p, q, q.metric, q.dim, q.value, { offset: 0, limit: max });
      if (total > max) {
        throw new AppError('FIGURE_EXPORT_TOO_LARGE', {
          detail: {
            zh: `共 ${total} 条明细，超过一次导出的上限 ${max} 条，请缩短期间分批导出。`,
            en: `${total} records, more than the ${max} one export may hold; export a shorter period.`,
          },
          extra: { total, max },
        });
      }
      const ExcelJS = await loadExcel();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('明细');
      const within =
        q.dim && q.value !== undefined ? `，${q.dim === 'desk' ? (DESK_LABELS[q.value]?.zh ?? q.value) : q.value}` : '';
      ws.addRow([`驾驶舱明细 ${all.length} 条（${p.from} 至 ${p.to}${within}）`]);
      ws.addRow([]);
      ws.addRow(['序号', '记录', '企业', '开始', '期限', '办结', '情况', '用时（天）', '到现场次数']).font = {
        bold: true,
      };
      all.forEach((r, i) => {
        ws.addRow([
          i + 1,
          r.title,
          r.enterpriseName ?? '',
          r.start ? shanghaiDateOf(new Date(r.start)) : '',
          r.dueDate ?? '',
          r.completedAt && r.completedAt.length > 10 ? shanghaiDateOf(new Date(r.completedAt)) : (r.completedAt ?? ''),
          r.outcome ? OUTCOME_ZH[r.outcome] : '',
          r.days ?? '',
          r.visits ?? '',
        ]);
      });
      ws.getColumn(2).width = 50;
      ws.getColumn(3).width = 30;
      return sendXlsx(reply, Buffer.from(await wb.xlsx.writeBuffer()), {
        ascii: `dashboard-${q.metric}-${p.from}`,
        zh: `驾驶舱明细-${p.from}`,
        stamp: p.to,
      });
    },
  );
};
