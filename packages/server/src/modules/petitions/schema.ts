import {
  maskName,
  maskPhone,
  PETITION_CHANNELS,
  PETITION_STATUSES,
  PETITION_TYPES,
  type PetitionChannel,
  type PetitionCreate,
  type PetitionStatus,
  type PetitionType,
  petitionActionSchema,
  petitionCreateSchema,
  petitionResolutionApplies,
} from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { extensionRequestViewSchema, toExtensionRequestView } from '../../shared/extension.ts';
import type { ClockView } from '../clocks/service.ts';
import { ratingViewSchema, ratingWindowViewSchema, toRatingView } from '../ratings/schema.ts';
import type { RatingWithRectification } from '../ratings/service.ts';
import type { PetitionDetail, PetitionRow } from './service.ts';
import type { petitionEvents, petitionLetters, petitionReviews } from './tables.ts';

export const PETITION_SORTS = ['receivedAt', '-receivedAt', 'resolutionDueDate', '-resolutionDueDate'] as const;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const idParams = z.object({ id: z.uuid() });
export const letterParams = z.object({ id: z.uuid(), letterId: z.uuid() });

/** The desk's registration form and handling step: the rules live in core, beside the web's form. */
export const petitionCreateBody = petitionCreateSchema;
export const petitionActionBody = petitionActionSchema;

/** What the public form may fill in: the channel is always 'online', referral and key case are the desk's. */
export const publicPetitionBody = petitionCreateSchema.pick({
  type: true,
  title: true,
  content: true,
  petitionerName: true,
  petitionerPhone: true,
  petitionerAddress: true,
  enterpriseId: true,
});
export type PublicPetitionInput = z.infer<typeof publicPetitionBody>;

export const petitionListQuery = z.object({
  status: z.enum(PETITION_STATUSES).optional(),
  channel: z.enum(PETITION_CHANNELS).optional(),
  type: z.enum(PETITION_TYPES).optional(),
  keyCase: z.stringbool().optional(),
  q: z.string().trim().max(50).optional(),
  from: instant.optional(),
  to: instant.optional(),
  sort: z.enum(PETITION_SORTS).default('-receivedAt'),
  ...paging,
});

export const petitionPatchBody = z.strictObject({
  keyCase: z.boolean().optional(),
  keyCaseReason: z.string().trim().min(2).max(500).nullable().optional(),
  assigneeUserId: z.uuid().nullable().optional(),
  version: z.number().int().min(1),
});

export const petitionViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  channel: z.enum(PETITION_CHANNELS),
  type: z.enum(PETITION_TYPES),
  title: z.string(),
  content: z.string(),
  petitionerName: z.string(),
  petitionerPhone: z.string(),
  petitionerAddress: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  referredBy: z.string().nullable(),
  sourceConcernId: z.string().nullable(),
  status: z.enum(PETITION_STATUSES),
  keyCase: z.boolean(),
  keyCaseReason: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptanceDueDate: z.string().nullable(),
  resolutionDueDate: z.string().nullable(),
  extensionDays: z.number(),
  /** a handler's extension request waiting for the 负责人 (第三十四条) */
  extensionRequest: extensionRequestViewSchema.nullable(),
  otherProcedure: z.string().nullable(),
  resolutionApplies: z.boolean(),
  version: z.number(),
  repliedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  createdAt: z.string(),
});
export type PetitionView = z.infer<typeof petitionViewSchema>;

export const petitionEventViewSchema = z.object({
  at: z.string(),
  action: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type PetitionEventView = z.infer<typeof petitionEventViewSchema>;

export const petitionLetterViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type PetitionLetterView = z.infer<typeof petitionLetterViewSchema>;

export const petitionClockViewSchema = z.object({
  id: z.string(),
  profileKey: z.string(),
  title: z.string(),
  start: z.string(),
  dueDate: z.string(),
  remaining: z.number(),
  state: z.string(),
  completedAt: z.string().nullable(),
});
export type PetitionClockView = z.infer<typeof petitionClockViewSchema>;

export const petitionReviewViewSchema = z.object({
  stage: z.enum(['review', 're-review']),
  requestedOn: z.string(),
  late: z.boolean(),
  windowDueDate: z.string().nullable(),
  transmittedAt: z.string().nullable(),
  decidingBody: z.string().nullable(),
  referenceNo: z.string().nullable(),
  outcome: z.string().nullable(),
  receivedOn: z.string().nullable(),
});
export type PetitionReviewView = z.infer<typeof petitionReviewViewSchema>;

export const petitionDetailViewSchema = z.object({
  petition: petitionViewSchema,
  events: z.array(petitionEventViewSchema),
  letters: z.array(petitionLetterViewSchema),
  clocks: z.array(petitionClockViewSchema),
  /** 复查 / 复核: decided by the next level up, tracked here */
  reviews: z.array(petitionReviewViewSchema),
  /** the petitioner's open window to request the next stage (第三十五、三十六条), if any */
  requestWindow: z
    .object({
      stage: z.enum(['review', 're-review']),
      dueDate: z.string(),
      /** the due date falls in a year without the holiday notice (暂定) */
      provisional: z.boolean(),
    })
    .nullable(),
  rating: ratingViewSchema.nullable(),
});
export type PetitionDetailView = z.infer<typeof petitionDetailViewSchema>;

/** The petitioner's look-up by code and phone: her petition, and whether she may still rate its handling. */
export const petitionTrackViewSchema = petitionDetailViewSchema.extend({ ratingWindow: ratingWindowViewSchema });

export function toPetitionView(p: PetitionRow, opts: { unmasked: boolean }): PetitionView {
  return {
    id: p.id,
    code: p.code,
    channel: p.channel as PetitionChannel,
    type: p.type as PetitionCreate['type'],
    title: p.title,
    content: p.content,
    petitionerName: opts.unmasked ? p.petitionerName : maskName(p.petitionerName),
    petitionerPhone: opts.unmasked ? p.petitionerPhone : maskPhone(p.petitionerPhone),
    petitionerAddress: opts.unmasked ? p.petitionerAddress : null,
    enterpriseId: p.enterpriseId,
    referredBy: p.referredBy,
    sourceConcernId: p.sourceConcernId,
    status: p.status as PetitionStatus,
    keyCase: p.keyCase,
    keyCaseReason: p.keyCaseReason,
    assigneeUserId: p.assigneeUserId,
    receivedAt: p.receivedAt.toISOString(),
    acceptedAt: p.acceptedAt?.toISOString() ?? null,
    acceptanceDueDate: p.acceptanceDueDate,
    resolutionDueDate: p.resolutionDueDate,
    extensionDays: p.extensionDays,
    extensionRequest: toExtensionRequestView(p.extensionRequest),
    otherProcedure: p.otherProcedure,
    /** 第三十四条's 60-day limit applies (a claim handled as a petition) */
    resolutionApplies: petitionResolutionApplies(p.type as PetitionType, p.otherProcedure),
    version: p.version,
    repliedAt: p.repliedAt?.toISOString() ?? null,
    closedOnTime: p.closedOnTime,
    createdAt: p.createdAt.toISOString(),
  };
}

/** Who acted stays inside the bureau: the petitioner sees what happened and when. */
export function toPetitionEventView(e: typeof petitionEvents.$inferSelect, full: boolean): PetitionEventView {
  return { at: e.at.toISOString(), action: e.action, note: e.note, actorName: full ? e.actorName : null };
}

export function toPetitionLetterView(l: typeof petitionLetters.$inferSelect): PetitionLetterView {
  return { id: l.id, kind: l.kind, title: l.title, body: l.body, createdAt: l.createdAt.toISOString() };
}

export function toPetitionClockView(c: ClockView): PetitionClockView {
  return {
    id: c.id,
    profileKey: c.profileKey,
    title: c.title,
    start: c.start,
    dueDate: c.dueDate,
    remaining: c.remaining,
    state: c.state,
    completedAt: c.completedAt,
  };
}

export function toPetitionReviewView(r: typeof petitionReviews.$inferSelect): PetitionReviewView {
  return {
    stage: r.stage as 'review' | 're-review',
    requestedOn: r.requestedOn,
    late: r.late,
    windowDueDate: r.windowDueDate,
    transmittedAt: r.transmittedAt?.toISOString() ?? null,
    decidingBody: r.decidingBody,
    referenceNo: r.referenceNo,
    outcome: r.outcome,
    receivedOn: r.receivedOn,
  };
}

/**
 * `full` is the desk's view. The petitioner (public lookup, own account) sees the public events
 * without who acted, the letters, their own request window and rating, never the bureau's duty
 * clocks.
 */
export function toPetitionDetailView(
  d: PetitionDetail,
  rating: RatingWithRectification | null,
  full: boolean,
): PetitionDetailView {
  return {
    petition: toPetitionView(d.petition, { unmasked: true }),
    events: d.events.map((e) => toPetitionEventView(e, full)),
    letters: d.letters.map(toPetitionLetterView),
    clocks: (full ? d.clocks : []).map(toPetitionClockView),
    rating: rating ? toRatingView(rating, full) : null,
    reviews: d.reviews.map(toPetitionReviewView),
    requestWindow: d.requestWindow,
  };
}

/** A letter as the plain-text file the petitioner or the desk downloads. */
export function toPetitionLetterFile(l: typeof petitionLetters.$inferSelect): { name: string; text: string } {
  return { name: `${l.title}.txt`, text: `${l.title}\n\n${l.body}\n` };
}
