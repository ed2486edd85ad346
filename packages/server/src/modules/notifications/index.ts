import type { ModuleDefinition } from '../../platform/module.ts';
import { buildSenders } from './channels.ts';
import { dispatchDeliveries } from './dispatch.ts';
import { notificationRoutes } from './routes.ts';
import * as tables from './tables.ts';

/** In-app messages and deliveries by e-mail, WeChat and webhook. */
export const notificationsModule: ModuleDefinition = {
  name: 'notifications',
  tables,
  routes: (app, ctx) =>
    app.register(notificationRoutes, { db: ctx.db, webhookAllowPrivate: ctx.config.webhookAllowPrivate }),
  jobs: ({ channels, owner, retryBaseMs }) => {
    const senders = buildSenders(channels);
    return [
      {
        kind: 'deliveries.dispatch',
        every: 'tick',
        run: async ({ db }) => void (await dispatchDeliveries(db, { senders, owner: owner(), retryBaseMs })),
      },
    ];
  },
};
