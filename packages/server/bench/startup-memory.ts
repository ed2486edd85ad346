// npm run bench:startup-memory [-- --engine=pglite|postgres] [--web] [--snapshots=<folder>] [--data-dir=<folder>]
// Where the platform process's memory goes at start: the steps of main.ts one after another (module
// imports, opening the database, migrations, default rules, shipped data, the demo seed, the app
// with its routes and OpenAPI document, listening with the modules' services — the gateway and the
// demo simulators), each followed by a full GC and a reading of RSS, the main thread's V8 heap and
// its external memory. The first row is the process before any import, the baseline of the rest.
// --snapshots writes a V8 heap snapshot after each step (open them in Chrome's memory tools).
// --data-dir=<folder> keeps PGlite's data in that folder and leaves it there: run it twice to
// measure a restart, which skips initdb and the seed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import pg from 'pg';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const engine = process.argv.find((a) => a.startsWith('--engine='))?.split('=')[1] ?? 'pglite';
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine must be pglite or postgres');
const snapshotDir = process.argv.find((a) => a.startsWith('--snapshots='))?.split('=')[1];

const rows: string[][] = [];
const mb = (b: number) => (b / 2 ** 20).toFixed(1);
let last = 0;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function sample(step: string) {
  gc!();
  await pause(50);
  gc!();
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  rows.push([
    step,
    mb(m.rss),
    `${m.rss - last >= 0 ? '+' : ''}${mb(m.rss - last)}`,
    mb(m.heapUsed),
    mb(h.total_heap_size),
    mb(m.external),
    mb(m.arrayBuffers),
  ]);
  last = m.rss;
  if (snapshotDir)
    v8.writeHeapSnapshot(path.join(snapshotDir, `${rows.length}-${step.replace(/\W+/g, '_')}.heapsnapshot`));
}

await sample('process, nothing imported');
const keptDataDir = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
const dataDir = keptDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `qs-startmem-${engine}-`));
let dbName: string | undefined;
const admin = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
process.env.QINGSHAN_DATA_DIR = dataDir;
process.env.QINGSHAN_DEMO = '1';
process.env.LOG_LEVEL = 'warn';
process.env.HOST = '127.0.0.1';
process.env.PORT = '0';
process.env.HJ212_PORT = '0';
delete process.env.DATABASE_URL;
if (engine === 'postgres') {
  dbName = `qs_startmem_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${dbName}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${dbName}`;
  process.env.DATABASE_URL = u.toString();
}
try {
  const { buildApp } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { openConfiguredDatabase } = await import('../src/db/open.ts');
  const { MODULES } = await import('../src/modules/index.ts');
  const { seedDefaultRules } = await import('../src/modules/rules/service.ts');
  const { installModules } = await import('../src/platform/registry.ts');
  const { loadShippedData } = await import('../src/platform/shipped.ts');
  const { seedIfEmpty } = await import('../src/seed/seed.ts');
  await sample('modules imported');
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  await sample('database open');
  installModules(MODULES);
  await database.migrate();
  await sample('migrated');
  await seedDefaultRules(database.db);
  await loadShippedData(database.db);
  await sample('default rules, shipped data');
  await seedIfEmpty(database, config, () => {});
  await sample('demo seeded');
  const app = await buildApp({ config, database, serveWeb: process.argv.includes('--web') });
  await app.ready();
  await sample('app built (routes, OpenAPI)');
  await app.listen({ port: 0, host: '127.0.0.1' });
  await pause(5_000);
  await sample('listening 5 s (services up)');
  await pause(15_000);
  await sample('listening 20 s');
  await app.close();
  await database.close();
} finally {
  if (!keptDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  }
}
console.log(
  `startup memory, ${engine}; Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('| step | RSS MB | Δ RSS | heap used | heap committed | external | array buffers |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(0);
