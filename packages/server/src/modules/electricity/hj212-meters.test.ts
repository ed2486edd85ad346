import net from 'node:net';
import { type DecodedFrame, encodeFrame, formatDataTime, StreamDecoder } from '@qingshan/hj212';
import { and, eq, sql } from 'drizzle-orm';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { alarms } from '../alarms/tables.ts';
import { auditEntries } from '../audit/tables.ts';
import { type Gateway, startGateway } from '../monitoring/gateway.ts';
import { monitoringFrames, monitoringQuarantine } from '../monitoring/tables.ts';
import { meterSubscriber } from './mqtt.ts';
import { evaluateElectricity } from './service.ts';
import { electricityMeters, electricityReadings } from './tables.ts';

// Electricity meters over HJ 212 (issue 11): frames from a meter logger reach the same gateway as
// the monitoring stations, are acked once durable, are idempotent, and become readings that R1–R5
// judge exactly as the same readings over MQTT.

let t: TestApp;
let gw: Gateway;
let monitor: Client;
let A: string;
let B: string;
let entA: Client;
const MIN = 60_000;
const uniq = () => Math.random().toString(36).slice(2, 8);
let mnCounter = 0;
const freshMn = () => `E1M${String(process.pid % 100000).padStart(5, '0')}${uniq()}${++mnCounter}`.slice(0, 24);

beforeAll(async () => {
  t = await buildTestApp();
  gw = await startGateway({ db: t.database.db, port: 0, host: '127.0.0.1', idleTimeoutMs: 60_000 });
  monitor = await loginAs(t, ['monitor']);
  A = (await makeEnterprise(t)).id;
  B = (await makeEnterprise(t)).id;
  entA = await loginAs(t, ['enterprise'], A);
}, 60_000);
afterAll(async () => {
  await gw.close();
  await t.close();
});

type Device = { send(b: Uint8Array): void; acks: DecodedFrame[]; waitAck(qn: string): Promise<boolean>; close(): void };

async function logger(): Promise<Device> {
  const socket = net.connect({ port: gw.port, host: '127.0.0.1' });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', ok);
    socket.once('error', fail);
  });
  const decoder = new StreamDecoder({ lenient: true });
  const acks: DecodedFrame[] = [];
  const waiters = new Set<() => void>();
  socket.on('data', (chunk: Uint8Array) => {
    acks.push(...decoder.push(chunk).filter((f) => f.header.CN === '9014'));
    for (const w of waiters) w();
  });
  socket.on('error', () => {});
  return {
    acks,
    send: (b) => socket.write(b),
    close: () => socket.destroy(),
    waitAck: (qn) =>
      new Promise((resolve) => {
        const check = () => {
          if (!acks.some((f) => f.header.QN === qn)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(false);
        }, 10_000);
        waiters.add(check);
        check();
      }),
  };
}

async function meter(enterpriseId: string, body: Record<string, unknown>) {
  const res = await monitor.request({
    method: 'POST',
    url: '/api/electricity/meters',
    payload: { enterpriseId, code: `M-${uniq()}`, name: '电表', ratedKw: 20, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; hj212: { mn: string; code: string } | null };
}

/** A line and its facility; the line bound at registration, the facility through the edit route. */
async function plant(enterpriseId: string, mn: string | null) {
  const line = await meter(enterpriseId, {
    name: '1号隧道窑',
    role: 'line',
    ratedKw: 100,
    ...(mn ? { hj212: { mn, code: 'ele01', password: 'pw2026' } } : {}),
  });
  const fac = await meter(enterpriseId, { name: '脱硫塔循环泵', role: 'facility', servesMeterId: line.id });
  if (mn) {
    // the logger's password is already known from the line: the facility inherits it
    const res = await monitor.request({
      method: 'PUT',
      url: `/api/electricity/meters/${fac.id}/hj212`,
      payload: { mn, code: 'ele02' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hj212).toEqual({ mn, code: 'ele02' });
  }
  return { line, fac };
}

const qnAt = (at: number, n = 0) => `${formatDataTime(at)}${String(n).padStart(3, '0')}`;

function frame2017(mn: string, pw: string, at: number, values: Record<string, number>, cn = '2011') {
  const cp: Record<string, string | Record<string, string>> = { DataTime: formatDataTime(at) };
  for (const [code, kw] of Object.entries(values))
    cp[code] = cn === '2011' ? { Rtd: kw.toFixed(2), Flag: 'N' } : { Avg: kw.toFixed(2), Flag: 'N' };
  return encodeFrame({ header: { QN: qnAt(at), ST: '80', CN: cn, PW: pw, MN: mn, Flag: 5 }, cp });
}

function frame2005(mn: string, pw: string, at: number, values: Record<string, number>) {
  const cp: Record<string, string | Record<string, string>> = { DataTime: formatDataTime(at) };
  for (const [code, kw] of Object.entries(values)) cp[code] = { Avg: kw.toFixed(2), Flag: 'N' };
  return encodeFrame({ header: { ST: '31', CN: '2051', PW: pw, MN: mn }, cp, edition: '2005' }, { edition: '2005' });
}

async function kwOf(meterId: string) {
  const rows = await t.database.db
    .select({ kw: electricityReadings.kw })
    .from(electricityReadings)
    .where(eq(electricityReadings.meterId, meterId))
    .orderBy(electricityReadings.at);
  return rows.map((r) => r.kw);
}

async function kinds(meterId: string) {
  const rows = await t.database.db.select().from(alarms).where(eq(alarms.sourceId, meterId));
  return rows.map((a) => `${a.kind}/${a.state}/${(a.evidence as { minutes?: number }).minutes}`).sort();
}

async function framesOf(mn: string) {
  const [r] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(monitoringFrames)
    .where(eq(monitoringFrames.mn, mn));
  return r?.n ?? 0;
}

async function waitFor(check: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

// the line runs at 50 kW for 30 minutes; the facility runs for 5, then stops (R1 past 15 minutes)
const N = 30;
const LINE = (_m: number) => 50;
const FAC_STOPS = (m: number) => (m < 5 ? 15 : 0);

describe('electricity meters over HJ 212', () => {
  it('a 2017 logger’s 2011 frames are acked once stored and raise the same R1 alarm as the same readings over MQTT', async () => {
    const mn = freshMn();
    const hj = await plant(A, mn);
    const mq = await plant(A, null);
    const base = Math.floor(Date.now() / MIN) * MIN - 60 * MIN;

    const dev = await logger();
    for (let m = 0; m < N; m++) {
      const at = base + m * MIN;
      dev.send(frame2017(mn, 'pw2026', at, { ele01: LINE(m), ele02: FAC_STOPS(m) }));
    }
    expect(await dev.waitAck(qnAt(base + (N - 1) * MIN))).toBe(true);
    expect(dev.acks).toHaveLength(N);
    expect(await kwOf(hj.line.id)).toEqual(Array.from({ length: N }, (_, m) => LINE(m)));
    expect(await kwOf(hj.fac.id)).toEqual(Array.from({ length: N }, (_, m) => FAC_STOPS(m)));

    // a retransmit (same MN + QN) is acked again and stored once
    dev.send(frame2017(mn, 'pw2026', base + 5 * MIN, { ele01: 99, ele02: 99 }));
    await waitFor(async () => dev.acks.length === N + 1);
    expect(await framesOf(mn)).toBe(N);
    expect((await kwOf(hj.line.id))[5]).toBe(50);
    dev.close();

    // the same readings over MQTT (the module's subscriber, embedded broker)
    const port = await freePort();
    const prefix = `qs-test-${uniq()}`;
    const sub = meterSubscriber({ db: t.database.db, url: undefined, port, host: '127.0.0.1', prefix, log: () => {} });
    await sub.start();
    try {
      const pub = await connectAsync(`mqtt://127.0.0.1:${port}`);
      const codes = await t.database.db
        .select({ id: electricityMeters.id, code: electricityMeters.code })
        .from(electricityMeters)
        .where(sql`${electricityMeters.id} in (${mq.line.id}, ${mq.fac.id})`);
      const codeOf = new Map(codes.map((c) => [c.id, c.code]));
      for (let m = 0; m < N; m++) {
        const ts = new Date(base + m * MIN).toISOString();
        await pub.publishAsync(`${prefix}/meters/${codeOf.get(mq.line.id)}/power`, JSON.stringify({ ts, p: LINE(m) }), {
          qos: 1,
        });
        await pub.publishAsync(
          `${prefix}/meters/${codeOf.get(mq.fac.id)}/power`,
          JSON.stringify({ ts, p: FAC_STOPS(m) }),
          { qos: 1 },
        );
      }
      await pub.endAsync();
      await waitFor(async () => sub.stats.stored >= 2 * N);
      await sub.drain();
    } finally {
      await sub.stop();
    }

    await evaluateElectricity(t.database.db, new Date(base + N * MIN));
    const viaHj212 = await kinds(hj.fac.id);
    expect(viaHj212).toEqual(['r1-control-off/active/25']);
    expect(await kinds(mq.fac.id)).toEqual(viaHj212);
    expect(await kinds(hj.line.id)).toEqual(await kinds(mq.line.id));
  });

  it('a 2005 logger’s 2051 minute averages become readings (no ack: 2005 asks for none) and raise R3', async () => {
    const mn = freshMn();
    const { line, fac } = await plant(A, mn);
    const base = Math.floor(Date.now() / MIN) * MIN - 60 * MIN;
    const dev = await logger();
    // the pump draws 4 kW of its 20 kW rating (below R3's 50 %) while the kiln runs
    for (let m = 0; m < 40; m++) dev.send(frame2005(mn, 'pw2026', base + m * MIN, { ele01: 60, ele02: 4 }));
    await waitFor(async () => (await kwOf(fac.id)).length === 40);
    // a 2005 retransmit (same MN + CN + DataTime, no QN) is stored once
    dev.send(frame2005(mn, 'pw2026', base, { ele01: 60, ele02: 4 }));
    dev.send(frame2005(mn, 'pw2026', base + 40 * MIN, { ele01: 60, ele02: 4 }));
    await waitFor(async () => (await kwOf(fac.id)).length === 41);
    expect(await framesOf(mn)).toBe(41);
    expect(await kwOf(line.id)).toHaveLength(41);
    expect(dev.acks).toHaveLength(0);
    dev.close();
    await evaluateElectricity(t.database.db, new Date(base + 41 * MIN));
    expect((await kinds(fac.id)).map((k) => k.split('/').slice(0, 2).join('/'))).toEqual([
      'r3-control-low-power/active',
    ]);
  });

  it('refuses a wrong password (not stored, not acked); stores what it can of a frame naming an unbound code and replays it once the code is bound', async () => {
    const mn = freshMn();
    const { line, fac } = await plant(A, mn);
    const at = Math.floor(Date.now() / MIN) * MIN - 5 * MIN;
    const dev = await logger();
    const wrong = frame2017(mn, 'guess1', at, { ele01: 70, ele02: 10 });
    // ele09 is a third meter nobody bound yet
    const right = frame2017(mn, 'pw2026', at + MIN, { ele01: 70, ele02: 10, ele09: 33 });
    dev.send(wrong);
    dev.send(right);
    // acks are written in the frames' order: once the second is acked the first was decided
    expect(await dev.waitAck(qnAt(at + MIN))).toBe(true);
    expect(dev.acks.map((f) => f.header.QN)).toEqual([qnAt(at + MIN)]);
    expect(await framesOf(mn)).toBe(1);
    expect(await kwOf(line.id)).toEqual([70]);
    expect(await kwOf(fac.id)).toEqual([10]);
    dev.close();

    // binding ele09 later makes the archived value a reading
    const third = await meter(A, { name: '2号布袋除尘风机', role: 'facility', servesMeterId: line.id });
    const bind = await monitor.request({
      method: 'PUT',
      url: `/api/electricity/meters/${third.id}/hj212`,
      payload: { mn, code: 'ele09' },
    });
    expect(bind.statusCode, bind.body).toBe(200);
    expect(await kwOf(third.id)).toEqual([33]);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, third.id), eq(auditEntries.action, 'meter.hj212-bind')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('pw2026');

    // unbound again: the logger's next frames go on to quarantine only once no meter is bound to its MN
    const unbind = await monitor.request({ method: 'DELETE', url: `/api/electricity/meters/${third.id}/hj212` });
    expect(unbind.statusCode, unbind.body).toBe(200);
    expect(unbind.json().hj212).toBeNull();
  });

  it('validates the binding with Chinese errors and changes nothing; enterprises may not bind', async () => {
    const mn = freshMn();
    const { line, fac } = await plant(A, mn);
    const put = (id: string, payload: Record<string, string>, who = monitor) =>
      who.request({ method: 'PUT', url: `/api/electricity/meters/${id}/hj212`, payload });
    const taken = await put(fac.id, { mn, code: 'ele01' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('已对应电表');
    const badCode = await put(fac.id, { mn, code: 'ele-01' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.body).toContain('因子编码');
    const noPw = await put(fac.id, { mn: freshMn(), code: 'ele01' });
    expect(noPw.statusCode).toBe(400);
    expect(noPw.body).toContain('首次接入该数采仪须填写访问密码');
    const other = await meter(B, { name: '别家产线', role: 'line' });
    const cross = await put(other.id, { mn, code: 'ele05', password: 'pw2026' });
    expect(cross.statusCode).toBe(400);
    expect(cross.body).toContain('其他企业');
    const station = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: {
        enterpriseId: A,
        name: '监控点',
        mn,
        password: '123456',
        edition: '2017',
        factors: [{ code: 'a21026' }],
      },
    });
    expect(station.statusCode).toBe(409);
    expect(station.body).toContain('电表');
    expect((await put(line.id, { mn, code: 'ele07' }, entA)).statusCode).toBe(403);
    const [f] = await t.database.db.select().from(electricityMeters).where(eq(electricityMeters.id, fac.id));
    expect([f!.hj212Mn, f!.hj212Code]).toEqual([mn, 'ele02']);
  });

  it('an MN bound to no meter and no station still goes to quarantine; binding it registers the entry and replays', async () => {
    const mn = freshMn();
    const at = Math.floor(Date.now() / MIN) * MIN - 3 * MIN;
    const dev = await logger();
    dev.send(frame2017(mn, 'pw9', at, { ele01: 41 }));
    expect(await dev.waitAck(qnAt(at))).toBe(true);
    dev.close();
    const [q] = await t.database.db.select().from(monitoringQuarantine).where(eq(monitoringQuarantine.mn, mn));
    expect(q?.state).toBe('open');
    const line = await meter(A, { name: '3号产线', role: 'line', hj212: { mn, code: 'ele01', password: 'pw9' } });
    expect(await kwOf(line.id)).toEqual([41]);
    const [after] = await t.database.db.select().from(monitoringQuarantine).where(eq(monitoringQuarantine.mn, mn));
    expect(after?.state).toBe('registered');
  });
});

describe('electricity: a meter’s raw HJ 212 frames', () => {
  it('lists its logger’s frames newest first in a window of at most 31 days; B never reads A’s', async () => {
    const mn = freshMn();
    const { line, fac } = await plant(A, mn);
    const base = Math.floor(Date.now() / MIN) * MIN - 10 * MIN;
    const dev = await logger();
    for (let m = 0; m < 3; m++) dev.send(frame2017(mn, 'pw2026', base + m * MIN, { ele01: 40 + m, ele02: 10 }));
    expect(await dev.waitAck(qnAt(base + 2 * MIN))).toBe(true);
    dev.close();
    // the default window ends at now, exclusive, and the tests' clock (test/fixed-clock.ts) moves in
    // 20 ms steps: frames received in the current step would fall outside it
    await new Promise((r) => setTimeout(r, 50));
    type Frames = { items: { qn: string | null; mn: string; raw: string }[]; total: number };
    const get = (c: Client, id: string, q = '') =>
      c.request({ method: 'GET', url: `/api/electricity/meters/${id}/frames?pageSize=2${q}` });

    const res = await get(monitor, line.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Frames;
    expect(body.total).toBe(3);
    expect(body.items.map((f) => f.qn)).toEqual([qnAt(base + 2 * MIN), qnAt(base + MIN)]);
    expect(body.items[0]!.raw).toContain('ele01-Rtd=42.00');
    // the facility reports through the same logger: the same frames
    expect(((await get(monitor, fac.id)).json() as Frames).total).toBe(3);
    // the enterprise reads its own; B is refused
    expect(((await get(entA, line.id)).json() as Frames).total).toBe(3);
    const entB = await loginAs(t, ['enterprise'], B);
    expect((await get(entB, line.id)).statusCode).toBe(403);
    // a window before the frames: none; longer than 31 days or reversed: refused with the field
    const old = `&from=${encodeURIComponent(new Date(base - 5 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(base - 86_400_000).toISOString())}`;
    expect(((await get(monitor, line.id, old)).json() as Frames).total).toBe(0);
    const long = `&from=${encodeURIComponent(new Date(base - 40 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(base).toISOString())}`;
    const refused = await get(monitor, line.id, long);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('from');
    // a meter over MQTT only has no HJ 212 frames
    const mq = await meter(A, { name: '仅MQTT电表', role: 'line' });
    expect(((await get(monitor, mq.id)).json() as Frames).total).toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
