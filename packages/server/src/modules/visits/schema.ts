import { CAMPAIGN_SORTS, isoDateSchema, VISIT_PURPOSES } from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { CampaignRow, getVisit, listVisits, VisitAttachmentSummary, VisitFollowUpRow } from './service.ts';

export const visitIdParams = z.object({ id: z.uuid() });
export const visitAttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

const isoDate = isoDateSchema;

export const VISIT_SORTS = ['date', '-date'] as const;

export const visitListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  enterpriseId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  purpose: z.enum(VISIT_PURPOSES).optional(),
  leader: z.enum(['true', 'false']).optional(),
  townCode: z.string().max(12).optional(),
  sort: z.enum(VISIT_SORTS).default('-date'),
  ...paging,
});

export const campaignListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(CAMPAIGN_SORTS).default('-startDate'),
  ...paging,
});

export const followUpDoneBody = z.strictObject({ note: z.string().trim().min(1).max(1000) });

export const attachmentUploadQuery = z.object({
  name: z.string().trim().min(1).max(200),
  enterpriseId: z.uuid().optional(),
  internal: z.enum(['true', 'false']).optional(),
});

export const visitEnterpriseView = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  townCode: z.string(),
  solved: z.string().nullable(),
  findings: z.string().nullable(),
  /** this enterprise's part of the visit as the service event it rates (GET /api/ratings/events?eventType=visit) */
  ratingEventId: z.string(),
});
export type VisitEnterpriseView = z.infer<typeof visitEnterpriseView>;

export const visitView = z.object({
  id: z.string(),
  date: z.string(),
  campaignId: z.string().nullable(),
  campaignTheme: z.string().nullable(),
  staff: z.array(z.object({ userId: z.string().optional(), name: z.string(), leader: z.boolean() })),
  ledByLeader: z.boolean(),
  purposes: z.array(z.enum(VISIT_PURPOSES)),
  /** for an enterprise: its own part (null when a joint visit recorded none for it) */
  summary: z.string().nullable(),
  /** the bureau's own notes; always null for an enterprise */
  internalNote: z.string().nullable(),
  enterprises: z.array(visitEnterpriseView),
});
export type VisitView = z.infer<typeof visitView>;

export const visitDetailView = visitView.extend({
  followUps: z.array(
    z.object({
      id: z.string(),
      enterpriseId: z.string().nullable(),
      enterpriseName: z.string().nullable(),
      action: z.string(),
      dueDate: z.string(),
      doneAt: z.string().nullable(),
      doneNote: z.string().nullable(),
      internal: z.boolean(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      enterpriseId: z.string().nullable(),
      enterpriseName: z.string().nullable(),
      internal: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});
export type VisitDetailView = z.infer<typeof visitDetailView>;

export const visitCandidatesView = z.object({
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      townCode: z.string(),
      openConcerns: z.number(),
      overdueFollowUps: z.number(),
      overdueProjects: z.number(),
      lastVisit: z.string().nullable(),
    }),
  ),
});
export type VisitCandidateView = z.infer<typeof visitCandidatesView>['items'][number];

export const followUpDoneView = z.object({ id: z.string(), doneAt: z.string() });

export const visitAttachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  enterpriseId: z.string().nullable(),
  internal: z.boolean(),
  createdAt: z.string(),
});
export type VisitAttachmentView = z.infer<typeof visitAttachmentView>;

export const campaignView = z.object({
  id: z.string(),
  theme: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  description: z.string().nullable(),
  visits: z.number(),
  enterpriseVisits: z.number(),
});
export type CampaignView = z.infer<typeof campaignView>;

type VisitJoined = Awaited<ReturnType<typeof listVisits>>['items'][number];

export function toVisitView(r: VisitJoined): VisitView {
  return {
    id: r.v.id,
    date: r.v.date,
    campaignId: r.v.campaignId,
    campaignTheme: r.campaignTheme,
    staff: r.v.staff.map((s) => ({ ...(s.userId ? { userId: s.userId } : {}), name: s.name, leader: s.leader })),
    ledByLeader: r.v.ledByLeader,
    purposes: r.v.purposes as VisitView['purposes'],
    summary: r.summary,
    internalNote: r.internalNote,
    enterprises: r.enterprises,
  };
}

export function toVisitDetailView(d: Awaited<ReturnType<typeof getVisit>>): VisitDetailView {
  return {
    ...toVisitView(d),
    followUps: d.followUps.map(({ f, enterpriseName }) => ({
      id: f.id,
      enterpriseId: f.enterpriseId,
      enterpriseName,
      action: f.action,
      dueDate: f.dueDate,
      doneAt: f.doneAt?.toISOString() ?? null,
      doneNote: f.doneNote,
      internal: f.internal,
    })),
    attachments: d.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}

export function toFollowUpDoneView(f: VisitFollowUpRow): z.infer<typeof followUpDoneView> {
  return { id: f.id, doneAt: f.doneAt!.toISOString() };
}

export function toVisitAttachmentView(a: VisitAttachmentSummary): VisitAttachmentView {
  return { ...a, createdAt: a.createdAt.toISOString() };
}

export function toCampaignView(r: { c: CampaignRow; visits: number; enterpriseVisits: number }): CampaignView {
  return { ...r.c, description: r.c.description, visits: r.visits, enterpriseVisits: r.enterpriseVisits };
}

/** The candidates query's raw row (snake_case, counts possibly strings from the driver). */
export type VisitCandidateRow = {
  enterprise_id: string;
  name: string;
  town_code: string;
  open_concerns: number;
  overdue_follow_ups: number;
  overdue_projects: number;
  last_visit: string | null;
};

export function toVisitCandidateView(r: VisitCandidateRow): VisitCandidateView {
  return {
    enterpriseId: r.enterprise_id,
    name: r.name,
    townCode: r.town_code,
    openConcerns: Number(r.open_concerns),
    overdueFollowUps: Number(r.overdue_follow_ups),
    overdueProjects: Number(r.overdue_projects),
    lastVisit: r.last_visit,
  };
}
