import type { ModuleDefinition } from '../../platform/module.ts';
import { worklistRoutes } from './routes.ts';

/** A staff member's due and overdue work. */
export const worklistModule: ModuleDefinition = {
  name: 'worklist',
  routes: (app, ctx) => app.register(worklistRoutes, { db: ctx.db }),
};
