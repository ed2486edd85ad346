import { CREDIT_GRADE_LABELS, CREDIT_GRADES, type CreditGrade, TOWN_CODES, TOWNS } from '@qingshan/core';
import {
  CREDIT_PROPOSAL_SORTS,
  CREDIT_PROPOSAL_STATUS_LABELS,
  CREDIT_PROPOSAL_STATUSES,
  CREDIT_SORTS,
  type CreditProposalStatus,
  creditProposalDecisionBody,
  creditRecordBody,
  RISK_FACTORS,
  WATCH_SORTS,
} from '@qingshan/core/credit';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { CreditProposalRow, CreditRow, WatchRow } from './service.ts';

export { creditProposalDecisionBody, creditRecordBody };

export const proposalParams = z.object({ id: z.uuid() });

export const enterpriseParams = z.object({ enterpriseId: z.uuid() });

export const creditListQuery = z.object({
  enterpriseId: z.uuid().optional(),
  grade: z.enum(CREDIT_GRADES).optional(),
  /** by the day rated, latest first (the default) or earliest; by grade or by enterprise, either way */
  sort: z.enum(CREDIT_SORTS).default('-ratedOn'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export { WATCH_SORTS };

export const watchListQuery = z.object({
  townCode: z.enum(TOWN_CODES as [string, ...string[]]).optional(),
  minScore: z.coerce.number().int().min(0).max(10_000).optional(),
  /** by score, highest first (the default); by enterprise or by one of the counts, either way */
  sort: z.enum(WATCH_SORTS).default('-score'),
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
  townCode: z.string(),
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
    townCode: r.townCode,
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

export const creditProposalsQuery = z.object({
  enterpriseId: z.uuid().optional(),
  status: z.enum(CREDIT_PROPOSAL_STATUSES).optional(),
  /** newest raised first (the default) or oldest; by the day decided or by enterprise, either way */
  sort: z.enum(CREDIT_PROPOSAL_SORTS).default('-createdAt'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const creditProposalViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  /** where the source opens in the console */
  sourceLink: z.string().nullable(),
  basis: z.string(),
  status: z.enum(CREDIT_PROPOSAL_STATUSES),
  statusLabel: z.string(),
  creditRecordId: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export function toCreditProposalView(
  r: CreditProposalRow & { enterpriseName: string },
): z.infer<typeof creditProposalViewSchema> {
  const status = r.status as CreditProposalStatus;
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    sourceLink: r.sourceType === 'enforcement-case' ? `/staff/enforcement-cases/${r.sourceId}` : null,
    basis: r.basis,
    status,
    statusLabel: CREDIT_PROPOSAL_STATUS_LABELS[status]?.zh ?? r.status,
    creditRecordId: r.creditRecordId,
    decisionReason: r.decisionReason,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}
