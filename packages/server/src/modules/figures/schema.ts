import { periodSchema } from '@qingshan/core';
import { z } from 'zod';
import type { FigureSource } from './registry.ts';

export const labelSchema = z.object({ zh: z.string(), en: z.string() });
export const figureSchema = z.object({
  key: z.string(),
  group: z.string().nullable(),
  value: z.number(),
  label: labelSchema,
  unit: labelSchema,
  definition: labelSchema,
  source: z.string(),
});
export const figureRecordSchema = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  detail: z.string(),
  link: z.string().nullable(),
});

export const figuresSchema = z.object({
  from: z.string(),
  to: z.string(),
  articlePeriod: z.object({ from: z.string(), to: z.string() }),
  values: z.record(z.string(), z.number()),
  figures: z.array(figureSchema),
  monthly: z.array(z.object({ month: z.string(), values: z.record(z.string(), z.number()) })),
});

export const figureKeyParams = z.object({ key: z.string().max(60) });

export const figureRecordsQuery = periodSchema.and(
  z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  }),
);

export const figureRecordsSchema = z.object({
  key: z.string(),
  label: labelSchema,
  from: z.string(),
  to: z.string(),
  items: z.array(figureRecordSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type FigureView = z.infer<typeof figureSchema>;

/** A figure's value with its label, unit, definition and legal source. */
export function toFigureView(s: FigureSource, value: number): FigureView {
  return {
    key: s.key,
    group: s.group ?? null,
    value,
    label: s.label,
    unit: s.unit,
    definition: s.definition,
    source: s.source,
  };
}
