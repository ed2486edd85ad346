import { buildApp, WebNotBuiltError } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { startControlSocket } from './control/socket.ts';
import { DatabaseUnavailableError } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { MODULES } from './modules/index.ts';
import { failInterruptedJobs } from './modules/jobs/service.ts';
import { seedDefaultRules } from './modules/rules/service.ts';
import { channelsFromConfig, createPlatformScheduler } from './modules/scheduler/runtime.ts';
import { collectStartupGarbage } from './platform/memory.ts';
import { installModules } from './platform/registry.ts';
import { loadShippedData } from './platform/shipped.ts';
import { seedIfEmpty } from './seed/seed.ts';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const where = config.databaseUrl ? `PostgreSQL (${redact(config.databaseUrl)})` : `PGlite in ${config.dataDir}`;
  console.log(`青山 Qingshan: opening ${where} …`);
  if (!config.databaseUrl)
    // PGlite on Node never asks the OS to flush its files (no fsync or fdatasync at all under strace,
    // even with fsync=on), so a commit outlives the process, not the machine (README, "Running
    // against PostgreSQL")
    console.log(
      '内置数据库（PGlite）提交后不强制写盘：进程被终止不丢数据，断电或系统崩溃可能丢失最近的数据；正式运行请设置 DATABASE_URL 使用 PostgreSQL。\n' +
        'The embedded database (PGlite) does not flush its files to disk: a commit survives the process being killed, not a power loss or an OS crash. Run production on PostgreSQL (DATABASE_URL).',
    );
  let database: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    database = await openConfiguredDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof DatabaseUnavailableError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  installModules(MODULES);
  await database.migrate();
  await failInterruptedJobs(database.db);
  // rules.md defaults: missing rules are added on every start, edited ones are left alone
  await seedDefaultRules(database.db);
  await loadShippedData(database.db);
  await seedIfEmpty(database, config, (line) => console.log(line));

  const app = await buildApp({ config, database, serveWeb: true });
  const scheduler = createPlatformScheduler({
    db: database.db,
    channels: channelsFromConfig(config),
    intervalMs: config.schedulerIntervalMs || 30_000,
    sessionLifetimes: { staffMs: config.sessionMaxMsStaff, otherMs: config.sessionMaxMsOther },
    onError: (e) => app.log.error({ err: e }, 'scheduler job failed'),
  });
  let control: Awaited<ReturnType<typeof startControlSocket>> = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await scheduler.stop();
      await control?.close();
      await app.close();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Hot backups and password resets from this machine (npm run db:backup, user:reset-password).
  control = await startControlSocket(database, config, (line) => console.log(line));
  if (config.schedulerIntervalMs > 0) scheduler.start();
  const heap = collectStartupGarbage();
  if (heap)
    app.log.info(
      { heapUsedBefore: heap.heapUsedBefore, heapUsedAfter: heap.heapUsedAfter },
      'start-up garbage collected',
    );
  console.log(`青山 Qingshan is running at http://localhost:${config.port} (API docs: /api/docs)`);
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

main().catch((e) => {
  // a refusal a person can act on is said in its own words, without a stack
  console.error(e instanceof WebNotBuiltError ? e.message : e);
  process.exit(1);
});
