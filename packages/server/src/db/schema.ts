// Every table of the platform, gathered from the feature folders (drizzle-kit reads this file).
export * from '../modules/appointments/tables.ts';
export * from '../modules/audit/tables.ts';
export * from '../modules/calendar/tables.ts';
export * from '../modules/clocks/tables.ts';
export * from '../modules/enterprises/tables.ts';
export * from '../modules/jobs/tables.ts';
export * from '../modules/notifications/tables.ts';
export * from '../modules/petitions/tables.ts';
export * from '../modules/phone-codes/tables.ts';
export * from '../modules/projects/tables.ts';
export * from '../modules/ratings/tables.ts';
export * from '../modules/reception/tables.ts';
export * from '../modules/reports/tables.ts';
export * from '../modules/rules/tables.ts';
export * from '../modules/scheduler/tables.ts';
export * from '../modules/users/tables.ts';
export * from '../modules/visits/tables.ts';
