import type { ModuleDefinition } from '../../platform/module.ts';
import { ruleRoutes } from './routes.ts';
import * as tables from './tables.ts';

/** Versioned rules (deadlines, limits) with their legal sources; every module ships its defaults. */
export const rulesModule: ModuleDefinition = {
  name: 'rules',
  tables,
  routes: (app, ctx) => app.register(ruleRoutes, { db: ctx.db }),
};
