import net from 'node:net';
import { and, eq, inArray } from 'drizzle-orm';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, idsInOrder, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { alarms } from '../alarms/tables.ts';
import { auditEntries } from '../audit/tables.ts';
import { notifications } from '../notifications/tables.ts';
import { meterSubscriber } from './mqtt.ts';
import { evaluateElectricity } from './service.ts';
import { electricityMeters, electricityReadings } from './tables.ts';

let t: TestApp;
let A: { id: string; name: string };
let B: { id: string; name: string };
let monitor: Client;
let entA: Client;
let entB: Client;
const MIN = 60_000;

beforeAll(async () => {
  t = await buildTestApp();
  A = await makeEnterprise(t);
  B = await makeEnterprise(t);
  monitor = await loginAs(t, ['monitor']);
  entA = await loginAs(t, ['enterprise'], A.id);
  entB = await loginAs(t, ['enterprise'], B.id);
}, 60_000);
afterAll(() => t.close());

const uniq = () => Math.random().toString(36).slice(2, 8);

async function registerPlant(enterpriseId: string, tag = uniq()) {
  const line = await monitor.request({
    method: 'POST',
    url: '/api/electricity/meters',
    payload: { enterpriseId, code: `L-${tag}`, name: '1号隧道窑', role: 'line', ratedKw: 100 },
  });
  expect(line.statusCode, line.body).toBe(201);
  const fac = await monitor.request({
    method: 'POST',
    url: '/api/electricity/meters',
    payload: {
      enterpriseId,
      code: `F-${tag}`,
      name: '脱硫塔循环泵',
      role: 'facility',
      ratedKw: 20,
      servesMeterId: line.json().id,
      thresholds: { t1Minutes: 15 },
    },
  });
  expect(fac.statusCode, fac.body).toBe(201);
  return { line: line.json(), fac: fac.json(), tag };
}

async function readings(meterId: string, from: number, minutes: number, kw: (m: number) => number) {
  await t.database.db
    .insert(electricityReadings)
    .values(Array.from({ length: minutes }, (_, m) => ({ meterId, at: new Date(from + m * MIN), kw: kw(m) })));
}

/** The subscriber keeps each meter's newest reading; tests that write readings directly set it. */
async function seen(at: number, ...ids: string[]) {
  await t.database.db
    .update(electricityMeters)
    .set({ lastSeenAt: new Date(at) })
    .where(inArray(electricityMeters.id, ids));
}

describe('electricity: registry and restriction orders; B never sees A’s orders or meters', () => {
  it('registers lines and facilities, refuses bad input with the field, and duplicates', async () => {
    const { line, fac, tag } = await registerPlant(A.id);
    expect(fac.thresholds).toMatchObject({ t1Minutes: 15, pPercent: 50 });
    expect(line.topic).toBe(`qingshan/meters/L-${tag}/power`);
    const dup = await monitor.request({
      method: 'POST',
      url: '/api/electricity/meters',
      payload: { enterpriseId: A.id, code: `L-${tag}`, name: 'x', role: 'line', ratedKw: 1 },
    });
    expect(dup.statusCode).toBe(409);
    const noLine = await monitor.request({
      method: 'POST',
      url: '/api/electricity/meters',
      payload: { enterpriseId: A.id, code: `F2-${tag}`, name: 'x', role: 'facility', ratedKw: 1 },
    });
    expect(noLine.statusCode).toBe(400);
    expect(JSON.stringify(noLine.json())).toContain('servesMeterId');
    // a facility of B cannot serve A's line
    const cross = await monitor.request({
      method: 'POST',
      url: '/api/electricity/meters',
      payload: {
        enterpriseId: B.id,
        code: `F3-${tag}`,
        name: 'x',
        role: 'facility',
        ratedKw: 1,
        servesMeterId: line.id,
      },
    });
    expect(cross.statusCode).toBe(400);
    const enterpriseTries = await entA.request({
      method: 'POST',
      url: '/api/electricity/meters',
      payload: { enterpriseId: A.id, code: `L9-${tag}`, name: 'x', role: 'line', ratedKw: 1 },
    });
    expect(enterpriseTries.statusCode).toBe(403);
  });

  it('issues orders with a bounded period; bad ones change nothing', async () => {
    const ok = await monitor.request({
      method: 'POST',
      url: '/api/electricity/restriction-orders',
      payload: {
        enterpriseId: A.id,
        kind: 'halt',
        startsAt: '2026-06-16T00:00:00+08:00',
        endsAt: '2026-06-18T00:00:00+08:00',
        documentNo: '上栗环应急〔2026〕3号',
        reason: '重污染天气橙色预警',
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await monitor.request({
      method: 'POST',
      url: '/api/electricity/restriction-orders',
      payload: {
        enterpriseId: A.id,
        kind: 'limit',
        startsAt: '2026-06-16T00:00:00+08:00',
        endsAt: '2026-09-18T00:00:00+08:00',
        documentNo: 'x',
        reason: 'y',
      },
    });
    expect(bad.statusCode).toBe(400);
    const list = (await entA.request({ method: 'GET', url: '/api/electricity/restriction-orders' })).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([ok.json().id]);
    expect((await entB.request({ method: 'GET', url: '/api/electricity/restriction-orders' })).json().items).toEqual(
      [],
    );
  });

  it('lists meters by enterprise, then role and code, or all of it reversed', async () => {
    const tag = uniq();
    // names the same but for the last letter, so any collation orders them A, B
    const X = await makeEnterprise(t, { name: `电表排序${tag}A` });
    const Y = await makeEnterprise(t, { name: `电表排序${tag}B` });
    const x = await registerPlant(X.id);
    const y = await registerPlant(Y.id);
    const mine: string[] = [x.line.id, x.fac.id, y.line.id, y.fac.id];
    const ids = (sort: string) => idsInOrder(monitor, `/api/electricity/meters?pageSize=200`, sort, mine);
    // 'facility' comes before 'line'
    expect(await ids('')).toEqual([x.fac.id, x.line.id, y.fac.id, y.line.id]);
    expect(await ids('enterprise')).toEqual([x.fac.id, x.line.id, y.fac.id, y.line.id]);
    expect(await ids('-enterprise')).toEqual([y.line.id, y.fac.id, x.line.id, x.fac.id]);
    expect((await monitor.request({ method: 'GET', url: '/api/electricity/meters?sort=code' })).statusCode).toBe(400);
  });

  it('lists orders newest first, or oldest first when asked', async () => {
    const C = await makeEnterprise(t);
    const issue = async (startsAt: string, endsAt: string) => {
      const res = await monitor.request({
        method: 'POST',
        url: '/api/electricity/restriction-orders',
        payload: { enterpriseId: C.id, kind: 'halt', startsAt, endsAt, documentNo: '排序', reason: '排序' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const newer = await issue('2025-01-20T00:00:00+08:00', '2025-01-21T00:00:00+08:00');
    const older = await issue('2025-01-10T00:00:00+08:00', '2025-01-11T00:00:00+08:00');
    const ids = (sort: string) => idsInOrder(monitor, `/api/electricity/restriction-orders?enterpriseId=${C.id}`, sort);
    expect(await ids('')).toEqual([newer, older]);
    expect(await ids('-startsAt')).toEqual([newer, older]);
    expect(await ids('startsAt')).toEqual([older, newer]);
    expect(
      (await monitor.request({ method: 'GET', url: '/api/electricity/restriction-orders?sort=documentNo' })).statusCode,
    ).toBe(400);
  });
});

describe('R1–R5 raise and clear alarms', () => {
  it('R1 raises a facility alarm while it holds and clears it when the facility runs again', async () => {
    const { line, fac } = await registerPlant(A.id);
    const now = Date.now();
    const from = now - 120 * MIN;
    await readings(line.id, from, 121, () => 80);
    await readings(fac.id, from, 121, (m) => (m < 60 ? 18 : 0));
    await seen(now, line.id, fac.id);
    await evaluateElectricity(t.database.db, new Date(now));
    const active = await t.database.db
      .select()
      .from(alarms)
      .where(and(eq(alarms.sourceId, fac.id), eq(alarms.state, 'active')));
    expect(active.map((a) => a.kind)).toEqual(['r1-control-off']);
    expect(active[0]!.detail).toContain('脱硫塔循环泵停运');
    expect(active[0]!.detailEn).toMatch(
      /^脱硫塔循环泵 stopped while .+ was running: from .+ until now, about \d+ minutes$/,
    );
    // evaluating again refreshes, never duplicates
    await evaluateElectricity(t.database.db, new Date(now));
    expect(
      (await t.database.db.select().from(alarms).where(eq(alarms.sourceId, fac.id))).filter(
        (a) => a.kind === 'r1-control-off',
      ),
    ).toHaveLength(1);
    // the facility restarts: the alarm clears, and the ended run is not raised again
    await readings(fac.id, now + MIN, 10, () => 18);
    await readings(line.id, now + MIN, 10, () => 80);
    await evaluateElectricity(t.database.db, new Date(now + 10 * MIN));
    await evaluateElectricity(t.database.db, new Date(now + 11 * MIN));
    const all = await t.database.db.select().from(alarms).where(eq(alarms.sourceId, fac.id));
    expect(all.map((a) => `${a.kind}/${a.state}`)).toEqual(['r1-control-off/cleared']);
    const api = (await entA.request({ method: 'GET', url: `/api/alarms?sourceId=${fac.id}` })).json();
    expect(api.items[0]).toMatchObject({ kind: 'r1-control-off', state: 'cleared', sourceKind: 'facility' });
  });

  it('R1 closed by an officer while the facility is still off is raised again, linked, and the enterprise reminded again', async () => {
    const { line, fac } = await registerPlant(A.id);
    const now = Date.now();
    const from = now - 120 * MIN;
    await readings(line.id, from, 125, () => 80);
    await readings(fac.id, from, 125, (m) => (m < 60 ? 18 : 0));
    await seen(now, line.id, fac.id);
    await evaluateElectricity(t.database.db, new Date(now));
    const [first] = await t.database.db
      .select()
      .from(alarms)
      .where(and(eq(alarms.sourceId, fac.id), eq(alarms.state, 'active')));
    expect(first?.kind).toBe('r1-control-off');
    const answer = await entA.request({
      method: 'POST',
      url: `/api/alarms/${first!.id}/answer`,
      payload: { reason: '循环泵检修', action: '已安排更换轴承' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const close = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${first!.id}/close`,
      payload: { outcome: 'confirmed', note: '现场核实属实' },
    });
    expect(close.statusCode, close.body).toBe(200);

    // the next pass still finds the facility off while the line runs
    await seen(now + 2 * MIN, line.id, fac.id);
    await evaluateElectricity(t.database.db, new Date(now + 2 * MIN));
    const all = await t.database.db.select().from(alarms).where(eq(alarms.sourceId, fac.id));
    expect(all.map((a) => a.state).sort()).toEqual(['active', 'closed']);
    const again = all.find((a) => a.state === 'active')!;
    expect(again.recurrenceOf).toBe(first!.id);
    const detail = (await entA.request({ method: 'GET', url: `/api/alarms/${again.id}` })).json();
    expect(detail.alarm.recurrenceOf).toBe(first!.id);
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['raised', 'recurred', 'reminded']);
    const reminders = await t.database.db
      .select({ title: notifications.title, body: notifications.body })
      .from(notifications)
      .where(eq(notifications.link, `/enterprise/alarms/${again.id}`));
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders[0]!.title).toContain('再次报警');
    expect(reminders[0]!.body).toContain('经审核关闭后');
    // evaluating once more refreshes the new alarm, never a third
    await evaluateElectricity(t.database.db, new Date(now + 3 * MIN));
    expect(await t.database.db.select().from(alarms).where(eq(alarms.sourceId, fac.id))).toHaveLength(2);
  });

  it('R2, R3 and R5 raise their alarms through the database as well', async () => {
    const now = Date.now();
    const from = now - 120 * MIN;
    const kinds = async (meterId: string) =>
      (await t.database.db.select().from(alarms).where(eq(alarms.sourceId, meterId))).map(
        (a) => `${a.kind}/${a.state}`,
      );
    // R2: the facility started 12 minutes after the line (t₂ = 10): an ended run, kept as cleared evidence
    const lag = await registerPlant((await makeEnterprise(t)).id);
    await readings(lag.line.id, from, 121, (m) => (m >= 10 ? 80 : 0));
    await readings(lag.fac.id, from, 121, (m) => (m >= 22 ? 18 : 0));
    await seen(now, lag.line.id, lag.fac.id);
    // R3: 5 kW of a 20 kW facility (p = 50 %) while the line runs
    const weak = await registerPlant((await makeEnterprise(t)).id);
    await readings(weak.line.id, from, 121, () => 80);
    await readings(weak.fac.id, from, 121, () => 5);
    await seen(now, weak.line.id, weak.fac.id);
    // R5: the facility's meter fell silent an hour ago (t₃ = 30 min)
    const silent = await registerPlant((await makeEnterprise(t)).id);
    await readings(silent.line.id, from, 121, () => 80);
    await readings(silent.fac.id, from, 60, () => 18);
    await seen(now, silent.line.id);
    await seen(from + 59 * MIN, silent.fac.id);
    await evaluateElectricity(t.database.db, new Date(now));
    expect(await kinds(lag.fac.id)).toEqual(['r2-control-lag/cleared']);
    expect(await kinds(weak.fac.id)).toEqual(['r3-control-low-power/active']);
    expect(await kinds(silent.fac.id)).toContain('r5-meter-offline/active');
  });

  it('R3 cleared says until when it ran low, in Chinese and English, on the alarm, its timeline and its audit', async () => {
    const { line, fac } = await registerPlant((await makeEnterprise(t)).id);
    const now = Date.now();
    const from = now - 120 * MIN;
    // the line runs throughout; the facility draws 5 of its 20 kW for the last 40 minutes
    await readings(line.id, from, 121, () => 80);
    await readings(fac.id, from, 121, (m) => (m < 80 ? 18 : 5));
    await seen(now, line.id, fac.id);
    await evaluateElectricity(t.database.db, new Date(now));
    const [raised] = await t.database.db.select().from(alarms).where(eq(alarms.sourceId, fac.id));
    expect(raised).toMatchObject({ kind: 'r3-control-low-power', state: 'active' });
    expect(raised!.detail).toMatch(/起至今，持续约\d+分钟$/);
    expect(raised!.detailEn).toMatch(/until now, about \d+ minutes$/);
    // back to full power 5 minutes later: the low run ended at now + 5 min
    await readings(fac.id, now + MIN, 10, (m) => (m < 4 ? 5 : 18));
    await readings(line.id, now + MIN, 10, () => 80);
    await seen(now + 10 * MIN, line.id, fac.id);
    await evaluateElectricity(t.database.db, new Date(now + 10 * MIN));
    const [row] = await t.database.db.select().from(alarms).where(eq(alarms.id, raised!.id));
    expect(row!.state).toBe('cleared');
    const hm = (ms: number) => new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(11, 16);
    const end = hm(now + 5 * MIN);
    expect(row!.detail).not.toContain('至今');
    expect(row!.detail).toMatch(new RegExp(`功率低于额定功率的50%：.+起至.+ ${end}，持续约4[45]分钟$`));
    expect(row!.detailEn).toMatch(new RegExp(`: from .+ to .+ ${end}, about 4[45] minutes$`));
    expect(row!.evidence).toMatchObject({ rule: 'R3', minutes: expect.any(Number) });
    const detail = (await monitor.request({ method: 'GET', url: `/api/alarms/${row!.id}` })).json();
    expect(detail.alarm.detail).toBe(row!.detail);
    const clearedStep = detail.events.find((e: { type: string }) => e.type === 'cleared');
    expect(clearedStep).toMatchObject({ note: row!.detail, noteEn: row!.detailEn });
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, row!.id), eq(auditEntries.action, 'alarm.clear')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ detail: raised!.detail });
    expect(audit[0]!.after).toMatchObject({ state: 'cleared', detail: row!.detail });
  });

  it('R4 raises on production during a halt order; a fully stopped plant raises nothing', async () => {
    const { line, fac } = await registerPlant(B.id);
    const now = Date.now();
    const from = now - 60 * MIN;
    await readings(line.id, from, 61, () => 70);
    await readings(fac.id, from, 61, () => 18);
    await seen(now, line.id, fac.id);
    const order = await monitor.request({
      method: 'POST',
      url: '/api/electricity/restriction-orders',
      payload: {
        enterpriseId: B.id,
        kind: 'halt',
        startsAt: new Date(from).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
        documentNo: '上栗环应急〔2026〕4号',
        reason: '重污染天气橙色预警',
      },
    });
    expect(order.statusCode).toBe(201);
    await evaluateElectricity(t.database.db, new Date(now));
    const r4 = await t.database.db.select().from(alarms).where(eq(alarms.sourceId, line.id));
    expect(r4.map((a) => `${a.kind}/${a.state}`)).toEqual(['r4-restriction-order/active']);

    // a plant stopped all along, with silent meters, raises nothing
    const C = await makeEnterprise(t);
    const stopped = await registerPlant(C.id);
    await readings(stopped.line.id, now - 300 * MIN, 30, () => 0);
    await evaluateElectricity(t.database.db, new Date(now));
    const none = await t.database.db.select().from(alarms).where(eq(alarms.enterpriseId, C.id));
    expect(none).toEqual([]);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function publishAndWait(url: string, topic: string, payloads: string[]) {
  const pub = await connectAsync(url);
  for (const p of payloads) await pub.publishAsync(topic, p, { qos: 1 });
  await pub.endAsync();
}

async function waitFor(check: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('meters over MQTT', () => {
  it('stores readings from the machine’s Mosquitto (MQTT_URL); repeats and strays change nothing', async () => {
    const { line, tag } = await registerPlant(A.id);
    const prefix = `qs-test-${uniq()}`;
    const sub = meterSubscriber({
      db: t.database.db,
      url: 'mqtt://127.0.0.1:1883',
      port: 0,
      host: '127.0.0.1',
      prefix,
      log: () => {},
    });
    await sub.start();
    try {
      const topic = `${prefix}/meters/L-${tag}/power`;
      await publishAndWait('mqtt://127.0.0.1:1883', topic, [
        JSON.stringify({ ts: '2026-06-15T10:00:00+08:00', p: 81.5, e: 1200.5 }),
        JSON.stringify({ ts: '2026-06-15T10:01:00+08:00', p: 82 }),
        JSON.stringify({ ts: '2026-06-15T10:01:00+08:00', p: 82 }),
        '{not json',
        JSON.stringify({ ts: 'yesterday', p: -1 }),
      ]);
      await publishAndWait('mqtt://127.0.0.1:1883', `${prefix}/meters/NOPE-${tag}/power`, [
        JSON.stringify({ ts: '2026-06-15T10:00:00+08:00', p: 1 }),
      ]);
      await waitFor(
        async () => sub.stats.stored + sub.stats.duplicate + sub.stats.invalid + sub.stats.unknownMeter >= 6,
      );
      await sub.drain();
      expect(sub.stats).toEqual({ stored: 2, duplicate: 1, unknownMeter: 1, invalid: 2 });
      const series = await entA.request({
        method: 'GET',
        url: `/api/electricity/meters/${line.id}/series?from=${encodeURIComponent('2026-06-15T09:00:00+08:00')}&to=${encodeURIComponent('2026-06-15T11:00:00+08:00')}`,
      });
      expect(series.statusCode, series.body).toBe(200);
      expect(series.json().points.map((p: { kw: number }) => p.kw)).toEqual([81.5, 82]);
      expect(series.json().meter.lastKw).toBe(82);
      // B may not read A's curve
      const other = await entB.request({
        method: 'GET',
        url: `/api/electricity/meters/${line.id}/series?from=${encodeURIComponent('2026-06-15T09:00:00+08:00')}&to=${encodeURIComponent('2026-06-15T11:00:00+08:00')}`,
      });
      expect(other.statusCode).toBe(403);
    } finally {
      await sub.stop();
    }
  });

  it('runs an embedded broker when MQTT_URL is unset', async () => {
    const { line, tag } = await registerPlant(A.id);
    const port = await freePort();
    const prefix = `qs-test-${uniq()}`;
    const sub = meterSubscriber({ db: t.database.db, url: undefined, port, host: '127.0.0.1', prefix, log: () => {} });
    await sub.start();
    try {
      expect(sub.brokerPort()).toBe(port);
      await publishAndWait(`mqtt://127.0.0.1:${port}`, `${prefix}/meters/L-${tag}/power`, [
        JSON.stringify({ ts: '2026-06-15T12:00:00+08:00', p: 55 }),
      ]);
      await waitFor(async () => sub.stats.stored >= 1);
      await sub.drain();
      const rows = await t.database.db
        .select()
        .from(electricityReadings)
        .where(eq(electricityReadings.meterId, line.id));
      expect(rows.map((r) => r.kw)).toEqual([55]);
    } finally {
      await sub.stop();
    }
  });
});
