import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// A rule is a named legal default (a deadline profile, a cap, a ratio, a list). Its value lives
// in versions: editing adds a version, so a process started under version n keeps n.
export const rules = pgTable('rules', {
  key: text('key').primaryKey(),
  type: text('type').notNull(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ruleVersions = pgTable(
  'rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleKey: text('rule_key')
      .notNull()
      .references(() => rules.key, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    value: jsonb('value').notNull(),
    source: text('source').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('rule_versions_key_version_uq').on(t.ruleKey, t.version),
    index('rule_versions_key_idx').on(t.ruleKey),
  ],
);
