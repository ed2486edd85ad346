import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

// A discharge permit (or 排污登记) as the county tracks it: decided by the city bureau on the
// national platform, so the numbers here are external references, never ours.
export const permits = pgTable(
  'permits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    permitClass: text('permit_class').notNull(),
    pwItem: text('pw_item').notNull(),
    status: text('status').notNull(),
    permitNumber: text('permit_number'),
    platformRef: text('platform_ref'),
    issuedBy: text('issued_by').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    officerUserId: uuid('officer_user_id'),
    officerName: text('officer_name').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('permits_enterprise_idx').on(t.enterpriseId), index('permits_valid_to_idx').on(t.validTo)],
);

// A duty the permit puts on the enterprise (renewal, change, execution report) with its due date.
// Its clock (started when the reminder goes out) owns the worklist state; this row says what is
// owed for which period and what the enterprise filed on the platform.
export const permitObligations = pgTable(
  'permit_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    permitId: uuid('permit_id')
      .notNull()
      .references(() => permits.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind').notNull(),
    /** the report period ('2026', '2026-Q3'), the expiry date renewed, or the change's subject and date */
    period: text('period').notNull(),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    reference: text('reference'),
    note: text('note'),
    submittedByName: text('submitted_by_name'),
    clockId: uuid('clock_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('permit_obligations_period_uq').on(t.permitId, t.kind, t.period),
    index('permit_obligations_due_idx').on(t.status, t.dueDate),
    index('permit_obligations_enterprise_idx').on(t.enterpriseId),
  ],
);

// A reminder sent: the unique key is what makes "once per due date and stage" hold, even with
// two schedulers or a due date that moved.
export const permitReminders = pgTable(
  'permit_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => permitObligations.id, { onDelete: 'cascade' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    stage: text('stage').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('permit_reminders_once_uq').on(t.obligationId, t.dueDate, t.stage)],
);
