import { date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';

export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventType: text('event_type').notNull(),
    eventId: uuid('event_id').notNull(),
    label: text('label').notNull(),
    // null on ratings given before the English was kept: they show the Chinese
    labelEn: text('label_en'),
    level: smallint('level').notNull(),
    indicators: jsonb('indicators').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
    raterKind: text('rater_kind').notNull(),
    raterUserId: uuid('rater_user_id').references(() => users.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    staffUserId: uuid('staff_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // 一次一评 / 一事一评: one rating per service event, also under concurrent submissions.
    uniqueIndex('ratings_one_per_event').on(t.eventType, t.eventId),
    index('ratings_created_idx').on(t.createdAt),
  ],
);

/** The follow-up of one bad rating: contact, rectify, and the appeal against a malicious rating. */
export const ratingRectifications = pgTable(
  'rating_rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ratingId: uuid('rating_id')
      .notNull()
      .unique()
      .references(() => ratings.id),
    state: text('state').notNull().default('open'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    contactDueDate: date('contact_due_date', { mode: 'string' }).notNull(),
    rectifyDueDate: date('rectify_due_date', { mode: 'string' }).notNull(),
    contactClockId: uuid('contact_clock_id'),
    rectifyClockId: uuid('rectify_clock_id'),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    contactNote: text('contact_note'),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    rectifyNote: text('rectify_note'),
    appealState: text('appeal_state').notNull().default('none'),
    appealReason: text('appeal_reason'),
    appealedAt: timestamp('appealed_at', { withTimezone: true }),
    appealDecisionNote: text('appeal_decision_note'),
    /**
     * 国办发〔2019〕51号 申诉复核: the body outside the rated bureau that reviewed the appeal (e.g. the
     * county's 政务服务管理机构); the bureau's leader only records its decision
     */
    appealReviewingBody: text('appeal_reviewing_body'),
    appealReferenceNo: text('appeal_reference_no'),
    appealDecidedBy: uuid('appeal_decided_by'),
    appealDecidedAt: timestamp('appeal_decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rating_rectifications_state_idx').on(t.state)],
);
