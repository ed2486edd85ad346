import {
  ANNUAL_REPORT_ROWS,
  DISCLOSURE_APPLICANT_TYPES,
  DISCLOSURE_CLAUSE_LABELS,
  DISCLOSURE_CLAUSES,
  DISCLOSURE_OUTCOME_LABELS,
  DISCLOSURE_OUTCOMES,
  DISCLOSURE_STATUSES,
  type DisclosureClause,
  type DisclosureOutcome,
  disclosureActionSchema,
  disclosureRequestSchema,
  publicDisclosureRequestSchema,
} from '@qingshan/core/disclosure';
import { maskIdNumber, maskPhone } from '@qingshan/core/mask';
import { PERMIT_CLASS_LABELS, PERMIT_STATUS_LABELS, type PermitClass, type PermitStatus } from '@qingshan/core/permits';
import { townByCode } from '@qingshan/core/towns';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { extensionRequestViewSchema, toExtensionRequestView } from '../../shared/extension.ts';
import { clockViewSchema } from '../clocks/schema.ts';
import type { ClockView } from '../clocks/service.ts';
import type { DisclosureEventRow, DisclosureRow, PublicPermitRow } from './service.ts';

export { disclosureActionSchema, disclosureRequestSchema, publicDisclosureRequestSchema };

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const idParams = z.object({ id: z.uuid() });

/** Staff registering a request that came by letter or at the counter: the day it was received counts. */
export const staffDisclosureRequestSchema = disclosureRequestSchema.extend({
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

export const disclosureListQuery = z.object({
  status: z.enum(DISCLOSURE_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  from: instant.optional(),
  to: instant.optional(),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const annualReportQuery = z.object({ year: z.coerce.number().int().min(2019).max(2099) });

export const disclosureViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  applicantType: z.enum(DISCLOSURE_APPLICANT_TYPES),
  applicantName: z.string(),
  applicantIdNo: z.string(),
  phone: z.string(),
  description: z.string(),
  delivery: z.enum(['paper', 'email', 'pickup']),
  status: z.enum(DISCLOSURE_STATUSES),
  receivedAt: z.string(),
  dueDate: z.string().nullable(),
  extensionDays: z.number(),
  extensionRequest: extensionRequestViewSchema.nullable(),
  consulting: z.string().nullable(),
  outcome: z.enum(DISCLOSURE_OUTCOMES).nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeSource: z.string().nullable(),
  clause: z.enum(DISCLOSURE_CLAUSES).nullable(),
  clauseLabel: z.string().nullable(),
  clauseSource: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredOnTime: z.boolean().nullable(),
  version: z.number(),
});
export type DisclosureView = z.infer<typeof disclosureViewSchema>;

export const disclosureEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  note: z.string().nullable(),
  actorName: z.string(),
});

export const disclosureDetailSchema = disclosureViewSchema.extend({
  events: z.array(disclosureEventSchema),
  clocks: z.array(clockViewSchema),
});

export const annualReportSchema = z.object({
  year: z.number(),
  columns: z.array(z.object({ key: z.enum(DISCLOSURE_APPLICANT_TYPES), zh: z.string(), en: z.string() })),
  rows: z.array(
    z.object({
      key: z.enum(ANNUAL_REPORT_ROWS.map((r) => r.key) as [string, ...string[]]),
      zh: z.string(),
      en: z.string(),
      cells: z.record(z.enum(DISCLOSURE_APPLICANT_TYPES), z.number()),
      total: z.number(),
    }),
  ),
});

/** `full` (staff, or the applicant's own account) shows the phone and ID; the public lookup masks them. */
export function toDisclosureView(r: DisclosureRow, full: boolean): DisclosureView {
  const o = r.outcome ? DISCLOSURE_OUTCOME_LABELS[r.outcome as DisclosureOutcome] : null;
  const c = r.clause ? DISCLOSURE_CLAUSE_LABELS[r.clause as DisclosureClause] : null;
  return {
    id: r.id,
    code: r.code,
    applicantType: r.applicantType as DisclosureView['applicantType'],
    applicantName: r.applicantName,
    applicantIdNo: full ? r.applicantIdNo : maskIdNumber(r.applicantIdNo),
    phone: full ? r.phone : maskPhone(r.phone),
    description: r.description,
    delivery: r.delivery as DisclosureView['delivery'],
    status: r.status as DisclosureView['status'],
    receivedAt: r.receivedAt.toISOString(),
    dueDate: r.dueDate,
    extensionDays: r.extensionDays,
    extensionRequest: full ? toExtensionRequestView(r.extensionRequest ?? null) : null,
    consulting: r.consulting,
    outcome: r.outcome as DisclosureView['outcome'],
    outcomeLabel: o?.zh ?? null,
    outcomeSource: o?.source ?? null,
    clause: r.clause as DisclosureView['clause'],
    clauseLabel: c?.zh ?? null,
    clauseSource: c?.source ?? null,
    answer: r.answer,
    answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    answeredOnTime: r.answeredOnTime,
    version: r.version,
  };
}

export function toDisclosureDetailView(
  d: { request: DisclosureRow; events: DisclosureEventRow[]; clocks: ClockView[] },
  full: boolean,
) {
  return {
    ...toDisclosureView(d.request, full),
    events: d.events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      note: e.note,
      actorName: full ? e.actorName : '',
    })),
    clocks: d.clocks,
  };
}

export const publicPermitQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const publicPermitViewSchema = z.object({
  enterpriseName: z.string(),
  townName: z.string(),
  permitClass: z.string(),
  permitClassLabel: z.string(),
  permitNumber: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  issuedBy: z.string(),
  issuedOn: z.string().nullable(),
  validTo: z.string().nullable(),
});

/** A permit past its end is shown as expired even before the permits job has marked it. */
export function toPublicPermitView(p: PublicPermitRow, today: string) {
  const status = p.status === 'valid' && p.validTo !== null && p.validTo < today ? 'expired' : p.status;
  return {
    enterpriseName: p.enterpriseName,
    townName: townByCode(p.townCode)?.name ?? p.townCode,
    permitClass: p.permitClass,
    permitClassLabel: PERMIT_CLASS_LABELS[p.permitClass as PermitClass]?.zh ?? p.permitClass,
    permitNumber: p.permitNumber,
    status,
    statusLabel: PERMIT_STATUS_LABELS[status as PermitStatus]?.zh ?? status,
    issuedBy: p.issuedBy,
    issuedOn: p.issuedOn,
    validTo: p.validTo,
  };
}
