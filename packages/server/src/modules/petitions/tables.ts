import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ExtensionRequest } from '../../shared/extension.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';

export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** tracking code given to the petitioner (查询码) */
    code: text('code').notNull().unique(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    petitionerName: text('petitioner_name').notNull(),
    petitionerPhone: text('petitioner_phone').notNull(),
    petitionerAddress: text('petitioner_address'),
    citizenUserId: uuid('citizen_user_id').references(() => users.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    referredBy: text('referred_by'),
    sourceConcernId: uuid('source_concern_id'),
    status: text('status').notNull().default('registered'),
    keyCase: boolean('key_case').notNull().default(false),
    keyCaseReason: text('key_case_reason'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** due dates copied from the clocks, so the on-time figure is one query over this table */
    acceptanceDueDate: date('acceptance_due_date', { mode: 'string' }),
    resolutionDueDate: date('resolution_due_date', { mode: 'string' }),
    extensionDays: integer('extension_days').notNull().default(0),
    /** 第三十四条: a handler's pending request, until the 负责人 approves or rejects it */
    extensionRequest: jsonb('extension_request').$type<ExtensionRequest>(),
    /** a claim routed into another legal procedure (第三十一条第一至五项): no 60-day clock */
    otherProcedure: text('other_procedure'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    closedOnTime: boolean('closed_on_time'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: an update sent with an older version is refused (RECORD_CHANGED) */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('petitions_status_idx').on(t.status), index('petitions_replied_idx').on(t.repliedAt)],
);

/** The case history the petitioner sees when tracking (public: true) and staff see in full. */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** the order records were made in: two made within the clock's resolution still keep theirs */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    note: text('note'),
    public: boolean('public').notNull().default(true),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    data: jsonb('data'),
  },
  (t) => [index('petition_events_petition_idx').on(t.petitionId)],
);

export const petitionLetters = pgTable(
  'petition_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** the order records were made in: two made within the clock's resolution still keep theirs */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('petition_letters_petition_idx').on(t.petitionId)],
);

/**
 * 复查 (第三十五条) and 复核 (第三十六条): external stages decided by the next level up. The
 * bureau records the request (late or not, it is recorded, never refused here), transmits the file,
 * and records the deciding body's opinion.
 */
export const petitionReviews = pgTable(
  'petition_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id),
    /** 'review' (复查) | 're-review' (复核) */
    stage: text('stage').notNull(),
    /** the day the petitioner's request reached the bureau */
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    /** the petitioner's window had passed (recorded; the deciding body decides what follows) */
    late: boolean('late').notNull().default(false),
    /** the last day of the petitioner's window, when its start (receipt) was recorded */
    windowDueDate: date('window_due_date', { mode: 'string' }),
    transmittedAt: timestamp('transmitted_at', { withTimezone: true }),
    decidingBody: text('deciding_body'),
    referenceNo: text('reference_no'),
    outcome: text('outcome'),
    /** the day the opinion reached the petitioner: the next window counts from it */
    receivedOn: date('received_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** the order records were made in: two made within the clock's resolution still keep theirs */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('petition_reviews_petition_idx').on(t.petitionId)],
);
