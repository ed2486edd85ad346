import type { ModuleDefinition } from '../../platform/module.ts';
import { refreshRectificationDueDates } from './due-dates.ts';
import { RATING_ERRORS } from './errors.ts';
import { RATINGS_FIGURES } from './figures.ts';
import { ratingRoutes } from './routes.ts';
import { RATINGS_RULES } from './rules.ts';
import { seedRatings } from './seed.ts';
import * as tables from './tables.ts';
import { ratingTimeline } from './timeline.ts';

/** Service ratings (好差评) and the rectification of bad ones. */
export const ratingsModule: ModuleDefinition = {
  name: 'ratings',
  timeline: ratingTimeline,
  tables,
  errors: RATING_ERRORS,
  routes: (app, ctx) => app.register(ratingRoutes, { db: ctx.db }),
  rules: RATINGS_RULES,
  figures: RATINGS_FIGURES,
  clockOwners: { rating: { onDueDateChanged: refreshRectificationDueDates } },
  seed: seedRatings,
};
