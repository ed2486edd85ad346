import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

export type VisitStaff = { userId?: string | undefined; name: string; leader: boolean };

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    theme: text('theme').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('campaigns_start_idx').on(t.startDate)],
);

export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date', { mode: 'string' }).notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    staff: jsonb('staff').$type<VisitStaff[]>().notNull(),
    // any staff member flagged leader: 领导带队
    ledByLeader: boolean('led_by_leader').notNull().default(false),
    purposes: text('purposes').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary').notNull(),
    /** the bureau's own notes: never shown to an enterprise */
    internalNote: text('internal_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('visits_date_idx').on(t.date), index('visits_campaign_idx').on(t.campaignId)],
);

// A visit to n enterprises is n rows: the 户次 of the figure.
export const visitEnterprises = pgTable(
  'visit_enterprises',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    solved: text('solved'),
    /** this enterprise's part of a joint visit: what was found there; the only summary it sees */
    findings: text('findings'),
    /**
     * This enterprise's part of the visit as a service event of its own (户次): what it rates. A
     * joint visit to three enterprises is three enterprise-visits, as the figure counts them, and
     * each enterprise rates its own (国办发〔2019〕51号 一次一评).
     */
    id: uuid('id').notNull().unique().defaultRandom(),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.enterpriseId] }),
    index('visit_enterprises_enterprise_idx').on(t.enterpriseId),
  ],
);

export const visitFollowUps = pgTable(
  'visit_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    action: text('action').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    /** the bureau's own follow-up (e.g. to brief a section): never shown to an enterprise */
    internal: boolean('internal').notNull().default(false),
  },
  (t) => [index('visit_follow_ups_visit_idx').on(t.visitId)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// Photos and documents of a visit, kept in the database (small files; the cap is in the route).
export const visitAttachments = pgTable(
  'visit_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    /** whose part of a joint visit the file belongs to; null: the visit as a whole */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    /** for the bureau only (e.g. an internal note photographed) */
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('visit_attachments_visit_idx').on(t.visitId)],
);
