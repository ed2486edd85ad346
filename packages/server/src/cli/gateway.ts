// npm run gateway — the HJ 212 TCP gateway alone, without the web server: for a machine that only
// receives device traffic, or a second gateway beside the platform. Port: HJ212_PORT (default 9212
// here, since running it means wanting it); host: HJ212_HOST (default 0.0.0.0).
// Without INGEST_BUS it writes to the configured database, so beside a running server it needs
// PostgreSQL (DATABASE_URL): the embedded PGlite database belongs to one process. With
// INGEST_BUS=nats://… it opens no database at all: it publishes to JetStream, acks the device once
// JetStream stored the frame, and asks the writers for station details (README: 横向扩展).
// With INGEST_JOURNAL=<dir> set (and no bus) it acks once a frame is fsync'ed in that local journal
// and stores it after (journal.ts), as the platform does by default; unset, it acks after the commit.
import { type ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import type { Database } from '../db/client.ts';
import { type Bus, busSink, connectBus } from '../modules/monitoring/bus.ts';
import { startGateway } from '../modules/monitoring/gateway.ts';
import { batchingFor, writerBatchingFor } from '../modules/monitoring/group-commit.ts';
import { type Journal, openJournal } from '../modules/monitoring/journal.ts';
import { claimJournalDir } from '../modules/monitoring/journal-identity.ts';

loadDotEnv();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({ QINGSHAN_DEMO: '0', HJ212_PORT: '9212', ...process.env });
} catch (e) {
  console.error((e as ConfigError).message);
  process.exit(2);
}
if (config.hj212Port === null) {
  console.error('HJ212_PORT=0 turns the gateway off; nothing to run');
  process.exit(2);
}
const fail = (e: Error): never => {
  console.error(e.message);
  process.exit(2);
};
let bus: Bus | null = null;
let database: Database | null = null;
if (config.ingestBus) {
  bus = await connectBus(config.ingestBus, 'qingshan-gateway').catch(fail);
} else {
  // loaded only here: a bus gateway starts in a fraction of the time without the modules
  const [{ openConfiguredDatabase }, { MODULES }, { installModules }] = await Promise.all([
    import('../db/open.ts'),
    import('../modules/index.ts'),
    import('../platform/registry.ts'),
  ]);
  database = await openConfiguredDatabase(config).catch(fail);
  installModules(MODULES);
  await database.migrate();
}
const log = (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) =>
  console[level === 'warn' ? 'warn' : 'log'](message, fields ? JSON.stringify(fields) : '');
const batch = batchingFor(database?.engine ?? 'pglite');
// beside a running server the default journal directory is that server's: only an explicit one here
let journal: Journal | null = null;
if (database && process.env.INGEST_JOURNAL && config.ingestJournal) {
  // a journal written for another database is moved aside, not replayed (journal-identity.ts)
  await claimJournalDir({ dir: config.ingestJournal, db: database.db, log }).catch(fail);
  journal = await openJournal({
    dir: config.ingestJournal,
    db: database.db,
    batch: writerBatchingFor(database.engine),
    log,
  }).catch(fail);
}
const gateway = await startGateway({
  ...(bus ? { sink: busSink(bus) } : journal ? { sink: journal.sink } : { db: database?.db, batch }),
  port: config.hj212Port,
  maxConnections: config.hj212MaxConnections,
  host: process.env.HJ212_HOST ?? '0.0.0.0',
  log,
});
console.log(
  `HJ 212 gateway listening on port ${gateway.port}${bus ? ` (publishing to ${bus.config.stream} on ${bus.config.url})` : ''}${journal ? ` (journal ${config.ingestJournal})` : ''}`,
);
const stop = async () => {
  // a bus that no longer answers (stream deleted, server gone) must not keep the process alive
  setTimeout(() => process.exit(1), 15_000).unref();
  await gateway.close();
  await journal?.close();
  await bus?.close();
  await database?.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
