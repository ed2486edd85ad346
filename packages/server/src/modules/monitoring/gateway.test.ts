import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type DecodedFrame, encodeFrame, StreamDecoder } from '@qingshan/hj212';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { raiseAlarm } from '../alarms/service.ts';
import { type Gateway, startGateway } from './gateway.ts';
import { rowsOf } from './readings.ts';

// The HJ 212 gateway against a real database: acks only after commit, idempotent retransmits,
// quarantine of unknown loggers, bad CRC never acked, 2005 and 2017 profiles, per-connection limits.

const run = promisify(execFile);

let t: TestApp;
let gw: Gateway;
let monitor: Client;
let enterpriseId: string;

/**
 * HJ 212-2017 附录 A CRC written out from the standard's prose, independent of the codec: register
 * 0xFFFF; per byte, register = (register >> 8) XOR byte; 8 shifts right, XOR 0xA001 when the bit
 * shifted out is 1. Printed as 4 upper-case hex digits.
 */
function crcByHand(segment: string): string {
  let reg = 0xffff;
  for (const b of Buffer.from(segment, 'utf8')) {
    reg = (reg >> 8) ^ b;
    for (let i = 0; i < 8; i++) {
      const lsb = reg & 1;
      reg >>= 1;
      if (lsb) reg ^= 0xa001;
    }
  }
  return reg.toString(16).toUpperCase().padStart(4, '0');
}

/** `##` + 4-digit byte length + segment + CRC + CR LF (表 2), built by hand. */
function frameByHand(segment: string, crc = crcByHand(segment)): Buffer {
  const len = String(Buffer.byteLength(segment, 'utf8')).padStart(4, '0');
  return Buffer.from(`##${len}${segment}${crc}\r\n`, 'utf8');
}

type Device = {
  socket: net.Socket;
  received: DecodedFrame[];
  send(bytes: Uint8Array): void;
  waitFor(pred: (f: DecodedFrame) => boolean, ms?: number): Promise<DecodedFrame | null>;
  closed: Promise<void>;
};

async function device(port = gw.port): Promise<Device> {
  const socket = net.connect({ port, host: '127.0.0.1' });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', ok);
    socket.once('error', fail);
  });
  const decoder = new StreamDecoder({ lenient: true });
  const received: DecodedFrame[] = [];
  const waiters = new Set<() => void>();
  socket.on('data', (chunk: Uint8Array) => {
    received.push(...decoder.push(chunk));
    for (const w of waiters) w();
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((ok) => socket.once('close', () => ok()));
  return {
    socket,
    received,
    closed,
    send: (bytes) => socket.write(bytes),
    waitFor(pred, ms = 5_000) {
      return new Promise((resolve) => {
        const check = () => {
          const f = received.find(pred);
          if (f) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(f);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(null);
        }, ms);
        waiters.add(check);
        check();
      });
    },
  };
}

const ackFor = (qn: string) => (f: DecodedFrame) => f.header.CN === '9014' && f.header.QN === qn;

let mnCounter = 0;
function freshMn(): string {
  mnCounter++;
  return `A1B2C3D4E5F6${String(process.pid % 100000).padStart(6, '0')}${String(mnCounter).padStart(6, '0')}`.slice(
    0,
    24,
  );
}

async function register(mn: string, edition: '2017' | '2005', factors: { code: string; upperLimit?: number }[]) {
  const res = await monitor.request({
    method: 'POST',
    url: '/api/monitoring/stations',
    payload: { enterpriseId, name: `监控点${mn.slice(-4)}`, mn, password: '123456', edition, factors },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; replayedReadings: number };
}

async function readings(stationId: string, query = 'from=2026-06-14T00:00:00%2B08:00&to=2026-06-16T00:00:00%2B08:00') {
  const res = await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${stationId}/readings?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { dataTime: string; cn: string; factor: string; value: number; flag: string }[];
    total: number;
  };
}

async function count(table: string, where = sql`true`): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`),
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  t = await buildTestApp();
  gw = await startGateway({ db: t.database.db, port: 0, host: '127.0.0.1', idleTimeoutMs: 60_000 });
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

describe('registry', () => {
  it('registers a station with the contract body; bad input is a 400 that changes nothing; an MN once', async () => {
    const mn = freshMn();
    const created = await register(mn, '2017', [{ code: 'a21026', upperLimit: 50 }]);
    const detail = (await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${created.id}` })).json();
    expect(detail).toMatchObject({ mn, edition: '2017', online: false, enterpriseId });
    expect(detail.factors[0]).toMatchObject({ code: 'a21026', upperLimit: 50, nameZh: '二氧化硫' });
    expect(detail).not.toHaveProperty('password');

    const before = await count('monitoring_stations');
    const bad = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: { enterpriseId, name: 'x', mn: 'MN;CN=2011', password: '123456', edition: '2017', factors: [] },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['mn', 'factors']));
    expect(await count('monitoring_stations')).toBe(before);

    const again = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: { enterpriseId, name: 'y', mn, password: '123456', edition: '2017', factors: [{ code: 'a21026' }] },
    });
    expect(again.statusCode).toBe(409);

    // the outlet: kind, code, name and where it is
    const outlet = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: {
        enterpriseId,
        name: '锅炉废气排放口',
        mn: freshMn(),
        password: '123456',
        edition: '2017',
        outletKind: 'gas',
        outletCode: 'DA002',
        outletLocation: '锅炉房南侧（东经 113.80°，北纬 27.88°）',
        factors: [{ code: 'a21026', upperLimit: 200, standard: 'GB 13271-2014 表 2' }],
      },
    });
    expect(outlet.statusCode, outlet.body).toBe(201);
    const o = (await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${outlet.json().id}` })).json();
    expect(o).toMatchObject({
      outletKind: 'gas',
      outletCode: 'DA002',
      outletLocation: '锅炉房南侧（东经 113.80°，北纬 27.88°）',
    });
    const long = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: {
        enterpriseId,
        name: 'z',
        mn: freshMn(),
        password: '1',
        edition: '2017',
        outletLocation: '长'.repeat(101),
        factors: [{ code: 'a21026' }],
      },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { path: string }) => e.path)).toEqual(['outletLocation']);
  });
});

describe('gateway: 2017 upload built by hand from the standard', () => {
  it('stores the readings, then acks 9014 with the same QN; the readings are there when the ack arrives', async () => {
    expect(
      crcByHand(
        'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&',
      ),
    ).toBe('1C80');
    const mn = freshMn();
    const st = await register(mn, '2017', [{ code: 'w01018', upperLimit: 100 }, { code: 'w21003' }]);
    const qn = '20260615100000001';
    const seg = `QN=${qn};ST=32;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615100000;w01018-Rtd=45.5,w01018-Flag=N;w21003-Rtd=3.2,w21003-Flag=M&&`;
    const d = await device();
    d.send(frameByHand(seg));
    const ack = await d.waitFor(ackFor(qn));
    expect(ack?.header).toMatchObject({ ST: '91', CN: '9014', MN: mn, QN: qn });
    // read straight after the ack: the transaction had committed before the ack was written
    const r = await readings(st.id);
    expect(r.items).toEqual([
      {
        dataTime: '2026-06-15T02:00:00.000Z',
        cn: '2011',
        factor: 'w01018',
        value: 45.5,
        flag: 'N',
        min: null,
        max: null,
      },
      {
        dataTime: '2026-06-15T02:00:00.000Z',
        cn: '2011',
        factor: 'w21003',
        value: 3.2,
        flag: 'M',
        min: null,
        max: null,
      },
    ]);
    const one = await readings(st.id, 'factor=w21003&from=2026-06-15T00:00:00Z&to=2026-06-15T05:00:00Z');
    expect(one.items.map((i) => i.factor)).toEqual(['w21003']);
    // month partition created on the way (partitioned by month)
    expect(await count('monitoring_readings_202606')).toBeGreaterThanOrEqual(2);
    const detail = (await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${st.id}` })).json();
    expect(detail.lastDataTime).toBe('2026-06-15T02:00:00.000Z');
    expect(detail.online).toBe(true);
    d.socket.destroy();
  });

  it('does not ack a frame it could not store; the retransmit after the fault is stored and acked', async () => {
    const mn = freshMn();
    const st = await register(mn, '2017', [{ code: 'a21026' }]);
    const qn = '20260615100100001';
    const bytes = frameByHand(
      `QN=${qn};ST=31;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615100100;a21026-Rtd=12.0,a21026-Flag=N&&`,
    );
    const d = await device();
    const errorsBefore = gw.stats.errors;
    await t.database.db.execute(sql`alter table monitoring_frames rename to monitoring_frames_away`);
    try {
      d.send(bytes);
      // the table stays away until the store has failed, however long a loaded machine takes to try
      await expect.poll(() => gw.stats.errors, { timeout: 15_000 }).toBeGreaterThan(errorsBefore);
      expect(await d.waitFor(ackFor(qn), 300)).toBeNull();
    } finally {
      await t.database.db.execute(sql`alter table monitoring_frames_away rename to monitoring_frames`);
    }
    expect((await readings(st.id)).total).toBe(0);
    d.send(bytes);
    expect(await d.waitFor(ackFor(qn))).not.toBeNull();
    expect((await readings(st.id)).total).toBe(1);
    d.socket.destroy();
  });

  it('a retransmit (same MN + QN) is acked again and stores nothing twice', async () => {
    const mn = freshMn();
    const st = await register(mn, '2017', [{ code: 'a21026' }]);
    const qn = '20260615100200001';
    const bytes = frameByHand(
      `QN=${qn};ST=31;CN=2051;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615100000;a21026-Min=10.0,a21026-Avg=11.0,a21026-Max=12.0,a21026-Flag=N&&`,
    );
    const d = await device();
    const dupBefore = gw.stats.duplicates;
    d.send(bytes);
    await d.waitFor(ackFor(qn));
    d.send(bytes);
    await d.waitFor((f) => f.header.CN === '9014' && d.received.filter(ackFor(qn)).length >= 2);
    expect(d.received.filter(ackFor(qn))).toHaveLength(2);
    expect(gw.stats.duplicates).toBe(dupBefore + 1);
    expect(await count('monitoring_frames', sql`mn = ${mn}`)).toBe(1);
    const r = await readings(st.id);
    expect(r.items).toEqual([expect.objectContaining({ cn: '2051', value: 11, min: 10, max: 12 })]);
    // the same data under a new QN (a 补传 answer overlapping live data): archived, no second reading
    const qn2 = '20260615100200002';
    d.send(
      frameByHand(
        `QN=${qn2};ST=31;CN=2051;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615100000;a21026-Min=10.0,a21026-Avg=11.0,a21026-Max=12.0,a21026-Flag=N&&`,
      ),
    );
    await d.waitFor(ackFor(qn2));
    expect((await readings(st.id)).total).toBe(1);
    d.socket.destroy();
  });
});

describe('gateway: group commit', () => {
  it('frames of several devices sent at once share transactions; each is acked after its batch committed, in order', async () => {
    const late: string[] = [];
    // a wide window, so the frames of the three devices surely meet in one batch
    const g = await startGateway({
      db: t.database.db,
      port: 0,
      host: '127.0.0.1',
      batch: { windowMs: 50 },
      onOutcome: async (o, frame) => {
        if (o.kind !== 'stored') return;
        const n = await count('monitoring_frames', sql`mn = ${frame.header.MN} and qn = ${frame.header.QN}`);
        if (n !== 1) late.push(frame.header.QN ?? '');
      },
    });
    try {
      const sent: { d: Device; qns: string[] }[] = [];
      for (let k = 0; k < 3; k++) {
        const mn = freshMn();
        await register(mn, '2017', [{ code: 'a21026' }]);
        const d = await device(g.port);
        const qns = Array.from({ length: 5 }, (_, i) => `2026061511${k}${i}00000${k}${i}`);
        // five frames in one write: they reach the gateway together
        d.send(
          Buffer.concat(
            qns.map((qn, i) =>
              frameByHand(
                `QN=${qn};ST=22;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=202606151${k}0${i}00;a21026-Rtd=1${i}.0,a21026-Flag=N&&`,
              ),
            ),
          ),
        );
        sent.push({ d, qns });
      }
      for (const { d, qns } of sent) {
        for (const qn of qns) expect(await d.waitFor(ackFor(qn))).not.toBeNull();
        // replies in the order the device sent its frames
        expect(d.received.filter((f) => f.header.CN === '9014').map((f) => f.header.QN)).toEqual(qns);
        d.socket.destroy();
      }
      expect(late).toEqual([]);
      expect(g.stats.stored).toBe(15);
      expect(g.batches?.frames).toBe(15);
      expect(g.batches!.largest).toBeGreaterThan(1);
      expect(g.batches!.batches).toBeLessThan(15);
    } finally {
      await g.close();
    }
  });
});

describe('gateway: lanes and the gateway-wide bound', () => {
  it('with lanes, several stations’ batches commit side by side; every frame is stored once and acked after its commit, in each device’s order', async () => {
    const late: string[] = [];
    const g = await startGateway({
      db: t.database.db,
      port: 0,
      host: '127.0.0.1',
      batch: { windowMs: 20, lanes: 3, maxFrames: 4 },
      onOutcome: async (o, frame) => {
        if (o.kind !== 'stored') return;
        const n = await count('monitoring_frames', sql`mn = ${frame.header.MN} and qn = ${frame.header.QN}`);
        if (n !== 1) late.push(frame.header.QN ?? '');
      },
    });
    try {
      const sent: { d: Device; qns: string[]; st: { id: string } }[] = [];
      for (let k = 0; k < 4; k++) {
        const mn = freshMn();
        const st = await register(mn, '2017', [{ code: 'a21026', upperLimit: 100 }]);
        const d = await device(g.port);
        const qns = Array.from({ length: 6 }, (_, i) => `2026061512${k}${i}00000${k}${i}`);
        d.send(
          Buffer.concat(
            qns.map((qn, i) =>
              frameByHand(
                `QN=${qn};ST=22;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=202606151${k}1${i}00;a21026-Rtd=1${i}.0,a21026-Flag=N&&`,
              ),
            ),
          ),
        );
        sent.push({ d, qns, st });
      }
      for (const { d, qns, st } of sent) {
        for (const qn of qns) expect(await d.waitFor(ackFor(qn))).not.toBeNull();
        expect(d.received.filter((f) => f.header.CN === '9014').map((f) => f.header.QN)).toEqual(qns);
        expect((await readings(st.id)).total).toBe(6);
        d.socket.destroy();
      }
      expect(late).toEqual([]);
      expect(g.stats.stored).toBe(24);
      expect(g.batches).toMatchObject({ frames: 24, lanes: 3 });
      expect(g.batches!.largest).toBeLessThanOrEqual(4);
    } finally {
      await g.close();
    }
  });

  it('a frame whose rest arrives while its connection is paused is not cut in two by the idle flush', async () => {
    // The device counts characters, not bytes (Chinese text in CP), so its length field ends the frame
    // early and only its shape can: read up to 2 of its 4 CRC digits, it looks complete. The rest is
    // sent at once, but the gateway is not reading (two frames wait for the store) for longer than the
    // 200 ms after which a frame without CR LF is taken as complete.
    const held: (() => void)[] = [];
    let release = false;
    const crcValid: boolean[] = [];
    const g = await startGateway({
      port: 0,
      host: '127.0.0.1',
      maxQueuedFrames: 2,
      sink: async (frame) => {
        crcValid.push(frame.crcValid);
        if (!release) await new Promise<void>((r) => held.push(r));
        return { kind: 'published', station: null, duplicate: false };
      },
    });
    try {
      const d = await device(g.port);
      const mn = freshMn();
      const qns = ['20260615160000001', '20260615160000002', '20260615160000003'];
      const plain = qns
        .slice(0, 2)
        .map((qn) =>
          frameByHand(`QN=${qn};ST=22;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615160000;a21026-Rtd=1.0&&`),
        );
      const segment = `QN=${qns[2]};ST=32;CN=3020;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615160000;i11001-Info=//清洗管路//&&`;
      const asChars = Buffer.from(
        `##${String(segment.length).padStart(4, '0')}${segment}${crcByHand(segment)}\r\n`,
        'utf8',
      );
      const cut = asChars.length - 4; // up to the CRC's second digit
      d.send(Buffer.concat([...plain, asChars.subarray(0, cut)]));
      await expect.poll(() => g.stats.pendingFrames, { timeout: 5_000 }).toBe(2);
      d.send(asChars.subarray(cut));
      await new Promise((r) => setTimeout(r, 600));
      release = true;
      for (const r of held.splice(0)) r();
      for (const qn of qns) expect(await d.waitFor(ackFor(qn))).not.toBeNull();
      expect(crcValid).toEqual([true, true, true]);
      expect(g.stats).toMatchObject({ badCrc: 0, skippedBytes: 0, acks: 3 });
      d.socket.destroy();
    } finally {
      await g.close();
    }
  });

  it('when too many frames wait for the store, a connection that sends more is paused until the backlog halves; nothing is lost', async () => {
    const held: (() => void)[] = [];
    let release = false;
    const seen: { pending: number; heldBack: number }[] = [];
    let g: Gateway | null = null;
    g = await startGateway({
      port: 0,
      host: '127.0.0.1',
      maxPendingFrames: 4,
      sink: async () => {
        seen.push({ pending: g!.stats.pendingFrames, heldBack: g!.stats.heldBack });
        if (!release) await new Promise<void>((r) => held.push(r));
        return { kind: 'published', station: null, duplicate: false };
      },
    });
    try {
      const d = await device(g.port);
      const mn = freshMn();
      const qns = Array.from({ length: 8 }, (_, i) => `20260615130000${String(i).padStart(3, '0')}`);
      d.send(
        Buffer.concat(
          qns.map((qn, i) =>
            frameByHand(
              `QN=${qn};ST=22;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=2026061513${i}000;a21026-Rtd=1.0&&`,
            ),
          ),
        ),
      );
      // the fourth waiting frame reaches the bound: its connection is paused
      await expect.poll(() => g!.stats.heldBack, { timeout: 5_000 }).toBe(1);
      expect(g.stats.pendingFrames).toBeGreaterThanOrEqual(4);
      expect(seen.find((x) => x.pending === 4)?.heldBack).toBe(1);
      expect(d.received.filter((f) => f.header.CN === '9014')).toHaveLength(0);
      release = true;
      for (const r of held.splice(0)) r();
      for (const qn of qns) expect(await d.waitFor(ackFor(qn))).not.toBeNull();
      expect(g.stats).toMatchObject({ heldBack: 0, pendingFrames: 0, published: 8, acks: 8 });
      // the frames after the fourth came in the same chunk: they waited as bytes, not decoded
      expect(Math.max(...seen.map((x) => x.pending))).toBeLessThanOrEqual(4);
      d.socket.destroy();
    } finally {
      await g.close();
    }
  });

  it('the bound holds over connections whose frames come in one chunk each; each device is acked in its order', async () => {
    const held: (() => void)[] = [];
    let release = false;
    let most = 0;
    let g: Gateway | null = null;
    g = await startGateway({
      port: 0,
      host: '127.0.0.1',
      maxPendingFrames: 6,
      sink: async () => {
        most = Math.max(most, g!.stats.pendingFrames);
        if (!release) await new Promise<void>((r) => held.push(r));
        return { kind: 'published', station: null, duplicate: false };
      },
    });
    try {
      const devices = await Promise.all([device(g.port), device(g.port), device(g.port)]);
      const sent = devices.map((d, k) => {
        const mn = freshMn();
        const qns = Array.from({ length: 5 }, (_, i) => `2026061514${k}000${String(i).padStart(3, '0')}`);
        d.send(
          Buffer.concat(
            qns.map((qn, i) =>
              frameByHand(
                `QN=${qn};ST=22;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=202606151${k}${i}000;a21026-Rtd=1.0&&`,
              ),
            ),
          ),
        );
        return qns;
      });
      // 15 frames arrived, 6 are decoded and waiting; the connections that sent the rest are held
      await expect.poll(() => g!.stats.pendingFrames, { timeout: 5_000 }).toBe(6);
      await expect.poll(() => g!.stats.heldBack, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
      release = true;
      for (const r of held.splice(0)) r();
      for (const [k, d] of devices.entries())
        for (const qn of sent[k]!) expect(await d.waitFor(ackFor(qn))).not.toBeNull();
      expect(most).toBeLessThanOrEqual(6);
      expect(g.stats).toMatchObject({ heldBack: 0, pendingFrames: 0, published: 15, acks: 15 });
      for (const [k, d] of devices.entries())
        expect(d.received.filter((f) => f.header.CN === '9014').map((f) => f.header.QN)).toEqual(sent[k]);
      for (const d of devices) d.socket.destroy();
    } finally {
      await g.close();
    }
  });
});

describe('gateway: idle connections (one sweep for all, no timer per socket)', () => {
  it('closes a silent connection, keeps one that talks, and never closes one whose frames it still holds', async () => {
    const held: (() => void)[] = [];
    const g = await startGateway({
      port: 0,
      host: '127.0.0.1',
      // wide of the talker's 150 ms, so a loaded machine that delays its timer does not close it
      idleTimeoutMs: 800,
      sink: async (frame) => {
        // the "slow" logger's frame waits for the store longer than the idle timeout
        if (frame.header.MN?.endsWith('SLOW')) await new Promise<void>((r) => held.push(r));
        return {
          kind: 'published',
          station: { mn: frame.header.MN ?? '', password: '123456', edition: '2017', lastFrameAt: null },
          duplicate: false,
        };
      },
    });
    try {
      const [silent, talker, slow] = await Promise.all([device(g.port), device(g.port), device(g.port)]);
      const frame = (mn: string, qn: string) =>
        frameByHand(`QN=${qn};ST=22;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615150000;a21026-Rtd=1.0&&`);
      const talkerMn = freshMn();
      const slowMn = `${freshMn().slice(0, 20)}SLOW`;
      slow.send(frame(slowMn, '20260615150000001'));
      const t0 = Date.now();
      let n = 0;
      // the talker sends every 150 ms, well inside the timeout
      const talk = setInterval(
        () => talker.send(frame(talkerMn, `20260615150001${String(n++).padStart(3, '0')}`)),
        150,
      );
      await silent.closed;
      const silentAfter = Date.now() - t0;
      // t0 is taken after the connects and a send, and the idle time counts from the connect
      expect(silentAfter).toBeGreaterThanOrEqual(600);
      await new Promise((r) => setTimeout(r, 1_000));
      clearInterval(talk);
      expect(talker.socket.destroyed).toBe(false);
      // silent for over 1.7 s, but its frame is still with the store: it is waiting for us
      expect(slow.socket.destroyed).toBe(false);
      expect(g.connectedMns()).toContain(talkerMn);
      for (const r of held.splice(0)) r();
      expect(await slow.waitFor(ackFor('20260615150000001'))).not.toBeNull();
      expect(g.connectedMns()).toContain(slowMn);
      // once answered and silent, it is closed too and its MN is no longer connected; so is the talker, now silent
      await slow.closed;
      // the device may see its close before the gateway's close handler ran
      await expect.poll(() => g.connectedMns().includes(slowMn), { timeout: 2_000 }).toBe(false);
      await talker.closed;
      await expect.poll(() => g.connectedMns(), { timeout: 2_000 }).toEqual([]);
      expect(g.stats.openConnections).toBe(0);
    } finally {
      await g.close();
    }
  });
});

describe('gateway: HJ/T 212-2005 logger', () => {
  it('stores a 2005 frame (no QN, no Flag, 2005 factor codes), sends no ack, and dedupes MN + CN + DataTime', async () => {
    const mn = '36032299000001';
    const st = await register(mn, '2005', [{ code: '01' }, { code: '02', upperLimit: 300 }]);
    const frame = encodeFrame(
      {
        header: { ST: '31', CN: '2011', PW: '123456', MN: mn },
        cp: { DataTime: '20260615101000', '01': { Rtd: 25.1, Flag: 'N' }, '02': { Rtd: 180, Flag: 'N' } },
        edition: '2005',
      },
      { edition: '2005' },
    );
    expect(Buffer.from(frame).toString()).not.toContain('QN=');
    const d = await device();
    d.send(frame);
    d.send(frame);
    await expect.poll(async () => (await readings(st.id)).total, { timeout: 5_000 }).toBe(2);
    await expect.poll(() => count('monitoring_frames', sql`mn = ${mn}`), { timeout: 5_000 }).toBe(1);
    expect(d.received.filter((f) => f.header.CN === '9014')).toHaveLength(0);
    const detail = (await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${st.id}` })).json();
    expect(detail.factors.map((f: { nameZh: string }) => f.nameZh)).toEqual(['烟尘', '二氧化硫']);
    d.socket.destroy();
  });
});

describe('interoperability: an HJ 212 logger written independently (interop/hj212_sender.py)', () => {
  const script = fileURLToPath(new URL('./interop/hj212_sender.py', import.meta.url));
  type Sent = { label: string; cn: string; qn: string | null; crc: 'good' | 'bad' };
  type Reply = { QN?: string; CN?: string; ST?: string; Flag?: string; crcOk: boolean };
  const sender = async (...args: string[]) => {
    const { stdout } = await run('python3', [script, ...args], { timeout: 30_000 });
    return JSON.parse(stdout) as { sent: Sent[]; replies: Reply[]; selftest?: string };
  };
  /** The sender's uploads for one logger to this file's gateway, listening for replies up to waitS. */
  const upload = (mn: string, edition: '2005' | '2017', time: string, waitS: number) =>
    sender('--port', String(gw.port), '--mn', mn, '--edition', edition, '--time', time, '--wait', String(waitS));

  it('its CRC reproduces the standard’s example and a captured 2005 frame', async () => {
    expect((await sender('--selftest')).selftest).toBe('ok');
  });

  it('2017: real-time, minute and hour frames acked with their QN and stored; the bad-CRC frame is not acked', async () => {
    const mn = freshMn();
    const st = await register(mn, '2017', [{ code: 'a21026', upperLimit: 100 }, { code: 'a34013' }]);
    const badBefore = gw.stats.badCrc;
    // it stops as soon as every good QN is acked; 15 s only bounds a loaded machine's commits
    const out = await upload(mn, '2017', '20260615103000', 15);
    const acks = out.replies.filter((r) => r.CN === '9014');
    const good = out.sent.filter((x) => x.crc === 'good');
    // every ack names an upload's QN, is the 9014 of 表 9 (ST=91, Flag=4) and passes the sender's own CRC
    expect(acks.map((r) => r.QN).sort()).toEqual(good.map((x) => x.qn).sort());
    for (const a of acks) expect(a).toMatchObject({ ST: '91', Flag: '4', crcOk: true });
    const bad = out.sent.find((x) => x.crc === 'bad')!;
    expect(out.replies.some((r) => r.QN === bad.qn)).toBe(false);
    expect(gw.stats.badCrc).toBe(badBefore + 1);
    const r = await readings(st.id);
    expect(r.items.map((i) => `${i.cn}/${i.factor}/${i.value}`).sort()).toEqual([
      '2011/a21026/35.2',
      '2011/a34013/8.1',
      '2051/a21026/34.5',
    ]);
    const hour = await readings(
      st.id,
      'from=2026-06-15T00:00:00%2B08:00&to=2026-06-16T00:00:00%2B08:00&cn=2061&source=station',
    );
    expect(hour.items).toEqual([expect.objectContaining({ cn: '2061', factor: 'a21026', value: 33.3 })]);
    expect(hour.items[0]!.dataTime).toBe(new Date('2026-06-15T10:00:00+08:00').toISOString());
  });

  it('2005: frames without QN or Flag and with 2005 codes are stored, and nothing is acked', async () => {
    const mn = '36032299000777';
    const st = await register(mn, '2005', [{ code: '01' }, { code: '02', upperLimit: 300 }]);
    const out = await upload(mn, '2005', '20260615113000', 1);
    expect(out.replies.filter((r) => r.CN === '9014')).toEqual([]);
    await expect
      .poll(async () => (await readings(st.id)).items.map((i) => `${i.cn}/${i.factor}/${i.value}`).sort(), {
        timeout: 5_000,
      })
      .toEqual(['2011/01/8.1', '2011/02/35.2', '2051/02/34.5']);
  });
});

describe('gateway: quarantine, bad CRC, limits', () => {
  it('keeps an unknown MN in quarantine with its raw frame; registering it turns the frames into readings', async () => {
    const mn = freshMn();
    const qn = '20260615102000001';
    const seg = `QN=${qn};ST=32;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615102000;w01018-Rtd=51.0,w01018-Flag=N&&`;
    const d = await device();
    d.send(frameByHand(seg));
    expect(await d.waitFor(ackFor(qn))).not.toBeNull();
    const q = await monitor.request({ method: 'GET', url: '/api/monitoring/quarantine?state=open&pageSize=200' });
    expect(q.statusCode).toBe(200);
    const entry = q.json().items.find((i: { mn: string }) => i.mn === mn);
    expect(entry).toMatchObject({ mn, state: 'open', frameCount: 1, lastCn: '2011' });
    expect(entry.lastRaw).toContain(seg);
    const st = await register(mn, '2017', [{ code: 'w01018', upperLimit: 100 }]);
    expect(st.replayedReadings).toBe(1);
    expect((await readings(st.id)).items).toEqual([expect.objectContaining({ factor: 'w01018', value: 51 })]);
    const after = (
      await monitor.request({ method: 'GET', url: '/api/monitoring/quarantine?state=registered&pageSize=200' })
    ).json();
    expect(after.items.map((i: { mn: string }) => i.mn)).toContain(mn);
    d.socket.destroy();
  });

  it('lists the last heard first, or sorts by first seen or by frames sent, either way; an unknown sort is a 400', async () => {
    // three loggers whose times and counts disagree, so each sort gives its own order
    const rows = [
      {
        mn: freshMn(),
        frameCount: 5,
        firstSeenAt: '2026-06-01T08:00:00+08:00',
        lastSeenAt: '2026-06-03T08:00:00+08:00',
      },
      {
        mn: freshMn(),
        frameCount: 1,
        firstSeenAt: '2026-06-02T08:00:00+08:00',
        lastSeenAt: '2026-06-05T08:00:00+08:00',
      },
      {
        mn: freshMn(),
        frameCount: 9,
        firstSeenAt: '2026-05-30T08:00:00+08:00',
        lastSeenAt: '2026-06-04T08:00:00+08:00',
      },
    ];
    for (const r of rows) {
      await t.database.db.execute(
        sql`insert into monitoring_quarantine (mn, frame_count, last_raw, first_seen_at, last_seen_at)
            values (${r.mn}, ${r.frameCount}, ${`##0000QN=1;MN=${r.mn}`}, ${r.firstSeenAt}::timestamptz, ${r.lastSeenAt}::timestamptz)`,
      );
    }
    const [a, b, c] = rows.map((r) => r.mn);
    const order = async (query: string) => {
      const res = await monitor.request({ method: 'GET', url: `/api/monitoring/quarantine?pageSize=200${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((i: { mn: string }) => i.mn)
        .filter((mn: string) => rows.some((r) => r.mn === mn));
    };
    expect(await order('')).toEqual([b, c, a]);
    expect(await order('&sort=-lastSeenAt')).toEqual([b, c, a]);
    expect(await order('&sort=lastSeenAt')).toEqual([a, c, b]);
    expect(await order('&sort=firstSeenAt')).toEqual([c, a, b]);
    expect(await order('&sort=-firstSeenAt')).toEqual([b, a, c]);
    expect(await order('&sort=-frameCount')).toEqual([c, a, b]);
    expect(await order('&sort=frameCount')).toEqual([b, a, c]);
    expect((await monitor.request({ method: 'GET', url: '/api/monitoring/quarantine?sort=mn' })).statusCode).toBe(400);
  });

  it('a rejected logger is refused from then on: nothing stored, no ack', async () => {
    const mn = freshMn();
    const d = await device();
    const seg = (qn: string) =>
      `QN=${qn};ST=32;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615103000;w01018-Rtd=1.0&&`;
    d.send(frameByHand(seg('20260615103000001')));
    await d.waitFor(ackFor('20260615103000001'));
    const q = (
      await monitor.request({ method: 'GET', url: '/api/monitoring/quarantine?state=open&pageSize=200' })
    ).json();
    const id = q.items.find((i: { mn: string }) => i.mn === mn).id;
    const enterprise = await loginAs(t, ['enterprise'], enterpriseId);
    expect(
      (await enterprise.request({ method: 'POST', url: `/api/monitoring/quarantine/${id}/reject` })).statusCode,
    ).toBe(403);
    const rej = await monitor.request({ method: 'POST', url: `/api/monitoring/quarantine/${id}/reject` });
    expect(rej.statusCode).toBe(200);
    expect(rej.json().state).toBe('rejected');
    expect((await monitor.request({ method: 'POST', url: `/api/monitoring/quarantine/${id}/reject` })).statusCode).toBe(
      409,
    );
    d.send(frameByHand(seg('20260615103000002')));
    expect(await d.waitFor(ackFor('20260615103000002'), 1_500)).toBeNull();
    expect(await count('monitoring_frames', sql`mn = ${mn}`)).toBe(1);
    d.socket.destroy();
  });

  it('a bad CRC is counted and never acked; the next good frame on the same connection is', async () => {
    const mn = freshMn();
    const st = await register(mn, '2017', [{ code: 'a21026' }]);
    const seg = (qn: string) =>
      `QN=${qn};ST=31;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615104000;a21026-Rtd=20.0,a21026-Flag=N&&`;
    const good = crcByHand(seg('20260615104000001'));
    const wrong = good === '0000' ? '0001' : '0000';
    const before = gw.stats.badCrc;
    const d = await device();
    d.send(frameByHand(seg('20260615104000001'), wrong));
    d.send(frameByHand(seg('20260615104000002')));
    expect(await d.waitFor(ackFor('20260615104000002'))).not.toBeNull();
    expect(d.received.some(ackFor('20260615104000001'))).toBe(false);
    expect(gw.stats.badCrc).toBe(before + 1);
    expect(await count('monitoring_frames', sql`qn = '20260615104000001'`)).toBe(0);
    expect((await readings(st.id)).total).toBe(1);
    d.socket.destroy();
  });

  it('a wrong password is refused, not stored, not acked', async () => {
    const mn = freshMn();
    await register(mn, '2017', [{ code: 'a21026' }]);
    const d = await device();
    const qn = '20260615104500001';
    d.send(frameByHand(`QN=${qn};ST=31;CN=2011;PW=999999;MN=${mn};Flag=5;CP=&&DataTime=20260615104500;a21026-Rtd=2&&`));
    expect(await d.waitFor(ackFor(qn), 1_500)).toBeNull();
    expect(await count('monitoring_frames', sql`mn = ${mn}`)).toBe(0);
    d.socket.destroy();
  });

  it("one device's garbage does not hold back another device's ack", async () => {
    const mn = freshMn();
    await register(mn, '2017', [{ code: 'a21026' }]);
    const noisy = await device();
    // half a megabyte of bogus frame starts without any line end, in TCP-sized writes
    const junk = Buffer.from('##9999QN=1;'.repeat(100));
    for (let i = 0; i < 500; i++) noisy.send(junk);
    const d = await device();
    const qn = '20260615105000001';
    d.send(frameByHand(`QN=${qn};ST=31;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615105000;a21026-Rtd=3&&`));
    expect(await d.waitFor(ackFor(qn))).not.toBeNull();
    noisy.socket.destroy();
    d.socket.destroy();
  });

  it('closes idle connections, refuses connections over the limit and skips oversized frames', async () => {
    const small = await startGateway({
      db: t.database.db,
      port: 0,
      host: '127.0.0.1',
      // long enough that the oversized frame below reaches an open connection on a loaded machine
      idleTimeoutMs: 3_000,
      maxConnections: 1,
      maxSegmentBytes: 200,
    });
    try {
      const mn = freshMn();
      await register(mn, '2017', [{ code: 'a21026' }]);
      const a = await device(small.port);
      const b = await device(small.port);
      await b.closed; // over the limit
      expect(small.stats.refusedConnections).toBe(1);
      const long = `QN=20260615106000001;ST=31;CN=2011;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=20260615106000;${'a21026-Rtd=1,'.repeat(30)}a21026-Flag=N&&`;
      a.send(frameByHand(long));
      expect(await a.waitFor(ackFor('20260615106000001'), 1_000)).toBeNull();
      expect(small.stats.frames).toBe(0);
      expect(a.socket.destroyed).toBe(false);
      await a.closed; // idle for 3 s
    } finally {
      await small.close();
    }
  });
});

describe('monitoring: enterprise A never sees enterprise B’s stations, readings or frames', () => {
  it('refuses a period over 31 days or reversed, with the field named', async () => {
    const mn = freshMn();
    const st = await register(mn, '2017', [{ code: 'a21026' }]);
    for (const q of [
      'from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z',
      'from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z',
    ]) {
      const res = await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${st.id}/readings?${q}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('from');
    }
  });

  it('an enterprise sees its own stations, readings and frames only', async () => {
    const other = await makeEnterprise(t);
    const mnA = freshMn();
    const mnB = freshMn();
    const a = await register(mnA, '2017', [{ code: 'a21026' }]);
    const res = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: {
        enterpriseId: other.id,
        name: 'B 站',
        mn: mnB,
        password: '1',
        edition: '2017',
        factors: [{ code: 'a21026' }],
      },
    });
    const b = res.json() as { id: string };
    const entA = await loginAs(t, ['enterprise'], enterpriseId);
    const list = (await entA.request({ method: 'GET', url: '/api/monitoring/stations?pageSize=200' })).json();
    const ids = list.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect(list.items.every((s: { enterpriseId: string }) => s.enterpriseId === enterpriseId)).toBe(true);
    for (const url of [
      `/api/monitoring/stations/${b.id}`,
      `/api/monitoring/stations/${b.id}/readings`,
      `/api/monitoring/stations/${b.id}/frames`,
    ])
      expect((await entA.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await entA.request({ method: 'GET', url: `/api/monitoring/stations/${a.id}/readings` })).statusCode).toBe(
      200,
    );
    expect((await entA.request({ method: 'GET', url: '/api/monitoring/quarantine' })).statusCode).toBe(403);
    const entB = await loginAs(t, ['enterprise'], other.id);
    const listB = (await entB.request({ method: 'GET', url: '/api/monitoring/stations?pageSize=200' })).json();
    expect(listB.items.map((s: { id: string }) => s.id)).toEqual([b.id]);
    for (const url of [`/api/monitoring/stations/${a.id}`, `/api/monitoring/stations/${a.id}/readings`])
      expect((await entB.request({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('the overview counts stations by town and the open quarantine', async () => {
    const o = await monitor.request({ method: 'GET', url: '/api/monitoring/overview' });
    expect(o.statusCode).toBe(200);
    const body = o.json();
    expect(body.stations).toBe(body.online + body.offline);
    expect(body.byTown.find((x: { townCode: string }) => x.townCode === '360322101')?.stations).toBeGreaterThan(0);
    // an open alarm of a station counts for its town until an officer closes it
    const ent = await makeEnterprise(t, { townCode: '360322106' });
    const res = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: {
        enterpriseId: ent.id,
        name: '报警计数点',
        mn: freshMn(),
        password: '123456',
        edition: '2017',
        factors: [{ code: 'a21026' }],
      },
    });
    const town = async () =>
      (await monitor.request({ method: 'GET', url: '/api/monitoring/overview' }))
        .json()
        .byTown.find((x: { townCode: string }) => x.townCode === '360322106') as { openAlarms: number };
    const before = (await town()).openAlarms;
    const { alarm } = await t.database.db.transaction((tx) =>
      raiseAlarm(tx, {
        sourceKind: 'station',
        sourceId: res.json().id,
        sourceName: '报警计数点',
        enterpriseId: ent.id,
        kind: 'zero-value',
        detail: '二氧化硫持续为零值',
      }),
    );
    expect((await town()).openAlarms).toBe(before + 1);
    const closed = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      payload: { outcome: 'dismissed', note: '探头吹扫' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await town()).openAlarms).toBe(before);
  });
});

describe('gateway as a module service', () => {
  it('starts when the HTTP server listens on HJ212_PORT, shows its port in /api/health, stops on close', async () => {
    const free = await new Promise<number>((ok) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => ok(port));
      });
    });
    const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-gw-journal-'));
    const config = loadConfig({
      QINGSHAN_DEMO: '0',
      LOG_LEVEL: 'silent',
      HJ212_PORT: String(free),
      HJ212_HOST: '127.0.0.1',
      INGEST_JOURNAL: journalDir,
    });
    const app = await buildApp({ config, database: t.database, logger: false });
    try {
      const before = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(before.services.hj212Gateway).toBeNull();
      await app.listen({ port: 0, host: '127.0.0.1' });
      let health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      // Fastify does not wait for onListen hooks: opening the journal reads the station registry first
      for (let i = 0; i < 100 && !health.services.hj212Gateway; i++) {
        await new Promise((r) => setTimeout(r, 50));
        health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      }
      expect(health.services.hj212Gateway).toMatchObject({
        port: free,
        openConnections: 0,
        journal: journalDir,
        journalPendingFrames: 0,
      });
      const d = await device(free);
      d.socket.destroy();
    } finally {
      await app.close();
      fs.rmSync(journalDir, { recursive: true, force: true });
    }
    await expect(device(free)).rejects.toThrow();
  });

  it('INGEST_JOURNAL: beside the data directory by default, off restores ack-after-commit, nonsense is refused', () => {
    expect(loadConfig({ QINGSHAN_DATA_DIR: '/srv/qs' }).ingestJournal).toBe('/srv/qs/ingest-journal');
    expect(loadConfig({ INGEST_JOURNAL: 'off' }).ingestJournal).toBeNull();
    expect(loadConfig({ INGEST_JOURNAL: 'journal' }).ingestJournal).toBe(path.resolve('journal'));
    expect(() => loadConfig({ INGEST_JOURNAL: 'false' })).toThrow(/INGEST_JOURNAL/);
  });

  it('HJ212_PORT=0 turns it off', () => {
    expect(loadConfig({ HJ212_PORT: '0' }).hj212Port).toBeNull();
    expect(loadConfig({ QINGSHAN_DEMO: '0' }).hj212Port).toBeNull();
    expect(loadConfig({ QINGSHAN_DEMO: '1' }).hj212Port).toBe(0);
  });
});
