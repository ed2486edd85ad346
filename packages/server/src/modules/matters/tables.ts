import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// A matter (事项) and its guide. The guide's content lives in versions: an admin's edit adds a
// version with its reason and keeps the old one, so what a citizen was told on a day can be shown.
// name and decidingAuthority are copies of the current version's, for listing and searching.
export const matters = pgTable('matters', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  decidingAuthority: text('deciding_authority').notNull(),
  currentVersion: integer('current_version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const matterVersions = pgTable(
  'matter_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matterCode: text('matter_code')
      .notNull()
      .references(() => matters.code, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('matter_versions_code_version_uq').on(t.matterCode, t.version),
    index('matter_versions_code_idx').on(t.matterCode),
  ],
);
