import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** An item accepted under 容缺受理: the applicant's promise and the clock it runs on. */
export type DeferredItem = {
  item: number;
  name: string;
  clockId: string;
  /** when a file for it arrived (the clock completed) */
  fulfilledAt: string | null;
};

// An application (申请) for a matter, filed online by the enterprise or at the window for it. The
// guide version it was filed under is kept, so the checklist positions of its materials stay
// meaningful after an admin edits the guide. Due dates live on its clocks (clocks module), never here.
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    matterCode: text('matter_code').notNull(),
    matterVersion: integer('matter_version').notNull(),
    matterName: text('matter_name').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    projectName: text('project_name').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    channel: text('channel').notNull(),
    /** 帮办代办: a clerk filed on the applicant's behalf, with the applicant's authorisation */
    assisted: boolean('assisted').notNull().default(false),
    authorisation: text('authorisation'),
    assistedBy: uuid('assisted_by'),
    assistedByName: text('assisted_by_name'),
    status: text('status').notNull(),
    /** when the bureau last received the materials (start of the §32 five days) */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** 补正告知书: when issued, what it listed (checklist positions) and anything else to correct */
    noticeIssuedAt: timestamp('notice_issued_at', { withTimezone: true }),
    noticeMissing: jsonb('notice_missing').$type<number[]>(),
    noticeNote: text('notice_note'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptanceKind: text('acceptance_kind'),
    deferredPromise: text('deferred_promise'),
    deferredItems: jsonb('deferred_items').$type<DeferredItem[]>().notNull().default([]),
    decisionNumber: text('decision_number'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReasons: text('decision_reasons'),
    /** the handling clock's verdict at the decision; null when the matter sets no limit */
    decidedOnTime: boolean('decided_on_time'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('applications_code_uq').on(t.code),
    unique('applications_decision_number_uq').on(t.decisionNumber),
    index('applications_enterprise_idx').on(t.enterpriseId),
    index('applications_status_idx').on(t.status),
    index('applications_decided_idx').on(t.decidedAt),
  ],
);

// A file handed in for one checklist item. Kept in the database so a backup keeps it; never
// deleted — a wrong file is superseded by a newer one for the same item.
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    item: integer('item').notNull(),
    itemName: text('item_name').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_materials_app_idx').on(t.applicationId)],
);

// Every in-person trip the applicant made, with why: the one-visit figure counts these.
export const applicationVisits = pgTable(
  'application_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    purpose: text('purpose').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_visits_app_idx').on(t.applicationId)],
);

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationMaterialRow = typeof applicationMaterials.$inferSelect;
