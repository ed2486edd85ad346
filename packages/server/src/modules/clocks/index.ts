import { DEFAULT_CLOCK_PROFILES } from '@qingshan/core';
import type { ModuleDefinition } from '../../platform/module.ts';
import { scanClocks } from './alerts.ts';
import { clockRoutes } from './routes.ts';
import * as tables from './tables.ts';

/** Statutory deadline clocks in working days: warnings, escalation, extensions. */
export const clocksModule: ModuleDefinition = {
  name: 'clocks',
  tables,
  routes: (app, ctx) => app.register(clockRoutes, { db: ctx.db }),
  clockProfiles: DEFAULT_CLOCK_PROFILES,
  jobs: () => [{ kind: 'clocks.scan', every: { scanMs: 60_000 }, run: async ({ db }) => void (await scanClocks(db)) }],
};
