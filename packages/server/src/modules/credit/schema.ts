import { CREDIT_GRADE_LABELS, CREDIT_GRADES, type CreditGrade, TOWN_CODES, TOWNS } from '@qingshan/core';
import { creditRecordBody, RISK_FACTORS } from '@qingshan/core/credit';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { CreditRow, WatchRow } from './service.ts';

export { creditRecordBody };

export const enterpriseParams = z.object({ enterpriseId: z.uuid() });

export const creditListQuery = z.object({
  enterpriseId: z.uuid().optional(),
  grade: z.enum(CREDIT_GRADES).optional(),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const watchListQuery = z.object({
  townCode: z.enum(TOWN_CODES as [string, ...string[]]).optional(),
  minScore: z.coerce.number().int().min(0).max(10_000).optional(),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const creditViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  grade: z.enum(CREDIT_GRADES),
  gradeLabel: z.string(),
  basis: z.string(),
  ratedOn: z.string(),
  validUntil: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});

export const riskViewSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  score: z.number(),
  /** the weight the random draw would give this firm (1 to 5) */
  drawWeight: z.number(),
  onWatchList: z.boolean(),
  contributions: z.array(
    z.object({
      factor: z.enum(RISK_FACTORS),
      label: z.string(),
      count: z.number(),
      weight: z.number(),
      points: z.number(),
      source: z.string(),
      hasSource: z.boolean(),
      records: z.array(z.object({ type: z.string(), id: z.string(), label: z.string(), link: z.string().nullable() })),
    }),
  ),
});

export const watchRowSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  townName: z.string(),
  score: z.number(),
  alarms: z.number(),
  complaints: z.number(),
  findings: z.number(),
  inspectionFindings: z.number(),
  gradeLabel: z.string().nullable(),
  listed: z.boolean(),
});

export const watchListSchema = z.object({
  items: z.array(watchRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  threshold: z.number(),
});

export function toCreditView(r: CreditRow & { enterpriseName: string }): z.infer<typeof creditViewSchema> {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    grade: r.grade as CreditGrade,
    gradeLabel: CREDIT_GRADE_LABELS[r.grade as CreditGrade]?.zh ?? r.grade,
    basis: r.basis,
    ratedOn: r.ratedOn,
    validUntil: r.validUntil,
    recordedByName: r.recordedByName,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toWatchRow(r: WatchRow): z.infer<typeof watchRowSchema> {
  return {
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    townName: TOWNS.find((t) => t.code === r.townCode)?.name ?? r.townCode,
    score: r.score,
    alarms: Number(r.alarms),
    complaints: Number(r.complaints),
    findings: Number(r.findings),
    inspectionFindings: Number(r.inspectionFindings),
    gradeLabel: r.grade ? (CREDIT_GRADE_LABELS[r.grade as CreditGrade]?.zh ?? null) : null,
    listed: Boolean(r.listed),
  };
}
