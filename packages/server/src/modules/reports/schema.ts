import {
  maskName,
  maskPhone,
  REPORT_CHANNELS,
  REPORT_SORTS,
  REPORT_STATUSES,
  type ReportChannel,
  type ReportStatus,
  reportActionSchema,
  reportCreateSchema,
} from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { extensionRequestViewSchema, toExtensionRequestView } from '../../shared/extension.ts';
import type { ClockView } from '../clocks/service.ts';
import type { ReportDetail, ReportWithDueDates } from './service.ts';

export const idParams = z.object({ id: z.uuid() });

/** The desk's registration form and handling step: the rules live in core, beside the web's form. */
export const reportCreateBody = reportCreateSchema;
export const reportActionBody = reportActionSchema;

/** What the public form may fill in: the channel is always 'online', the subject is the bureau's call. */
export const publicReportBody = reportCreateSchema.pick({
  title: true,
  content: true,
  location: true,
  anonymous: true,
  reporterName: true,
  reporterPhone: true,
});

export const reportListQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(REPORT_SORTS).default('-receivedAt'),
  ...paging,
});

export const reportViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  channel: z.enum(REPORT_CHANNELS),
  title: z.string(),
  content: z.string(),
  location: z.string(),
  anonymous: z.boolean(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  subjectEnterpriseId: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** read from the report's clocks, which own them */
  acceptanceDueDate: z.string().nullable(),
  handlingDueDate: z.string().nullable(),
  extensionDays: z.number(),
  extensionRequest: extensionRequestViewSchema.nullable(),
  decisionNote: z.string().nullable(),
  transferredTo: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const reportClockViewSchema = z.object({
  id: z.string(),
  profileKey: z.string(),
  title: z.string(),
  start: z.string(),
  dueDate: z.string(),
  state: z.string(),
  completedAt: z.string().nullable(),
  extensions: z.array(z.object({ days: z.number(), approvedBy: z.string(), reason: z.string(), at: z.string() })),
});
export type ReportClockView = z.infer<typeof reportClockViewSchema>;

export const reportDetailViewSchema = z.object({ report: reportViewSchema, clocks: z.array(reportClockViewSchema) });
export type ReportDetailView = z.infer<typeof reportDetailViewSchema>;

/** Unmasked for the desk and for the reporter who just filed; the public lookup masks the reporter. */
export function toReportView({ r, due }: ReportWithDueDates, opts: { unmasked: boolean }): ReportView {
  return {
    id: r.id,
    code: r.code,
    channel: r.channel as ReportChannel,
    title: r.title,
    content: r.content,
    location: r.location,
    anonymous: r.anonymous,
    reporterName: r.reporterName && !opts.unmasked ? maskName(r.reporterName) : r.reporterName,
    reporterPhone: r.reporterPhone && !opts.unmasked ? maskPhone(r.reporterPhone) : r.reporterPhone,
    subjectEnterpriseId: opts.unmasked ? r.subjectEnterpriseId : null,
    status: r.status as ReportStatus,
    receivedAt: r.receivedAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    acceptanceDueDate: due?.acceptanceDueDate ?? null,
    handlingDueDate: due?.handlingDueDate ?? null,
    extensionDays: r.extensionDays,
    extensionRequest: toExtensionRequestView(r.extensionRequest),
    decisionNote: r.decisionNote,
    transferredTo: r.transferredTo,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    closedOnTime: r.closedOnTime,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toReportClockView(c: ClockView): ReportClockView {
  return {
    id: c.id,
    profileKey: c.profileKey,
    title: c.title,
    start: c.start,
    dueDate: c.dueDate,
    state: c.state,
    completedAt: c.completedAt,
    extensions: c.extensions,
  };
}

/** `full` is the desk's view; the public tracking page sees the report masked and no clocks. */
export function toReportDetailView(d: ReportDetail, full: boolean): ReportDetailView {
  return {
    report: toReportView(d.report, { unmasked: full }),
    clocks: full ? d.clocks.map(toReportClockView) : [],
  };
}
