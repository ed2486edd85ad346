import {
  EIA_CATEGORIES,
  EIA_NOTICE_KINDS,
  EIA_NOTICE_SORTS,
  EIA_PATHS,
  EIA_STATES,
  eiaCaseCreateBody,
  eiaCityDecisionBody,
  eiaDecisionBody,
  eiaObjectionAnswerBody,
  eiaObjectionBody,
  eiaVerificationBody,
  noticeKindOf,
} from '@qingshan/core/eia';
import { maskName, maskPhone } from '@qingshan/core/mask';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { eiaCases, eiaObjections } from './tables.ts';

export {
  eiaCaseCreateBody,
  eiaCityDecisionBody,
  eiaDecisionBody,
  eiaObjectionAnswerBody,
  eiaObjectionBody,
  eiaVerificationBody,
};

export type EiaCaseRow = typeof eiaCases.$inferSelect;
export type EiaObjectionRow = typeof eiaObjections.$inferSelect;

export const eiaIdParams = z.object({ id: z.uuid() });
export const eiaObjectionParams = z.object({ id: z.uuid(), objectionId: z.uuid() });

/** by the day accepted (newest first, the default) or by enterprise; either way */
export const EIA_CASE_SORTS = ['-acceptedOn', 'acceptedOn', 'enterprise', '-enterprise'] as const;
export type EiaCaseSort = (typeof EIA_CASE_SORTS)[number];

export const eiaListQuery = z.object({
  path: z.enum(EIA_PATHS).optional(),
  state: z.enum(EIA_STATES).optional(),
  enterpriseId: z.uuid().optional(),
  applicationId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(EIA_CASE_SORTS).default('-acceptedOn'),
  ...paging,
});

export const eiaNoticeQuery = z.object({
  kind: z.enum(EIA_NOTICE_KINDS).optional(),
  /** by the notice's date, newest first (the default) or oldest; by project, either way */
  sort: z.enum(EIA_NOTICE_SORTS).default('-date'),
  ...paging,
});

export const eiaObjectionView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  content: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  createdAt: z.string(),
});
export type EiaObjectionView = z.infer<typeof eiaObjectionView>;

export const eiaCaseView = z.object({
  id: z.string(),
  code: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  path: z.enum(EIA_PATHS),
  state: z.enum(EIA_STATES),
  projectName: z.string(),
  projectAddress: z.string(),
  constructionType: z.string(),
  industryCode: z.string(),
  category: z.enum(EIA_CATEGORIES),
  catalogueRow: z.string(),
  classification: z
    .object({
      catalogueVersion: z.string(),
      industryCode: z.string(),
      constructionType: z.string(),
      facts: z.record(z.string(), z.unknown()),
      row: z.number().nullable(),
      rowTitle: z.string().nullable(),
      column: z.string().nullable(),
      columnLabel: z.string().nullable(),
      quote: z.string(),
      clause: z.string().nullable(),
      basis: z.string(),
      categoryLabel: z.string(),
      permit: z.object({ item: z.number(), classLabel: z.string(), basis: z.string() }).optional(),
    })
    .nullable()
    .describe('分类依据：环评判定引擎的输入与结论（名录行、栏、原文）'),
  contactName: z.string(),
  contactPhone: z.string(),
  inSensitiveArea: z.boolean(),
  electroplating: z.boolean(),
  nationalSecurity: z.boolean(),
  commitmentText: z.string().nullable(),
  commitmentSignedAt: z.string().nullable(),
  acceptedOn: z.string(),
  /** the commitment path's 拟批准公示 only (no other path is published for objections) */
  publicityEndsOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedByName: z.string().nullable(),
  documentNo: z.string().nullable(),
  decisionReason: z.string().nullable(),
  exemptionList: z.string().nullable(),
  exemptionEntry: z.string().nullable(),
  receiptNo: z.string().nullable(),
  verificationDueDate: z.string().nullable(),
  /** an accepted ordinary case: the day it must be decided by (its application's handling clock, else its own) */
  decisionDueDate: z.string().nullable(),
  verificationResult: z.string().nullable(),
  verificationNote: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
  creditConsequence: z.string().nullable(),
  unansweredObjections: z.number(),
  applicationId: z.string().nullable(),
  applicationCode: z.string().nullable(),
  /** the documents that can be downloaded now (审批决定书, 豁免认定书) */
  documents: z.array(z.enum(['decision', 'exemption'])),
  version: z.number(),
});
export type EiaCaseView = z.infer<typeof eiaCaseView>;

export const eiaCaseDetailView = eiaCaseView.extend({ objections: z.array(eiaObjectionView) });
export type EiaCaseDetailView = z.infer<typeof eiaCaseDetailView>;

/** A publicity notice as the public portal shows it: personal data masked. */
export const eiaNoticeView = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(EIA_NOTICE_KINDS),
  path: z.enum(EIA_PATHS),
  projectName: z.string(),
  projectAddress: z.string(),
  enterpriseName: z.string(),
  category: z.enum(EIA_CATEGORIES),
  catalogueRow: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  acceptedOn: z.string(),
  publicityEndsOn: z.string().nullable(),
  /** objections can be lodged today (a pre-approval notice whose period has not ended) */
  open: z.boolean(),
  decidedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  commitmentText: z.string().nullable(),
});
export type EiaNoticeView = z.infer<typeof eiaNoticeView>;

export const eiaNoticeDetailView = eiaNoticeView.extend({
  objections: z.array(eiaObjectionView.omit({ phone: true, answeredByName: true })),
});

export const eiaEligibilityView = z.object({
  eligible: z.boolean(),
  failed: z.array(z.object({ key: z.string(), label: z.string(), source: z.string() })),
  industries: z.array(z.string()),
  commitmentText: z.string(),
});

export type CaseExtras = {
  enterpriseName: string;
  publicityEndsOn: string | null;
  verificationDueDate: string | null;
  decisionDueDate: string | null;
  unansweredObjections: number;
  applicationCode: string | null;
};

export const EIA_DOCUMENT_KINDS = ['decision', 'exemption'] as const;
export type EiaDocumentKind = (typeof EIA_DOCUMENT_KINDS)[number];
export const EIA_DOCUMENT_TITLES: Record<EiaDocumentKind, { zh: string; file: string }> = {
  decision: { zh: '环评审批决定书', file: 'eia-decision' },
  exemption: { zh: '环评豁免认定书', file: 'eia-exemption' },
};

/** The bureau's own written decisions on a case (a city 批复 or a national filing is not ours to print). */
export function eiaDocumentsOf(r: Pick<EiaCaseRow, 'path' | 'state' | 'documentNo'>): EiaDocumentKind[] {
  if (!r.documentNo) return [];
  if (r.path === 'exemption') return ['exemption'];
  if ((r.path === 'commitment' || r.path === 'ordinary') && r.state !== 'publicity' && r.state !== 'accepted')
    return ['decision'];
  return [];
}

export function toEiaCaseView(r: EiaCaseRow, x: CaseExtras): EiaCaseView {
  return {
    id: r.id,
    code: r.code,
    enterpriseId: r.enterpriseId,
    enterpriseName: x.enterpriseName,
    path: r.path,
    state: r.state,
    projectName: r.projectName,
    projectAddress: r.projectAddress,
    constructionType: r.constructionType,
    industryCode: r.industryCode,
    category: r.category,
    catalogueRow: r.catalogueRow,
    classification: r.classification ?? null,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    inSensitiveArea: r.inSensitiveArea,
    electroplating: r.electroplating,
    nationalSecurity: r.nationalSecurity,
    commitmentText: r.commitmentText,
    commitmentSignedAt: r.commitmentSignedAt?.toISOString() ?? null,
    acceptedOn: r.acceptedOn,
    publicityEndsOn: x.publicityEndsOn,
    decidedOn: r.decidedOn,
    decidedByName: r.decidedByName,
    documentNo: r.documentNo,
    decisionReason: r.decisionReason,
    exemptionList: r.exemptionList,
    exemptionEntry: r.exemptionEntry,
    receiptNo: r.receiptNo,
    verificationDueDate: x.verificationDueDate,
    decisionDueDate: x.decisionDueDate,
    verificationResult: r.verificationResult,
    verificationNote: r.verificationNote,
    verifiedOn: r.verifiedOn,
    revocationReason: r.revocationReason,
    creditConsequence: r.creditConsequence,
    unansweredObjections: x.unansweredObjections,
    applicationId: r.applicationId,
    applicationCode: x.applicationCode,
    documents: eiaDocumentsOf(r),
    version: r.version,
  };
}

export function toObjectionView(o: EiaObjectionRow, masked: boolean): EiaObjectionView {
  return {
    id: o.id,
    name: masked ? maskName(o.name) : o.name,
    phone: masked ? maskPhone(o.phone) : o.phone,
    content: o.content,
    answer: o.answer,
    answeredAt: o.answeredAt?.toISOString() ?? null,
    answeredByName: o.answeredByName,
    createdAt: o.createdAt.toISOString(),
  };
}

export function toNoticeView(r: EiaCaseRow, x: CaseExtras, today: string): EiaNoticeView {
  const kind = noticeKindOf(r.path, r.state);
  return {
    id: r.id,
    code: r.code,
    kind: kind ?? 'approval',
    path: r.path,
    projectName: r.projectName,
    projectAddress: r.projectAddress,
    enterpriseName: x.enterpriseName,
    category: r.category,
    catalogueRow: r.catalogueRow,
    // 个人信息保护法 第五十一条: the contact person is published de-identified
    contactName: maskName(r.contactName),
    contactPhone: maskPhone(r.contactPhone),
    acceptedOn: r.acceptedOn,
    publicityEndsOn: x.publicityEndsOn,
    open: kind === 'pre-approval' && x.publicityEndsOn !== null && today <= x.publicityEndsOn,
    decidedOn: kind === 'approval' ? r.decidedOn : null,
    documentNo: kind === 'approval' ? r.documentNo : null,
    commitmentText: r.path === 'commitment' ? r.commitmentText : null,
  };
}
