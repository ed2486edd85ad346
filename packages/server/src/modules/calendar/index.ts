import type { ModuleDefinition } from '../../platform/module.ts';
import { warnIfNextYearMissing } from './alerts.ts';
import { calendarRoutes } from './routes.ts';
import * as tables from './tables.ts';

/** The working-day calendar (State Council holiday notices, provisional years). */
export const calendarModule: ModuleDefinition = {
  name: 'calendar',
  tables,
  routes: (app, ctx) => app.register(calendarRoutes, { db: ctx.db }),
  jobs: () => [
    // next year's holidays are published in November; admins are told until they enter them
    {
      kind: 'calendar.next-year',
      every: { scanMs: 6 * 3_600_000 },
      run: async ({ db }) => void (await warnIfNextYearMissing(db)),
    },
  ],
};
