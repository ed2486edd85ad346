// npm run bench:ingest [-- --engine=pglite|postgres] [--idle=10000] [--rate=2000] [--seconds=6]
//   [--frames=20000] [--storm=1000] [--storm-window=10] [--kills=10] [--phases=p2,ab,p3,storm,idle,p8,p8j]
// The HJ 212 ingest figures of issue 11, each beside a baseline measured in the same run, on both
// engines (the P4 ratio compares them). Per engine:
//   1. the server as bench:api runs it (demo data, gateway in-process with the ingest journal, the
//      default; a second gateway in the same process that acks only after the commit, as
//      INGEST_JOURNAL=off does), stations registered over the API; API p99 of /api/health and a
//      station's readings idle (baseline), then
//   P2  frame-to-ack latency at --rate frames/s for --seconds over 50 loggers, beside the latency at a
//       trickle (20 frames/s), on the journal gateway and on the commit-ack gateway alike: once
//       alone, once with the API probes running (the API p99 during that ingest is P4's); the
//       journal is drained before each run; the sender is a process of its own (p2-sender.ts), so
//       the probes' work in this process never counts in an ack's latency;
//   ab  (PostgreSQL) P2 under the batching policy before and now, alternated, two gateways in this
//       process on the server's database (ack after commit);
//   P3  --frames real-time frames of 10 values blasted over 50 connections until all are acked AND
//       committed in the database (the journal drained, read from /api/health): the time is the
//       commit's, never the journal's ack; three blasts, the median rate; beside raw COPYs (median
//       of three) of one blast's rows into tables of the same shape and indexes: the readings alone,
//       and the readings with the archived frames (PostgreSQL: COPY FROM STDIN on an open
//       connection; PGlite: COPY FROM /dev/blob into an in-memory PGlite);
//   storm  --storm stations (seeded in SQL at server start) connect at once and each re-sends an hour
//       of minute data (60 frames, at most --storm-window unacked): drain time until every frame is
//       committed (journal drained, as P3), beside the time P3's throughput predicts, the server's
//       RSS, V8 heap and open files at their peak;
//   P2  --idle idle device connections, first, on the fresh server: its RSS at start (broken down)
//       and with them held;
//   2. P8 over NATS JetStream (NATS_URL): a writer and two gateways as processes, --kills SIGKILLs of
//      the writer and a gateway mid-run; acknowledged frames missing afterwards (must be 0);
//   P8j the ingest journal: a gateway process with its writer in-process (npm run gateway with
//      INGEST_JOURNAL) SIGKILLed --kills times mid-run and restarted on the same journal and
//      database; acknowledged frames missing afterwards (must be 0) and stored twice (must be 0).
// Loopback only. Prints progress as it goes and a table at the end. BENCH_CPU_PROF=<dir> has the
// server write V8 CPU profiles (one per thread) there when it stops.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { encodeFrame } from '@qingshan/hj212';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { MODULES } from '../src/modules/index.ts';
import { deleteStream } from '../src/modules/monitoring/bus.ts';
import {
  type BusEnv,
  drained,
  freePort,
  type Proc,
  realtimeFrame,
  SimLogger,
  seedStations,
  spawnCli,
  startGatewayProc,
  startWriterProc,
} from '../src/modules/monitoring/bus-procs.ts';
import { startGateway } from '../src/modules/monitoring/gateway.ts';
import { batchingFor } from '../src/modules/monitoring/group-commit.ts';
import { openJournal } from '../src/modules/monitoring/journal.ts';
import { installModules } from '../src/platform/registry.ts';
import {
  type BenchServer,
  benchDatabase,
  enginesFromArgs,
  eventLoopP99,
  fmt,
  heapOf,
  type Load,
  load,
  machine,
  POSTGRES_ADMIN_URL,
  signIn,
  startServer,
  table,
} from './harness.ts';
import { connectLoggers, cp10, FACTORS, nextQn, PASSWORD, pause, type RateResult, stormLogger } from './ingest-load.ts';

const arg = (name: string, dflt: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
  return n;
};
const IDLE = arg('idle', 10_000);
const RATE = arg('rate', 2_000);
const SECONDS = arg('seconds', 6);
const FRAMES = arg('frames', 20_000);
const STORM = arg('storm', 1_000);
const KILLS = arg('kills', 10);
/** storm loggers send at most this many frames before waiting for acks */
const STORM_WINDOW = Math.max(1, arg('storm-window', 10));
/** which phases run: --phases=p2,ab,p3,storm,idle,p8,p8j (all by default); a quick look at one figure skips the rest */
const PHASES = new Set(
  (
    process.argv.find((a) => a.startsWith('--phases='))?.slice('--phases='.length) ?? 'p2,ab,p3,storm,idle,p8,p8j'
  ).split(','),
);
const LOGGERS = 50;
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const started = Date.now();
const progress = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
/** milliseconds, or "> 30 s" for a percentile that fell among frames never acked in the wait */
const ms = (v: number) => (Number.isFinite(v) ? `${fmt(v, 1)} ms` : '> 30 s');
const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

type Station = { id: string; mn: string };

async function registerStations(s: BenchServer, n: number, tag: string): Promise<Station[]> {
  const monitor = s.accounts.find((a) => a.username === 'monitor');
  if (!monitor) throw new Error('no monitor demo account');
  const headers = { ...(await signIn(s.baseUrl, monitor)), 'content-type': 'application/json' };
  const list = await (await fetch(`${s.baseUrl}/api/enterprises?page=1&pageSize=1`, { headers })).json();
  const enterpriseId = (list as { items: { id: string }[] }).items[0]?.id;
  if (!enterpriseId) throw new Error('no enterprise to hang the stations on');
  const one = async (i: number): Promise<Station> => {
    const mn = `BENCH${tag}${String(i).padStart(24 - 5 - tag.length, '0')}`;
    const res = await fetch(`${s.baseUrl}/api/monitoring/stations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        enterpriseId,
        name: `压测排口${i}`,
        mn,
        password: PASSWORD,
        edition: '2017',
        factors: FACTORS.map((code, k) => (k < 3 ? { code, upperLimit: 200 } : { code })),
      }),
    });
    if (res.status !== 201) throw new Error(`station registration: ${res.status} ${await res.text()}`);
    return { id: ((await res.json()) as { id: string }).id, mn };
  };
  // a few at a time: thousands one after another would take longer than the figures they serve
  const out: Station[] = [];
  for (let i = 0; i < n; i += 8)
    out.push(...(await Promise.all(Array.from({ length: Math.min(8, n - i) }, (_, k) => one(i + k)))));
  return out;
}

// The raw COPY baseline's tables: monitoring_readings' shape and monitoring_frames' (tables.ts), with
// the indexes each carries, so the baseline pays for the same index entries the pipeline does.
const BASELINE_DDL = {
  readings: [
    `create table bench_copy (station_id uuid not null, factor text not null, data_time timestamptz not null,
      cn text not null, value double precision, min double precision, max double precision, cou double precision,
      flag text, received_at timestamptz not null default now(), primary key (station_id, factor, data_time, cn))`,
  ],
  frames: [
    `create table bench_copy_frames (id bigserial primary key, station_id uuid, mn text not null, qn text, cn text,
      data_time timestamptz, raw text not null, crc_valid boolean not null, issues jsonb not null default '[]',
      remote_address text, received_at timestamptz not null default now())`,
    `create unique index on bench_copy_frames (mn, qn, coalesce(cn, ''), coalesce(data_time, 'epoch'::timestamptz)) where qn is not null`,
    'create unique index on bench_copy_frames (mn, cn, data_time) where qn is null',
    'create index on bench_copy_frames (station_id, received_at)',
    'create index on bench_copy_frames using brin (received_at)',
    'create index on bench_copy_frames (mn, received_at) where station_id is null',
  ],
};
const BASELINE_TARGET = {
  readings: 'bench_copy (station_id, factor, data_time, cn, value, min, max, cou, flag)',
  frames: 'bench_copy_frames (station_id, mn, qn, cn, data_time, raw, crc_valid, issues, remote_address, received_at)',
};

/** A CSV field, quoted: the archived frames hold commas, quotes and line ends. */
const csvField = (x: string) => `"${x.replaceAll('"', '""')}"`;

/**
 * The raw COPY baseline: the rows P3 stored, the readings and the archived frames, each by one COPY
 * into a fresh table of its shape (PostgreSQL: COPY FROM STDIN on a connection opened beforehand;
 * PGlite: COPY FROM /dev/blob into an in-memory PGlite). Answers the milliseconds of each COPY.
 * Only the COPY is timed: psql's \copy, used before, added its start and connection, 22–25 ms a
 * COPY on this machine (2026-12-05), to a baseline of 200–800 ms.
 */
async function copyBaseline(
  engine: string,
  dbUrl: string | null,
  rows: { readings: string[]; frames: string[] },
): Promise<{ readings: number; frames: number }> {
  const out = { readings: 0, frames: 0 };
  const kinds = ['readings', 'frames'] as const;
  if (engine === 'postgres' && dbUrl) {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      for (const k of kinds) {
        await c.query(`drop table if exists ${BASELINE_TARGET[k].split(' ')[0]}`);
        for (const q of BASELINE_DDL[k]) await c.query(q);
      }
      for (const k of kinds) {
        const data = Buffer.from(`${rows[k].join('\n')}\n`);
        const t = performance.now();
        const stream = c.query(copyFrom(`copy ${BASELINE_TARGET[k]} from stdin with (format csv)`));
        await new Promise<void>((resolve, reject) => {
          stream.on('error', reject);
          stream.on('finish', () => resolve());
          stream.end(data);
        });
        out[k] = performance.now() - t;
      }
    } finally {
      await c.end();
    }
    return out;
  }
  const lite = await PGlite.create();
  try {
    for (const k of kinds) for (const q of BASELINE_DDL[k]) await lite.exec(q);
    for (const k of kinds) {
      const blob = new Blob([`${rows[k].join('\n')}\n`]);
      const t = performance.now();
      await lite.query(`copy ${BASELINE_TARGET[k]} from '/dev/blob' with (format csv)`, [], { blob });
      out[k] = performance.now() - t;
    }
    return out;
  } finally {
    await lite.close();
  }
}

type EngineResult = Record<string, string>;

const SENDER = fileURLToPath(new URL('./p2-sender.ts', import.meta.url));
let senderRuns = 0;

/** P2's load in a process of its own: its event loop measures acks, nothing else's work. */
function atRateInChild(port: number, mns: string[], rate: number, seconds: number, t0: number): Promise<RateResult> {
  const args = JSON.stringify({ port, mns, rate, seconds, t0, qnBase: ++senderRuns * 1_000_000_000 });
  const child = spawn(process.execPath, ['--import', 'tsx', SENDER, args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    out += b.toString();
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`P2 sender exited ${code}:\n${out}`));
      const r = JSON.parse(line) as RateResult;
      const inf = (v: number | null) => v ?? Number.POSITIVE_INFINITY;
      resolve({ ...r, p50: inf(r.p50), p99: inf(r.p99), max: inf(r.max), perSecond: r.perSecond.map(inf) });
    }),
  );
}

async function serverPhases(engine: 'pglite' | 'postgres'): Promise<EngineResult> {
  const r: EngineResult = {};
  process.env.HJ212_MAX_CONNECTIONS = String(IDLE + STORM + 3 * LOGGERS + 100);
  // the storm's stations are seeded in SQL when the server starts (serve.ts): registering 10 k over
  // the API, a few at a time, would take longer than the storm it serves
  const stormPrefix = `STORM${engine === 'pglite' ? 'L' : 'P'}`;
  process.env.BENCH_STORM_STATIONS = PHASES.has('storm') ? String(STORM) : '0';
  process.env.BENCH_STORM_PREFIX = stormPrefix;
  progress(
    `${engine}: starting the server (demo data, gateway in-process, ${process.env.BENCH_STORM_STATIONS} storm stations seeded)`,
  );
  const commitPort = await freePort();
  process.env.BENCH_COMMIT_GATEWAY_PORT = String(commitPort);
  const s = await startServer(engine);
  try {
    let port: number | undefined;
    // the gateway starts after the server listens (Fastify does not wait for it)
    for (let i = 0; i < 200 && !port; i++) {
      const health = (await (await fetch(`${s.baseUrl}/api/health`)).json()) as {
        services: { hj212Gateway?: { port: number; journal: string | null } | null };
      };
      port = health.services.hj212Gateway?.port;
      if (port && !health.services.hj212Gateway?.journal) throw new Error('the server runs no ingest journal');
      if (!port) await pause(100);
    }
    if (!port) throw new Error('the server runs no HJ 212 gateway');
    if (PHASES.has('idle')) {
      // P2 idle connections, first, on the fresh server (demo data seeded, no frame received yet):
      // what holding them adds to the platform process. Measured after the later phases it would
      // count the heap they grew. The start is broken down: the main thread's V8 heap (committed)
      // and memory outside it (external), the rest being code, native libraries, the PGlite worker
      // thread with its WASM heap on PGlite, and the allocator's free pages.
      await pause(1_000);
      const rssStart = rssMb(s.pid);
      const heapStart = await heapOf(s.baseUrl);
      const idle = await connectLoggers(port, IDLE);
      await pause(2_000);
      const held = idle.filter((l) => l.connected).length;
      const rssHeld = rssMb(s.pid);
      const heapHeld = await heapOf(s.baseUrl);
      for (const l of idle) l.close();
      const rest = rssStart - heapStart.heapTotal - heapStart.external;
      const breakdown = `heap ${fmt(heapStart.heapTotal)} MB committed (${fmt(heapStart.heapUsed)} used), external ${fmt(heapStart.external)} MB, the rest ${fmt(rest)} MB`;
      progress(
        `${engine}: P2 ${held} idle connections held on a fresh server: RSS ${fmt(rssHeld)} MB (${fmt(rssStart)} MB at start: ${breakdown}); +${fmt(((rssHeld - rssStart) * 1024) / Math.max(1, held), 1)} kB RSS per connection, heap used ${fmt(heapStart.heapUsed)} → ${fmt(heapHeld.heapUsed)} MB`,
      );
      r['P2 idle connections'] =
        `platform process, fresh: RSS ${fmt(rssStart)} MB at start (${breakdown}) → ${fmt(rssHeld)} MB with ${held} held`;
      await pause(1_000);
    }
    // --phases=idle alone: the stations, API probes and trickles below serve only the other phases
    if (!['p2', 'ab', 'p3', 'storm'].some((p) => PHASES.has(p))) return r;
    const stations = await registerStations(s, LOGGERS, engine === 'pglite' ? 'L' : 'P');
    const mns = stations.map((x) => x.mn);
    progress(`${engine}: ${stations.length} stations registered over the API; gateway on ${port}`);
    const t0 = Date.now() - 20 * 3_600_000;
    const from = encodeURIComponent(new Date(t0 - 3_600_000).toISOString());
    const to = encodeURIComponent(new Date(Date.now()).toISOString());
    const pageUrl = `${s.baseUrl}/api/monitoring/stations/${stations[0]!.id}/readings?from=${from}&to=${to}&factor=a21026`;
    const api = async (label: string): Promise<{ health: Load; page: Load }> => {
      const h = await load(`${s.baseUrl}/api/health`, { connections: 10, seconds: Math.max(2, SECONDS / 2) });
      const p = await load(pageUrl, { connections: 10, seconds: Math.max(2, SECONDS / 2), headers: s.headers });
      progress(
        `${engine}: API ${label}: health p99 ${fmt(h.p99)} ms (${fmt(h.rps)} req/s, ${h.non2xx + h.errors} failed), station page p99 ${fmt(p.p99)} ms (${fmt(p.rps)} req/s, ${p.non2xx + p.errors} failed)`,
      );
      return { health: h, page: p };
    };

    const idleApi = await api('idle');
    type GatewayHealth = {
      batches: number | null;
      largestBatch: number | null;
      stored: number;
      journaled: number;
      mostBatchesInFlight: number | null;
      pendingFrames: number;
      journalPendingFrames: number | null;
    };
    const gateway = async () =>
      ((await (await fetch(`${s.baseUrl}/api/health`)).json()) as { services: { hj212Gateway: GatewayHealth } })
        .services.hj212Gateway;
    /** until every frame acked so far is committed: nothing waits in the gateway or in the journal */
    const committed = async (timeoutMs = 900_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const g = await gateway();
        if (g.pendingFrames === 0 && !g.journalPendingFrames) return;
        if (Date.now() > until) throw new Error(`the journal did not drain: ${JSON.stringify(g)}`);
        await pause(25);
      }
    };
    const gateways = [
      { label: 'journal', port },
      { label: 'commit-ack', port: commitPort },
    ];
    const trickles: RateResult[] = [];
    for (const [k, g] of gateways.entries()) {
      const x = await atRateInChild(g.port, mns, 20, 3, t0 + k * 10_000_000);
      await committed();
      progress(`${engine}: P2 trickle 20 frames/s, ${g.label}: ack p99 ${ms(x.p99)} (${x.acked}/${x.sent})`);
      trickles.push(x);
    }
    // the rate twice per gateway: alone (what a device feels), and with the API probes hammering the same process (P4)
    const atRateWatched = async (g: (typeof gateways)[number], label: string, withApi: boolean, from: number) => {
      await committed();
      const before = await gateway();
      await eventLoopP99(s.baseUrl); // resets the histogram
      // the main thread (its task id is the pid) runs the event loop that reads frames and writes
      // acks; the whole process adds the PGlite worker and libuv's thread pool (fsync)
      const cpu0 = { main: cpuMsOf(s.pid, s.pid), all: cpuMsOf(s.pid) };
      const t0w = performance.now();
      const apiP = withApi ? api(`during ${RATE} frames/s (${g.label})`) : null;
      const res = await atRateInChild(g.port, mns, RATE, SECONDS, from);
      const apiRes = await apiP;
      const loop = await eventLoopP99(s.baseUrl);
      const tc = performance.now();
      await committed();
      const drainMs = performance.now() - tc;
      const wallMs = performance.now() - t0w;
      const mainMs = cpuMsOf(s.pid, s.pid) - cpu0.main;
      const allMs = cpuMsOf(s.pid) - cpu0.all;
      const after = await gateway();
      progress(
        `${engine}: P2 ${RATE} frames/s ${label}, ${g.label}: ack p50 ${ms(res.p50)} p99 ${ms(res.p99)} max ${ms(res.max)} (${res.acked}/${res.sent} acked within 30 s); p99 by second sent [${res.perSecond.map((v) => fmt(v)).join(', ')}] ms; journal ${after.journaled - before.journaled} frames, committed ${fmt(drainMs)} ms after the last ack; server event-loop delay p99 ${fmt(loop, 1)} ms; server CPU per frame sent until committed: main thread ${fmt((mainMs * 1000) / Math.max(1, res.sent))} µs (${fmt((100 * mainMs) / wallMs)} % of the ${fmt(wallMs / 1000, 1)} s), whole process ${fmt((allMs * 1000) / Math.max(1, res.sent))} µs`,
      );
      return { ...res, api: apiRes, loop };
    };
    let quiet: RateResult[] | null = null;
    if (PHASES.has('p2')) {
      quiet = [];
      for (const [k, g] of gateways.entries())
        quiet.push(await atRateWatched(g, 'alone', false, t0 + (50 + k * 10) * 1_000_000));
    }
    const busy: Awaited<ReturnType<typeof atRateWatched>>[] = [];
    for (const [k, g] of gateways.entries())
      busy.push(await atRateWatched(g, 'with API probes', true, t0 + (100 + k * 10) * 1_000_000));
    const busyApi = busy[0]!.api!;
    const lat = (x: RateResult) =>
      `${ms(x.p99)} (${x.acked}/${x.sent}${x.backlogMs ? `, the rest ${fmt(x.backlogMs / 1000, 1)} s later` : ''})`;
    r['P2 ack p99 @rate'] = gateways
      .map(
        (g, k) =>
          `${g.label}: ${quiet ? `${lat(quiet[k]!)} alone, ` : ''}${lat(busy[k]!)} with API probes @ ${RATE}/s vs ${ms(trickles[k]!.p99)} @ 20/s`,
      )
      .join('; ');
    r['P4 API p99 during ingest'] =
      `health ${fmt(busyApi.health.p99)} ms (idle ${fmt(idleApi.health.p99)}), station page ${fmt(busyApi.page.p99)} ms (idle ${fmt(idleApi.page.p99)})`;

    if (PHASES.has('ab') && engine === 'postgres')
      r['P2 batching A/B'] = await batchingAB(await serverDbUrl(s), mns, t0);

    let framesPerS = Number.NaN;
    if (PHASES.has('p3')) {
      // P3: every logger sends its share at once; TCP back-pressure and the gateway's per-connection queue pace it
      const loggers = await connectLoggers(port, LOGGERS);
      const per = Math.ceil(FRAMES / LOGGERS);
      const copyRows = { readings: [] as string[], frames: [] as string[] };
      const receivedAt = new Date().toISOString();
      const dbUrl = engine === 'postgres' ? await serverDbUrl(s) : null;
      /** one blast of per × LOGGERS frames, data times of their own; the first also gives the COPY baseline's rows */
      const blast = async (rep: number) => {
        const batches = loggers.map((l, i) => {
          const st = stations[i]!;
          const qns: string[] = [];
          const frames: Uint8Array[] = [];
          for (let k = 0; k < per; k++) {
            const at = t0 + 200_000_000 + (rep * per + k) * 1000;
            const qn = nextQn();
            const cp = cp10(at, k + i, '2011');
            qns.push(qn);
            const bytes = encodeFrame({
              header: { QN: qn, ST: '22', CN: '2011', PW: PASSWORD, MN: st.mn, Flag: 5 },
              cp,
            });
            frames.push(bytes);
            if (rep > 0) continue;
            const iso = new Date(at).toISOString();
            for (const code of FACTORS) {
              const v = (cp as Record<string, Record<string, string>>)[code]!.Rtd;
              copyRows.readings.push(`${st.id},${code},${iso},2011,${v},,,,N`);
            }
            const raw = csvField(Buffer.from(bytes).toString('utf8'));
            copyRows.frames.push(`${st.id},${st.mn},${qn},2011,${iso},${raw},t,"[]",127.0.0.1,${receivedAt}`);
          }
          return { l, qns, frames };
        });
        // CPU spent per frame by the server and its database backends: on a shared machine the
        // wall-clock rate moves with the neighbours' load, this much less
        await committed();
        const cpu0 = {
          server: cpuMsOf(s.pid),
          db: await backendsCpuMs(dbUrl),
          bench: process.cpuUsage(),
          main: cpuMsOf(s.pid, s.pid),
        };
        const tp = performance.now();
        for (const b of batches) for (const [k, f] of b.frames.entries()) b.l.send(b.qns[k]!, f);
        const ok = await Promise.all(batches.map((b) => b.l.waitAcked(b.qns, 600_000)));
        const ackMs = performance.now() - tp;
        // durable means in the database: the journal's acks come first, the commit is what counts
        await committed();
        const p3ms = performance.now() - tp;
        const n = per * LOGGERS;
        const cpuServer = ((cpuMsOf(s.pid) - cpu0.server) * 1000) / n;
        const cpuDb = (cpuSince(cpu0.db, await backendsCpuMs(dbUrl)) * 1000) / n;
        const benchCpu = process.cpuUsage(cpu0.bench);
        const cpuMain = ((cpuMsOf(s.pid, s.pid) - cpu0.main) * 1000) / n;
        // the load generator (this process: 50 loggers sending, acks read) shares the 2 cores
        const cpuSender = (benchCpu.user + benchCpu.system) / 1000 / (n / 1000);
        const rate = n / (p3ms / 1000);
        if (!ok.every(Boolean)) throw new Error('P3: not every frame was acked');
        const g = await gateway();
        progress(
          `${engine}: P3 run ${rep + 1}: ${n} frames committed in ${fmt(p3ms)} ms (all acked after ${fmt(ackMs)} ms) = ${fmt(rate)} frames/s (${g.batches} transactions so far, largest ${g.largestBatch} frames, at most ${g.mostBatchesInFlight} at once); CPU per frame: server ${fmt(cpuServer)} µs (main thread ${fmt(cpuMain)})${dbUrl ? `, PostgreSQL backends ${fmt(cpuDb)} µs` : ''}, the loggers' side (this process) ${fmt(cpuSender)} µs`,
        );
        return rate;
      };
      // Three blasts, the median taken: whether a major collection of the server's heap falls inside
      // a blast moved one blast's rate by a fifth (2026-12-05 20:18, --trace-gc), more than any
      // change measured here.
      const rates: number[] = [];
      for (let rep = 0; rep < 3; rep++) rates.push(await blast(rep));
      framesPerS = [...rates].sort((a, b) => a - b)[1]!;
      for (const l of loggers) l.close();
      // committed means stored: every value of the three blasts is in the readings, read back over the API
      const from = new Date(t0 + 200_000_000 - 1_000).toISOString();
      const to = new Date(t0 + 200_000_000 + 3 * per * 1_000).toISOString();
      for (const st of [stations[0]!, stations[LOGGERS - 1]!]) {
        const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&factor=${FACTORS[0]}&cn=2011&pageSize=1`;
        const res = await fetch(`${s.baseUrl}/api/monitoring/stations/${st.id}/readings?${q}`, { headers: s.headers });
        const total = res.ok ? ((await res.json()) as { total: number }).total : `HTTP ${res.status}`;
        if (total !== 3 * per)
          throw new Error(`P3: station ${st.mn} has ${total} ${FACTORS[0]} readings of the blasts, not ${3 * per}`);
      }
      // Three COPYs of each, the median taken: back to back on this machine one COPY of the same rows
      // took 174 and 335 ms (2026-12-05 12:53), while P3 itself moved 4 %; one COPY made the ratio a draw.
      // Two baselines: the readings alone (the rows the issue counts as values), and every row P3
      // stored, the archived frames (raw text, five indexes) with them.
      const copies: { readings: number; frames: number }[] = [];
      for (let i = 0; i < 3; i++) copies.push(await copyBaseline(engine, dbUrl, copyRows));
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
      const readingsMs = median(copies.map((c) => c.readings));
      const allMs = median(copies.map((c) => c.readings + c.frames));
      const frames = per * LOGGERS;
      const vs = (ms: number) => `${fmt(framesPerS / (frames / (ms / 1000)), 2)}×`;
      progress(
        `${engine}: raw COPY of the same ${copyRows.readings.length} readings: ${copies.map((c) => fmt(c.readings)).join(', ')} ms (median ${fmt(readingsMs)} ms); of the ${copyRows.frames.length} archived frames: ${copies.map((c) => fmt(c.frames)).join(', ')} ms; both: median ${fmt(allMs)} ms`,
      );
      r['P3 frames/s durable'] =
        `${fmt(framesPerS)} (median of 3 runs: ${rates.map((x) => fmt(x)).join(' / ')}; ${fmt(framesPerS * FACTORS.length)} values/s) = ${vs(readingsMs)} raw COPY of the readings (${fmt(frames / (readingsMs / 1000))} frames/s, median of 3: ${copies.map((c) => fmt(c.readings)).join(' / ')} ms); ${vs(allMs)} raw COPY of every row stored, readings and archived frames (${fmt(frames / (allMs / 1000))} frames/s, median of 3: ${copies.map((c) => fmt(c.readings + c.frames)).join(' / ')} ms)`;
      r.framesPerS = String(framesPerS);
    }

    if (PHASES.has('storm') && STORM > 0) {
      // storm: stations reconnecting at once, each re-sending the last hour of minute data with at
      // most STORM_WINDOW frames unacked; the server's RSS and open files sampled while it drains
      const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
      const rssStart = rssMb(s.pid);
      let rssPeak = rssStart;
      let fdPeak = 0;
      // the main thread's V8 heap beside the RSS: used (live objects and garbage not yet collected)
      // and committed, at their peaks, so a peak can be told apart from memory outside the heap
      const heapStart = await heapOf(s.baseUrl);
      const heapPeak = { ...heapStart };
      let heapReading = false;
      let ticks = 0;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, rssMb(s.pid));
        fdPeak = Math.max(fdPeak, openFiles(s.pid));
        if (ticks++ % 4 !== 0 || heapReading) return;
        heapReading = true;
        heapOf(s.baseUrl)
          .then((h) => {
            heapPeak.heapUsed = Math.max(heapPeak.heapUsed, h.heapUsed);
            heapPeak.heapTotal = Math.max(heapPeak.heapTotal, h.heapTotal);
            heapPeak.external = Math.max(heapPeak.external, h.external);
          })
          .catch(() => {})
          .finally(() => {
            heapReading = false;
          });
      }, 250);
      await committed();
      const tStorm = performance.now();
      const results = await Promise.all(
        Array.from({ length: STORM }, (_, i) => stormLogger(port, stormMn(stormPrefix, i), 60, hour, i, STORM_WINDOW)),
      );
      const stormAckMs = performance.now() - tStorm;
      await committed();
      const stormMs = performance.now() - tStorm;
      clearInterval(sampler);
      const redials = results.reduce((n, x) => n + x.redials, 0);
      const predicted = ((STORM * 60) / framesPerS) * 1000;
      const g = await gateway();
      progress(
        `${engine}: storm ${STORM} stations × 60 frames committed in ${fmt(stormMs)} ms (acked after ${fmt(stormAckMs)} ms) = ${fmt((STORM * 60) / (stormMs / 1000))} frames/s (${redials} redials); server RSS ${fmt(rssStart)} → peak ${fmt(rssPeak)} MB (V8 heap used ${fmt(heapStart.heapUsed)} → peak ${fmt(heapPeak.heapUsed)} MB, committed ${fmt(heapStart.heapTotal)} → ${fmt(heapPeak.heapTotal)} MB, external ${fmt(heapStart.external)} → ${fmt(heapPeak.external)} MB), open files peak ${fmt(fdPeak)} (ulimit -n ${nofile()}); largest batch ${g.largestBatch}`,
      );
      r['back-fill storm'] =
        `${STORM} × 60 frames all committed in ${fmt(stormMs / 1000, 1)} s (P3 rate predicts ${fmt(predicted / 1000, 1)} s); RSS ${fmt(rssStart)} → ${fmt(rssPeak)} MB (heap used peak ${fmt(heapPeak.heapUsed)} MB), ${fmt(fdPeak)} open files at most, ${redials} redials`;
    }
  } finally {
    await s.stop();
  }
  return r;
}

/**
 * P2 on PostgreSQL, the batching policy before (one lane, batches up to 1,000 frames) against now
 * (batchingFor), in the same run: two gateways in this process on the server's database, the same
 * 50 stations, the sender in its own process, alternated A B A B so a change in the machine's load
 * falls on both. The server's own gateway is idle meanwhile.
 */
async function batchingAB(dbUrl: string, mns: string[], t0: number): Promise<string> {
  installModules(MODULES);
  const database = await openPostgres(dbUrl);
  const policies = [
    { label: 'before: 1 lane, ≤ 1,000 frames', batch: { maxFrames: 1_000 } },
    {
      label: `now: ${batchingFor('postgres').lanes} lanes, ≤ ${batchingFor('postgres').maxFrames} frames`,
      batch: batchingFor('postgres'),
    },
  ];
  const gateways = await Promise.all(
    policies.map((p) => startGateway({ db: database.db, port: 0, host: '127.0.0.1', batch: p.batch })),
  );
  const p99s: number[][] = policies.map(() => []);
  try {
    for (let round = 0; round < 2; round++)
      for (const [k, g] of gateways.entries()) {
        const res = await atRateInChild(g.port, mns, RATE, SECONDS, t0 + 300_000_000 + (round * 2 + k) * 20_000_000);
        p99s[k]!.push(res.p99);
        progress(
          `postgres: P2 A/B ${policies[k]!.label}: ${RATE} frames/s ack p50 ${ms(res.p50)} p99 ${ms(res.p99)} (${res.acked}/${res.sent}); p99 by second [${res.perSecond.map((v) => fmt(v)).join(', ')}] ms; ${g.batches?.batches} transactions so far, largest ${g.batches?.largest}`,
        );
      }
  } finally {
    for (const g of gateways) await g.close();
    await database.close();
  }
  return policies.map((p, k) => `${p.label}: p99 ${p99s[k]!.map(ms).join(', ')}`).join('; ');
}

/** The MN serve.ts gives the i-th storm station (BENCH_STORM_PREFIX, zero-padded to 24 characters). */
const stormMn = (prefix: string, i: number) => `${prefix}${String(i).padStart(24 - prefix.length, '0')}`;
const openFiles = (pid: number) => {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
};
const nofile = () => spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim();

/** The PostgreSQL database harness.startServer created: the newest qs_bench_ database of this process. */
/** CPU time (user + system) of a process so far, ms; /proc counts in clock ticks of 10 ms. */
function cpuMsOf(pid: number, thread?: number): number {
  const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const f = fs.readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/**
 * CPU time of each PostgreSQL backend connected to the database of dbUrl (none without one), ms by
 * pid: a difference of two samples counts, per backend, what it spent between them (a backend that
 * ended meanwhile is not counted).
 */
async function backendsCpuMs(dbUrl: string | null): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!dbUrl) return out;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
    new URL(dbUrl).pathname.slice(1),
  ]);
  await admin.end();
  for (const { pid } of rows)
    try {
      out.set(pid, cpuMsOf(pid));
    } catch {
      // a backend that ended meanwhile
    }
  return out;
}

const cpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

async function serverDbUrl(_s: BenchServer): Promise<string> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like $1 order by oid desc limit 1`,
    [`qs_bench_${process.pid}_%`],
  );
  await admin.end();
  const u = new URL(POSTGRES_ADMIN_URL);
  u.pathname = `/${rows[0]!.datname}`;
  return u.toString();
}

let idleInGateway = '';

/** P8: writer and gateways as processes over JetStream, killed mid-run; acknowledged frames missing after. */
async function p8(engine: 'pglite' | 'postgres'): Promise<string> {
  const run = randomBytes(4).toString('hex');
  const bus: BusEnv = {
    INGEST_BUS: NATS_URL,
    INGEST_STREAM: `QS_BENCH_${run}`,
    INGEST_SUBJECT: `qs-bench-${run}`,
    INGEST_ACK_WAIT_MS: '2000',
  };
  const mns = Array.from({ length: 8 }, (_, i) => `P8${run}${String(i).padStart(14, '0')}`);
  let dbEnv: NodeJS.ProcessEnv;
  let open: () => Promise<Database>;
  let drop = async () => {};
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-bench-p8-'));
    open = () => openPglite({ dataDir: path.join(dir, 'pglite') });
    dbEnv = { QINGSHAN_DATA_DIR: dir };
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const database = await benchDatabase(`qs_bench_p8_${run}`);
    dbEnv = { DATABASE_URL: database.url };
    open = () => openPostgres(database.url);
    drop = database.drop;
  }
  const procs: { writer: Proc | null; gateways: (Proc | null)[] } = { writer: null, gateways: [null, null] };
  try {
    const first = await open();
    installModules(MODULES);
    await first.migrate();
    await seedStations(first, mns, PASSWORD);
    await first.close();
    const ports = [await freePort(), await freePort()];
    procs.writer = await startWriterProc(bus, dbEnv);
    const maxConn = { HJ212_MAX_CONNECTIONS: String(IDLE + 100) };
    procs.gateways = await Promise.all(ports.map((p) => startGatewayProc(bus, p, maxConn)));
    progress(`${engine}: P8 writer and two gateways up`);
    // P2 idle connections in a gateway process of its own (bus mode: no database in the process)
    const gwPid = procs.gateways[0]!.pid;
    const gwBefore = rssMb(gwPid);
    const idle = await connectLoggers(ports[0]!, IDLE);
    await pause(2_000);
    const gwHeld = idle.filter((l) => l.connected).length;
    const gwAfter = rssMb(gwPid);
    for (const l of idle) l.close();
    idleInGateway = `${gwHeld} held: RSS ${fmt(gwAfter)} MB (${fmt(gwBefore)} MB before)`;
    progress(`${engine}: P2 ${idleInGateway} in a bus gateway process`);
    await pause(1_000);
    const loggers = mns.map((_, i) => new SimLogger(ports[i % 2]!));
    await Promise.all(loggers.map((l) => l.connect()));
    let sending = true;
    // frames flow around each kill (0.5 s before, 0.5 s after) and pause while the processes
    // restart, so the backlog stays what one writer drains quickly
    let active = true;
    let n = 0;
    const t0 = Date.now() - 48 * 3_600_000;
    const sender = (async () => {
      while (sending) {
        if (active)
          for (const [i, l] of loggers.entries()) {
            const qn = nextQn();
            const at = t0 + n++ * 1000;
            l.send(qn, realtimeFrame(mns[i]!, PASSWORD, qn, at, cp10(at, n, '2011')));
          }
        await pause(20);
      }
    })();
    for (let k = 0; k < KILLS; k++) {
      active = true;
      await pause(500);
      const g = k % 2;
      await Promise.all([procs.writer.kill(), procs.gateways[g]!.kill()]);
      await pause(500);
      active = false;
      const [w, gw] = await Promise.all([startWriterProc(bus, dbEnv), startGatewayProc(bus, ports[g]!, maxConn)]);
      procs.writer = w;
      procs.gateways[g] = gw;
      progress(`${engine}: P8 kill ${k + 1}/${KILLS}: writer and gateway ${g + 1} SIGKILLed and restarted`);
    }
    active = true;
    await pause(500);
    sending = false;
    await sender;
    await pause(500);
    for (const l of loggers) l.close();
    const acked = loggers.flatMap((l, i) => [...l.acked.keys()].map((qn) => `${mns[i]}/${qn}`));
    progress(`${engine}: P8 ${acked.length} frames acked; waiting for the writer to drain the stream`);
    const ok = await drained(NATS_URL, bus.INGEST_STREAM, 'qingshan-writer', 300_000);
    progress(`${engine}: P8 stream ${ok ? 'drained' : 'NOT drained in 300 s'}; stopping the writer`);
    await procs.writer.stop();
    procs.writer = null;
    const db = await open();
    const rows = (await db.query('select mn, qn from monitoring_frames where mn = any($1)', [mns])) as {
      mn: string;
      qn: string;
    }[];
    await db.close();
    const have = new Set(rows.map((x) => `${x.mn}/${x.qn}`));
    const missing = acked.filter((a) => !have.has(a)).length;
    progress(`${engine}: P8 ${acked.length} frames acked, ${missing} missing, ${rows.length} stored`);
    return `${KILLS} kills: ${missing} of ${fmt(acked.length)} acked frames missing${ok ? '' : ' (stream not drained!)'}`;
  } finally {
    for (const g of procs.gateways) await g?.kill();
    await procs.writer?.kill();
    await deleteStream(NATS_URL, bus.INGEST_STREAM).catch(() => {});
    await drop();
  }
}

/**
 * P8 with the ingest journal: the gateway and its writer in one process (npm run gateway with
 * INGEST_JOURNAL, the code path the platform runs by default), SIGKILLed mid-run --kills times and
 * restarted on the same journal and database; then every acknowledged frame must be stored, once.
 */
async function p8Journal(engine: 'pglite' | 'postgres'): Promise<string> {
  const run = randomBytes(4).toString('hex');
  const mns = Array.from({ length: 8 }, (_, i) => `PJ${run}${String(i).padStart(14, '0')}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-bench-p8j-'));
  const journalDir = path.join(dir, 'journal');
  let dbEnv: NodeJS.ProcessEnv;
  let open: () => Promise<Database>;
  let drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  if (engine === 'pglite') {
    open = () => openPglite({ dataDir: path.join(dir, 'pglite') });
    dbEnv = { QINGSHAN_DATA_DIR: dir };
  } else {
    const database = await benchDatabase(`qs_bench_p8j_${run}`);
    dbEnv = { DATABASE_URL: database.url, QINGSHAN_DATA_DIR: dir };
    open = () => openPostgres(database.url);
    const rmDir = drop;
    drop = async () => {
      await rmDir();
      await database.drop();
    };
  }
  let proc: Proc | null = null;
  try {
    const first = await open();
    installModules(MODULES);
    await first.migrate();
    await seedStations(first, mns, PASSWORD);
    await first.close();
    const port = await freePort();
    const start = () =>
      spawnCli(
        'gateway.ts',
        { ...dbEnv, INGEST_JOURNAL: journalDir, HJ212_PORT: String(port), HJ212_HOST: '127.0.0.1' },
        /listening on port/,
        120_000,
      );
    proc = await start();
    progress(`${engine}: P8j gateway with its journal up`);
    const loggers = mns.map(() => new SimLogger(port));
    await Promise.all(loggers.map((l) => l.connect()));
    let sending = true;
    let n = 0;
    const t0 = Date.now() - 72 * 3_600_000;
    // frames keep flowing through each kill and restart: those sent while the process is down are
    // simply not acked (the logger would retransmit them; they do not count)
    const sender = (async () => {
      while (sending) {
        for (const [i, l] of loggers.entries()) {
          const qn = nextQn();
          const at = t0 + n++ * 1000;
          l.send(qn, realtimeFrame(mns[i]!, PASSWORD, qn, at, cp10(at, n, '2011')));
        }
        await pause(5);
      }
    })();
    for (let k = 0; k < KILLS; k++) {
      await pause(1_000);
      await proc.kill();
      proc = await start();
      progress(`${engine}: P8j kill ${k + 1}/${KILLS}: gateway with its journal SIGKILLed and restarted`);
    }
    await pause(1_000);
    sending = false;
    await sender;
    await pause(500);
    for (const l of loggers) l.close();
    const acked = loggers.flatMap((l, i) => [...l.acked.keys()].map((qn) => `${mns[i]}/${qn}`));
    // a clean stop drains the journal for at most 10 s and leaves the rest for the next start; that
    // next start is made here, in this process, with no time limit (on a loaded machine PGlite may
    // still be storing thousands of frames), so a frame still journaled is never counted as missing
    await proc.stop();
    proc = null;
    const db = await open();
    const journal = await openJournal({ dir: journalDir, db: db.db });
    const leftInJournal = journal.stats.replayed;
    if (!(await journal.drained(600_000))) throw new Error('P8j: the journal did not drain in 10 minutes');
    await journal.close();
    progress(`${engine}: P8j ${leftInJournal} frames were still journaled after the clean stop; now stored`);
    const rows = (await db.query(
      'select mn, qn, count(*)::int as n from monitoring_frames where mn = any($1) group by mn, qn',
      [mns],
    )) as { mn: string; qn: string; n: number }[];
    await db.close();
    const have = new Set(rows.map((x) => `${x.mn}/${x.qn}`));
    const missing = acked.filter((a) => !have.has(a)).length;
    const twice = rows.filter((x) => x.n > 1).length;
    progress(
      `${engine}: P8j ${acked.length} frames acked, ${missing} missing, ${twice} stored twice, ${rows.length} stored`,
    );
    return `${KILLS} kills of the journal process: ${missing} of ${fmt(acked.length)} acked frames missing, ${twice} stored twice`;
  } finally {
    await proc?.kill();
    await drop();
  }
}

console.log(`bench:ingest on ${machine()}`);
console.log(
  `counts: ${LOGGERS} loggers, rate ${RATE} frames/s for ${SECONDS} s, P3 ${FRAMES} frames × ${FACTORS.length} values, storm ${STORM} stations × 60 frames, ${IDLE} idle connections, ${KILLS} kills\n`,
);
const results = new Map<string, EngineResult>();
for (const engine of enginesFromArgs()) {
  // P8 alone (--phases=p8,p8j) needs no server
  const r = ['p2', 'ab', 'p3', 'storm', 'idle'].some((p) => PHASES.has(p)) ? await serverPhases(engine) : {};
  if (PHASES.has('p8')) {
    r.P8 = await p8(engine);
    r['P2 idle, gateway process'] = idleInGateway;
  }
  if (PHASES.has('p8j')) r['P8 journal'] = await p8Journal(engine);
  results.set(engine, r);
}
const rows: string[][] = [['figure', ...results.keys()]];
for (const key of [
  'P2 idle connections',
  'P2 idle, gateway process',
  'P2 ack p99 @rate',
  'P2 batching A/B',
  'P3 frames/s durable',
  'P4 API p99 during ingest',
  'back-fill storm',
  'P8',
  'P8 journal',
])
  rows.push([key, ...[...results.values()].map((r) => r[key] ?? '')]);
const lite = results.get('pglite');
const post = results.get('postgres');
if (lite && post)
  rows.push(['P4 PGlite ÷ PostgreSQL (P3)', `${fmt(Number(lite.framesPerS) / Number(post.framesPerS), 2)}×`, '']);
console.log(`\n${table(rows)}`);
console.log(
  `\nmachine at the end: load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
process.exit(0);
