import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ExtensionRequest } from '../../shared/extension.ts';
import { enterprises } from '../enterprises/tables.ts';

/**
 * Environmental reports (环保举报, 12369): their own case type. Due dates are NOT copied here: they
 * are read from the report's clocks (report.acceptance, report.handling), the only owners.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** tracking code given to the reporter (查询码) */
    code: text('code').notNull().unique(),
    channel: text('channel').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    location: text('location').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    /** the enterprise reported about; never shown to that enterprise */
    subjectEnterpriseId: uuid('subject_enterprise_id').references(() => enterprises.id),
    status: text('status').notNull().default('registered'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionRequest: jsonb('extension_request').$type<ExtensionRequest>(),
    /** the reason not accepted, the body it was passed to, or the answer to the reporter */
    decisionNote: text('decision_note'),
    transferredTo: text('transferred_to'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** the clock's verdict when the case closed (met / missed), never a copy's comparison */
    closedOnTime: boolean('closed_on_time'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reports_status_idx').on(t.status), index('reports_received_idx').on(t.receivedAt)],
);
