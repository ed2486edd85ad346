import type { ModuleDefinition } from '../../platform/module.ts';
import { userRoutes } from './routes.ts';
import { USER_MESSAGES } from './schema.ts';
import { seedUsers } from './seed.ts';
import * as tables from './tables.ts';

/** Staff, enterprise and citizen accounts. */
export const usersModule: ModuleDefinition = {
  name: 'users',
  tables,
  routes: (app, ctx) => app.register(userRoutes, { db: ctx.db }),
  seed: seedUsers,
  messages: USER_MESSAGES,
};
