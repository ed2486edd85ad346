import { MASKED_PASSWORD } from '@qingshan/core/monitoring';
import { type CpInput, decodeFrame, encodeFrame, formatDataTime } from '@qingshan/hj212';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { GATEWAY_DECODE, ingestFrame } from './ingest.ts';

// The data logger's password (表 3 PW) is a credential the bureau issues: raw frames show it only to
// whoever may manage stations (admin, monitor); the enterprise and other staff read it masked, with
// the CRC verdict the server made on the frame as received — a station's frames, a meter logger's
// frames and the quarantine's last frame alike.

let t: TestApp;
let monitor: Client;
let admin: Client;
let clerk: Client;
let leader: Client;
let firm: Client;
let enterpriseId: string;

const T0 = Date.parse('2026-05-12T08:00:00+08:00');
let counter = 0;
const freshMn = (p: string) =>
  `${p}${String(process.pid % 1_000_000).padStart(6, '0')}${String(++counter).padStart(6, '0')}`;

/** A 2017 real-time frame with this password, stored as the gateway stores it. */
async function send(mn: string, pw: string, cp: CpInput) {
  counter++;
  const at = T0 + counter * 60_000;
  const bytes = encodeFrame({
    header: {
      QN: `${formatDataTime(at)}${String(counter % 1000).padStart(3, '0')}`,
      ST: '31',
      CN: '2011',
      PW: pw,
      MN: mn,
      Flag: 5,
    },
    cp: { DataTime: formatDataTime(at), ...cp },
  });
  const raw = Buffer.from(bytes).toString('utf8');
  const out = await ingestFrame(t.database.db, decodeFrame(bytes, GATEWAY_DECODE), raw, null, new Date(at + 1_000));
  return { raw, kind: out.kind };
}

type Shown = { raw: string; passwordHidden: boolean; crcValid: boolean };
async function framesAs(c: Client, url: string): Promise<Shown[]> {
  const res = await c.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Shown[] }).items;
}

beforeAll(async () => {
  t = await buildTestApp();
  monitor = await loginAs(t, ['monitor']);
  admin = await loginAs(t, ['admin']);
  clerk = await loginAs(t, ['clerk']);
  leader = await loginAs(t, ['leader']);
  enterpriseId = (await makeEnterprise(t)).id;
  firm = await loginAs(t, ['enterprise'], enterpriseId);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('monitoring: the data logger password in raw frames', () => {
  it('a station’s frames show the password to the monitoring centre and admins only; others get it masked with the CRC checked on the frame as received', async () => {
    const mn = freshMn('PWST');
    // five characters: masking also changes the segment's length
    const password = 'ab#98';
    const created = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: { enterpriseId, name: '密码遮蔽测试点', mn, password, edition: '2017', factors: [{ code: 'a21002' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const sent = await send(mn, password, { a21002: { Rtd: '20', Flag: 'N' } });
    expect(sent.kind).toBe('stored');
    const url = `/api/monitoring/stations/${id}/frames`;

    for (const c of [monitor, admin]) {
      const [f] = await framesAs(c, url);
      expect(f).toMatchObject({ raw: sent.raw, passwordHidden: false, crcValid: true });
    }
    for (const c of [firm, clerk, leader]) {
      const [f] = await framesAs(c, url);
      expect(f!.raw).not.toContain(password);
      expect(f!.raw).toBe(sent.raw.replace(`PW=${password};`, `PW=${MASKED_PASSWORD};`));
      expect(f!.passwordHidden).toBe(true);
      // the frame as received was right; the masked bytes would not be
      expect(f!.crcValid).toBe(true);
      expect(decodeFrame(f!.raw, { lenient: true }).crcValid).toBe(false);
    }
  });

  it('the quarantine’s last frame: masked for staff who cannot decide on loggers, with the verdict of the frame as received', async () => {
    const mn = freshMn('PWQU');
    const sent = await send(mn, '654321', { a21002: { Rtd: '30', Flag: 'N' } });
    expect(sent.kind).toBe('quarantined');
    type Entry = { mn: string; lastRaw: string; passwordHidden: boolean; lastCrcValid: boolean; lastIssues: string[] };
    const entry = async (c: Client) => {
      const res = await c.request({ method: 'GET', url: '/api/monitoring/quarantine?state=open&pageSize=100' });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Entry[] }).items.find((q) => q.mn === mn)!;
    };
    expect(await entry(monitor)).toMatchObject({ lastRaw: sent.raw, passwordHidden: false, lastCrcValid: true });
    const masked = await entry(clerk);
    expect(masked.lastRaw).not.toContain('654321');
    expect(masked).toMatchObject({ passwordHidden: true, lastCrcValid: true, lastIssues: [] });
  });

  it('a meter logger’s frames: masked for the enterprise, whole for the monitoring centre', async () => {
    const mn = freshMn('PWME');
    const res = await monitor.request({
      method: 'POST',
      url: '/api/electricity/meters',
      payload: {
        enterpriseId,
        code: `PW-${counter}`,
        name: '1号球磨机',
        role: 'line',
        ratedKw: 90,
        hj212: { mn, code: 'ele01', password: 'mtr789' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const meterId = (res.json() as { id: string }).id;
    const sent = await send(mn, 'mtr789', { ele01: { Rtd: '55.00', Flag: 'N' } });
    expect(sent.kind).not.toBe('refused');
    const window = `from=${encodeURIComponent(new Date(T0).toISOString())}&to=${encodeURIComponent(new Date(T0 + 86_400_000).toISOString())}`;
    const url = `/api/electricity/meters/${meterId}/frames?${window}`;
    const [whole] = await framesAs(monitor, url);
    expect(whole).toMatchObject({ raw: sent.raw, passwordHidden: false });
    const [hidden] = await framesAs(firm, url);
    expect(hidden!.raw).not.toContain('mtr789');
    expect(hidden).toMatchObject({ passwordHidden: true, crcValid: true });
  });
});
