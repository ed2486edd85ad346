import type { ModuleDefinition } from '../../platform/module.ts';
import { enterpriseFileRoutes } from './routes.ts';

/** 一企一档: the enterprise's file, gathered from every module's timeline provider. */
export const enterpriseFileModule: ModuleDefinition = {
  name: 'enterprise-file',
  routes: (app, ctx) => app.register(enterpriseFileRoutes, { db: ctx.db }),
};
