import { ARTICLE_PERIOD, monthsOf, periodSchema } from '@qingshan/core';
import { z } from 'zod';
import type { Paged } from '../../shared/paginate.ts';
import type { FigureRecord, FigureSource, FigureTotal, Period } from './registry.ts';

const labelSchema = z.object({ zh: z.string(), en: z.string() });

const figureViewSchema = z.object({
  key: z.string(),
  group: z.string().nullable(),
  value: z.number(),
  label: labelSchema,
  unit: labelSchema,
  definition: labelSchema,
  source: z.string(),
  /** the same source in English */
  sourceEn: z.string(),
});
export type FigureView = z.infer<typeof figureViewSchema>;

const figureRecordViewSchema = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  detail: z.string(),
  link: z.string().nullable(),
});

export const figuresQuery = periodSchema;

export const figuresViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  articlePeriod: z.object({ from: z.string(), to: z.string() }),
  values: z.record(z.string(), z.number()),
  figures: z.array(figureViewSchema),
  monthly: z.array(z.object({ month: z.string(), values: z.record(z.string(), z.number()) })),
});
export type FiguresView = z.infer<typeof figuresViewSchema>;

export const figureKeyParams = z.object({ key: z.string().max(60) });

export const figureRecordsQuery = periodSchema.and(
  z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  }),
);

export const figureRecordsViewSchema = z.object({
  key: z.string(),
  label: labelSchema,
  from: z.string(),
  to: z.string(),
  items: z.array(figureRecordViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type FigureRecordsView = z.infer<typeof figureRecordsViewSchema>;

export function toFigureView(s: FigureSource, value: number): FigureView {
  return {
    key: s.key,
    group: s.group ?? null,
    value,
    label: s.label,
    unit: s.unit,
    definition: s.definition,
    source: s.source,
    sourceEn: s.sourceEn,
  };
}

/** The dashboard: every figure's value, and a month-by-month trend of the figures that draw one. */
export function toFiguresView(
  p: Period,
  sources: readonly FigureSource[],
  totals: ReadonlyMap<string, FigureTotal>,
): FiguresView {
  const values: Record<string, number> = {};
  const figures: FigureView[] = [];
  const perMonth = new Map<string, Record<string, number>>(monthsOf(p.from, p.to).map((m) => [m, {}]));
  for (const s of sources) {
    const { total, monthly } = totals.get(s.key)!;
    values[s.key] = total;
    figures.push(toFigureView(s, total));
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
}

export function toFigureRecordsView(s: FigureSource, p: Period, page: Paged<FigureRecord>): FigureRecordsView {
  return { key: s.key, label: s.label, from: p.from, to: p.to, ...page };
}
