import { isTownCode, shanghaiDateOf, townByCode } from '@qingshan/core';
import { industryByCode } from '@qingshan/core/industries';
import { INSPECTION_OUTCOMES } from '@qingshan/core/inspection-draws';
import {
  CASE_SORTS,
  CASE_STAGES,
  caseOpenBody,
  caseRevokeBody,
  caseStageBody,
  completeInspectionBody,
  OFF_SITE_SOURCES,
  PUBLIC_PENALTY_SORTS,
  RECTIFICATION_ORDER_STATUSES,
  rectificationAnswerBody,
  rectificationVerifyBody,
  SITE_INSPECTION_KINDS,
  SITE_INSPECTION_STATUSES,
  siteInspectionBody,
  siteInspectionUpdateBody,
} from '@qingshan/core/site-inspections';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { ClockView } from '../clocks/service.ts';
import type {
  AnswerRow,
  CaseListItem,
  FileSummary,
  InspectionDetail,
  InspectionListItem,
  MyInspectionDetail,
  MyInspectionListItem,
  OrderDetail,
  OrderListItem,
  PublicPenaltyRow,
} from './service.ts';

export {
  caseOpenBody,
  caseRevokeBody,
  caseStageBody,
  completeInspectionBody,
  rectificationAnswerBody,
  rectificationVerifyBody,
  siteInspectionBody,
};

export const idParams = z.object({ id: z.uuid() });
export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const drawParams = z.object({ drawId: z.uuid() });
export const updateInspectionBody = siteInspectionUpdateBody;
export const fileUploadQuery = z.object({ name: z.string().trim().min(1).max(200) });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const inspectionsQuery = z
  .object({
    page: paging.page,
    pageSize: paging.pageSize,
    enterpriseId: z.uuid().optional(),
    drawId: z.uuid().optional(),
    kind: z.enum(SITE_INSPECTION_KINDS).optional(),
    status: z.enum(SITE_INSPECTION_STATUSES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    sort: z.enum(['inspectedOn', '-inspectedOn']).default('-inspectedOn'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'common.invalid' });
export const ORDER_SORTS = [
  '-createdAt',
  'createdAt',
  '-inspectedOn',
  'inspectedOn',
  'enterprise',
  '-enterprise',
] as const;
export const ordersQuery = z.object({
  page: paging.page,
  pageSize: paging.pageSize,
  enterpriseId: z.uuid().optional(),
  status: z.enum(RECTIFICATION_ORDER_STATUSES).optional(),
  /**
   * by the time issued, newest first (the default) or oldest; by the day inspected or by enterprise,
   * either way. Not by the due date: the clock computes it, no column holds it.
   */
  sort: z.enum(ORDER_SORTS).default('-createdAt'),
});
export const casesQuery = z.object({
  page: paging.page,
  pageSize: paging.pageSize,
  enterpriseId: z.uuid().optional(),
  stage: z.enum(CASE_STAGES).optional(),
  /** by the time filed, newest first (the default) or oldest; by enterprise or by the fine, either way */
  sort: z.enum(CASE_SORTS).default('-createdAt'),
});

export const createdSchema = z.object({ id: z.string() });

export const fileViewSchema = z.object({
  id: z.string(),
  ownerType: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});
export const toFileView = (f: FileSummary): z.infer<typeof fileViewSchema> => ({
  id: f.id,
  ownerType: f.ownerType,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  createdAt: f.createdAt.toISOString(),
});

const checklistEntryView = z.object({ key: z.string(), result: z.string(), note: z.string() });

export const inspectionListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(SITE_INSPECTION_KINDS),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  drawId: z.string().nullable(),
  status: z.enum(SITE_INSPECTION_STATUSES),
  inspectedOn: z.string(),
  inspectorNames: z.array(z.string()),
  offSiteSource: z.enum(OFF_SITE_SOURCES).nullable(),
  findings: z.number(),
  officerName: z.string(),
  version: z.number(),
});
export const toInspectionListItem = (r: InspectionListItem): z.infer<typeof inspectionListItemSchema> => ({
  id: r.id,
  kind: r.kind as (typeof SITE_INSPECTION_KINDS)[number],
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  drawId: r.drawId,
  status: r.status as (typeof SITE_INSPECTION_STATUSES)[number],
  inspectedOn: r.inspectedOn,
  inspectorNames: r.inspectorNames,
  offSiteSource: r.offSiteSource as (typeof OFF_SITE_SOURCES)[number] | null,
  findings: r.findings,
  officerName: r.officerName,
  version: r.version,
});

export const inspectionDetailSchema = inspectionListItemSchema.extend({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  place: z.string(),
  alarmId: z.string().nullable(),
  /** the clue it follows up (staff only) */
  clueId: z.string().nullable(),
  sourceRef: z.string(),
  checklist: z.array(checklistEntryView),
  summary: z.string(),
  signerName: z.string().nullable(),
  refusalReason: z.string().nullable(),
  witness: z.string().nullable(),
  completedAt: z.string().nullable(),
  outcome: z.enum(INSPECTION_OUTCOMES).nullable(),
  findingList: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      severity: z.string(),
      itemKey: z.string().nullable(),
      requirement: z.string().nullable(),
      orderId: z.string().nullable(),
      caseId: z.string().nullable(),
    }),
  ),
  files: z.array(fileViewSchema),
});
export const toInspectionDetail = (d: InspectionDetail): z.infer<typeof inspectionDetailSchema> => ({
  ...toInspectionListItem({ ...d, findings: d.findings.length }),
  latitude: d.latitude,
  longitude: d.longitude,
  place: d.place,
  alarmId: d.alarmId,
  clueId: d.clueId,
  sourceRef: d.sourceRef,
  checklist: d.checklist,
  summary: d.summary,
  signerName: d.signerName,
  refusalReason: d.refusalReason,
  witness: d.witness,
  completedAt: d.completedAt?.toISOString() ?? null,
  outcome: d.outcome,
  findingList: d.findings.map((f) => ({
    id: f.id,
    description: f.description,
    severity: f.severity,
    itemKey: f.itemKey,
    requirement: f.requirement,
    orderId: f.orderId,
    caseId: f.caseId,
  })),
  files: d.files.map(toFileView),
});

const clockViewSchema = z.object({
  id: z.string(),
  dueDate: z.string(),
  state: z.string(),
  provisional: z.boolean(),
});
const toClock = (c: ClockView | null) =>
  c ? { id: c.id, dueDate: c.dueDate, state: String(c.state), provisional: c.provisional } : null;

export const orderListItemSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  description: z.string(),
  inspectedOn: z.string(),
  requirement: z.string(),
  status: z.enum(RECTIFICATION_ORDER_STATUSES),
  onTime: z.boolean().nullable(),
  clock: clockViewSchema.nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export const toOrderListItem = (o: OrderListItem): z.infer<typeof orderListItemSchema> => ({
  id: o.id,
  inspectionId: o.inspectionId,
  enterpriseId: o.enterpriseId,
  enterpriseName: o.enterpriseName,
  description: o.description,
  inspectedOn: o.inspectedOn,
  requirement: o.requirement,
  status: o.status as (typeof RECTIFICATION_ORDER_STATUSES)[number],
  onTime: o.onTime === null ? null : o.onTime === 1,
  clock: toClock(o.clock),
  version: o.version,
  createdAt: o.createdAt.toISOString(),
});

const answerView = z.object({
  id: z.string(),
  text: z.string(),
  submittedAt: z.string(),
  submittedByName: z.string(),
  verdict: z.string().nullable(),
  reason: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
const toAnswer = (a: AnswerRow): z.infer<typeof answerView> => ({
  id: a.id,
  text: a.text,
  submittedAt: a.submittedAt.toISOString(),
  submittedByName: a.submittedByName,
  verdict: a.verdict,
  reason: a.reason,
  verifiedByName: a.verifiedByName,
  verifiedAt: a.verifiedAt?.toISOString() ?? null,
});
export const orderDetailSchema = orderListItemSchema.extend({
  answers: z.array(answerView),
  files: z.array(fileViewSchema.extend({ answerId: z.string().nullable() })),
});
export const toOrderDetail = (o: OrderDetail): z.infer<typeof orderDetailSchema> => ({
  ...toOrderListItem(o),
  answers: o.answers.map(toAnswer),
  files: o.files.map((f) => ({ ...toFileView(f), answerId: f.answerId })),
});

export const caseViewSchema = z.object({
  id: z.string(),
  findingId: z.string(),
  inspectionId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  description: z.string(),
  title: z.string(),
  stage: z.enum(CASE_STAGES),
  stages: z.array(z.object({ stage: z.enum(CASE_STAGES), at: z.string(), byName: z.string(), note: z.string() })),
  decisionNumber: z.string().nullable(),
  penaltyAmount: z.string().nullable(),
  decidedOn: z.string().nullable(),
  facts: z.string().nullable(),
  legalBasis: z.string().nullable(),
  penaltyContent: z.string().nullable(),
  decidedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export const toCaseView = (c: CaseListItem): z.infer<typeof caseViewSchema> => ({
  id: c.id,
  findingId: c.findingId,
  inspectionId: c.inspectionId,
  enterpriseId: c.enterpriseId,
  enterpriseName: c.enterpriseName,
  description: c.description,
  title: c.title,
  stage: c.stage,
  stages: c.stages,
  decisionNumber: c.decisionNumber,
  penaltyAmount: c.penaltyAmount,
  decidedOn: c.decidedOn,
  facts: c.facts,
  legalBasis: c.legalBasis,
  penaltyContent: c.penaltyContent,
  decidedBy: c.decidedBy,
  publishedAt: c.publishedAt?.toISOString() ?? null,
  revokedAt: c.revokedAt?.toISOString() ?? null,
  revocationReason: c.revocationReason,
  version: c.version,
  createdAt: c.createdAt.toISOString(),
});

export const publicPenaltiesQuery = z.object({
  page: paging.page,
  pageSize: paging.pageSize,
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('决定年份 year of the decision'),
  town: z.string().refine(isTownCode, { error: 'common.invalid' }).optional().describe('乡镇区划代码 town code'),
  industry: z
    .string()
    .regex(/^\d{2,4}$/, { error: 'common.invalid' })
    .optional()
    .describe('行业代码前缀（GB/T 4754） industry code prefix'),
  /** by the day decided, latest first (the default) or earliest; by enterprise or by 文号, either way */
  sort: z.enum(PUBLIC_PENALTY_SORTS).default('-decidedOn'),
});

/**
 * A published penalty decision. Only the firm is named (name, credit code); a revoked decision keeps
 * its number and dates and shows why it was withdrawn, its content no longer published.
 */
export const publicPenaltyViewSchema = z.object({
  id: z.string(),
  decisionNumber: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  townCode: z.string(),
  townName: z.string(),
  /** GB/T 4754 class code, so a reader in English sees the industry's English name */
  industryCode: z.string(),
  industryName: z.string(),
  facts: z.string().nullable(),
  legalBasis: z.string().nullable(),
  penaltyContent: z.string().nullable(),
  penaltyAmount: z.string().nullable(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  publishedOn: z.string(),
  status: z.enum(['published', 'withdrawn']),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
});
export const toPublicPenaltyView = (r: PublicPenaltyRow): z.infer<typeof publicPenaltyViewSchema> => {
  const withdrawn = r.revokedAt !== null;
  return {
    id: r.id,
    decisionNumber: r.decisionNumber,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    townCode: r.townCode,
    townName: townByCode(r.townCode)?.name ?? r.townCode,
    industryCode: r.industryCode,
    industryName: industryByCode(r.industryCode)?.name ?? r.industryCode,
    facts: withdrawn ? null : r.facts,
    legalBasis: withdrawn ? null : r.legalBasis,
    penaltyContent: withdrawn ? null : r.penaltyContent,
    penaltyAmount: withdrawn ? null : r.penaltyAmount,
    decidedOn: r.decidedOn,
    decidedBy: r.decidedBy,
    publishedOn: shanghaiDateOf(r.publishedAt),
    status: withdrawn ? 'withdrawn' : 'published',
    withdrawnOn: r.revokedAt ? shanghaiDateOf(r.revokedAt) : null,
    withdrawalReason: r.revocationReason,
  };
};
export const stageResultSchema = z.object({
  /** the positive-list removal proposal the decision raised, if the firm is listed */
  proposalId: z.string().nullable(),
  /** the credit change the decision raised for an officer to confirm */
  creditProposalId: z.string().nullable(),
});
export const publishedSchema = z.object({ results: z.number() });

// The enterprise's portal view: what the firm signed or refused on site, and the orders that came
// from it. Declared apart from the staff view so nothing the bureau keeps for itself (the draw a
// record belongs to, alarm and source references, case links, the recording officer's account)
// can reach the firm by a column added later.
export const myInspectionsQuery = z
  .object({
    page: paging.page,
    pageSize: paging.pageSize,
    from: isoDate.optional(),
    to: isoDate.optional(),
    // a record's outcome is one of these two (not-operating is a draw result entered by hand)
    outcome: z.enum(['no-problem', 'problems-found']).optional(),
    signature: z.enum(['signed', 'refused']).optional(),
    sort: z.enum(['inspectedOn', '-inspectedOn']).default('-inspectedOn'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'common.invalid' });

export const myInspectionListItemSchema = z.object({
  id: z.string(),
  inspectedOn: z.string(),
  inspectorNames: z.array(z.string()),
  place: z.string(),
  signature: z.enum(['signed', 'refused']),
  signerName: z.string().nullable(),
  completedAt: z.string().nullable(),
  findings: z.number(),
  orders: z.number(),
  openOrders: z.number(),
});
const signatureOf = (r: { signerName: string | null }) => (r.signerName !== null ? 'signed' : 'refused');
export const toMyInspectionListItem = (r: MyInspectionListItem): z.infer<typeof myInspectionListItemSchema> => ({
  id: r.id,
  inspectedOn: r.inspectedOn,
  inspectorNames: r.inspectorNames,
  place: r.place,
  signature: signatureOf(r),
  signerName: r.signerName,
  completedAt: r.completedAt?.toISOString() ?? null,
  findings: r.findings,
  orders: r.orders,
  openOrders: r.openOrders,
});

export const myInspectionDetailSchema = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  inspectedOn: z.string(),
  inspectorNames: z.array(z.string()),
  place: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  checklist: z.array(checklistEntryView),
  summary: z.string(),
  outcome: z.enum(INSPECTION_OUTCOMES).nullable(),
  signature: z.enum(['signed', 'refused']),
  signerName: z.string().nullable(),
  refusalReason: z.string().nullable(),
  witness: z.string().nullable(),
  completedAt: z.string().nullable(),
  findings: z.array(
    z.object({
      description: z.string(),
      severity: z.string(),
      itemKey: z.string().nullable(),
      requirement: z.string().nullable(),
      order: z
        .object({
          id: z.string(),
          status: z.enum(RECTIFICATION_ORDER_STATUSES),
          dueDate: z.string().nullable(),
          provisional: z.boolean(),
        })
        .nullable(),
    }),
  ),
  photos: z.array(fileViewSchema),
  signatureFile: fileViewSchema.nullable(),
});
export const toMyInspectionDetail = (d: MyInspectionDetail): z.infer<typeof myInspectionDetailSchema> => {
  const orderOf = new Map(d.orders.map((o) => [o.findingId, o]));
  const sig = d.files.find((f) => f.ownerType === 'signature');
  return {
    id: d.id,
    enterpriseName: d.enterpriseName,
    inspectedOn: d.inspectedOn,
    inspectorNames: d.inspectorNames,
    place: d.place,
    latitude: d.latitude,
    longitude: d.longitude,
    checklist: d.checklist,
    summary: d.summary,
    outcome: d.outcome,
    signature: signatureOf(d),
    signerName: d.signerName,
    refusalReason: d.refusalReason,
    witness: d.witness,
    completedAt: d.completedAt?.toISOString() ?? null,
    findings: d.findings.map((f) => {
      const o = orderOf.get(f.id);
      return {
        description: f.description,
        severity: f.severity,
        itemKey: f.itemKey,
        requirement: f.requirement,
        order: o
          ? {
              id: o.id,
              status: o.status as (typeof RECTIFICATION_ORDER_STATUSES)[number],
              dueDate: o.clock?.dueDate ?? null,
              provisional: o.clock?.provisional ?? false,
            }
          : null,
      };
    }),
    photos: d.files.filter((f) => f.ownerType === 'inspection').map(toFileView),
    signatureFile: sig ? toFileView(sig) : null,
  };
};
