import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pino from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { errorForLog } from './db/errors.ts';
import { appointmentRoutes } from './modules/appointments/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { backupRoutes } from './modules/backup/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { clockRoutes } from './modules/clocks/routes.ts';
import { enterpriseRoutes } from './modules/enterprises/routes.ts';
import { figureRoutes } from './modules/figures/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { jobRoutes } from './modules/jobs/routes.ts';
import { buildSmsTransport } from './modules/notifications/channels.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { petitionRoutes } from './modules/petitions/routes.ts';
import { phoneCodeRoutes } from './modules/phone-codes/routes.ts';
import { projectRoutes } from './modules/projects/routes.ts';
import { ratingRoutes } from './modules/ratings/routes.ts';
import { receptionRoutes } from './modules/reception/routes.ts';
import { referenceRoutes } from './modules/reference/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { ruleRoutes } from './modules/rules/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { visitRoutes } from './modules/visits/routes.ts';
import { worklistRoutes } from './modules/worklist/routes.ts';
import { type Access, authPlugin } from './plugins/auth.ts';
import { clientErrorHandler, errorsPlugin } from './plugins/errors.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { textGuardPlugin, zodValidatorCompiler } from './plugins/validation.ts';
import { securityHeadersPlugin, webAppPlugin } from './plugins/web.ts';

export type RouteEntry = { method: string; url: string; access: Access | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type AppOptions = {
  config: Config;
  database: Database;
  /** Serve the built web app from packages/web/dist (off in API tests). */
  serveWeb?: boolean;
  /** Test hook: serve the web app from this folder instead of packages/web/dist. */
  webRoot?: string;
  logger?: boolean;
  /** Test hook: where log lines go (at the configured level) instead of stdout. */
  logStream?: { write(line: string): void };
  /** Test hook: receives the promise of every background job. */
  onJob?: (p: Promise<void>) => void;
};

// Plugins load in order: external → cross-cutting (errors, auth, openapi) → feature modules.
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const db = database.db;

  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : // A database error's message and fields carry the statement's parameters (names, phones).
          {
            level: config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            serializers: { err: (e: Error) => pino.stdSerializers.err(errorForLog(e) as Error) },
          },
    clientErrorHandler,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  // The route table (method, url, access) for the access matrix test and the docs.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: r.url, access: r.config?.access });
    }
  });
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin, { spaFallback: !!opts.serveWeb });
  await app.register(textGuardPlugin);
  await app.register(cookie);
  await app.register(securityHeadersPlugin);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, {
    db,
    lifetimes: { staffMs: config.sessionMaxMsStaff, otherMs: config.sessionMaxMsOther },
  });
  await app.register(openapiPlugin);
  await app.register(metricsPlugin, { token: config.metricsToken });

  await app.register(healthRoutes, { database });
  await app.register(referenceRoutes);
  await app.register(authRoutes, { db, loginRateLimit: config.loginRateLimit });
  await app.register(userRoutes, { db });
  await app.register(backupRoutes, { database, backupDir: config.backupDir });
  await app.register(enterpriseRoutes, { db, importLimit: config.importLimit, onJob: opts.onJob });
  await app.register(jobRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(ruleRoutes, { db });
  await app.register(calendarRoutes, { db });
  await app.register(clockRoutes, { db });
  await app.register(worklistRoutes, { db });
  await app.register(notificationRoutes, { db, webhookAllowPrivate: config.webhookAllowPrivate });
  // Public booking/petition forms share the login limit when it is raised (tests), else their own.
  await app.register(appointmentRoutes, { db, publicRateLimit: Math.max(30, config.loginRateLimit) });
  await app.register(petitionRoutes, { db, publicRateLimit: Math.max(20, config.loginRateLimit) });
  // Without an SMS gateway codes go to the log; in demo mode also to a page the journeys read.
  const devOutbox = !config.smsUrl && config.demo ? new Map<string, string>() : undefined;
  const smsTransport = buildSmsTransport({
    smsUrl: config.smsUrl,
    smsToken: config.smsToken,
    log: (msg) => app.log.info(msg),
    outbox: devOutbox,
  });
  await app.register(phoneCodeRoutes, {
    db,
    transport: smsTransport,
    devOutbox,
    rateLimit: Math.max(10, config.loginRateLimit),
  });
  await app.register(reportRoutes, { db, publicRateLimit: Math.max(20, config.loginRateLimit) });
  await app.register(ratingRoutes, { db });
  await app.register(receptionRoutes, { db });
  await app.register(visitRoutes, { db });
  await app.register(projectRoutes, { db });
  await app.register(figureRoutes, { db });

  if (opts.serveWeb) {
    const root = opts.webRoot ?? WEB_DIST;
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw new Error(`The web app is not built (${root}); run npm run build -w packages/web`);
    }
    await app.register(webAppPlugin, { root });
  }
  return app;
}
