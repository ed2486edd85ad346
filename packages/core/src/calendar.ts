// Entry point for `@qingshan/core/calendar` (the package maps subpaths to src/<name>.ts).
export * from './calendar/data.ts';
export * from './calendar/dates.ts';
export * from './calendar/lunar.ts';
export * from './calendar/provisional.ts';
export * from './calendar/working-calendar.ts';
