import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { coalescing } from '../../shared/coalesce.ts';
import { loadExcel } from '../../shared/excel.ts';
import { paginate } from '../../shared/paginate.ts';
import { sendXlsx } from '../../shared/xlsx.ts';
import { getRuleNumber } from '../rules/service.ts';
import { boundedPeriod, EXPORT_MAX_ROWS_RULE } from './period.ts';
import { figureSource, figureSources, figureTotals } from './registry.ts';
import {
  figureKeyParams,
  figureRecordsQuery,
  figureRecordsViewSchema,
  figuresQuery,
  figuresViewSchema,
  toFigureRecordsView,
  toFiguresView,
} from './schema.ts';

const STAFF = [...STAFF_ROLES];

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
  // The dashboard is the same for every staff member: twenty leaders opening it at once cost two
  // computations of a period, not twenty (and none answers from before its request; see coalesce.ts).
  const dashboard = coalescing<Awaited<ReturnType<typeof toFiguresView>>>();
  app.get(
    '/api/figures',
    {
      config: { access: STAFF },
      schema: {
        tags: ['figures'],
        summary: '服务统计数字（默认本年；文章口径 2020-01-01—2020-11-30） Service figures for a period',
        querystring: figuresQuery,
        response: {
          200: figuresViewSchema,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const p = await boundedPeriod(db, request.query);
      return dashboard(`${p.from}/${p.to}`, async () => {
        const sources = figureSources();
        // every figure's value and trend in one statement (a figure with a trend is the sum of its months)
        return toFiguresView(p, sources, await figureTotals(db, sources, p));
      });
    },
  );

  app.get(
    '/api/figures/:key/records',
    {
      config: { access: STAFF },
      schema: {
        tags: ['figures'],
        summary: '统计数字的明细记录 The records a figure counts',
        params: figureKeyParams,
        querystring: figureRecordsQuery,
        response: {
          200: figureRecordsViewSchema,
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      // the records' own words follow the reader's language
      reply.header('vary', 'accept-language');
      const s = sourceOf(request.params.key);
      const p = await boundedPeriod(db, request.query);
      const page = await paginate(
        request.query,
        (limit, offset) => s.records(db, p, { limit, offset }, request.lang),
        () => s.count(db, p),
      );
      return toFigureRecordsView(s, p, page);
    },
  );

  app.get(
    '/api/figures/:key/records.xlsx',
    {
      config: { access: STAFF },
      schema: {
        tags: ['figures'],
        summary: '导出统计明细（xlsx） Export the records of a figure',
        params: figureKeyParams,
        querystring: figuresQuery,
      },
    },
    async (request, reply) => {
      // an English reader's export is in English, as the drill-down it was taken from
      reply.header('vary', 'accept-language');
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
      const lang = request.lang;
      const records = await s.records(db, p, { limit: max, offset: 0 }, lang);
      const en = lang === 'en';
      const ExcelJS = await loadExcel();
      const wb = new ExcelJS.Workbook();
      // a sheet name may not hold : \ / ? * [ ]
      const ws = wb.addWorksheet(s.label[lang].replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
      ws.addRow([
        en
          ? `${s.label.en}: ${records.length} ${s.unit.en} (${p.from} to ${p.to})`
          : `${s.label.zh} ${records.length} ${s.unit.zh}（${p.from} 至 ${p.to}）`,
      ]);
      ws.addRow([en ? `Definition: ${s.definition.en} (${s.sourceEn})` : `口径：${s.definition.zh}（${s.source}）`]);
      ws.addRow([]);
      const header = ws.addRow(['序号 No.', '日期 Date', '记录 Record', '企业 Enterprise', '说明 Detail']);
      header.font = { bold: true };
      records.forEach((r, i) => {
        ws.addRow([i + 1, r.date, r.title, r.enterpriseName ?? '', r.detail]);
      });
      ws.columns.forEach((c, i) => {
        c.width = [8, 12, 40, 32, 60][i] ?? 20;
      });
      return sendXlsx(reply, Buffer.from(await wb.xlsx.writeBuffer()), {
        ascii: `figure-${s.key}-${p.from}`,
        zh: `${s.label[lang]}-${p.from}`,
        stamp: p.to,
      });
    },
  );
};
