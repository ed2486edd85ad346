import { randomBytes } from 'node:crypto';
import { decodeFrame, encodeFrame, formatDataTime } from '@qingshan/hj212';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { bindHj212 } from '../electricity/service.ts';
import { electricityReadings } from '../electricity/tables.ts';
import { type Bus, busSink, connectBus, deleteStream } from './bus.ts';
import type { FrameSink, GatewayOutcome } from './gateway.ts';
import { GATEWAY_DECODE } from './ingest.ts';
import { rejectQuarantined, updateStation } from './service.ts';
import { monitoringQuarantine } from './tables.ts';

// The bus gateways' directory (issue 11, INGEST_BUS) against the NATS on this machine: the
// platform (its writer answers look-ups, its routes publish registry changes) and a gateway's
// sink on a connection of its own, as a remote gateway process holds one. A meter logger's wrong
// password is refused before JetStream stores the frame; a registration changed by staff reaches
// the gateway at once instead of after its 60 s cache. The stream is this run's own, deleted after.

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const run = randomBytes(4).toString('hex');
const env = {
  INGEST_BUS: NATS_URL,
  INGEST_STREAM: `QS_DIR_${run}`,
  INGEST_SUBJECT: `qs-dir-${run}`,
  INGEST_ACK_WAIT_MS: '2000',
};

let t: TestApp;
let monitor: Client;
let enterpriseId: string;
let remote: Bus;
let sink: FrameSink;

let mnCounter = 0;
const freshMn = () => `DIR${run}${String(++mnCounter).padStart(6, '0')}`;
let qnCounter = 0;
const T0 = Date.parse('2026-06-20T10:00:00+08:00');

/** Hands a 2017 real-time frame to the gateway's sink, as the gateway does once decoded. */
function offer(mn: string, pw: string, cp: Record<string, Record<string, string>>): Promise<GatewayOutcome> {
  qnCounter++;
  const at = T0 + qnCounter * 60_000;
  const bytes = encodeFrame({
    header: {
      QN: `${formatDataTime(at)}${String(qnCounter % 1000).padStart(3, '0')}`,
      ST: '31',
      CN: '2011',
      PW: pw,
      MN: mn,
      Flag: 5,
    },
    cp: { DataTime: formatDataTime(at), ...cp },
  });
  return sink(decodeFrame(bytes, GATEWAY_DECODE), Buffer.from(bytes).toString('utf8'), '127.0.0.1:1', new Date(at));
}
const power = (kw: number) => ({ ele01: { Rtd: kw.toFixed(2), Flag: 'N' } });
const nox = { a21002: { Rtd: '20', Flag: 'N' } };

/** Frames JetStream stored in this run's stream so far. */
async function published(): Promise<number> {
  const jsm = await remote.nc.jetstreamManager();
  return (await jsm.streams.info(env.INGEST_STREAM)).state.last_seq;
}

// registry changes travel PostgreSQL → listener → NATS → the remote directory: 15 s is for a loaded machine
async function until(what: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await what()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function station(mn: string, password: string) {
  const res = await monitor.request({
    method: 'POST',
    url: '/api/monitoring/stations',
    payload: {
      enterpriseId,
      name: `总线目录测试${mn.slice(-3)}`,
      mn,
      password,
      edition: '2017',
      factors: [{ code: 'a21002' }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: string };
}

async function meter(mn: string, password: string) {
  const res = await monitor.request({
    method: 'POST',
    url: '/api/electricity/meters',
    payload: {
      enterpriseId,
      code: `DIR-${mnCounter}`,
      name: '1号球磨机',
      role: 'line',
      ratedKw: 90,
      hj212: { mn, code: 'ele01', password },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  t = await buildTestApp(env);
  // the module services (the writer, the directory notifier) start when the server listens
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env }).ingestBus!;
  remote = await connectBus(config, 'test-remote-gateway');
  sink = busSink(remote, { directoryTtlMs: 60_000 });
}, 60_000);
afterAll(async () => {
  await remote?.close();
  await t?.close();
  await deleteStream(NATS_URL, env.INGEST_STREAM).catch(() => {});
});

describe('bus gateways: the directory knows meter loggers and hears of registry changes', () => {
  it('a meter logger’s wrong password is refused at the gateway and never stored in JetStream; the right one is, and becomes a reading', async () => {
    const mn = freshMn();
    const m = await meter(mn, 'pw2026');
    const before = await published();
    expect(await offer(mn, 'wrong!', power(55))).toEqual({ kind: 'refused', reason: 'bad-password' });
    expect(await published()).toBe(before);

    const ok = await offer(mn, 'pw2026', power(55));
    // a meter logger is not a station: no 补传 or clock requests follow its frames
    expect(ok).toEqual({ kind: 'published', station: null, duplicate: false });
    expect(await published()).toBe(before + 1);
    const stored = await until(async () => {
      const rows = await t.database.db
        .select({ kw: electricityReadings.kw })
        .from(electricityReadings)
        .where(eq(electricityReadings.meterId, m.id));
      return rows.length === 1 && Number(rows[0]!.kw) === 55;
    }, 15_000);
    expect(stored).toBe(true);
  });

  it('a station’s new password, a quarantined logger registered and a meter’s new password apply at once, not after the 60 s cache', async () => {
    // an edited station: the gateway has its old password cached
    const mn1 = freshMn();
    const st = await station(mn1, '123456');
    expect((await offer(mn1, '123456', nox)).kind).toBe('published');
    const patched = await monitor.request({
      method: 'PATCH',
      url: `/api/monitoring/stations/${st.id}`,
      payload: { version: st.version, password: 'ab#987' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await until(async () => (await offer(mn1, 'ab#987', nox)).kind === 'published')).toBe(true);
    expect(await offer(mn1, '123456', nox)).toEqual({ kind: 'refused', reason: 'bad-password' });

    // a logger in quarantine (cached as unknown, so any password passes) registered by staff
    const mn2 = freshMn();
    expect(await offer(mn2, 'anything', nox)).toMatchObject({ kind: 'published', station: null });
    await station(mn2, 'pw-2');
    expect(
      await until(async () => {
        const o = await offer(mn2, 'anything', nox);
        return o.kind === 'refused' && o.reason === 'bad-password';
      }),
    ).toBe(true);
    expect((await offer(mn2, 'pw-2', nox)).kind).toBe('published');

    // a meter logger's password changed on its binding
    const mn3 = freshMn();
    const m = await meter(mn3, 'old-pw');
    expect((await offer(mn3, 'old-pw', power(10))).kind).toBe('published');
    const bound = await monitor.request({
      method: 'PUT',
      url: `/api/electricity/meters/${m.id}/hj212`,
      payload: { mn: mn3, code: 'ele01', password: 'new-pw' },
    });
    expect(bound.statusCode, bound.body).toBe(200);
    expect(await until(async () => (await offer(mn3, 'new-pw', power(11))).kind === 'published')).toBe(true);
    expect(await offer(mn3, 'old-pw', power(12))).toEqual({ kind: 'refused', reason: 'bad-password' });
  });

  it('edits made outside the routes (an import, a script, another module calling the services) reach the gateway at once too', async () => {
    // a station's password changed by a direct call of the service, as an import or a CLI would
    const mn1 = freshMn();
    const st = await station(mn1, '111111');
    expect((await offer(mn1, '111111', nox)).kind).toBe('published');
    await updateStation(t.database.db, SYSTEM_ACTOR, st.id, { version: st.version, password: '222222' } as never);
    expect(await until(async () => (await offer(mn1, '222222', nox)).kind === 'published')).toBe(true);
    expect(await offer(mn1, '111111', nox)).toEqual({ kind: 'refused', reason: 'bad-password' });

    // a quarantined logger rejected by the service: the gateway refuses it from now on
    const mn2 = freshMn();
    expect(await offer(mn2, 'anything', nox)).toMatchObject({ kind: 'published', station: null });
    const q = await until(
      async () =>
        (await t.database.db.select().from(monitoringQuarantine).where(eq(monitoringQuarantine.mn, mn2))).length === 1,
      15_000,
    );
    expect(q).toBe(true);
    const [row] = await t.database.db.select().from(monitoringQuarantine).where(eq(monitoringQuarantine.mn, mn2));
    await rejectQuarantined(t.database.db, SYSTEM_ACTOR, row!.id);
    expect(
      await until(async () => {
        const o = await offer(mn2, 'anything', nox);
        return o.kind === 'refused' && o.reason === 'rejected-mn';
      }),
    ).toBe(true);

    // a meter's logger password changed inside a caller's transaction (the seed's way)
    const mn3 = freshMn();
    const m = await meter(mn3, 'old-pw');
    expect((await offer(mn3, 'old-pw', power(10))).kind).toBe('published');
    await t.database.db.transaction((tx) =>
      bindHj212(tx, SYSTEM_ACTOR, m.id, { mn: mn3, code: 'ele01', password: 'new-pw' }),
    );
    expect(await until(async () => (await offer(mn3, 'new-pw', power(11))).kind === 'published')).toBe(true);
    expect(await offer(mn3, 'old-pw', power(12))).toEqual({ kind: 'refused', reason: 'bad-password' });
  });
});
