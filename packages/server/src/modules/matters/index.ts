import { MATTER_AUDIT_VOCABULARY } from '@qingshan/core/matters';
import type { ModuleDefinition } from '../../platform/module.ts';
import { matterRoutes } from './routes.ts';
import { loadShippedMatters } from './service.ts';
import * as tables from './tables.ts';

/** Matters (事项) and their service guides (办事指南): a versioned, public catalogue. */
export const mattersModule: ModuleDefinition = {
  name: 'matters',
  tables,
  routes: (app, ctx) => app.register(matterRoutes, { db: ctx.db }),
  shipped: loadShippedMatters,
  audit: MATTER_AUDIT_VOCABULARY,
};
