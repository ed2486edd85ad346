import { APPEAL_STATES, RECTIFICATION_STATES } from '@qingshan/core';
import { z } from 'zod';
import type { RatingWithRectification } from './service.ts';

export const rectificationViewSchema = z.object({
  state: z.enum(RECTIFICATION_STATES),
  assigneeUserId: z.string().nullable(),
  contactDueDate: z.string(),
  rectifyDueDate: z.string(),
  contactedAt: z.string().nullable(),
  contactNote: z.string().nullable(),
  rectifiedAt: z.string().nullable(),
  rectifyNote: z.string().nullable(),
  onTime: z.boolean().nullable(),
  appealState: z.enum(APPEAL_STATES),
  appealReason: z.string().nullable(),
  appealDecisionNote: z.string().nullable(),
  appealReviewingBody: z.string().nullable(),
  appealReferenceNo: z.string().nullable(),
});

export const ratingViewSchema = z.object({
  id: z.string(),
  eventType: z.string(),
  eventId: z.string(),
  label: z.string(),
  level: z.number(),
  indicators: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  raterKind: z.string(),
  enterpriseId: z.string().nullable(),
  createdAt: z.string(),
  rectification: rectificationViewSchema.nullable(),
});

function shanghaiDate(d: Date): string {
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** `full` adds the staff-side follow-up; raters see whether their bad rating was handled. */
export function toRatingView({ r, x }: RatingWithRectification, full: boolean) {
  return {
    id: r.id,
    eventType: r.eventType,
    eventId: r.eventId,
    label: r.label,
    level: r.level,
    indicators: r.indicators,
    comment: r.comment,
    raterKind: r.raterKind,
    enterpriseId: r.enterpriseId,
    createdAt: r.createdAt.toISOString(),
    rectification: x
      ? {
          state: x.state as (typeof RECTIFICATION_STATES)[number],
          assigneeUserId: full ? x.assigneeUserId : null,
          contactDueDate: x.contactDueDate,
          rectifyDueDate: x.rectifyDueDate,
          contactedAt: x.contactedAt?.toISOString() ?? null,
          contactNote: x.contactNote,
          rectifiedAt: x.rectifiedAt?.toISOString() ?? null,
          rectifyNote: x.rectifyNote,
          onTime: x.rectifiedAt ? shanghaiDate(x.rectifiedAt) <= x.rectifyDueDate : null,
          appealState: x.appealState as (typeof APPEAL_STATES)[number],
          appealReason: full ? x.appealReason : null,
          appealDecisionNote: full ? x.appealDecisionNote : null,
          appealReviewingBody: x.appealReviewingBody,
          appealReferenceNo: full ? x.appealReferenceNo : null,
        }
      : null,
  };
}
