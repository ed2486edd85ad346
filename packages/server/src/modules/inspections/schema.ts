import { shanghaiDateOf } from '@qingshan/core/calendar';
import {
  CONFLICT_KIND_LABELS,
  CONFLICT_KINDS,
  type ConflictKind,
  DRAW_SORTS,
  INSPECTION_CLASS_LABELS,
  INSPECTION_CLASSES,
  INSPECTION_OUTCOME_LABELS,
  INSPECTION_OUTCOMES,
  INSPECTION_PLAN_SORTS,
  INSPECTION_RESULT_SORTS,
  INSPECTOR_SORTS,
  type InspectionClass,
  type InspectionOutcome,
  inspectionDrawBody,
  inspectionObjectBody,
  inspectionPlanBody,
  inspectionResultsBody,
  inspectorBody,
  PLAN_PERIODS,
} from '@qingshan/core/inspection-draws';
import { TOWNS } from '@qingshan/core/towns';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { inspectionDraws, inspectionObjects, inspectionPlans, inspectionResults, inspectors } from './tables.ts';

export { inspectionDrawBody, inspectionObjectBody, inspectionPlanBody, inspectionResultsBody, inspectorBody };

export const idParams = z.object({ id: z.uuid() });
export const pageQuery = z.object({ page: paging.page, pageSize: paging.pageSize });
export const OBJECT_SORTS = ['class', '-class', 'enterprise', '-enterprise', '-updatedAt', 'updatedAt'] as const;
export const objectsQuery = pageQuery.extend({
  class: z.enum(INSPECTION_CLASSES).optional(),
  /** by class, a to special (the default) or back; by enterprise or by the last change, either way */
  sort: z.enum(OBJECT_SORTS).default('class'),
});
export { DRAW_SORTS };
export const drawsQuery = pageQuery.extend({
  /**
   * by the time drawn, newest first (the default) or oldest; by plan, number of firms drawn or time
   * published, either way (a draw not yet published comes last both ways)
   */
  sort: z.enum(DRAW_SORTS).default('-drawnAt'),
});
export const inspectorsQuery = pageQuery.extend({
  /** by name (the default) or by the last change, either way */
  sort: z.enum(INSPECTOR_SORTS).default('name'),
});
export const plansQuery = pageQuery.extend({
  /** by period, latest first (the default) or earliest; by name or by the time made, either way */
  sort: z.enum(INSPECTION_PLAN_SORTS).default('-period'),
});
export const publicResultsQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2019).max(2100).optional(),
  /** latest published first (the default); by the day inspected or by firm, either way */
  sort: z.enum(INSPECTION_RESULT_SORTS).default('-publishedOn'),
});

const townName = (code: string | null) => (code ? (TOWNS.find((t) => t.code === code)?.name ?? code) : null);
const ratiosSchema = z.object({ a: z.number(), b: z.number(), c: z.number(), special: z.number() });

export const objectViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  townCode: z.string(),
  townName: z.string(),
  class: z.enum(INSPECTION_CLASSES),
  classLabel: z.string(),
  basis: z.string(),
  updatedByName: z.string(),
  updatedAt: z.string(),
});
export type ObjectView = z.infer<typeof objectViewSchema>;

export const inspectorViewSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  active: z.boolean(),
  conflicts: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      kind: z.enum(CONFLICT_KINDS),
      kindLabel: z.string(),
      note: z.string(),
    }),
  ),
  updatedAt: z.string(),
});
export type InspectorView = z.infer<typeof inspectorViewSchema>;

export const planViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  period: z.enum(PLAN_PERIODS),
  quarter: z.number().nullable(),
  ratios: ratiosSchema,
  inspectorsPerTarget: z.number(),
  avoidOwnTown: z.boolean(),
  listedWeight: z.number(),
  ruleVersions: z.record(z.string(), z.number()),
  createdByName: z.string(),
  createdAt: z.string(),
  /** drawn plans are fixed: their draws recorded these ratios */
  drawn: z.boolean(),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const targetViewSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  townCode: z.string(),
  class: z.enum(INSPECTION_CLASSES),
  /** a positive-list firm: checked off-site first (非现场检查优先) */
  offSiteFirst: z.boolean(),
  inspectors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TargetView = z.infer<typeof targetViewSchema>;

export const drawCreatedSchema = z.object({
  id: z.string(),
  seed: z.string(),
  inputsHash: z.string(),
  targets: z.array(targetViewSchema),
});

const DRAW_STATUSES = ['drawn', 'published'] as const;

export const drawSummarySchema = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  drawnAt: z.string(),
  drawnByName: z.string(),
  targetCount: z.number(),
  status: z.enum(DRAW_STATUSES),
  publishedAt: z.string().nullable(),
});
export type DrawSummaryView = z.infer<typeof drawSummarySchema>;

export const drawDetailSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  seed: z.string(),
  algorithm: z.string(),
  inputsHash: z.string(),
  objectsVersion: z.number(),
  inspectorsVersion: z.number(),
  ratios: ratiosSchema,
  inspectorsPerTarget: z.number(),
  avoidOwnTown: z.boolean(),
  listedWeight: z.number(),
  poolSize: z.number(),
  inspectorPoolSize: z.number(),
  drawnAt: z.string(),
  drawnByName: z.string(),
  status: z.enum(DRAW_STATUSES),
  /** the publication clock's due date (null until an inspection of the draw is recorded) */
  publishDueOn: z.string().nullable(),
  /** the publication clock's verdict: on time, due soon, overdue; met or missed once published */
  publication: z
    .object({
      state: z.enum(['running', 'paused', 'due-soon', 'overdue', 'met', 'missed', 'lapsed']),
      remaining: z.number(),
      provisional: z.boolean(),
    })
    .nullable(),
  publishedAt: z.string().nullable(),
  targets: z.array(targetViewSchema),
  results: z.array(
    z.object({
      enterpriseId: z.string(),
      inspectedOn: z.string(),
      outcome: z.enum(INSPECTION_OUTCOMES),
      summary: z.string(),
    }),
  ),
});
export type DrawDetailView = z.infer<typeof drawDetailSchema>;

export const replaySchema = z.object({
  reproduced: z.boolean(),
  inputsHashMatches: z.boolean(),
  seed: z.string(),
  algorithm: z.string(),
  inputsHash: z.string(),
  objectsVersion: z.number(),
  inspectorsVersion: z.number(),
  targets: z.array(targetViewSchema),
});
export type ReplayView = z.infer<typeof replaySchema>;

export const publicResultSchema = z.object({
  enterpriseName: z.string(),
  townCode: z.string(),
  townName: z.string(),
  classLabel: z.string(),
  planName: z.string(),
  inspectedOn: z.string(),
  outcome: z.enum(INSPECTION_OUTCOMES),
  outcomeLabel: z.string(),
  summary: z.string(),
  publishedOn: z.string(),
  publishDueOn: z.string().nullable(),
  publishedOnTime: z.boolean().nullable(),
});
export type PublicResultView = z.infer<typeof publicResultSchema>;

export function toObjectView(o: typeof inspectionObjects.$inferSelect, name: string, townCode: string): ObjectView {
  return {
    id: o.id,
    enterpriseId: o.enterpriseId,
    enterpriseName: name,
    townCode,
    townName: townName(townCode) ?? townCode,
    class: o.class,
    classLabel: INSPECTION_CLASS_LABELS[o.class].zh,
    basis: o.basis,
    updatedByName: o.updatedByName,
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function toInspectorView(r: typeof inspectors.$inferSelect, names: ReadonlyMap<string, string>): InspectorView {
  return {
    id: r.id,
    userId: r.userId,
    name: r.name,
    townCode: r.townCode,
    townName: townName(r.townCode),
    active: r.active,
    conflicts: r.conflicts.map((c) => ({
      enterpriseId: c.enterpriseId,
      enterpriseName: names.get(c.enterpriseId) ?? c.enterpriseId,
      kind: c.kind as ConflictKind,
      kindLabel: CONFLICT_KIND_LABELS[c.kind as ConflictKind].zh,
      note: c.note,
    })),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toPlanView(p: typeof inspectionPlans.$inferSelect, drawn: boolean): PlanView {
  return {
    id: p.id,
    name: p.name,
    year: p.year,
    period: p.period as PlanView['period'],
    quarter: p.quarter,
    ratios: p.ratios,
    inspectorsPerTarget: p.inspectorsPerTarget,
    avoidOwnTown: p.avoidOwnTown === 1,
    listedWeight: p.listedWeight,
    ruleVersions: p.ruleVersions,
    createdByName: p.createdByName,
    createdAt: p.createdAt.toISOString(),
    drawn,
  };
}

export function toPublicResultView(
  r: typeof inspectionResults.$inferSelect,
  d: typeof inspectionDraws.$inferSelect,
  p: typeof inspectionPlans.$inferSelect,
  name: string,
  townCode: string,
): PublicResultView {
  const cls = (d.targets.find((t) => t.objectId === r.enterpriseId)?.class ?? 'c') as InspectionClass;
  const outcome = r.outcome as InspectionOutcome;
  const publishedOn = d.publishedAt ? shanghaiDateOf(d.publishedAt) : '';
  return {
    enterpriseName: name,
    townCode,
    townName: townName(townCode) ?? townCode,
    classLabel: INSPECTION_CLASS_LABELS[cls].zh,
    planName: p.name,
    inspectedOn: r.inspectedOn,
    outcome,
    outcomeLabel: INSPECTION_OUTCOME_LABELS[outcome].zh,
    summary: r.summary,
    publishedOn,
    publishDueOn: d.publishDueOn,
    publishedOnTime: d.publishDueOn ? publishedOn <= d.publishDueOn : null,
  };
}
