import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

/**
 * An environmental credit evaluation (企业环境信用评价, 环发〔2013〕150号) with its basis and dates.
 * The latest record by ratedOn is the firm's grade; the register's creditGrade is its copy, kept
 * in step in the same transaction so the positive-list check and the register read the same grade.
 */
export const creditRecords = pgTable(
  'credit_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    grade: text('grade').notNull(),
    basis: text('basis').notNull(),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    recordedByName: text('recorded_by_name').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('credit_records_enterprise_idx').on(t.enterpriseId, t.ratedOn)],
);

/**
 * A credit change a penalty decision calls for, raised in the decision's transaction with the
 * decision number as its basis; an officer confirms it with a grade (then `creditRecordId` is the
 * record written) or dismisses it, both with a reason. One per source record.
 */
export const creditProposals = pgTable(
  'credit_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    /** the decision and its number (行政处罚决定书文号), the basis a confirmed grade cites */
    basis: text('basis').notNull(),
    status: text('status').notNull().default('open'),
    creditRecordId: uuid('credit_record_id').references(() => creditRecords.id),
    decisionReason: text('decision_reason'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('credit_proposals_source_uq').on(t.sourceType, t.sourceId),
    index('credit_proposals_status_idx').on(t.status, t.createdAt),
  ],
);
