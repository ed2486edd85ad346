import type { ModuleDefinition } from '../../platform/module.ts';
import { auditRoutes } from './routes.ts';
import * as tables from './tables.ts';

/** The tamper-evident audit trail: who did what and when. */
export const auditModule: ModuleDefinition = {
  name: 'audit',
  tables,
  routes: (app, ctx) => app.register(auditRoutes, { db: ctx.db }),
};
