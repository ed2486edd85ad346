import type { ModuleDefinition } from '../../platform/module.ts';
import { jobRoutes } from './routes.ts';
import * as tables from './tables.ts';

/** Long-running work (imports) and its progress. */
export const jobsModule: ModuleDefinition = {
  name: 'jobs',
  tables,
  routes: (app, ctx) => app.register(jobRoutes, { db: ctx.db }),
};
