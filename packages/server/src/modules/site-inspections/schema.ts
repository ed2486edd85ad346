import { INSPECTION_OUTCOMES } from '@qingshan/core/inspection-draws';
import {
  CASE_STAGES,
  caseOpenBody,
  caseStageBody,
  completeInspectionBody,
  OFF_SITE_SOURCES,
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
  OrderDetail,
  OrderListItem,
} from './service.ts';

export {
  caseOpenBody,
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
export const ordersQuery = z.object({
  page: paging.page,
  pageSize: paging.pageSize,
  enterpriseId: z.uuid().optional(),
  status: z.enum(RECTIFICATION_ORDER_STATUSES).optional(),
});
export const casesQuery = z.object({
  page: paging.page,
  pageSize: paging.pageSize,
  enterpriseId: z.uuid().optional(),
  stage: z.enum(CASE_STAGES).optional(),
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
  version: c.version,
  createdAt: c.createdAt.toISOString(),
});
export const stageResultSchema = z.object({ proposalId: z.string().nullable() });
export const publishedSchema = z.object({ results: z.number() });
