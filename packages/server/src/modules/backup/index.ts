import type { ModuleDefinition } from '../../platform/module.ts';
import { backupRoutes } from './routes.ts';

/** Hot backups by an admin. */
export const backupModule: ModuleDefinition = {
  name: 'backup',
  routes: (app, ctx) => app.register(backupRoutes, { database: ctx.database, backupDir: ctx.config.backupDir }),
};
