import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ExtensionRequest } from '../../shared/extension.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';

// A request for government information (依申请公开), from the public form, an enterprise account
// or registered by staff from a letter. Its 20-working-day answer runs on a clock
// (disclosure.answer); dueDate is the clock's copy, kept in step by the clock service.
export const disclosureRequests = pgTable(
  'disclosure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** tracking code given to the applicant (查询码) */
    code: text('code').notNull().unique(),
    applicantType: text('applicant_type').notNull(),
    applicantName: text('applicant_name').notNull(),
    /** 身份证件号 or 统一社会信用代码, shown masked */
    applicantIdNo: text('applicant_id_no').notNull(),
    phone: text('phone').notNull(),
    address: text('address'),
    email: text('email'),
    description: text('description').notNull(),
    delivery: text('delivery').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    citizenUserId: uuid('citizen_user_id').references(() => users.id),
    status: text('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    extensionDays: integer('extension_days').notNull().default(0),
    /** §33: the handler's request, until the head of the disclosure body decides */
    extensionRequest: jsonb('extension_request').$type<ExtensionRequest>(),
    /** the third party or other body being consulted (§32), while the clock is paused */
    consulting: text('consulting'),
    outcome: text('outcome'),
    clause: text('clause'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredOnTime: boolean('answered_on_time'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('disclosure_requests_status_idx').on(t.status),
    index('disclosure_requests_received_idx').on(t.receivedAt),
    index('disclosure_requests_answered_idx').on(t.answeredAt),
  ],
);

/** The request's history: the applicant sees the public steps when tracking, staff see all. */
export const disclosureEvents = pgTable(
  'disclosure_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => disclosureRequests.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    note: text('note'),
    /** the same note in English, written beside it (null on events recorded before 2026-12-07) */
    noteEn: text('note_en'),
    public: boolean('public').notNull().default(true),
    actorName: text('actor_name').notNull(),
  },
  (t) => [index('disclosure_events_request_idx').on(t.requestId, t.at)],
);

// An administrative reconsideration or lawsuit against a disclosure answer (table 四 of the annual
// report counts these). Recorded by the desk when the bureau is notified; the result when decided.
export const disclosureAppeals = pgTable(
  'disclosure_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => disclosureRequests.id),
    kind: text('kind').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** 复议机关 or the court */
    body: text('body').notNull(),
    caseNo: text('case_no'),
    /** null while 尚未审结 */
    result: text('result'),
    decidedOn: date('decided_on', { mode: 'string' }),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('disclosure_appeals_filed_idx').on(t.filedOn), index('disclosure_appeals_request_idx').on(t.requestId)],
);

// The annual report's sections the bureau writes (一、五、六), one row per year and section; each
// save bumps the version and is audited with the text before and after, so earlier drafts stay readable.
export const disclosureAnnualTexts = pgTable(
  'disclosure_annual_texts',
  {
    year: integer('year').notNull(),
    section: text('section').notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.section] })],
);
