import type { ModuleDefinition } from '../../platform/module.ts';
import { eiaClassificationRoutes } from './routes.ts';
import { loadShippedEiaCatalogue } from './service.ts';
import * as tables from './tables.ts';

/** EIA classification (环评类别判定): the 名录 as versioned reference data and the public wizard's engine. */
export const eiaClassificationModule: ModuleDefinition = {
  name: 'eia-classification',
  tables,
  routes: (app, ctx) => app.register(eiaClassificationRoutes, { db: ctx.db }),
  shipped: loadShippedEiaCatalogue,
};
