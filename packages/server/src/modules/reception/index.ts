import { RECEPTION_MESSAGES } from '@qingshan/core/reception';
import type { ModuleDefinition } from '../../platform/module.ts';
import { refreshConcernDueDate } from './due-dates.ts';
import { RECEPTION_FIGURES } from './figures.ts';
import { receptionConcernRatable } from './ratable.ts';
import { receptionRoutes } from './routes.ts';
import { RECEPTION_RULES } from './rules.ts';
import { seedReception } from './seed.ts';
import * as tables from './tables.ts';

/** Monthly reception days (enterprise and public) and the concerns raised there. */
export const receptionModule: ModuleDefinition = {
  name: 'reception',
  tables,
  routes: (app, ctx) => app.register(receptionRoutes, { db: ctx.db }),
  rules: RECEPTION_RULES,
  figures: RECEPTION_FIGURES,
  ratableEvents: { 'reception-concern': receptionConcernRatable },
  clockOwners: { 'reception-concern': { onDueDateChanged: refreshConcernDueDate } },
  messages: RECEPTION_MESSAGES,
  seed: seedReception,
};
