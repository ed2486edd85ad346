// npm run bench:storm-memory [-- --engine=pglite|postgres] [--storm=3000] [--storm-window=10] [--gc] [--pending=20000,5000]
// Where the back-fill storm's memory goes (issue 11): the gateway of bench:ingest's server, in this
// process on a fresh database of its own, without the web server or the demo data, and the storm's
// --storm loggers in a child process (storm-sender.ts), each re-sending an hour of minute data with
// at most --storm-window frames unacked. Every 250 ms this process's RSS, V8 heap (used, committed),
// memory outside the heap (external, array buffers) and the gateway's decoded frames waiting are
// sampled (every 2 s with --gc); the peaks are printed beside the start. With --gc (node --expose-gc) a full collection
// runs before each sample: the heap then is what is live, and the difference to a run without it is
// garbage V8 had not collected yet.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { MODULES } from '../src/modules/index.ts';
import { seedStations } from '../src/modules/monitoring/bus-procs.ts';
import { startGateway } from '../src/modules/monitoring/gateway.ts';
import { batchingFor } from '../src/modules/monitoring/group-commit.ts';
import { installModules } from '../src/platform/registry.ts';
import { benchDatabase, enginesFromArgs, fmt, machine } from './harness.ts';
import { FACTORS, PASSWORD } from './ingest-load.ts';

const arg = (name: string, dflt: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const STORM = arg('storm', 3_000);
const WINDOW = arg('storm-window', 10);
const FORCE_GC = process.argv.includes('--gc');
/** --pending=20000,5000: the gateway's maxPendingFrames, one storm each, in this run */
const PENDING = (process.argv.find((a) => a.startsWith('--pending='))?.slice('--pending='.length) ?? '20000')
  .split(',')
  .map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (FORCE_GC && !gc) throw new Error('--gc needs node --expose-gc');
const SENDER = fileURLToPath(new URL('./storm-sender.ts', import.meta.url));
const MB = 2 ** 20;

async function openFresh(engine: 'pglite' | 'postgres'): Promise<{ db: Database; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-storm-'));
    const db = await openPglite({ dataDir: path.join(dir, 'pglite') });
    return { db, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await benchDatabase('qs_storm');
  return {
    db: await openPostgres(database.url),
    drop: database.drop,
  };
}

type Sample = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
const sample = (): Sample => {
  if (FORCE_GC) gc!();
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
  };
};

for (const engine of enginesFromArgs())
  for (const maxPendingFrames of PENDING) {
    const { db, drop } = await openFresh(engine);
    try {
      installModules(MODULES);
      await db.migrate();
      const mns = Array.from({ length: STORM }, (_, i) => `STORMM${String(i).padStart(18, '0')}`); // as storm-sender.ts names them
      await seedStations(db, mns, PASSWORD);
      // the factors bench:ingest's storm stations have: ten, a limit on three
      await db.query(
        `insert into monitoring_factors (station_id, code, upper_limit)
       select s.id, f.code, case when f.k <= 3 then 200 end from monitoring_stations s
       cross join unnest($1::text[]) with ordinality as f(code, k) where s.mn = any($2)`,
        [FACTORS, mns],
      );
      const gateway = await startGateway({
        db: db.db,
        batch: batchingFor(engine),
        port: 0,
        host: '127.0.0.1',
        maxConnections: STORM + 100,
        maxPendingFrames,
      });
      const start = sample();
      const peak = { ...start };
      let pendingPeak = 0;
      let heldPeak = 0;
      const take = () => {
        const s = sample();
        for (const k of Object.keys(s) as (keyof Sample)[]) peak[k] = Math.max(peak[k], s[k]);
        pendingPeak = Math.max(pendingPeak, gateway.stats.pendingFrames);
        heldPeak = Math.max(heldPeak, gateway.stats.heldBack);
      };
      // a full collection of a heap this size takes a while: with --gc, every 2 s
      const timer = setInterval(take, FORCE_GC ? 2_000 : 250);
      const from = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          SENDER,
          JSON.stringify({ port: gateway.port, prefix: 'STORMM', n: STORM, from, window: WINDOW }),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
      });
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      clearInterval(timer);
      take();
      if (code !== 0) throw new Error(`storm sender exited ${code}: ${out}`);
      const res = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; redials: number };
      await gateway.close();
      const row = (k: keyof Sample) => `${fmt(start[k] / MB)} → ${fmt(peak[k] / MB)} MB`;
      console.log(
        `${engine}, maxPendingFrames ${maxPendingFrames}: storm ${STORM} × 60 frames (window ${WINDOW}) acked in ${fmt(res.ms / 1000, 1)} s, ${res.redials} redials${FORCE_GC ? ', full GC before each sample' : ''}; ${machine()}
  rss ${row('rss')}; heap used ${row('heapUsed')}, committed ${row('heapTotal')}; external ${row('external')}, array buffers ${row('arrayBuffers')}
  decoded frames waiting at most ${fmt(pendingPeak)}, connections held back at most ${fmt(heldPeak)}; ${gateway.stats.stored} stored in ${gateway.batches?.batches} transactions`,
      );
    } finally {
      await db.close();
      await drop();
    }
  }
process.exit(0);
