import { todayInShanghai } from '@qingshan/core';
import {
  CHANGE_SUBJECTS,
  daysBetween,
  OBLIGATION_KINDS,
  OBLIGATION_SORTS,
  type ObligationKind,
  obligationPeriodLabel,
  PERMIT_CLASSES,
  PERMIT_STATUSES,
  type PermitClass,
  permitClassCitation,
  renewalApplyBy,
} from '@qingshan/core/permits';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { ObligationRow, PermitRow, ReminderRow } from './service.ts';
import { PERMIT_SORTS } from './service.ts';

export { PERMIT_SORTS };

export const permitIdParams = z.object({ id: z.uuid() });

export const permitListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  permitClass: z.enum(PERMIT_CLASSES).optional(),
  status: z.enum(PERMIT_STATUSES).optional(),
  townCode: z.string().max(12).optional(),
  enterpriseId: z.uuid().optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** by last valid day, soonest first (the default) or latest; by enterprise either way; or newest recorded */
  sort: z.enum(PERMIT_SORTS).default('validTo'),
  ...paging,
});

export const obligationListQuery = z.object({
  status: z.enum(['open', 'submitted', 'cancelled']).optional(),
  kind: z.enum(OBLIGATION_KINDS).optional(),
  enterpriseId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** by due date, soonest first (the default) or latest; by enterprise or by the day filed, either way */
  sort: z.enum(OBLIGATION_SORTS).default('dueDate'),
  ...paging,
});

export const permitView = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  townCode: z.string(),
  permitClass: z.enum(PERMIT_CLASSES),
  pwItem: z.string(),
  /** PW2019 item, column and printed text */
  citation: z.string().nullable(),
  status: z.enum(PERMIT_STATUSES),
  permitNumber: z.string().nullable(),
  platformRef: z.string().nullable(),
  issuedBy: z.string(),
  issuedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** the last day to apply for renewal (条例 第十四条: 60 days before expiry) */
  renewalApplyBy: z.string().nullable(),
  /** days from today to the last valid day; negative once expired */
  daysToExpiry: z.number().nullable(),
  officerUserId: z.string().nullable(),
  officerName: z.string(),
  note: z.string().nullable(),
  version: z.number(),
});
export type PermitView = z.infer<typeof permitView>;

export const obligationView = z.object({
  id: z.string(),
  permitId: z.string(),
  enterpriseId: z.string(),
  kind: z.enum(OBLIGATION_KINDS),
  period: z.string(),
  /** '2026年第3季度', '2026年度', the expiry renewed, or the change's subject */
  periodLabel: z.string(),
  changeSubject: z.enum(CHANGE_SUBJECTS).nullable(),
  windowStart: z.string(),
  dueDate: z.string(),
  status: z.enum(['open', 'submitted', 'cancelled']),
  overdue: z.boolean(),
  submittedOn: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  submittedByName: z.string().nullable(),
  clockId: z.string().nullable(),
});
export type ObligationView = z.infer<typeof obligationView>;

export const obligationListItem = obligationView.extend({
  enterpriseName: z.string(),
  permitNumber: z.string().nullable(),
});

export const reminderView = z.object({
  id: z.string(),
  obligationId: z.string(),
  dueDate: z.string(),
  stage: z.enum(['due', 'overdue']),
  recipients: z.number(),
  sentAt: z.string(),
});

export const permitDetailView = permitView.extend({
  obligations: z.array(obligationView),
  reminders: z.array(reminderView),
});

export function toPermitView(
  r: { p: PermitRow; enterpriseName: string; townCode: string },
  today = todayInShanghai(),
  renewalLead = 60,
): PermitView {
  const { p } = r;
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName: r.enterpriseName,
    townCode: r.townCode,
    permitClass: p.permitClass as PermitClass,
    pwItem: p.pwItem,
    citation: permitClassCitation(p.pwItem, p.permitClass as PermitClass),
    status: p.status as PermitView['status'],
    permitNumber: p.permitNumber,
    platformRef: p.platformRef,
    issuedBy: p.issuedBy,
    issuedOn: p.issuedOn,
    validFrom: p.validFrom,
    validTo: p.validTo,
    renewalApplyBy: p.validTo ? renewalApplyBy(p.validTo, renewalLead) : null,
    daysToExpiry: p.validTo ? daysBetween(today, p.validTo) : null,
    officerUserId: p.officerUserId,
    officerName: p.officerName,
    note: p.note,
    version: p.version,
  };
}

export function toObligationView(o: ObligationRow, today = todayInShanghai()): ObligationView {
  const kind = o.kind as ObligationKind;
  const [subject, changedOn] = kind === 'change' ? o.period.split('|') : [];
  return {
    id: o.id,
    permitId: o.permitId,
    enterpriseId: o.enterpriseId,
    kind,
    period: o.period,
    periodLabel: kind === 'change' ? (changedOn ?? '') : obligationPeriodLabel(kind, o.period),
    changeSubject: (subject as ObligationView['changeSubject']) ?? null,
    windowStart: o.windowStart,
    dueDate: o.dueDate,
    status: o.status as ObligationView['status'],
    overdue: o.status === 'open' && o.dueDate < today,
    submittedOn: o.submittedOn,
    reference: o.reference,
    note: o.note,
    submittedByName: o.submittedByName,
    clockId: o.clockId,
  };
}

export function toReminderView(r: ReminderRow): z.infer<typeof reminderView> {
  return {
    id: r.id,
    obligationId: r.obligationId,
    dueDate: r.dueDate,
    stage: r.stage as 'due' | 'overdue',
    recipients: r.recipients,
    sentAt: r.sentAt.toISOString(),
  };
}
