import type { ModuleDefinition } from '../../platform/module.ts';
import { ENTERPRISE_ERRORS } from './errors.ts';
import { enterpriseRoutes } from './routes.ts';
import { ENTERPRISES_RULES } from './rules.ts';
import { seedEnterprises } from './seed.ts';
import * as tables from './tables.ts';

/** The enterprise register (企业名录), with import and export. */
export const enterprisesModule: ModuleDefinition = {
  name: 'enterprises',
  tables,
  routes: (app, ctx) =>
    app.register(enterpriseRoutes, { db: ctx.db, importLimit: ctx.config.importLimit, onJob: ctx.onJob }),
  rules: ENTERPRISES_RULES,
  errors: ENTERPRISE_ERRORS,
  seed: seedEnterprises,
};
