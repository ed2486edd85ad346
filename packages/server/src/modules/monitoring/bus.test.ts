import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { type Database, openPglite, openPostgres } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { withDatabase } from '../../test/global-setup.ts';
import { deleteStream } from './bus.ts';
import {
  type BusEnv,
  drained,
  freePort,
  type Proc,
  realtimeFrame,
  SimLogger,
  seedStations,
  startGatewayProc,
  startWriterProc,
} from './bus-procs.ts';
import { rowsOf } from './readings.ts';
import { monitoringFrames } from './tables.ts';

// Scale-out over the NATS JetStream on this machine (NATS_URL, default nats://127.0.0.1:4222):
// two gateway processes and one writer process, started as an operator starts them. Frames sent to
// both gateways land once; SIGKILL of the writer and a gateway mid-run loses no acknowledged frame
// (P8, three repetitions here, ten in `npm run bench:ingest`). The stream is this run's own and is
// deleted afterwards.

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const run = randomBytes(4).toString('hex');
const bus: BusEnv = {
  INGEST_BUS: NATS_URL,
  INGEST_STREAM: `QS_TEST_${run}`,
  INGEST_SUBJECT: `qs-test-${run}`,
  // a killed writer's unacked frames come back after 2 s instead of 30
  INGEST_ACK_WAIT_MS: '2000',
};
const DURABLE = 'qingshan-writer';
const PASSWORD = '123456';

let dbEnv: NodeJS.ProcessEnv;
let openDb: () => Promise<Database>;
let cleanup: () => Promise<void> = async () => {};
let writer: Proc | null = null;
const gateways: (Proc | null)[] = [null, null];
const ports: number[] = [];
const mnsA = Array.from({ length: 3 }, (_, i) => `BUSA${run}${String(i).padStart(12, '0')}`);
const mnsB = Array.from({ length: 4 }, (_, i) => `BUSB${run}${String(i).padStart(12, '0')}`);

async function prepareDatabase(): Promise<void> {
  const tpl = inject('dbTemplate');
  if (tpl.engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-bus-'));
    const dataDir = path.join(dir, 'pglite');
    const first = await openPglite({ dataDir, loadDataDir: new Blob([fs.readFileSync(tpl.tarball)]) });
    await seed(first);
    await first.close();
    dbEnv = { QINGSHAN_DATA_DIR: dir };
    openDb = () => openPglite({ dataDir });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const name = `qs_t_${process.ppid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tpl.adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${tpl.template}`);
      break;
    } catch (e) {
      if (attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = withDatabase(tpl.adminUrl, name);
  const first = await openPostgres(url);
  await seed(first);
  await first.close();
  dbEnv = { DATABASE_URL: url };
  openDb = () => openPostgres(url);
  cleanup = async () => {
    const a = new pg.Client({ connectionString: tpl.adminUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
}

const seed = (database: Database) => seedStations(database, [...mnsA, ...mnsB], PASSWORD);

/** Every frame the database holds for these MNs, as "MN/QN", and the readings they carry. */
async function stored(mns: string[]): Promise<{ frames: string[]; readings: number }> {
  const database = await openDb();
  try {
    const frames = await database.db
      .select({ mn: monitoringFrames.mn, qn: monitoringFrames.qn })
      .from(monitoringFrames)
      .where(inArray(monitoringFrames.mn, mns));
    const [r] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from monitoring_readings r join monitoring_stations s on s.id = r.station_id where s.mn in ${mns}`,
      ),
    );
    return { frames: frames.map((f) => `${f.mn}/${f.qn}`), readings: r?.n ?? 0 };
  } finally {
    await database.close();
  }
}

const startWriter = async () => {
  writer = await startWriterProc(bus, dbEnv);
};
const startGateway = async (i: number) => {
  gateways[i] = await startGatewayProc(bus, ports[i]!);
};

beforeAll(async () => {
  await prepareDatabase();
  mark('prepared');
  ports.push(await freePort(), await freePort());
  // the writer first: it creates the stream, answers the gateways' station look-ups
  await startWriter();
  await Promise.all([startGateway(0), startGateway(1)]);
  mark('started');
});

afterAll(async () => {
  // SIGKILL: a failed run must not leave processes behind, and nothing here needs a clean exit
  for (const g of gateways) await g?.kill();
  await writer?.kill();
  await deleteStream(NATS_URL, bus.INGEST_STREAM).catch(() => {});
  await cleanup();
});

const t0 = Date.now();
const mark = (what: string) => process.stderr.write(`[bus.test ${Date.now() - t0} ms] ${what}\n`);
const T0 = Date.UTC(2026, 5, 15, 2, 0, 0);

describe('ingest over NATS JetStream: two gateways, one writer', () => {
  it('frames sent to both gateways all land once; a wrong password is refused at the gateway, not acked', async () => {
    const loggers = await Promise.all(
      mnsA.map(async () => {
        const pair = [new SimLogger(ports[0]!), new SimLogger(ports[1]!)];
        await Promise.all(pair.map((l) => l.connect()));
        return pair;
      }),
    );
    const expected: string[] = [];
    const perLogger: string[][][] = loggers.map(() => [[], []]);
    mnsA.forEach((mn, s) => {
      for (let i = 0; i < 20; i++) {
        const qn = `20260615${String(s).padStart(3, '0')}${String(i).padStart(6, '0')}`;
        const bytes = realtimeFrame(mn, PASSWORD, qn, T0 + i * 30_000);
        const g = i % 2;
        loggers[s]![g]!.send(qn, bytes);
        perLogger[s]![g]!.push(qn);
        // every third frame is retransmitted through the other gateway, as a logger that
        // reconnected behind the load balancer does
        if (i % 3 === 0) {
          loggers[s]![1 - g]!.send(qn, bytes);
          perLogger[s]![1 - g]!.push(qn);
        }
        expected.push(`${mn}/${qn}`);
      }
    });
    const bad = realtimeFrame(mnsA[0]!, 'wrong!', '20260615999000001', T0);
    loggers[0]![0]!.send('20260615999000001', bad);

    for (const [s, pair] of loggers.entries())
      for (const [g, l] of pair.entries()) expect(await l.waitAcked(perLogger[s]![g]!)).toBe(true);
    mark('acked A');
    expect(await drained(NATS_URL, bus.INGEST_STREAM, DURABLE, 30_000)).toBe(true);
    mark('drained A');
    for (const pair of loggers) for (const l of pair) l.close();
    expect(loggers[0]![0]!.acked.has('20260615999000001')).toBe(false);

    // PGlite: the data folder belongs to one process, so the writer lets go of it while we read
    // (reading it beside the running writer once cost the writer frames it had committed)
    const pglite = inject('dbTemplate').engine === 'pglite';
    if (pglite) await writer!.stop();
    const got = await stored(mnsA);
    if (pglite) await startWriter();
    expect(got.frames.sort()).toEqual(expected.sort());
    // two factors per frame, each reading once
    expect(got.readings).toBe(expected.length * 2);
  });

  // process restarts dominate: ~4 s each on an idle 2-core machine, far more on a loaded one
  // Issue 11 asks for ten kills: `P8_KILLS=10` runs them (about a minute a engine on a quiet machine,
  // several on a loaded one). The suite runs three, so CI stays within its 30 minutes on 2 shared cores.
  const KILLS = Math.min(20, Math.max(1, Number(process.env.P8_KILLS) || 3));
  it(`P8: SIGKILL of the writer and a gateway mid-run, ${KILLS} times: no acknowledged frame is missing`, {
    timeout: 600_000,
  }, async () => {
    const loggers = mnsB.map((_, i) => new SimLogger(ports[i % 2]!));
    await Promise.all(loggers.map((l) => l.connect()));
    let seq = 0;
    let sending = true;
    // frames flow around each kill only: while the processes restart (seconds on a loaded machine)
    // the logger pauses, so the backlog the writer drains at the end stays small
    let active = true;
    const sender = (async () => {
      while (sending) {
        if (active)
          for (const [s, l] of loggers.entries()) {
            const n = seq++;
            const qn = `20260616${String(n).padStart(9, '0')}`;
            l.send(qn, realtimeFrame(mnsB[s]!, PASSWORD, qn, T0 + 86_400_000 + n * 1000));
          }
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    for (let rep = 0; rep < KILLS; rep++) {
      active = true;
      await pause(500);
      const g = rep % 2;
      await Promise.all([writer!.kill(), gateways[g]!.kill()]);
      mark(`killed ${rep}`);
      // the other gateway keeps taking frames while the writer is down: JetStream holds them
      await pause(500);
      active = false;
      await Promise.all([startGateway(g), startWriter()]);
      mark(`restarted ${rep}`);
    }
    active = true;
    await pause(500);
    sending = false;
    await sender;
    await pause(300);
    for (const l of loggers) l.close();
    mark('sent');
    const acked = loggers.flatMap((l, s) => [...l.acked.keys()].map((qn) => `${mnsB[s]}/${qn}`));
    expect(acked.length).toBeGreaterThan(50);
    expect(await drained(NATS_URL, bus.INGEST_STREAM, DURABLE, 120_000)).toBe(true);
    mark(`drained ${acked.length}`);
    // the database may only be opened here once the writer let go of it (PGlite: one process)
    await writer!.stop();
    writer = null;
    const got = await stored(mnsB);
    const have = new Set(got.frames);
    expect(acked.filter((k) => !have.has(k))).toEqual([]);
    expect(new Set(got.frames).size).toBe(got.frames.length);
    expect(got.readings).toBe(got.frames.length * 2);
  });

  it('the platform with INGEST_BUS: its gateway publishes, its own writer stores; /api/health shows both', async () => {
    const database = await openTestDatabase();
    const stream = `${bus.INGEST_STREAM}_APP`;
    const mn = `BUSC${run}${'0'.repeat(12)}`;
    await seedStations(database, [mn], PASSWORD);
    const port = await freePort();
    const config = loadConfig({
      QINGSHAN_DEMO: '0',
      LOG_LEVEL: 'silent',
      HJ212_PORT: String(port),
      HJ212_HOST: '127.0.0.1',
      INGEST_BUS: NATS_URL,
      INGEST_STREAM: stream,
      INGEST_SUBJECT: `${bus.INGEST_SUBJECT}-app`,
    });
    const app = await buildApp({ config, database, logger: false });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const l = new SimLogger(port);
      await l.connect();
      l.send('20260617000000001', realtimeFrame(mn, PASSWORD, '20260617000000001', T0 + 2 * 86_400_000));
      expect(await l.waitAcked(['20260617000000001'])).toBe(true);
      l.close();
      expect(await drained(NATS_URL, stream, DURABLE, 30_000)).toBe(true);
      const frames = await database.db
        .select({ qn: monitoringFrames.qn })
        .from(monitoringFrames)
        .where(inArray(monitoringFrames.mn, [mn]));
      expect(frames).toEqual([{ qn: '20260617000000001' }]);
      const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health.services.hj212Gateway).toMatchObject({ port, bus: stream, published: 1 });
      expect(health.services.ingestWriter).toMatchObject({ stream, stored: 1, errors: 0 });
    } finally {
      await app.close();
      await database.close();
      await deleteStream(NATS_URL, stream).catch(() => {});
    }
  });
});
