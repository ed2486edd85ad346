import type { CalendarYear } from '@qingshan/core';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Years added by an admin at run time; the shipped years (2020–2026) live in @qingshan/core.
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  data: jsonb('data').$type<CalendarYear>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  reason: text('reason').notNull(),
});
