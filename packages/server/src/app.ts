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
import { sessionStore } from './modules/auth/sessions.ts';
import { MODULES } from './modules/index.ts';
import type { ModuleContext, ModuleDefinition, ModuleService } from './platform/module.ts';
import { installModules } from './platform/registry.ts';
import { type Access, authPlugin } from './plugins/auth.ts';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { textGuardPlugin, zodValidatorCompiler } from './plugins/validation.ts';
import { securityHeadersPlugin, webAppPlugin } from './plugins/web.ts';

/** A route as registered: who may call it, and which module declared it (null: the platform's own). */
export type RouteEntry = { method: string; url: string; access: Access | undefined; module: string | null };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
    /** the modules' long-lived services (ModuleDefinition.services), started on ready */
    services: readonly ModuleService[];
  }
}

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type AppOptions = {
  config: Config;
  database: Database;
  /** Serve the built web app from packages/web/dist (off in API tests; SERVE_WEB=off turns it off too). */
  serveWeb?: boolean;
  /** Test hook: serve the web app from this folder instead of packages/web/dist. */
  webRoot?: string;
  logger?: boolean;
  /** Test hook: where log lines go (at the configured level) instead of stdout. */
  logStream?: { write(line: string): void };
  /** Test hook: receives the promise of every background job. */
  onJob?: (p: Promise<void>) => void;
  /** The modules to install (default: all of modules/index.ts); the contract test adds an example module. */
  modules?: readonly ModuleDefinition[];
};

// Plugins load in order: external → cross-cutting (errors, auth, openapi) → feature modules.
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const db = database.db;
  const serveWeb = !!opts.serveWeb && config.serveWeb;

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
    frameworkErrors,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  // The route table (method, url, access) for the access matrix test and the docs.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  // Modules register one after another (each awaited), so the module loading is the one declaring.
  let loadingModule: string | null = null;
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: r.url, access: r.config?.access, module: loadingModule });
    }
  });
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin, { spaFallback: serveWeb });
  await app.register(textGuardPlugin);
  await app.register(cookie);
  await app.register(securityHeadersPlugin);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, {
    sessions: sessionStore(db),
    lifetimes: { staffMs: config.sessionMaxMsStaff, otherMs: config.sessionMaxMsOther },
  });
  await app.register(openapiPlugin);
  await app.register(metricsPlugin, { token: config.metricsToken });

  // Every module's routes, in the order of the module list.
  const modules = opts.modules ?? MODULES;
  installModules(modules);
  const ctx: ModuleContext = { config, database, db, log: (msg) => app.log.info(msg), onJob: opts.onJob };
  const services = modules.flatMap((m) => m.services?.(ctx) ?? []);
  if (new Set(services.map((s) => s.name)).size !== services.length) throw new Error('Two services share a name');
  app.decorate('services', services);
  // Started when the HTTP server listens (main.ts), not on ready: CLIs and API tests build the app
  // without listening and must not open a TCP port or run the demo simulators.
  app.addHook('onListen', async () => {
    for (const s of services) await s.start();
  });
  app.addHook('onClose', async () => {
    for (const s of services) await s.stop();
  });
  for (const m of modules) {
    if (!m.routes) continue;
    loadingModule = m.name;
    await m.routes(app, ctx);
    loadingModule = null;
  }

  if (serveWeb) {
    const root = opts.webRoot ?? WEB_DIST;
    if (!fs.existsSync(path.join(root, 'index.html'))) throw new WebNotBuiltError(root);
    await app.register(webAppPlugin, { root });
  } else if (opts.serveWeb) {
    app.log.info('SERVE_WEB=off: serving the API only; run the web app with npm run dev -w packages/web');
  }
  return app;
}

/** Refused at start: a server that serves the web app has no built one to serve. */
export class WebNotBuiltError extends Error {
  constructor(readonly root: string) {
    super(
      `The web app is not built (${root}).\n` +
        '  Build it: npm run build -w packages/web\n' +
        '  Or serve the API only, with the web under Vite (npm run dev -w packages/web): SERVE_WEB=off',
    );
    this.name = 'WebNotBuiltError';
  }
}
