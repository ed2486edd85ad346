// npm run bench:ingest-profile [-- --engine=pglite|postgres] [--frames=5000]
// Where the ingest path spends its time (issue 11, "profile before guessing"), in one process with
// no sockets: the load generator's cost (encoding a frame), decoding it, folding it into the alarm
// rules, and storing it — alone, in group-commit batches of several sizes, and beside a bulk insert
// of the same readings alone into a table of the same shape, all measured in the same run on a fresh
// database. CPU time of this process is printed beside wall time: the PGlite worker's CPU counts
// in it, PostgreSQL's does not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMPTY_RULE_STATE, evaluateFrame, type FactorLimits } from '@qingshan/core/monitoring-rules';
import { type CpInput, decodeFrame, encodeFrame, formatDataTime } from '@qingshan/hj212';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { MODULES } from '../src/modules/index.ts';
import { seedStations } from '../src/modules/monitoring/bus-procs.ts';
import { GATEWAY_DECODE, type IngestItem, ingestBatch } from '../src/modules/monitoring/ingest.ts';
import { ensurePartition } from '../src/modules/monitoring/readings.ts';
import { installModules } from '../src/platform/registry.ts';
import { benchDatabase, enginesFromArgs, fmt, machine, table } from './harness.ts';

const arg = (name: string, dflt: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const FRAMES = arg('frames', 5_000);
const STATIONS = 50;
const PASSWORD = '123456';
const FACTORS = ['a21026', 'a21002', 'a34013', 'a21005', 'a19001', 'a01011', 'a01012', 'a01013', 'a01014', 'a00000'];

function cp10(at: number, seed: number): CpInput {
  const cp: Record<string, string | Record<string, string>> = { DataTime: formatDataTime(at) };
  FACTORS.forEach((code, i) => {
    cp[code] = { Rtd: (10 + ((seed * 7 + i * 13) % 50) + (at % 1000) / 1000).toFixed(2), Flag: 'N' };
  });
  return cp;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU time of fn, in µs per frame. */
async function perFrame(n: number, fn: () => Promise<void> | void): Promise<{ wall: number; cpu: number }> {
  const c = cpuMs();
  const t = performance.now();
  await fn();
  return { wall: ((performance.now() - t) * 1000) / n, cpu: ((cpuMs() - c) * 1000) / n };
}

async function openFresh(engine: 'pglite' | 'postgres'): Promise<{ db: Database; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-profile-'));
    const db = await openPglite({ dataDir: path.join(dir, 'pglite') });
    return {
      db,
      drop: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await benchDatabase('qs_profile');
  const db = await openPostgres(database.url);
  return {
    db,
    drop: async () => {
      await db.close();
      await database.drop();
    },
  };
}

async function profile(engine: 'pglite' | 'postgres'): Promise<string[][]> {
  const { db, drop } = await openFresh(engine);
  try {
    installModules(MODULES);
    await db.migrate();
    const mns = Array.from({ length: STATIONS }, (_, i) => `PROF${String(i).padStart(20, '0')}`);
    await seedStations(db, mns, PASSWORD);
    const stations = await db.query<{ id: string; mn: string }>(
      'select id::text, mn from monitoring_stations where mn = any($1)',
      [mns],
    );
    // every rule on: each station has limits on three factors and ranges on all
    for (const s of stations)
      for (const [k, code] of FACTORS.entries())
        await db.query(
          'insert into monitoring_factors (station_id, code, upper_limit, range_max) values ($1, $2, $3, 500)',
          [s.id, code, k < 3 ? 200 : null],
        );
    const t0 = Date.parse('2026-11-01T00:00:00+08:00');
    let seq = 0;
    // frames as loggers send them: station by station in turn, each 30 s after its previous one
    const make = (n: number) =>
      Array.from({ length: n }, () => {
        const k = seq++;
        const at = t0 + Math.floor(k / STATIONS) * 30_000;
        return encodeFrame({
          header: {
            QN: `2026${String(k).padStart(13, '0')}`,
            ST: '22',
            CN: '2011',
            PW: PASSWORD,
            MN: mns[k % STATIONS]!,
            Flag: 5,
          },
          cp: cp10(at, k),
        });
      });

    let bytes: Uint8Array[] = [];
    const encode = await perFrame(FRAMES, () => {
      bytes = make(FRAMES);
    });
    const dec = new TextDecoder();
    let items: IngestItem[] = [];
    const decode = await perFrame(FRAMES, () => {
      items = bytes.map((b) => ({
        frame: decodeFrame(b, GATEWAY_DECODE),
        raw: dec.decode(b),
        remote: null,
        now: new Date(),
      }));
    });
    const limits: FactorLimits[] = FACTORS.map((code, k) => ({
      code,
      name: code,
      upperLimit: k < 3 ? 200 : null,
      lowerLimit: null,
      unit: null,
      standard: null,
      rangeMax: 500,
    }));
    const states = new Map<string, typeof EMPTY_RULE_STATE>();
    const rules = await perFrame(FRAMES, () => {
      for (const it of items) {
        const mn = it.frame.header.MN!;
        const values = FACTORS.map((f) => ({
          factor: f,
          value: Number((it.frame.cp[f] as { Rtd: string }).Rtd),
          flag: 'N',
        }));
        const at = Date.parse('2026-11-01T00:00:00+08:00');
        states.set(mn, evaluateFrame(states.get(mn) ?? EMPTY_RULE_STATE, limits, '2011', at, values).state);
      }
    });

    const rows: string[][] = [
      [
        'encode (load generator)',
        `${fmt(encode.wall, 1)} µs`,
        `${fmt(encode.cpu, 1)} µs`,
        `${fmt(1e6 / encode.wall)}/s`,
      ],
      ['decode (gateway)', `${fmt(decode.wall, 1)} µs`, `${fmt(decode.cpu, 1)} µs`, `${fmt(1e6 / decode.wall)}/s`],
      ['alarm rules, in memory', `${fmt(rules.wall, 1)} µs`, `${fmt(rules.cpu, 1)} µs`, `${fmt(1e6 / rules.wall)}/s`],
    ];
    // warm the partition and the caches with one batch, then each batch size over fresh frames
    await ingestBatch(db.db, decodeAll(make(STATIONS)));
    for (const size of [1, 16, 64, 256]) {
      const n = size === 1 ? Math.min(FRAMES, 500) : FRAMES;
      const batch = decodeAll(make(n));
      const r = await perFrame(n, async () => {
        for (let i = 0; i < batch.length; i += size) {
          const out = await ingestBatch(db.db, batch.slice(i, i + size));
          if (out.some((o) => o.kind !== 'stored'))
            throw new Error(`not stored: ${JSON.stringify(out.find((o) => o.kind !== 'stored'))}`);
        }
      });
      rows.push([`store, batches of ${size}`, `${fmt(r.wall, 1)} µs`, `${fmt(r.cpu, 1)} µs`, `${fmt(1e6 / r.wall)}/s`]);
    }
    // the floor for this layout: the same readings alone, one unnest insert per 256 frames into a
    // table of monitoring_readings' shape (no frames, no station, no rules)
    await db.query(`create table bench_bulk (station_id uuid not null, factor text not null, data_time timestamptz not null,
      cn text not null, value double precision, flag text, received_at timestamptz not null default now(),
      primary key (station_id, factor, data_time, cn))`);
    // the same statement into the real readings table (month partitions, primary key, the foreign
    // key to the station), with data times of a month no other step used
    const bulkInto = (tbl: string, shift: number) =>
      perFrame(FRAMES, async () => {
        for (let i = 0; i < FRAMES; i += 256) {
          const ks = Array.from({ length: Math.min(256, FRAMES - i) }, (_, j) => i + j);
          const cells = ks.flatMap((k) =>
            FACTORS.map(
              (f, c) => [stations[k % STATIONS]!.id, f, new Date(shift + k * 1000).toISOString(), 10 + c] as const,
            ),
          );
          await db.query(
            `insert into ${tbl} (station_id, factor, data_time, cn, value, flag)
             select s, f, t, '2011', v, 'N' from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::float8[]) as x(s, f, t, v)`,
            [cells.map((c) => c[0]), cells.map((c) => c[1]), cells.map((c) => c[2]), cells.map((c) => c[3])],
          );
        }
      });
    const bulk = await bulkInto('bench_bulk', t0);
    rows.push([
      'readings alone, bulk insert, plain table',
      `${fmt(bulk.wall, 1)} µs`,
      `${fmt(bulk.cpu, 1)} µs`,
      `${fmt(1e6 / bulk.wall)}/s`,
    ]);
    const later = Date.parse('2026-08-01T00:00:00+08:00');
    await ensurePartition(db.db, 'monitoring_readings', new Date(later));
    const real = await bulkInto('monitoring_readings', later);
    rows.push([
      'readings alone, bulk insert, monitoring_readings',
      `${fmt(real.wall, 1)} µs`,
      `${fmt(real.cpu, 1)} µs`,
      `${fmt(1e6 / real.wall)}/s`,
    ]);
    return rows;
  } finally {
    await drop();
  }
}

function decodeAll(bytes: Uint8Array[]): IngestItem[] {
  const dec = new TextDecoder();
  return bytes.map((b) => ({
    frame: decodeFrame(b, GATEWAY_DECODE),
    raw: dec.decode(b),
    remote: null,
    now: new Date(),
  }));
}

console.log(`bench:ingest-profile on ${machine()}`);
console.log(`${FRAMES} real-time frames × ${FACTORS.length} values over ${STATIONS} stations; µs per frame\n`);
for (const engine of enginesFromArgs()) {
  const rows = await profile(engine);
  console.log(`${engine}:\n${table([['step', 'wall / frame', 'CPU of this process / frame', 'rate'], ...rows])}\n`);
}
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
process.exit(0);
