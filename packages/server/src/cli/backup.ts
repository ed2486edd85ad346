// npm run db:backup [-- --out FILE] — a logical dump of the configured database (PGlite data folder,
// or PostgreSQL when DATABASE_URL is set) that db:restore loads into either engine.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';
import { writeDump } from '../modules/backup/dump.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `qingshan-${stamp}.jsonl.gz`));
const database = await openConfiguredDatabase(config).catch((e: Error) => {
  console.error(e.message);
  process.exit(2);
});
try {
  await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(out), { recursive: true }));
  const r = await writeDump(database, out, (table, rows) => console.log(`  ${table.padEnd(32)} ${rows} rows`));
  console.log(`备份完成 backup written: ${out} (${r.tables} tables, ${r.rows} rows)`);
} finally {
  await database.close();
}
