// Every table of the platform, gathered from the feature folders (drizzle-kit reads this file).
export * from '../modules/audit/tables.ts';
export * from '../modules/enterprises/tables.ts';
export * from '../modules/jobs/tables.ts';
export * from '../modules/users/tables.ts';
