import type { ModuleDefinition } from '../../platform/module.ts';
import { referenceRoutes } from './routes.ts';

/** Reference lists the forms use (towns, industries). */
export const referenceModule: ModuleDefinition = {
  name: 'reference',
  routes: (app) => app.register(referenceRoutes),
};
