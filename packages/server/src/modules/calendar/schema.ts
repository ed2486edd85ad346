import { type CalendarYear, calendarYearSchema, type DayUnit, isoDateSchema } from '@qingshan/core';
import { z } from 'zod';
import type { calendarYears, calendarYearVersions } from './tables.ts';

const yearData = {
  year: z.number(),
  source: z.string(),
  holidays: z.array(
    z.object({
      name: z.string(),
      nameEn: z.string(),
      dates: z.array(z.string()),
      /** a 补假 day of a provisional year (第六条), not a statutory day */
      compensation: z.boolean().optional(),
    }),
  ),
  makeupWorkdays: z.array(z.object({ name: z.string(), date: z.string() })),
};
export const calendarYearViewSchema = z.object({
  ...yearData,
  shipped: z.boolean(),
  provisional: z.boolean().meta({ description: '暂定：无国务院办公厅通知，依放假办法推算' }),
  version: z.number(),
  reason: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export const changedCalendarYearSchema = calendarYearViewSchema.extend({ clocksChanged: z.number() });
export const calendarYearVersionSchema = z.object({
  year: z.number(),
  version: z.number(),
  data: z.object(yearData),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  current: z.boolean(),
});
export const calendarChangeBody = z.strictObject({
  calendar: calendarYearSchema,
  reason: z.string().trim().min(1).max(1000),
});

export const dayParams = z.object({ date: isoDateSchema });

export const dayInfoSchema = z.object({
  date: z.string(),
  workingDay: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']),
  name: z.string().optional(),
  /** the same name in English (a make-up working day after the festivals it serves) */
  nameEn: z.string().optional(),
  provisional: z.boolean(),
});

export const dayAddQuery = z.object({
  from: isoDateSchema,
  days: z.coerce.number().int().min(0).max(3650),
  unit: z.enum(['working', 'calendar']).default('working'),
});

export const dayAddSchema = z.object({
  from: z.string(),
  days: z.number(),
  unit: z.enum(['working', 'calendar']),
  date: z.string(),
  provisional: z.boolean(),
});
export type DayAddView = z.infer<typeof dayAddSchema>;

export const calendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** The question (from, days, unit) with its answer, so a client can show both. */
export function toDayAddView(
  q: { from: string; days: number; unit: DayUnit },
  r: { date: string; provisional: boolean },
): DayAddView {
  return { from: q.from, days: q.days, unit: q.unit, date: r.date, provisional: r.provisional };
}

export type CalendarYearView = CalendarYear & {
  shipped: boolean;
  /** built from the law, no notice entered yet (暂定) */
  provisional: boolean;
  /** version in force: 1 = as shipped or first added; 0 for a provisional year */
  version: number;
  reason: string | null;
  createdAt: string | null;
};

export type CalendarYearVersionView = {
  year: number;
  version: number;
  data: CalendarYear;
  reason: string | null;
  createdBy: string | null;
  createdAt: string | null;
  current: boolean;
};

/** A year an admin added or replaced, as in force. */
export function toCalendarYearView(r: typeof calendarYears.$inferSelect, shipped: boolean): CalendarYearView {
  return {
    ...r.data,
    shipped,
    provisional: false,
    version: r.version,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  };
}

/** One stored version of a year; the caller marks the newest as current. */
export function toCalendarYearVersionView(r: typeof calendarYearVersions.$inferSelect): CalendarYearVersionView {
  return {
    year: r.year,
    version: r.version,
    data: r.data,
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    current: false,
  };
}
