import {
  ANNUAL_REPORT_ROWS,
  DISCLOSURE_APPLICANT_TYPES,
  DISCLOSURE_GROUND_LABELS,
  DISCLOSURE_GROUND_SOURCES_EN,
  DISCLOSURE_GROUNDS,
  DISCLOSURE_OUTCOME_LABELS,
  DISCLOSURE_OUTCOME_SOURCES_EN,
  DISCLOSURE_OUTCOMES,
  DISCLOSURE_STATUSES,
  type DisclosureGround,
  type DisclosureOutcome,
  disclosureActionSchema,
  disclosureRequestSchema,
  PUBLIC_PERMIT_SORTS,
  publicDisclosureRequestSchema,
} from '@qingshan/core/disclosure';
import {
  ANNUAL_TEXT_SECTIONS,
  APPEAL_COLUMNS,
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
  type AppealKind,
  type AppealResult,
  annualTextSchema,
  appealSchema,
  appealUpdateSchema,
} from '@qingshan/core/disclosure-annual';
import { maskIdNumber, maskPhone } from '@qingshan/core/mask';
import { PERMIT_CLASS_LABELS, PERMIT_STATUS_LABELS, type PermitClass, type PermitStatus } from '@qingshan/core/permits';
import { townByCode } from '@qingshan/core/towns';
import { z } from 'zod';
import type { Lang } from '../../errors.ts';
import { paging } from '../../plugins/openapi.ts';
import { extensionRequestViewSchema, toExtensionRequestView } from '../../shared/extension.ts';
import { clockViewSchema } from '../clocks/schema.ts';
import type { ClockView } from '../clocks/service.ts';
import type { AppealRow } from './annual.ts';
import { DISCLOSURE_SORTS, type DisclosureEventRow, type DisclosureRow, type PublicPermitRow } from './service.ts';

export const appealParams = z.object({ appealId: z.uuid() });

export const appealViewSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  kind: z.enum(APPEAL_KINDS),
  kindLabel: z.string(),
  filedOn: z.string(),
  body: z.string(),
  caseNo: z.string().nullable(),
  result: z.enum(APPEAL_RESULTS).nullable(),
  resultLabel: z.string(),
  decidedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});

export function toAppealView(a: AppealRow): z.infer<typeof appealViewSchema> {
  const result = a.result as AppealResult | null;
  return {
    id: a.id,
    requestId: a.requestId,
    kind: a.kind as AppealKind,
    kindLabel: APPEAL_KIND_LABELS[a.kind as AppealKind]?.zh ?? a.kind,
    filedOn: a.filedOn,
    body: a.body,
    caseNo: a.caseNo,
    result,
    resultLabel: APPEAL_RESULT_LABELS[result ?? 'pending'].zh,
    decidedOn: a.decidedOn,
    note: a.note,
    version: a.version,
  };
}

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
  /** by due date, open requests first either way (the default: the nearest due on top); by receipt or applicant, either way */
  sort: z.enum(DISCLOSURE_SORTS).default('dueDate'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const annualReportQuery = z.object({ year: z.coerce.number().int().min(2019).max(2099) });
export const annualCellQuery = annualReportQuery.extend({ cell: z.string().trim().min(3).max(80) });
export const annualTextParams = z.object({ section: z.enum(ANNUAL_TEXT_SECTIONS) });
export { annualTextSchema, appealSchema, appealUpdateSchema };

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
  outcomeLabel: z.string().nullable().describe('答复类型 the answer’s type, in the language Accept-Language asks for'),
  outcomeSource: z.string().nullable().describe('the article it rests on, in the language Accept-Language asks for'),
  clause: z.enum(DISCLOSURE_GROUNDS).nullable(),
  clauseLabel: z.string().nullable().describe('不予公开的理由 the ground, in the language Accept-Language asks for'),
  clauseSource: z.string().nullable().describe('the article it rests on, in the language Accept-Language asks for'),
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
  /** the note in English; null on events recorded before English was kept beside the Chinese */
  noteEn: z.string().nullable(),
  actorName: z.string(),
});

export const disclosureDetailSchema = disclosureViewSchema.extend({
  events: z.array(disclosureEventSchema),
  clocks: z.array(clockViewSchema),
});

const label = { zh: z.string(), en: z.string() };
const drillItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  link: z.string(),
  note: z.string().nullable(),
});
export const annualCellSchema = z.object({
  cell: z.string(),
  total: z.number(),
  items: z.array(drillItemSchema),
});

export const annualTextViewSchema = z.object({
  section: z.enum(ANNUAL_TEXT_SECTIONS),
  body: z.string(),
  version: z.number(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const annualReportSchema = z.object({
  year: z.number(),
  texts: z.array(annualTextViewSchema),
  figures: z.array(z.object({ text: z.string(), cell: z.string() })),
  proactive: z.array(
    z.object({
      key: z.string(),
      ...label,
      recorded: z.boolean(),
      basis: z.object(label),
      cells: z.array(
        z.object({ measure: z.string(), label: z.string(), value: z.number().nullable(), cell: z.string().nullable() }),
      ),
    }),
  ),
  appeals: z.array(
    z.object({ kind: z.enum(APPEAL_KINDS), ...label, cells: z.record(z.enum(APPEAL_COLUMNS), z.number()) }),
  ),
  appealColumns: z.array(z.object({ key: z.enum(APPEAL_COLUMNS), ...label })),
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

const outcomeSource = (o: DisclosureOutcome, lang: Lang) =>
  lang === 'en' ? DISCLOSURE_OUTCOME_SOURCES_EN[o] : DISCLOSURE_OUTCOME_LABELS[o].source;
const groundSource = (g: DisclosureGround, lang: Lang) =>
  lang === 'en' ? DISCLOSURE_GROUND_SOURCES_EN[g] : DISCLOSURE_GROUND_LABELS[g].source;

/** `full` (staff, or the applicant's own account) shows the phone and ID; the public lookup masks them. */
export function toDisclosureView(r: DisclosureRow, full: boolean, lang: Lang = 'zh'): DisclosureView {
  const o = r.outcome ? DISCLOSURE_OUTCOME_LABELS[r.outcome as DisclosureOutcome] : null;
  const c = r.clause ? DISCLOSURE_GROUND_LABELS[r.clause as DisclosureGround] : null;
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
    outcomeLabel: o ? o[lang] : null,
    outcomeSource: r.outcome ? outcomeSource(r.outcome as DisclosureOutcome, lang) : null,
    clause: r.clause as DisclosureView['clause'],
    clauseLabel: c ? c[lang] : null,
    clauseSource: r.clause ? groundSource(r.clause as DisclosureGround, lang) : null,
    answer: r.answer,
    answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    answeredOnTime: r.answeredOnTime,
    version: r.version,
  };
}

export function toDisclosureDetailView(
  d: { request: DisclosureRow; events: DisclosureEventRow[]; clocks: ClockView[] },
  full: boolean,
  lang: Lang = 'zh',
) {
  return {
    ...toDisclosureView(d.request, full, lang),
    events: d.events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      note: e.note,
      noteEn: e.noteEn,
      actorName: full ? e.actorName : '',
    })),
    clocks: d.clocks,
  };
}

export const publicPermitQuery = z.object({
  q: z.string().trim().max(50).optional(),
  /** by the day issued, newest first (the default) or oldest; by enterprise or by the last valid day, either way */
  sort: z.enum(PUBLIC_PERMIT_SORTS).default('-issuedOn'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const publicPermitViewSchema = z.object({
  enterpriseName: z.string(),
  townCode: z.string(),
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
    townCode: p.townCode,
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
