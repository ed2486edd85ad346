import type { ModuleDefinition } from '../../platform/module.ts';
import { VISITS_FIGURES } from './figures.ts';
import { visitRatable } from './ratable.ts';
import { visitRoutes } from './routes.ts';
import { seedVisits } from './seed.ts';
import * as tables from './tables.ts';
import { visitTimeline } from './timeline.ts';

/** Door-to-door visits and service campaigns. */
export const visitsModule: ModuleDefinition = {
  name: 'visits',
  timeline: visitTimeline,
  tables,
  routes: (app, ctx) => app.register(visitRoutes, { db: ctx.db }),
  ratableEvents: { visit: visitRatable },
  figures: VISITS_FIGURES,
  seed: seedVisits,
};
