import { isoDateSchema, isTownCode } from '@qingshan/core';
import { REPORT_SECTIONS, SLA_DIMENSIONS, SLA_METRICS, SLA_OUTCOMES } from '@qingshan/core/period-report';
import { z } from 'zod';
import { pageOf, paging } from '../../plugins/openapi.ts';
import type { Dashboard, DrillRecord } from './dashboard.ts';
import { DRAFT_SORTS, type DraftRow, type DraftVersionRow } from './service.ts';

export const periodQuery = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });
export const draftIdParams = z.object({ id: z.uuid() });

export const dashboardQuery = periodQuery.extend({
  town: z.string().refine(isTownCode, { error: 'common.invalid' }).optional().describe('乡镇区划代码 town code'),
  industry: z
    .string()
    .regex(/^[A-T]?\d{2,4}$/, { error: 'common.invalid' })
    .optional()
    .describe('行业代码前缀（GB/T 4754） industry code prefix'),
});

export const drillQuery = dashboardQuery.extend({
  metric: z.enum(SLA_METRICS),
  dim: z.enum(SLA_DIMENSIONS).optional(),
  value: z.string().max(40).optional(),
  ...paging,
});

export const draftListQuery = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(DRAFT_SORTS).default('-updated'),
  ...paging,
});

const label = z.object({ zh: z.string(), en: z.string() });
const sentence = z.object({
  id: z.string(),
  text: z.string(),
  figures: z.array(z.object({ key: z.string(), value: z.number() })),
});
const section = z.object({ key: z.enum(REPORT_SECTIONS), heading: z.string(), sentences: z.array(sentence) });

export const figureRefSchema = z.object({
  key: z.string(),
  value: z.number(),
  label,
  unit: label,
  definition: label,
  source: z.string(),
  /** the same source in English */
  sourceEn: z.string(),
});

export const freshDraftView = z.object({
  from: z.string(),
  to: z.string(),
  title: z.string(),
  sections: z.array(section),
  figures: z.array(figureRefSchema),
});

export const draftView = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  title: z.string(),
  sections: z.array(section),
  version: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DraftView = z.infer<typeof draftView>;

export function toDraftView(r: DraftRow): DraftView {
  return {
    id: r.id,
    from: r.periodFrom,
    to: r.periodTo,
    title: r.title,
    sections: r.body,
    version: r.version,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const draftListView = pageOf(draftView.omit({ sections: true }));

export const draftVersionView = z.object({
  version: z.number(),
  title: z.string(),
  sections: z.array(section),
  note: z.string().nullable(),
  savedByName: z.string(),
  savedAt: z.string(),
});

export function toDraftVersionView(r: DraftVersionRow): z.infer<typeof draftVersionView> {
  return {
    version: r.version,
    title: r.title,
    sections: r.body,
    note: r.note,
    savedByName: r.savedByName,
    savedAt: r.savedAt.toISOString(),
  };
}

const rateOrNull = z.number().nullable();
const slaGroup = z.object({
  value: z.string(),
  label: z.string(),
  completed: z.number(),
  onTime: z.number(),
  late: z.number(),
  overdue: z.number(),
  onTimeRate: rateOrNull,
  averageDays: z.number().nullable(),
});
const oneVisitGroup = z.object({
  value: z.string(),
  label: z.string(),
  decided: z.number(),
  oneVisit: z.number(),
  oneVisitRate: rateOrNull,
});

export const dashboardView = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({
    completed: z.number(),
    onTime: z.number(),
    late: z.number(),
    overdue: z.number(),
    onTimeRate: rateOrNull,
    averageDays: z.number().nullable(),
    decided: z.number(),
    oneVisit: z.number(),
    oneVisitRate: rateOrNull,
  }),
  sla: z.object({
    desk: z.array(slaGroup),
    matter: z.array(slaGroup),
    town: z.array(slaGroup),
    industry: z.array(slaGroup),
  }),
  oneVisit: z.object({
    matter: z.array(oneVisitGroup),
    town: z.array(oneVisitGroup),
    industry: z.array(oneVisitGroup),
  }),
});

export function toDashboardView(p: { from: string; to: string }, d: Dashboard): z.infer<typeof dashboardView> {
  return { from: p.from, to: p.to, ...d };
}

export const drillRecordView = z.object({
  id: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  start: z.string().nullable(),
  dueDate: z.string().nullable(),
  completedAt: z.string().nullable(),
  outcome: z.enum(SLA_OUTCOMES).nullable(),
  days: z.number().nullable(),
  visits: z.number().nullable(),
});
export const drillListView = pageOf(drillRecordView);
export type DrillView = z.infer<typeof drillRecordView>;
export const toDrillView = (r: DrillRecord): DrillView => r;
