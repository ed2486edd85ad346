import type { CalendarYear } from '@qingshan/core';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// The year in force for each year an admin added or replaced at run time; the shipped years
// (2020–2026) live in @qingshan/core and a row here overrides one of them when the notice is
// amended (as on 2019-03-22 and 2020-01-26). A year in neither is answered provisionally.
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  data: jsonb('data').$type<CalendarYear>().notNull(),
  /** the version in force (calendar_year_versions.version); shipped data counts as version 1 */
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  reason: text('reason').notNull(),
});

// Every version ever entered for a year, newest last: who, when, why, and the notice (data.source).
// Version 1 of a shipped year is written the first time an admin replaces it, from the shipped data.
export const calendarYearVersions = pgTable(
  'calendar_year_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').$type<CalendarYear>().notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('calendar_year_versions_year_version_uq').on(t.year, t.version),
    index('calendar_year_versions_year_idx').on(t.year),
  ],
);
