import { ARTICLE_PERIOD, monthsOf, periodSchema } from '@qingshan/core';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { STAFF_ROLES } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { getRuleNumber } from '../rules/service.ts';
import { boundedPeriod, EXPORT_MAX_ROWS_RULE } from './period.ts';
import { figureSource, figureSources, figureTotals } from './registry.ts';

const STAFF = [...STAFF_ROLES];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const labelSchema = z.object({ zh: z.string(), en: z.string() });
const figureSchema = z.object({
  key: z.string(),
  group: z.string().nullable(),
  value: z.number(),
  label: labelSchema,
  unit: labelSchema,
  definition: labelSchema,
  source: z.string(),
});
const recordSchema = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  detail: z.string(),
  link: z.string().nullable(),
});

function sourceOf(key: string) {
  const s = figureSource(key);
  if (!s) {
    throw new AppError('FIGURE_UNKNOWN', {
      detail: { zh: `没有统计数字 ${key}`, en: `No figure ${key}` },
      extra: { keys: figureSources().map((f) => f.key) },
    });
  }
  return s;
}

export const figureRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/figures',
    {
      config: { access: STAFF },
      schema: {
        tags: ['figures'],
        summary: '服务统计数字（默认本年；文章口径 2020-01-01—2020-11-30） Service figures for a period',
        querystring: periodSchema,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            articlePeriod: z.object({ from: z.string(), to: z.string() }),
            values: z.record(z.string(), z.number()),
            figures: z.array(figureSchema),
            monthly: z.array(z.object({ month: z.string(), values: z.record(z.string(), z.number()) })),
          }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const p = await boundedPeriod(db, request.query);
      const sources = figureSources();
      const figures = [];
      const values: Record<string, number> = {};
      const perMonth = new Map<string, Record<string, number>>(monthsOf(p.from, p.to).map((m) => [m, {}]));
      // every figure's value and trend in one statement (a figure with a trend is the sum of its months)
      const totals = await figureTotals(db, sources, p);
      for (const s of sources) {
        const { total: value, monthly } = totals.get(s.key)!;
        values[s.key] = value;
        figures.push({
          key: s.key,
          group: s.group ?? null,
          value,
          label: s.label,
          unit: s.unit,
          definition: s.definition,
          source: s.source,
        });
        if (monthly) for (const [month, rec] of perMonth) rec[s.key] = monthly.get(month) ?? 0;
      }
      return {
        from: p.from,
        to: p.to,
        articlePeriod: { ...ARTICLE_PERIOD },
        values,
        figures,
        monthly: [...perMonth].map(([month, v]) => ({ month, values: v })),
      };
    },
  );

  app.get(
    '/api/figures/:key/records',
    {
      config: { access: STAFF },
      schema: {
        tags: ['figures'],
        summary: '统计数字的明细记录 The records a figure counts',
        params: z.object({ key: z.string().max(60) }),
        querystring: periodSchema.and(
          z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(500).default(50),
          }),
        ),
        response: {
          200: z.object({
            key: z.string(),
            label: labelSchema,
            from: z.string(),
            to: z.string(),
            items: z.array(recordSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const s = sourceOf(request.params.key);
      const p = await boundedPeriod(db, request.query);
      const { page, pageSize } = request.query;
      const [items, total] = [
        await s.records(db, p, { limit: pageSize, offset: (page - 1) * pageSize }),
        await s.count(db, p),
      ];
      return { key: s.key, label: s.label, from: p.from, to: p.to, items, total, page, pageSize };
    },
  );

  app.get(
    '/api/figures/:key/records.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags: ['figures'],
        summary: '导出统计明细（xlsx） Export the records of a figure',
        params: z.object({ key: z.string().max(60) }),
        querystring: periodSchema,
      },
    },
    async (request, reply) => {
      const s = sourceOf(request.params.key);
      const p = await boundedPeriod(db, request.query);
      const max = await getRuleNumber(db, EXPORT_MAX_ROWS_RULE);
      const total = await s.count(db, p);
      if (total > max) {
        throw new AppError('FIGURE_EXPORT_TOO_LARGE', {
          detail: {
            zh: `${s.label.zh}在 ${p.from} 至 ${p.to} 共 ${total} 条明细，超过一次导出的上限 ${max} 条，请缩短期间分批导出。`,
            en: `${total} records in ${p.from}–${p.to}, more than the ${max} one export may hold; export a shorter period.`,
          },
          extra: { total, max },
        });
      }
      // limited too: records added between the count and this query cannot grow the file past the cap
      const records = await s.records(db, p, { limit: max, offset: 0 });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(s.label.zh.slice(0, 31));
      ws.addRow([`${s.label.zh} ${records.length} ${s.unit.zh}（${p.from} 至 ${p.to}）`]);
      ws.addRow([`口径：${s.definition.zh}（${s.source}）`]);
      ws.addRow([]);
      const header = ws.addRow(['序号 No.', '日期 Date', '记录 Record', '企业 Enterprise', '说明 Detail']);
      header.font = { bold: true };
      records.forEach((r, i) => {
        ws.addRow([i + 1, r.date, r.title, r.enterpriseName ?? '', r.detail]);
      });
      ws.columns.forEach((c, i) => {
        c.width = [8, 12, 40, 32, 60][i] ?? 20;
      });
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      const name = `${s.label.zh}-${p.from}-${p.to}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="figure-${s.key}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  );
};
