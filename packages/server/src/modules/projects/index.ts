import type { ModuleDefinition } from '../../platform/module.ts';
import { projectRoutes } from './routes.ts';
import { seedProjects } from './seed.ts';
import * as tables from './tables.ts';

/** Major-project tracking. */
export const projectsModule: ModuleDefinition = {
  name: 'projects',
  tables,
  routes: (app, ctx) => app.register(projectRoutes, { db: ctx.db }),
  seed: seedProjects,
};
