import { type CpInput, decodeFrame, encodeFrame, formatDataTime } from '@qingshan/hj212';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { escalateUnanswered } from '../alarms/service.ts';
import { GATEWAY_DECODE, ingestFrame } from './ingest.ts';
import { rowsOf } from './readings.ts';

// Correcting a registered station (PATCH /api/monitoring/stations/:id): an edited limit is what the
// next frame is judged against, a stale or bad edit changes nothing, only the registry roles may
// edit, and each correction is audited with before and after (never the password itself).

let t: TestApp;
let monitor: Client;
let enterpriseId: string;

const MIN = 60_000;
const HOUR = 60 * MIN;
// a fixed past hour so the test never depends on the clock: 2026-05-11 08:00 Shanghai
const T0 = Date.parse('2026-05-11T08:00:00+08:00');

let mnCounter = 0;
function freshMn(): string {
  mnCounter++;
  return `EDIT${String(process.pid % 1_000_000).padStart(6, '0')}${String(mnCounter).padStart(6, '0')}`;
}

type Detail = {
  id: string;
  name: string;
  mn: string;
  edition: string;
  crcModes: string[];
  rtdIntervalSeconds: number;
  version: string;
  factors: { code: string; upperLimit: number | null; lowerLimit: number | null; standard: string | null }[];
};

async function register(upperLimit: number): Promise<Detail> {
  const mn = freshMn();
  const res = await monitor.request({
    method: 'POST',
    url: '/api/monitoring/stations',
    payload: {
      enterpriseId,
      name: `修改测试点${mn.slice(-3)}`,
      mn,
      password: '123456',
      edition: '2017',
      factors: [{ code: 'a21002', upperLimit, unit: 'mg/m³', rangeMax: 500 }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
}

async function detail(id: string): Promise<Detail> {
  const res = await monitor.request({ method: 'GET', url: `/api/monitoring/stations/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

const patch = (c: Client, id: string, payload: object) =>
  c.request({ method: 'PATCH', url: `/api/monitoring/stations/${id}`, payload });

let qnCounter = 0;
/** Stores one frame the way the gateway does; each frame its own QN. */
async function send(mn: string, at: number, cp: CpInput, pw = '123456') {
  qnCounter++;
  const QN = `${formatDataTime(at)}${String(qnCounter % 1000).padStart(3, '0')}`;
  const bytes = encodeFrame({
    header: { QN, ST: '31', CN: '2011', PW: pw, MN: mn, Flag: 5 },
    cp: { DataTime: formatDataTime(at), ...cp },
  });
  const frame = decodeFrame(bytes, GATEWAY_DECODE);
  return ingestFrame(t.database.db, frame, Buffer.from(bytes).toString('utf8'), null, new Date(at + 30_000));
}
const rtd = (value: number) => ({ a21002: { Rtd: String(value), Flag: 'N' } });

async function alarmsOf(stationId: string): Promise<string[]> {
  const res = await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${stationId}&pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { kind: string; state: string }[] }).items.map((a) => `${a.kind}:${a.state}`).sort();
}

type AuditRow = { before: Record<string, unknown>; after: Record<string, unknown>; actor_id: string };
async function auditsOf(id: string): Promise<AuditRow[]> {
  return rowsOf<AuditRow>(
    await t.database.db.execute(
      sql`select before, after, actor_id from audit_entries
          where action = 'monitoring-station.update' and entity_id = ${id} order by seq`,
    ),
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('correcting a monitoring station', () => {
  it('an edited limit is what the next frame is judged against; a stale version is refused', async () => {
    const st = await register(300);
    // 250 is within the registered 300: nothing raised
    for (const m of [0, 20]) expect((await send(st.mn, T0 + m * MIN, rtd(250))).kind).toBe('stored');
    expect(await alarmsOf(st.id)).toEqual([]);

    const res = await patch(monitor, st.id, {
      version: st.version,
      factors: [
        { code: 'a21002', upperLimit: 200, unit: 'mg/m³', rangeMax: 500, standard: 'GB 13271-2014 表 2' },
        { code: 'a21026', upperLimit: 50 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as Detail;
    expect(edited.version).not.toBe(st.version);
    expect(edited.factors.map((f) => [f.code, f.upperLimit, f.standard])).toEqual([
      ['a21002', 200, 'GB 13271-2014 表 2'],
      ['a21026', 50, null],
    ]);

    // the next minute value is over the new limit: the early warning, judged with 200
    await send(st.mn, T0 + 40 * MIN, rtd(250));
    expect(await alarmsOf(st.id)).toEqual(['over-limit-warning:active']);
    // and the hour closes over it (average 250 > 200)
    await send(st.mn, T0 + HOUR, rtd(150));
    expect(await alarmsOf(st.id)).toEqual(['over-limit-warning:cleared', 'over-limit:active']);

    // an edit made on the copy read before the correction: refused, nothing changed
    const stale = await patch(monitor, st.id, { version: st.version, factors: [{ code: 'a21002', upperLimit: 999 }] });
    expect(stale.statusCode, stale.body).toBe(409);
    expect((await detail(st.id)).factors.find((f) => f.code === 'a21002')!.upperLimit).toBe(200);

    // a factor left out of the list is removed
    const removed = await patch(monitor, st.id, {
      version: edited.version,
      factors: [{ code: 'a21002', upperLimit: 200, standard: 'GB 13271-2014 表 2' }],
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as Detail).factors.map((f) => f.code)).toEqual(['a21002']);
  });

  it('the station fields: a new password applies to the next frame; audited with before and after, never the password', async () => {
    const st = await register(300);
    const res = await patch(monitor, st.id, {
      version: st.version,
      name: '1号窑炉废气排放口',
      password: 'ab#987',
      edition: '2005',
      rtdIntervalSeconds: 120,
      crcModes: ['modbus-le'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '1号窑炉废气排放口',
      edition: '2005',
      rtdIntervalSeconds: 120,
      crcModes: ['modbus-le'],
      mn: st.mn,
    });
    expect(await send(st.mn, T0, rtd(100))).toMatchObject({ kind: 'refused', reason: 'bad-password' });
    expect((await send(st.mn, T0 + MIN, rtd(100), 'ab#987')).kind).toBe('stored');

    const [entry, ...more] = await auditsOf(st.id);
    expect(more).toEqual([]);
    expect(entry!.actor_id).toBe(monitor.userId);
    expect(entry!.before).toMatchObject({ name: st.name, edition: '2017', rtdIntervalSeconds: 60, crcModes: [] });
    expect(entry!.after).toMatchObject({ name: '1号窑炉废气排放口', edition: '2005', password: '（已更改）' });
    expect(JSON.stringify(entry)).not.toContain('ab#987');
    expect(JSON.stringify(entry)).not.toContain('123456');

    // the same form saved again changes nothing and writes no second entry
    const again = await patch(monitor, st.id, { version: (res.json() as Detail).version, name: '1号窑炉废气排放口' });
    expect(again.statusCode, again.body).toBe(200);
    expect(await auditsOf(st.id)).toHaveLength(1);
  });

  it('bad input is refused with Chinese field errors and nothing changes; the MN cannot be edited', async () => {
    const st = await register(300);
    const res = await patch(monitor, st.id, {
      version: st.version,
      mn: 'ABCDEF123456',
      password: '12 34',
      rtdIntervalSeconds: 10,
      factors: [
        { code: 'a21002', upperLimit: 100, lowerLimit: 150, rangeMax: 0 },
        { code: 'a21002', upperLimit: 50 },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    const errors = (res.json() as { errors: { path: string; message: unknown }[] }).errors;
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['factors.0.lowerLimit', 'factors.0.rangeMax', 'factors.1.code', 'mn', 'password', 'rtdIntervalSeconds'].sort(),
    );
    expect(JSON.stringify(errors)).toContain('数采仪 MN 是设备身份，不能修改');
    expect(JSON.stringify(errors)).toContain('量程上限须大于 0');
    const now = await detail(st.id);
    expect(now.version).toBe(st.version);
    expect(now.factors).toEqual(st.factors);
    expect(await auditsOf(st.id)).toEqual([]);

    const missing = await patch(monitor, '00000000-0000-4000-8000-000000000000', { version: st.version });
    expect(missing.statusCode).toBe(404);
  });

  it('only the registry roles may edit: other staff and the enterprise are refused', async () => {
    const st = await register(300);
    const clerk = await loginAs(t, ['clerk', 'inspector', 'leader']);
    const own = await loginAs(t, ['enterprise'], enterpriseId);
    for (const c of [clerk, own]) {
      const res = await patch(c, st.id, { version: st.version, factors: [{ code: 'a21002', upperLimit: 999 }] });
      expect(res.statusCode, res.body).toBe(403);
    }
    expect((await detail(st.id)).version).toBe(st.version);
    expect(await auditsOf(st.id)).toEqual([]);
    const admin = await loginAs(t, ['admin']);
    const ok = await patch(admin, st.id, { version: st.version, factors: [{ code: 'a21002', upperLimit: 120 }] });
    expect(ok.statusCode, ok.body).toBe(200);
    const [entry] = await auditsOf(st.id);
    expect(entry!.before.factors).toEqual([
      { code: 'a21002', upperLimit: 300, lowerLimit: null, unit: 'mg/m³', standard: null, rangeMax: 500 },
    ]);
    expect(entry!.after.factors).toEqual([
      { code: 'a21002', upperLimit: 120, lowerLimit: null, unit: null, standard: null, rangeMax: null },
    ]);
  });
});

describe('removing a factor: its open alarms close with the edit', () => {
  const NOX = 'a21002';
  const SO2 = 'a21026';
  const both = (nox: number, so2: number) => ({
    [NOX]: { Rtd: String(nox), Flag: 'N' },
    [SO2]: { Rtd: String(so2), Flag: 'N' },
  });
  async function registerTwo(): Promise<Detail> {
    const mn = freshMn();
    const res = await monitor.request({
      method: 'POST',
      url: '/api/monitoring/stations',
      payload: {
        enterpriseId,
        name: `删因子测试点${mn.slice(-3)}`,
        mn,
        password: '123456',
        edition: '2017',
        factors: [
          { code: NOX, upperLimit: 200, unit: 'mg/m³' },
          { code: SO2, upperLimit: 50, unit: 'mg/m³' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Detail;
  }
  type AlarmItem = { id: string; kind: string; state: string };
  async function alarmItems(stationId: string): Promise<AlarmItem[]> {
    const res = await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${stationId}&pageSize=100` });
    return (res.json() as { items: AlarmItem[] }).items;
  }

  it('closes them cleared with the reason, audited; the enterprise need not answer, no leader is told; a remaining factor still raises', async () => {
    const st = await registerTwo();
    // NOx over its limit for an hour (SO2 within): the early warning, then the hour average
    await send(st.mn, T0, both(250, 10));
    await send(st.mn, T0 + 30 * MIN, both(250, 10));
    await send(st.mn, T0 + HOUR, both(100, 10));
    expect(await alarmsOf(st.id)).toEqual(['over-limit-warning:cleared', 'over-limit:active']);
    const before = await alarmItems(st.id);

    const res = await patch(monitor, st.id, { version: st.version, factors: [{ code: SO2, upperLimit: 50 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(await alarmsOf(st.id)).toEqual(['over-limit-warning:closed', 'over-limit:closed']);
    for (const a of before) {
      const d = await monitor.request({ method: 'GET', url: `/api/alarms/${a.id}` });
      expect(d.statusCode, d.body).toBe(200);
      const body = d.json() as {
        alarm: { clearedAt: string | null; closedAt: string | null; reviewNote: string | null; outcome: string | null };
        events: { type: string; note: string | null }[];
      };
      expect(body.alarm.clearedAt).not.toBeNull();
      expect(body.alarm.outcome).toBeNull();
      expect(body.alarm.reviewNote).toContain('因子已从监测点删除');
      expect(body.alarm.reviewNote).toContain('氮氧化物');
      const last = body.events.slice(a.state === 'active' ? -2 : -1);
      expect(last.map((e) => e.type)).toEqual(a.state === 'active' ? ['cleared', 'closed'] : ['closed']);
      for (const e of last) expect(e.note).toContain('因子已从监测点删除');
    }
    const audits = rowsOf<{ entity_id: string; actor_id: string; after: { state: string; reviewNote: string } }>(
      await t.database.db.execute(
        sql`select entity_id::text as entity_id, actor_id::text as actor_id, after from audit_entries
            where action = 'alarm.close' and entity_id = any(${sql.param(before.map((a) => a.id))}::text[])`,
      ),
    );
    expect(audits.map((a) => a.entity_id).sort()).toEqual(before.map((a) => a.id).sort());
    for (const a of audits) {
      expect(a.actor_id).toBe(monitor.userId);
      expect(a.after).toMatchObject({ state: 'closed' });
      expect(a.after.reviewNote).toContain('因子已从监测点删除');
    }

    // nothing left to answer, and three hours later nothing to escalate
    const own = await loginAs(t, ['enterprise'], enterpriseId);
    const answer = await own.request({
      method: 'POST',
      url: `/api/alarms/${before[0]!.id}/answer`,
      payload: { reason: '因子已删除', action: '无' },
    });
    expect(answer.statusCode, answer.body).toBe(409);
    await escalateUnanswered(t.database.db, new Date(Date.now() + 3 * HOUR));
    const escalated = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from alarms where escalated_at is not null
            and id = any(${sql.param(before.map((a) => a.id))}::uuid[])`,
      ),
    );
    expect(escalated[0]!.n).toBe(0);

    // the rule state forgot NOx: SO2 going over raises a new early warning at once
    await send(st.mn, T0 + HOUR + 10 * MIN, { [SO2]: { Rtd: '80', Flag: 'N' } });
    expect(await alarmsOf(st.id)).toEqual([
      'over-limit-warning:active',
      'over-limit-warning:closed',
      'over-limit:closed',
    ]);
  });

  it('an alarm a remaining factor still holds stays open, and says only what still holds (audited as the editor’s)', async () => {
    const st = await registerTwo();
    await send(st.mn, T0, both(250, 80));
    expect(await alarmsOf(st.id)).toEqual(['over-limit-warning:active']);
    const [raised] = (await alarmItems(st.id)) as (AlarmItem & { detail: string })[];
    expect(raised!.detail).toContain('氮氧化物');
    const res = await patch(monitor, st.id, { version: st.version, factors: [{ code: SO2, upperLimit: 50 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(await alarmsOf(st.id)).toEqual(['over-limit-warning:active']);
    const [kept] = (await alarmItems(st.id)) as (AlarmItem & { detail: string })[];
    expect(kept!.id).toBe(raised!.id);
    expect(kept!.detail).not.toContain('氮氧化物');
    expect(kept!.detail).toContain('二氧化硫');
    const audits = rowsOf<{ actor_id: string; before: { detail: string }; after: { detail: string } }>(
      await t.database.db.execute(
        sql`select actor_id::text as actor_id, before, after from audit_entries
            where action = 'alarm.restate' and entity_id = ${kept!.id}`,
      ),
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_id).toBe(monitor.userId);
    expect(audits[0]!.before.detail).toBe(raised!.detail);
    expect(audits[0]!.after.detail).toBe(kept!.detail);
    // and it clears, as before, when SO2 comes back within its limit
    await send(st.mn, T0 + MIN, { [SO2]: { Rtd: '10', Flag: 'N' } });
    expect(await alarmsOf(st.id)).toEqual(['over-limit-warning:cleared']);
  });
});

describe('the station list', () => {
  it('sorts by enterprise, or by the last frame with the never-heard stations counted oldest', async () => {
    const tag = `排序${process.pid}`;
    const ids: string[] = [];
    for (const name of ['乙', '甲', '丙']) {
      const res = await monitor.request({
        method: 'POST',
        url: '/api/monitoring/stations',
        payload: {
          enterpriseId,
          name: `${tag}${name}`,
          mn: freshMn(),
          password: '123456',
          edition: '2017',
          factors: [{ code: 'a21002' }],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push((res.json() as Detail).id);
    }
    const [b, a, c] = ids as [string, string, string];
    // 乙 heard an hour ago, 甲 a minute ago, 丙 never
    await t.database.db.execute(
      sql`update monitoring_stations set last_frame_at = ${new Date(T0 - HOUR).toISOString()}::timestamptz where id = ${b}`,
    );
    await t.database.db.execute(
      sql`update monitoring_stations set last_frame_at = ${new Date(T0 - MIN).toISOString()}::timestamptz where id = ${a}`,
    );
    const order = async (sort: string) => {
      const res = await monitor.request({
        method: 'GET',
        url: `/api/monitoring/stations?q=${encodeURIComponent(tag)}${sort ? `&sort=${sort}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.map((s) => s.id);
    };
    // one enterprise, so by station name; the collation's order of 甲乙丙 is the database's, so the
    // test asks only that the default holds all three and that its reverse is the reverse
    const byName = await order('');
    expect([...byName].sort()).toEqual([...ids].sort());
    expect(await order('-enterprise')).toEqual([...byName].reverse());
    expect(await order('lastFrameAt')).toEqual([c, b, a]);
    expect(await order('-lastFrameAt')).toEqual([a, b, c]);
    expect((await monitor.request({ method: 'GET', url: '/api/monitoring/stations?sort=mn' })).statusCode).toBe(400);
  });
});
