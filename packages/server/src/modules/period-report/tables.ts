import type { DraftSection } from '@qingshan/core/period-report';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// A saved period report: the text drafted from the figures of its period, as edited by a leader.
// The current text is here; every saved text (the first draft included) is a version below, so
// what was exported on a day can be shown again.
export const periodReportDrafts = pgTable(
  'period_report_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<DraftSection[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('period_report_drafts_period_idx').on(t.periodFrom, t.periodTo),
    index('period_report_drafts_updated_idx').on(t.updatedAt),
  ],
);

export const periodReportDraftVersions = pgTable(
  'period_report_draft_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => periodReportDrafts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<DraftSection[]>().notNull(),
    note: text('note'),
    savedBy: uuid('saved_by'),
    savedByName: text('saved_by_name').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('period_report_draft_versions_uq').on(t.draftId, t.version)],
);

// One row per month the leaders' monthly report was e-mailed: the unique month is what keeps two
// schedulers (or a retry) from sending it twice. The audit head printed in the e-mail is kept here
// too, so the anchor outside the database can be matched against the chain later.
export const periodReportMailings = pgTable('period_report_mailings', {
  id: uuid('id').primaryKey().defaultRandom(),
  month: text('month').notNull().unique('period_report_mailings_month_uq'),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  recipients: integer('recipients').notNull(),
  auditHeadSeq: bigint('audit_head_seq', { mode: 'number' }).notNull(),
  auditHeadHash: text('audit_head_hash').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});
