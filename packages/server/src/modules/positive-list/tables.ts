import type { ConditionCheck } from '@qingshan/core/positive-list';
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

/**
 * A positive-list decision (正面清单): the firm, its category, the evidence snapshot taken from the
 * platform's records at the decision (with the officer's confirmation of what had no source), the
 * validity, and its removal with reason. A removed or expired listing stays as history.
 */
export const positiveListEntries = pgTable(
  'positive_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    category: text('category').notNull(),
    /** listed → removed; expiry is read from validUntil, never stored */
    status: text('status').notNull().default('listed'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    checks: jsonb('checks').$type<ConditionCheck[]>().notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removalReason: text('removal_reason'),
    removedByName: text('removed_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one standing listing per firm; the decision locks the firm's row first, so this only guards
    uniqueIndex('positive_list_one_listed').on(t.enterpriseId).where(sql`status = 'listed'`),
    index('positive_list_decided_idx').on(t.decidedOn),
  ],
);

/**
 * A proposal to remove a listed firm, raised by a trigger (a penalty, an incident, a verified
 * complaint, a confirmed alarm) from the record that caused it; an officer accepts or rejects it
 * with a reason. One proposal per source record.
 */
export const positiveListRemovalProposals = pgTable(
  'positive_list_removal_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => positiveListEntries.id),
    trigger: text('trigger').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull().default('open'),
    decisionReason: text('decision_reason'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('positive_list_proposal_source_uq').on(t.entryId, t.sourceType, t.sourceId),
    index('positive_list_proposal_status_idx').on(t.status),
  ],
);
