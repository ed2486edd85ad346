import type { ModuleDefinition } from '../../platform/module.ts';
import { authRoutes } from './routes.ts';
import { purgeExpiredSessions, purgeLoginThrottle } from './service.ts';

/** Sign-in, sessions, password changes. */
export const authModule: ModuleDefinition = {
  name: 'auth',
  routes: (app, ctx) => app.register(authRoutes, { db: ctx.db, loginRateLimit: ctx.config.loginRateLimit }),
  jobs: ({ sessionLifetimes }) => [
    {
      // expired sessions and forgotten sign-in failures: nothing urgent, hourly
      kind: 'security.purge',
      every: { scanMs: 3_600_000 },
      run: async ({ db }) => {
        await purgeExpiredSessions(db, sessionLifetimes);
        await purgeLoginThrottle(db);
      },
    },
  ],
};
