import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

/**
 * An environmental incident (突发环境事件) of a registered firm, graded by the officer against the
 * national standard (core `incidents.ts`). It stays a record once closed: the positive list reads
 * two years of them, the risk score and the firm's file read them too.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    level: text('level').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    response: text('response').notNull().default(''),
    reportSource: text('report_source').notNull(),
    /** open → closed; closing records how the response ended */
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByName: text('closed_by_name'),
    registeredBy: uuid('registered_by'),
    registeredByName: text('registered_by_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incidents_enterprise_idx').on(t.enterpriseId, t.occurredAt),
    index('incidents_occurred_idx').on(t.occurredAt),
  ],
);
