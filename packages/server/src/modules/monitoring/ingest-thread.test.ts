import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { crc16Hj212, crcToHex, encodeFrame, formatDataTime, StreamDecoder } from '@qingshan/hj212';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { COPY_FROM_FRAMES, type IngestItem, ingestBatch } from './ingest.ts';
import { type IngestThread, startIngestThread } from './ingest-thread.ts';
import { rowsOf } from './readings.ts';
import { loggerMns, registerLogger, setLoggerPassword } from './test-loggers.ts';

// The ingest front in a worker thread (ingest-thread.ts): the gateway acks while the main thread's
// event loop is blocked; frames acked by the worker and not yet stored are stored once after a
// stop of the process; the worker dying is logged, shown and survived.

let t: TestApp;
let monitor: Client;
let enterpriseId: string;
const dirs: string[] = [];

const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-ingest-thread-'));
  dirs.push(d);
  return d;
};

/** An ingest thread on a port of its own and a journal folder of its own, for this file's database. */
const startThread = (more: Partial<Parameters<typeof startIngestThread>[0]> = {}) =>
  startIngestThread({
    dir: tmpDir(),
    db: t.database.db,
    port: 0,
    host: '127.0.0.1',
    maxConnections: 10,
    log: () => {},
    ...more,
  });

const freshMn = loggerMns('THRD');
const register = (mn: string) => registerLogger(monitor, enterpriseId, mn, `线程测试${mn.slice(-3)}`);

const T0 = Date.parse('2026-06-15T08:00:00+08:00');
let qn = 0;
function frame(mn: string, i: number, pw = '123456'): { raw: string; qn: string } {
  const at = T0 + i * 30_000;
  const q = `${formatDataTime(at)}${String(++qn % 1000).padStart(3, '0')}`;
  const raw = Buffer.from(
    encodeFrame({
      header: { QN: q, ST: '22', CN: '2011', PW: pw, MN: mn, Flag: 5 },
      cp: { DataTime: formatDataTime(at), a21026: { Rtd: String(i), Flag: 'N' } },
    }),
  ).toString('utf8');
  return { raw, qn: q };
}

async function framesOf(mn: string, db = t.database.db): Promise<{ raw: string; n: number }[]> {
  return rowsOf<{ raw: string; n: number }>(
    await db.execute(
      sql`select raw, count(*)::int as n from monitoring_frames where mn = ${mn} group by raw order by raw`,
    ),
  );
}

async function until(ok: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok()) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  expect(await ok()).toBe(true);
}

/** A logger on a TCP connection; `acks` are the QNs of the 9014 answers, in order. */
async function logger(port: number) {
  const socket = net.connect({ port, host: '127.0.0.1' });
  await new Promise((r, j) => {
    socket.once('connect', r);
    socket.once('error', j);
  });
  const dec = new StreamDecoder({ lenient: true });
  const acks: string[] = [];
  socket.on('data', (c: Uint8Array) => {
    for (const f of dec.push(c)) if (f.header.CN === '9014') acks.push(f.header.QN ?? '');
  });
  return {
    acks,
    write: (raw: string) => socket.write(raw),
    async send(f: { raw: string; qn: string }) {
      socket.write(f.raw);
      await until(() => acks.includes(f.qn));
    },
    close: () => socket.destroy(),
  };
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => ok(port));
    });
  });

// A logger in a thread of its own, so it can send and read its ack while this thread is blocked.
const LOGGER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const s = net.connect({ port: workerData.port, host: '127.0.0.1' });
// counts the acks where a blocked thread can see them (Atomics.wait), without its event loop
const acked = new Int32Array(workerData.acked);
let want = '';
let buf = '';
s.on('connect', () => parentPort.postMessage({ connected: true }));
s.on('data', (c) => {
  buf += c.toString('utf8');
  if (want && buf.includes('CN=9014') && buf.includes('QN=' + want)) {
    Atomics.add(acked, 0, 1);
    Atomics.notify(acked, 0);
    parentPort.postMessage({ qn: want });
    want = '';
    buf = '';
  }
});
parentPort.on('message', (m) => {
  if (m.close) { s.destroy(); parentPort.close(); return; }
  want = m.qn;
  buf = '';
  s.write(m.raw);
});
`;

beforeAll(async () => {
  t = await buildTestApp();
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
});
afterAll(async () => {
  await t?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('ingest front in a worker thread', () => {
  it("the platform's gateway acks while the main thread is blocked", async () => {
    const port = await freePort();
    const app = await buildTestApp({
      QINGSHAN_DEMO: '0',
      HJ212_PORT: String(port),
      HJ212_HOST: '127.0.0.1',
      INGEST_JOURNAL: tmpDir(),
    });
    let client: Worker | null = null;
    try {
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const health = async () => (await app.app.inject({ method: 'GET', url: '/api/health' })).json();
      await until(async () => (await health()).services.hj212Gateway?.port === port);
      const admin = await loginAs(app, ['monitor']);
      const ent = (await makeEnterprise(app)).id;
      const mn = freshMn();
      const res = await admin.request({
        method: 'POST',
        url: '/api/monitoring/stations',
        payload: {
          enterpriseId: ent,
          name: '阻塞测试',
          mn,
          password: '123456',
          edition: '2017',
          factors: [{ code: 'a21026' }],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const replies: string[] = [];
      const acked = new Int32Array(new SharedArrayBuffer(4));
      let replied: (() => void) | null = null;
      const connected = new Promise<void>((r) => {
        replied = r;
      });
      client = new Worker(LOGGER_THREAD, { eval: true, workerData: { port, acked: acked.buffer } });
      client.on('message', (m: { qn?: string }) => {
        if (m.qn) replies.push(m.qn);
        replied?.();
      });
      await connected;
      // the first frame: the worker asks this thread for the new station, then caches it
      const first = frame(mn, 1);
      client.postMessage(first);
      await until(() => replies.length === 1);

      const second = frame(mn, 2);
      const answered = new Promise<void>((r) => {
        replied = r;
      });
      client.postMessage(second);
      // This thread blocks until the logger counts the second ack, for at most 10 s: no timer,
      // socket or message of this thread runs meanwhile, so a gateway that needed this thread to
      // ack (one thread, or a worker waiting on it) would let the wait run out. No timing is
      // asserted: a loaded machine only makes the wait longer.
      const waited = Atomics.wait(acked, 0, 1, 10_000);
      expect(waited).not.toBe('timed-out');
      expect(Atomics.load(acked, 0)).toBe(2);
      await answered;
      expect(replies).toEqual([first.qn, second.qn]);
      await until(async () => (await framesOf(mn, app.database.db)).length === 2);
      // health: counts the worker sent at most 200 ms ago, and the thread's state
      await until(async () => (await health()).services.hj212Gateway.journaled === 2);
      expect((await health()).services.hj212Gateway).toMatchObject({
        port,
        journalPendingFrames: 0,
        ingestThread: 'running',
        ingestThreadRestarts: 0,
        statsAgeMs: expect.any(Number),
      });
      // the station page's "connected" comes from the worker's MN events
      const id = res.json().id as string;
      await until(
        async () =>
          (await admin.request({ method: 'GET', url: `/api/monitoring/stations/${id}` })).json().connected === true,
      );
    } finally {
      await client?.terminate();
      await app.close();
    }
  });

  it('frames acked by the worker and not yet stored when the process stops are stored once at the next start, a password edited meanwhile or not', async () => {
    const mn = freshMn();
    const st = await register(mn);
    const dir = tmpDir();
    let up = true;
    const store = async (items: readonly IngestItem[]) => {
      if (!up) throw new Error('database away');
      return ingestBatch(t.database.db, items);
    };
    const opts = { dir, db: t.database.db, host: '127.0.0.1', maxConnections: 10, log: () => {} };
    const first: IngestThread = await startIngestThread({ ...opts, port: 0, store });
    const sent = [1, 2, 3, 4, 5, 6].map((i) => frame(mn, i));
    try {
      const d = await logger(first.port);
      for (const f of sent.slice(0, 3)) await d.send(f);
      expect(await first.writer.drained(10_000)).toBe(true);
      up = false;
      for (const f of sent.slice(3)) await d.send(f);
      await until(() => first.writer.stats.pendingFrames === 3);
      d.close();
    } finally {
      // the process "dies": the worker is ended, the writer stops without draining or a checkpoint
      await first.abandon();
    }
    fs.rmSync(path.join(dir, 'checkpoint'), { force: true });
    expect((await framesOf(mn)).length).toBe(3);
    // staff change the password while the platform is down: the frames acked under the old one stay acked
    await setLoggerPassword(monitor, st.id, '654321');

    const second = await startIngestThread({ ...opts, port: 0 });
    try {
      expect(second.writer.stats.replayed).toBe(6);
      expect(await second.writer.drained(10_000)).toBe(true);
      const stored = await framesOf(mn);
      expect(stored.map((r) => r.raw).sort()).toEqual(sent.map((f) => f.raw).sort());
      expect(stored.every((r) => r.n === 1)).toBe(true);
      // new frames are acked and stored after the replayed ones
      const d = await logger(second.port);
      const more = frame(mn, 7, '654321');
      await d.send(more);
      await until(async () => (await framesOf(mn)).length === 7);
      d.close();
    } finally {
      await second.close();
    }
  });

  it('a worker that dies is logged, shown, started again on the same port; acked frames are stored once', async () => {
    const mn = freshMn();
    await register(mn);
    const logs: string[] = [];
    const th = await startThread({ log: (_level, message) => logs.push(message) });
    try {
      const port = th.port;
      const a = await logger(port);
      await a.send(frame(mn, 1));
      await until(() => th.connectedMns().includes(mn));
      // the counts a worker sent before it died are kept (those of its last 200 ms are not)
      await until(() => th.stats.journaled === 1);
      await th.crashWorker();
      await until(() => th.thread.restarts === 1 && th.thread.state === 'running');
      expect(logs.some((m) => /ingest thread stopped/.test(m))).toBe(true);
      expect(th.port).toBe(port);
      // the dead worker's connections are gone with it
      expect(th.connectedMns()).toEqual([]);
      const b = await logger(port);
      await b.send(frame(mn, 2));
      await until(() => th.connectedMns().includes(mn));
      expect(await th.writer.drained(10_000)).toBe(true);
      const stored = await framesOf(mn);
      expect(stored).toHaveLength(2);
      expect(stored.every((r) => r.n === 1)).toBe(true);
      // counts add up over both workers
      await until(() => th.stats.journaled === 2);
      a.close();
      b.close();
    } finally {
      await th.close();
    }
  });

  it('a registry edit reaches the worker at once; an unregistered MN is stored by this thread and acked after', async () => {
    const mn = freshMn();
    const st = await register(mn);
    const th = await startThread();
    try {
      const d = await logger(th.port);
      await d.send(frame(mn, 1));
      await setLoggerPassword(monitor, st.id, '654321');
      // the old password: refused by the worker, never acked
      const old = frame(mn, 2);
      d.write(old.raw);
      await until(() => th.stats.refused === 1);
      await d.send(frame(mn, 3, '654321'));
      expect(d.acks).not.toContain(old.qn);

      const stranger = freshMn();
      await d.send(frame(stranger, 1));
      const q = rowsOf<{ n: number }>(
        await t.database.db.execute(sql`select count(*)::int as n from monitoring_quarantine where mn = ${stranger}`),
      );
      expect(q[0]!.n).toBe(1);
      await until(() => th.journalStats().direct === 1);
      expect(await th.writer.drained(10_000)).toBe(true);
      expect((await framesOf(mn)).length).toBe(2);
      d.close();
    } finally {
      await th.close();
    }
  });

  it('hostile text over the port is stored as sent, by COPY and by the retransmit path alike; a NUL byte is refused before any ack', async () => {
    const mn = freshMn();
    const st = await register(mn);
    // what a logger the team did not write may put in a frame the lenient decoder accepts: COPY's
    // escape and end-of-data sequences, tabs, line breaks, quotes and Chinese in a flag, a backslash
    // and a tab in a factor code
    const FLAGS = ['N\\.', 'N\t\\N', '\\', '中文', 'N\r', 'N\n\\.\n', 'N\'"', '\\\\N'];
    const hostile = (i: number, extra = '') => {
      const at = T0 + i * 30_000;
      const q = `${formatDataTime(at)}${String(++qn % 1000).padStart(3, '0')}`;
      const body = Buffer.from(
        `QN=${q};ST=22;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=${formatDataTime(at)};a21026-Rtd=${i},a21026-Flag=${FLAGS[i % FLAGS.length]};a2\\1\t-Rtd=7${extra}&&`,
        'utf8',
      );
      const bytes = Buffer.concat([
        Buffer.from(`##${String(body.length).padStart(4, '0')}`),
        body,
        Buffer.from(`${crcToHex(crc16Hj212(body))}\r\n`),
      ]);
      return { bytes, raw: bytes.toString('utf8'), qn: q, flag: FLAGS[i % FLAGS.length]! };
    };
    // the first batch waits until every frame is acked, so the rest queue behind it and at least
    // one batch is large enough to go by COPY (whatever this machine's timing)
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const batches: number[] = [];
    const th = await startThread({
      store: async (items) => {
        await gate;
        batches.push(items.length);
        return ingestBatch(t.database.db, items);
      },
    });
    try {
      const d = await logger(th.port);
      const first = Array.from({ length: 2 * COPY_FROM_FRAMES + 8 }, (_, i) => hostile(i));
      const nul = hostile(first.length, '\u0000');
      d.write(Buffer.concat([...first.map((f) => f.bytes), nul.bytes]) as unknown as string);
      await until(() => first.every((f) => d.acks.includes(f.qn)), 30_000);
      release();
      expect(await th.writer.drained(30_000)).toBe(true);
      expect(Math.max(...batches)).toBeGreaterThanOrEqual(COPY_FROM_FRAMES);
      // and that batch was stored in one transaction: a COPY the text broke would have failed it,
      // and its frames would have been stored one by one
      const [most] = rowsOf<{ n: number }>(
        await t.database.db.execute(
          sql`select count(*)::int as n from monitoring_frames where mn = ${mn} group by xmin::text order by 1 desc limit 1`,
        ),
      );
      expect(most!.n).toBe(Math.max(...batches));
      expect(d.acks).not.toContain(nul.qn);
      await until(() => th.stats.refused >= 1);

      // then a retransmit among new frames: the batch is stored again with ON CONFLICT, its texts
      // travelling as array literals instead of COPY text
      const second = Array.from({ length: COPY_FROM_FRAMES }, (_, i) => hostile(first.length + 1 + i));
      const before = batches.length;
      d.write(Buffer.concat([first[1]!.bytes, ...second.map((f) => f.bytes)]) as unknown as string);
      await until(() => second.every((f) => d.acks.includes(f.qn)), 30_000);
      expect(await th.writer.drained(30_000)).toBe(true);
      expect(batches.length).toBeGreaterThan(before);

      const sent = [...first, ...second];
      const stored = await framesOf(mn);
      expect(stored.map((r) => r.raw).sort()).toEqual(sent.map((f) => f.raw).sort());
      expect(stored.every((r) => r.n === 1)).toBe(true);
      const readings = rowsOf<{ factor: string; value: number; flag: string | null }>(
        await t.database.db.execute(
          sql`select factor, value, flag from monitoring_readings where station_id = ${st.id} order by data_time, factor`,
        ),
      );
      expect(readings).toEqual(
        sent.flatMap((f, i) => {
          const k = i < first.length ? i : i + 1;
          return [
            { factor: 'a21026', value: k, flag: f.flag },
            { factor: 'a2\\1', value: 7, flag: null },
          ];
        }),
      );
      d.close();
    } finally {
      release();
      await th.close();
    }
  });

  it('a password edited while an acked frame waits for the writer does not undo the ack: the frame is stored', async () => {
    const mn = freshMn();
    const st = await register(mn);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const th = await startThread({
      store: async (items) => {
        await gate;
        return ingestBatch(t.database.db, items);
      },
    });
    try {
      const d = await logger(th.port);
      const sent = frame(mn, 1);
      await d.send(sent);
      await setLoggerPassword(monitor, st.id, '654321');
      release();
      expect(await th.writer.drained(10_000)).toBe(true);
      expect((await framesOf(mn)).map((r) => r.raw)).toEqual([sent.raw]);
      expect(th.writer.stats.refusedAfterAck).toBe(0);
      d.close();
    } finally {
      release();
      await th.close();
    }
  });

  it('INGEST_THREAD: on by default, 0 keeps one thread, nonsense is refused', () => {
    expect(loadConfig({}).ingestThread).toBe(true);
    expect(loadConfig({ INGEST_THREAD: '0' }).ingestThread).toBe(false);
    expect(() => loadConfig({ INGEST_THREAD: 'no' })).toThrow(/INGEST_THREAD/);
  });
});
