import { type CpInput, decodeFrame, encodeFrame, formatDataTime } from '@qingshan/hj212';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { GATEWAY_DECODE, ingestFrame } from './ingest.ts';
import { deleteExpiredFrames } from './retention.ts';

// The raw frames behind an alarm (issue 11: "a confirmed alarm is the evidence a later inspection
// cites"): found by their window weeks later, and kept past the frame retention when an officer
// confirmed the alarm; a dismissed alarm keeps nothing.

let t: TestApp;
let monitor: Client;
let firm: Client;
let enterpriseId: string;

const MIN = 60_000;
const HOUR = 60 * MIN;
// a fixed past hour, so nothing depends on the clock: 2026-05-10 08:00 Shanghai
const T0 = Date.parse('2026-05-10T08:00:00+08:00');

let counter = 0;
function freshMn(): string {
  counter++;
  return `EVID${String(process.pid % 1_000_000).padStart(6, '0')}${String(counter).padStart(6, '0')}`;
}

async function register(): Promise<{ id: string; mn: string }> {
  const mn = freshMn();
  const res = await monitor.request({
    method: 'POST',
    url: '/api/monitoring/stations',
    payload: {
      enterpriseId,
      name: `证据测试点${mn.slice(-3)}`,
      mn,
      password: '123456',
      edition: '2017',
      factors: [{ code: 'a21002', upperLimit: 180 }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as { id: string }).id, mn };
}

/** One real-time frame stored as the gateway stores it, received 30 s after its data time. */
async function send(mn: string, at: number, value: number) {
  counter++;
  const cp: CpInput = { DataTime: formatDataTime(at), a21002: { Rtd: String(value), Flag: 'N' } };
  const bytes = encodeFrame({
    header: {
      QN: `${formatDataTime(at)}${String(counter % 1000).padStart(3, '0')}`,
      ST: '31',
      CN: '2011',
      PW: '123456',
      MN: mn,
      Flag: 5,
    },
    cp,
  });
  const frame = decodeFrame(bytes, GATEWAY_DECODE);
  const out = await ingestFrame(t.database.db, frame, Buffer.from(bytes).toString('utf8'), null, new Date(at + 30_000));
  expect(out.kind).toBe('stored');
}

type FrameView = { dataTime: string | null; receivedAt: string };
async function frames(stationId: string, query = ''): Promise<FrameView[]> {
  const res = await monitor.request({
    method: 'GET',
    url: `/api/monitoring/stations/${stationId}/frames?pageSize=100${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: FrameView[] }).items;
}

/** A station that sends a compliant value 5 h before T0, one over the limit at T0 and a compliant one 5 h after. */
async function stationWithWarning(): Promise<{ id: string; alarmId: string }> {
  const st = await register();
  await send(st.mn, T0 - 5 * HOUR, 150);
  await send(st.mn, T0, 260);
  await send(st.mn, T0 + 5 * HOUR, 150);
  const res = await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${st.id}` });
  const warning = (res.json() as { items: { id: string; kind: string }[] }).items.find(
    (a) => a.kind === 'over-limit-warning',
  );
  expect(warning, res.body).toBeDefined();
  return { id: st.id, alarmId: warning!.id };
}

async function close(alarmId: string, outcome: 'confirmed' | 'dismissed') {
  if (outcome === 'confirmed') {
    const answer = await firm.request({
      method: 'POST',
      url: `/api/alarms/${alarmId}/answer`,
      payload: { reason: '脱硝喷氨泵故障', action: '已更换喷氨泵，排放恢复正常' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
  }
  const res = await monitor.request({
    method: 'POST',
    url: `/api/alarms/${alarmId}/close`,
    payload: { outcome, note: outcome === 'confirmed' ? '核对原始报文，超标属实' : '仪器校准，误报' },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const hhmm = (f: FrameView) => f.dataTime;

beforeAll(async () => {
  t = await buildTestApp();
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
  firm = await loginAs(t, ['enterprise'], enterpriseId);
});
afterAll(async () => {
  await t?.close();
});

describe('the raw frames behind an alarm', () => {
  it('are listed by their window of receipt; a window over 31 days or reversed is refused with the field', async () => {
    const st = await stationWithWarning();
    expect(await frames(st.id)).toHaveLength(3);
    const around = await frames(
      st.id,
      `&from=${encodeURIComponent(new Date(T0 - HOUR).toISOString())}&to=${encodeURIComponent(new Date(T0 + HOUR).toISOString())}`,
    );
    expect(around.map(hhmm)).toEqual([new Date(T0).toISOString()]);
    for (const q of [
      `&from=${encodeURIComponent(new Date(T0 - 40 * 24 * HOUR).toISOString())}&to=${encodeURIComponent(new Date(T0).toISOString())}`,
      `&from=${encodeURIComponent(new Date(T0 + HOUR).toISOString())}&to=${encodeURIComponent(new Date(T0).toISOString())}`,
    ]) {
      const bad = await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${st.id}/frames?${q}` });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.body).toContain('from');
    }
  });

  it('outlive the frame retention when an officer confirmed the alarm; other frames and a dismissed alarm’s go', async () => {
    const confirmed = await stationWithWarning();
    const dismissed = await stationWithWarning();
    await close(confirmed.alarmId, 'confirmed');
    await close(dismissed.alarmId, 'dismissed');
    // every frame of both stations is past the cutoff
    await deleteExpiredFrames(t.database.db, new Date(T0 + 10 * HOUR));
    expect((await frames(confirmed.id)).map(hhmm)).toEqual([new Date(T0).toISOString()]);
    expect(await frames(dismissed.id)).toEqual([]);
    // a cutoff before the alarm leaves the later frames alone
    const later = await stationWithWarning();
    await deleteExpiredFrames(t.database.db, new Date(T0 - HOUR));
    expect(await frames(later.id)).toHaveLength(2);
  });
});
