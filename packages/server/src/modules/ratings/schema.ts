import { APPEAL_STATES, RECTIFICATION_STATES, ratingSchema, shanghaiDateOf } from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { phoneSchema } from '../../shared/public-lookup.ts';
import {
  EVENT_RATING_STATES,
  type EventRatingState,
  type RatingSummary,
  type RatingWithRectification,
} from './service.ts';

export const RATING_SORTS = ['createdAt', '-createdAt', 'level', '-level'] as const;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const idParams = z.object({ id: z.uuid() });

export const ratingListQuery = z.object({
  eventType: z.string().max(40).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  bad: z.stringbool().optional(),
  state: z.enum(RECTIFICATION_STATES).optional(),
  from: instant.optional(),
  to: instant.optional(),
  sort: z.enum(RATING_SORTS).default('-createdAt'),
  ...paging,
});

export const ratingSummaryQuery = z.object({ from: instant, to: instant });

export const ratingSummaryViewSchema = z.object({
  distribution: z.array(z.object({ level: z.number(), count: z.number() })),
  bad: z.number(),
  due: z.number().meta({
    description:
      'Bad ratings rectified or past their due date (the on-time rate’s denominator); one not yet rectified whose due date is still to come is left out',
  }),
  rectifiedOnTime: z.number(),
  eventTypes: z.array(z.string()),
});
export type RatingSummaryView = z.infer<typeof ratingSummaryViewSchema>;

/** A citizen without an account rates an event found by its code, proving it with the phone on record. */
export const ratingByPhoneBody = ratingSchema.safeExtend({ phone: phoneSchema });

/** A signed-in enterprise or citizen rates an event of any ratable type by its id. */
export const ratingCreateBody = ratingSchema.safeExtend({ eventType: z.string().min(2).max(40), eventId: z.uuid() });

export const rectificationActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('contact'), note: z.string().trim().min(2).max(2000) }),
  z.strictObject({ action: z.literal('rectify'), note: z.string().trim().min(2).max(2000) }),
  z.strictObject({ action: z.literal('appeal'), note: z.string().trim().min(2).max(2000) }),
  z.strictObject({
    action: z.literal('decide-appeal'),
    upheld: z.boolean(),
    note: z.string().trim().min(2).max(2000),
    /** the reviewing body outside the bureau (申诉复核, 国办发〔2019〕51号) */
    reviewingBody: z.string().trim().min(2).max(100),
    referenceNo: z.string().trim().min(1).max(100).optional(),
  }),
]);

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
  labelEn: z
    .string()
    .nullable()
    .meta({ description: 'The label in English; null on ratings given before it was kept' }),
  level: z.number(),
  indicators: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  raterKind: z.string(),
  enterpriseId: z.string().nullable(),
  createdAt: z.string(),
  rectification: rectificationViewSchema.nullable(),
});
export type RatingView = z.infer<typeof ratingViewSchema>;

/** `full` adds the staff-side follow-up; raters see whether their bad rating was handled. */
export function toRatingView({ r, x }: RatingWithRectification, full: boolean): RatingView {
  return {
    id: r.id,
    eventType: r.eventType,
    eventId: r.eventId,
    label: r.label,
    labelEn: r.labelEn,
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
          onTime: x.rectifiedAt ? shanghaiDateOf(x.rectifiedAt) <= x.rectifyDueDate : null,
          appealState: x.appealState as (typeof APPEAL_STATES)[number],
          appealReason: full ? x.appealReason : null,
          appealDecisionNote: full ? x.appealDecisionNote : null,
          appealReviewingBody: x.appealReviewingBody,
          appealReferenceNo: full ? x.appealReferenceNo : null,
        }
      : null,
  };
}

export function toRatingSummaryView(s: RatingSummary): RatingSummaryView {
  return {
    distribution: s.distribution,
    bad: s.bad,
    due: s.due,
    rectifiedOnTime: s.rectifiedOnTime,
    eventTypes: s.eventTypes,
  };
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Up to one page of a list (100 events); comma-separated so the query stays one plain string. */
export const MAX_EVENT_IDS = 100;

export const eventRatingStatesQuery = z.object({
  eventType: z.string().min(2).max(40),
  eventIds: z
    .string()
    .max(MAX_EVENT_IDS * 37, { error: 'common.uuidList' })
    .regex(new RegExp(`^${UUID}(,${UUID})*$`), { error: 'common.uuidList' })
    .meta({ description: `Comma-separated event ids, at most ${MAX_EVENT_IDS}` }),
});

export const eventRatingStatesViewSchema = z.object({
  items: z.array(
    z.object({
      eventId: z.string(),
      state: z.enum(EVENT_RATING_STATES).meta({
        description:
          'rated: the rating you gave; open: you may rate it until lastDay; closed: the window ended on lastDay; not-yet: the service is not over; not-yours: you did not receive it',
      }),
      lastDay: z
        .string()
        .nullable()
        .meta({ description: 'The last day of the rating window (Beijing date), when known' }),
      rating: ratingViewSchema.nullable(),
    }),
  ),
});
export type EventRatingStatesView = z.infer<typeof eventRatingStatesViewSchema>;

/** Whether the citizen who looked an event up by its code and phone may rate it now (eventRatingStateByPhone). */
export const ratingWindowViewSchema = z.object({
  state: z.enum(EVENT_RATING_STATES).meta({
    description:
      'rated: already rated; open: may be rated until lastDay; closed: the window ended on lastDay; not-yet: the service is not over',
  }),
  lastDay: z.string().nullable().meta({ description: 'The last day of the rating window (Beijing date), when known' }),
});

export function toEventRatingStatesView(states: EventRatingState[], full: boolean): EventRatingStatesView {
  return {
    items: states.map((s) => ({
      eventId: s.eventId,
      state: s.state,
      lastDay: s.lastDay,
      rating: s.rating ? toRatingView(s.rating, full) : null,
    })),
  };
}
