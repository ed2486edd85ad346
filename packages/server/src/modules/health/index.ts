import type { ModuleDefinition } from '../../platform/module.ts';
import { healthRoutes } from './routes.ts';

/** Liveness and readiness. */
export const healthModule: ModuleDefinition = {
  name: 'health',
  routes: (app, ctx) => app.register(healthRoutes, { database: ctx.database }),
};
