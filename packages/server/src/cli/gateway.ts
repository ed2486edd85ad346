// npm run gateway — the HJ 212 TCP gateway alone, without the web server: for a machine that only
// receives device traffic, or a second gateway beside the platform. It writes to the configured
// database, so beside a running server it needs PostgreSQL (DATABASE_URL): the embedded PGlite
// database belongs to one process. Port: HJ212_PORT (default 9212 here, since running it means
// wanting it); host: HJ212_HOST (default 0.0.0.0).
import { type ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';
import { MODULES } from '../modules/index.ts';
import { startGateway } from '../modules/monitoring/gateway.ts';
import { installModules } from '../platform/registry.ts';

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
const database = await openConfiguredDatabase(config).catch((e: Error) => {
  console.error(e.message);
  process.exit(2);
});
installModules(MODULES);
await database.migrate();
const gateway = await startGateway({
  db: database.db,
  port: config.hj212Port,
  host: process.env.HJ212_HOST ?? '0.0.0.0',
  log: (level, message, fields) =>
    console[level === 'warn' ? 'warn' : 'log'](message, fields ? JSON.stringify(fields) : ''),
});
console.log(`HJ 212 gateway listening on port ${gateway.port}`);
const stop = async () => {
  await gateway.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
