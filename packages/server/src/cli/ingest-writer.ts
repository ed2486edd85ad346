// npm run ingest-writer — stores the frames gateways published to the JetStream stream
// (INGEST_BUS=nats://…, required) in the configured database, acking each after its commit. Any
// number may run against PostgreSQL (they share one durable consumer); on PGlite exactly one, the
// process that owns the data folder. Also answers the gateways' station look-ups.
import { type ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';
import { MODULES } from '../modules/index.ts';
import { connectBus, startIngestWriter } from '../modules/monitoring/bus.ts';
import { batchingFor } from '../modules/monitoring/group-commit.ts';
import { installModules } from '../platform/registry.ts';

loadDotEnv();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({ QINGSHAN_DEMO: '0', ...process.env });
} catch (e) {
  console.error((e as ConfigError).message);
  process.exit(2);
}
const busConfig = config.ingestBus;
if (!busConfig) {
  console.error('INGEST_BUS=nats://host:4222 is required: the writer consumes what gateways published there');
  process.exit(2);
}
const fail = (e: Error): never => {
  console.error(e.message);
  process.exit(2);
};
const database = await openConfiguredDatabase(config).catch(fail);
installModules(MODULES);
await database.migrate();
const bus = await connectBus(busConfig, 'qingshan-writer').catch(fail);
const writer = await startIngestWriter({
  db: database.db,
  bus,
  batch: batchingFor(database.engine),
  log: (level, message, fields) =>
    console[level === 'warn' ? 'warn' : 'log'](message, fields ? JSON.stringify(fields) : ''),
});
console.log(`ingest writer consuming ${busConfig.stream} (${busConfig.durable}) on ${busConfig.url}`);
const stop = async () => {
  // a bus that no longer answers (stream deleted, server gone) must not keep the process alive
  setTimeout(() => process.exit(1), 15_000).unref();
  await writer.stop();
  await bus.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
