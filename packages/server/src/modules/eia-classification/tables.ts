import { date, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Editions of the EIA classification catalogue (名录) as published: the rows with their exact
// texts, the general articles and notes. Shipped editions are loaded on start when missing and
// never rewritten, so an answer that names its edition can be read against the text it used,
// and a new edition (the 2025 draft, once in force) is loaded beside the old one.
export const eiaCatalogueEditions = pgTable('eia_catalogue_editions', {
  version: text('version').primaryKey(),
  title: text('title').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  content: jsonb('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
