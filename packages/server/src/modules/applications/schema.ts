import { materialItemSchema } from '@qingshan/core';
import {
  ACCEPTANCE_KINDS,
  APPLICATION_CHANNELS,
  APPLICATION_STATES,
  applicationCreateBody,
  applicationDecisionBody,
  applicationDeferredBody,
  applicationExpertReviewBody,
  applicationNoticeBody,
  applicationSupplementBody,
  applicationVisitBody,
  applicationWindowBody,
  isOneVisit,
  preCheck,
} from '@qingshan/core/applications';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { clockViewSchema } from '../clocks/schema.ts';
import type { ApplicationDetail, ApplicationListItem } from './service.ts';
import type { ApplicationMaterialRow } from './tables.ts';

export {
  applicationCreateBody,
  applicationDecisionBody,
  applicationDeferredBody,
  applicationExpertReviewBody,
  applicationNoticeBody,
  applicationSupplementBody,
  applicationVisitBody,
  applicationWindowBody,
};

// The letters an application's record can be printed as (documents.ts prints them, loading the
// docx library only then).
export const DOCUMENT_KINDS = ['notice', 'acceptance', 'decision'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_TITLES: Record<DocumentKind, { zh: string; file: string }> = {
  notice: { zh: '补正告知书', file: 'notice' },
  acceptance: { zh: '受理通知书', file: 'acceptance' },
  decision: { zh: '行政许可决定书', file: 'decision' },
};

/** Which documents exist yet for this application (a notice only after it was issued, …). */
export function availableDocuments(d: ApplicationDetail['row']): DocumentKind[] {
  const out: DocumentKind[] = [];
  if (d.noticeIssuedAt) out.push('notice');
  if (d.acceptedAt) out.push('acceptance');
  if (d.decidedAt) out.push('decision');
  return out;
}

export const applicationIdParams = z.object({ id: z.uuid() });
export const materialParams = z.object({ id: z.uuid(), materialId: z.uuid() });
export const documentParams = z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS) });

/**
 * by filing (newest first, the default; the code's order), by the last receipt of materials, or
 * by enterprise; either way
 */
export const APPLICATION_SORTS = [
  '-createdAt',
  'createdAt',
  '-receivedAt',
  'receivedAt',
  'enterprise',
  '-enterprise',
] as const;

export const applicationsQuery = z.object({
  status: z.enum(APPLICATION_STATES).optional(),
  q: z.string().trim().max(50).optional(),
  enterpriseId: z.uuid().optional(),
  sort: z.enum(APPLICATION_SORTS).default('-createdAt'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const materialUploadQuery = z.object({
  /** position of the item in the guide's checklist, from 0 */
  item: z.coerce.number().int().min(0).max(99),
  name: z.string().trim().min(1).max(200),
});

export const applicationView = z.object({
  id: z.string(),
  code: z.string(),
  matterCode: z.string(),
  matterVersion: z.number(),
  matterName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  projectName: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  channel: z.enum(APPLICATION_CHANNELS),
  assisted: z.boolean(),
  authorisation: z.string().nullable(),
  assistedByName: z.string().nullable(),
  status: z.enum(APPLICATION_STATES),
  receivedAt: z.string(),
  noticeIssuedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptanceKind: z.enum(ACCEPTANCE_KINDS).nullable(),
  decisionNumber: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedOnTime: z.boolean().nullable(),
  visits: z.number(),
  oneVisit: z.boolean(),
  createdAt: z.string(),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const materialView = z.object({
  id: z.string(),
  item: z.number(),
  itemName: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedByName: z.string(),
  createdAt: z.string(),
});

export const applicationDetailView = applicationView.extend({
  checklist: z.array(materialItemSchema),
  /** checklist positions with at least one file */
  provided: z.array(z.number()),
  /** the pre-check now: required items with no file, and whether 容缺受理 is possible */
  preCheck: z.object({ missing: z.array(z.number()), complete: z.boolean(), deferrable: z.boolean() }),
  noticeMissing: z.array(z.number()).nullable(),
  noticeNote: z.string().nullable(),
  deferredPromise: z.string().nullable(),
  deferredItems: z.array(
    z.object({ item: z.number(), name: z.string(), clockId: z.string(), fulfilledAt: z.string().nullable() }),
  ),
  decisionReasons: z.string().nullable(),
  materials: z.array(materialView),
  visitLog: z.array(
    z.object({ id: z.string(), purpose: z.string(), recordedByName: z.string(), createdAt: z.string() }),
  ),
  clocks: z.array(clockViewSchema),
  documents: z.array(z.enum(DOCUMENT_KINDS)),
});
export type ApplicationDetailView = z.infer<typeof applicationDetailView>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Row = ApplicationListItem;

export function toApplicationView(r: Row): ApplicationView {
  return {
    id: r.id,
    code: r.code,
    matterCode: r.matterCode,
    matterVersion: r.matterVersion,
    matterName: r.matterName,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    projectName: r.projectName,
    applicantName: r.applicantName,
    applicantPhone: r.applicantPhone,
    channel: r.channel as ApplicationView['channel'],
    assisted: r.assisted,
    authorisation: r.authorisation,
    assistedByName: r.assistedByName,
    status: r.status as ApplicationView['status'],
    receivedAt: r.receivedAt.toISOString(),
    noticeIssuedAt: iso(r.noticeIssuedAt),
    acceptedAt: iso(r.acceptedAt),
    acceptanceKind: r.acceptanceKind as ApplicationView['acceptanceKind'],
    decisionNumber: r.decisionNumber,
    decidedAt: iso(r.decidedAt),
    decidedOnTime: r.decidedOnTime,
    visits: r.visits,
    oneVisit: isOneVisit(r.visits),
    createdAt: r.createdAt.toISOString(),
  };
}

export function toMaterialView(m: Omit<ApplicationMaterialRow, 'content'>) {
  return {
    id: m.id,
    item: m.item,
    itemName: m.itemName,
    fileName: m.fileName,
    contentType: m.contentType,
    size: m.size,
    sha256: m.sha256,
    uploadedByName: m.uploadedByName,
    createdAt: m.createdAt.toISOString(),
  };
}

export function toApplicationDetailView(d: ApplicationDetail): ApplicationDetailView {
  const r = d.row;
  return {
    ...toApplicationView({ ...r, enterpriseName: d.enterpriseName, visits: d.visits.length }),
    checklist: d.checklist,
    provided: d.provided,
    preCheck: preCheck(d.checklist, d.provided),
    noticeMissing: r.noticeMissing ?? null,
    noticeNote: r.noticeNote,
    deferredPromise: r.deferredPromise,
    deferredItems: r.deferredItems,
    decisionReasons: r.decisionReasons,
    materials: d.materials.map(toMaterialView),
    visitLog: d.visits.map((v) => ({
      id: v.id,
      purpose: v.purpose,
      recordedByName: v.recordedByName,
      createdAt: v.createdAt.toISOString(),
    })),
    clocks: d.clocks,
    documents: availableDocuments(r),
  };
}
