// npm run db:restore -- FILE — loads a dump into the configured database: a fresh PGlite data folder
// (QINGSHAN_DATA_DIR) or, with DATABASE_URL, a PostgreSQL database. The target is migrated first and
// must be empty; the load is one transaction.
import { parseArgs } from 'node:util';
import { loadConfig, loadDotEnv } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';
import { restoreDump } from '../modules/backup/dump.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const file = positionals[0];
if (!file) {
  console.error('用法 usage: npm run db:restore -- <dump file>');
  process.exit(2);
}
loadDotEnv();
const config = loadConfig();
const database = await openConfiguredDatabase(config).catch((e: Error) => {
  console.error(e.message);
  process.exit(2);
});
try {
  await database.migrate();
  const r = await restoreDump(database, file, (table, rows) => console.log(`  ${table.padEnd(32)} ${rows} rows`));
  console.log(`恢复完成 restored ${r.rows} rows into ${r.tables} tables (${database.engine})`);
} catch (e) {
  console.error(`恢复失败，目标库未改动 restore failed, nothing written: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
