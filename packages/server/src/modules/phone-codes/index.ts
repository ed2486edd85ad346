import type { ModuleDefinition } from '../../platform/module.ts';
import { buildSmsTransport } from '../notifications/channels.ts';
import { phoneCodeRoutes } from './routes.ts';
import { PHONE_CODES_RULES } from './rules.ts';
import { purgePhoneCodes } from './service.ts';
import * as tables from './tables.ts';

/** One-time codes that prove a public booker holds the phone. */
export const phoneCodesModule: ModuleDefinition = {
  name: 'phone-codes',
  tables,
  routes: (app, ctx) => {
    // Without an SMS gateway codes go to the log; in demo mode also to a page the journeys read.
    const devOutbox = !ctx.config.smsUrl && ctx.config.demo ? new Map<string, string>() : undefined;
    const transport = buildSmsTransport({
      smsUrl: ctx.config.smsUrl,
      smsToken: ctx.config.smsToken,
      log: ctx.log,
      outbox: devOutbox,
    });
    return app.register(phoneCodeRoutes, {
      db: ctx.db,
      transport,
      devOutbox,
      rateLimit: Math.max(10, ctx.config.loginRateLimit),
    });
  },
  rules: PHONE_CODES_RULES,
  jobs: () => [
    {
      kind: 'phone-codes.purge',
      every: { scanMs: 3_600_000 },
      run: async ({ db }) => void (await purgePhoneCodes(db)),
    },
  ],
};
