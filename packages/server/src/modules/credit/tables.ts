import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
