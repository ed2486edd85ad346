import type { ModuleDefinition } from '../../platform/module.ts';
import { refreshPetitionDueDates } from './due-dates.ts';
import { PETITIONS_FIGURES } from './figures.ts';
import { petitionRoutes } from './routes.ts';
import { seedPetitions } from './seed.ts';
import { petitionRatable } from './service.ts';
import * as tables from './tables.ts';
import { petitionTimeline } from './timeline.ts';

/** Petitions (信访) under the 信访工作条例. */
export const petitionsModule: ModuleDefinition = {
  name: 'petitions',
  timeline: petitionTimeline,
  tables,
  routes: (app, ctx) =>
    app.register(petitionRoutes, { db: ctx.db, publicRateLimit: Math.max(20, ctx.config.loginRateLimit) }),
  ratableEvents: { petition: petitionRatable },
  figures: PETITIONS_FIGURES,
  // 信访工作条例 第三十四条: a petition's period is extended only with the 负责人's approval, through
  // the petition's own request/approve steps, never from the generic worklist.
  clockOwners: { petition: { owned: true, onDueDateChanged: refreshPetitionDueDates } },
  seed: seedPetitions,
};
