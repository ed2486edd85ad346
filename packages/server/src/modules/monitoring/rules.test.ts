import net from 'node:net';
import {
  type CpInput,
  type DecodedFrame,
  decodeFrame,
  encodeFrame,
  exeRtn9012,
  formatDataTime,
  parseDataTime,
  qnRtn9011,
  StreamDecoder,
} from '@qingshan/hj212';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { figureTotals } from '../figures/registry.ts';
import { MONITORING_FIGURES } from './figures.ts';
import { type Gateway, startGateway } from './gateway.ts';
import { COPY_FROM_FRAMES, GATEWAY_DECODE, type IngestItem, ingestBatch, ingestFrame } from './ingest.ts';
import { dropOldPartitions, ensurePartition, listPartitions, rowsOf } from './readings.ts';
import { rollUp } from './rollups.ts';
import { checkMissingData } from './rules.ts';

// The monitoring alarm rules on a real database: each rule raises one alarm, never a second while
// it holds, and clears when the condition ends; flagged data never counts as over the limit. Then
// rollups, the missing-data job, figures, 补传 and clock calibration on the gateway, and retention.

let t: TestApp;
let monitor: Client;
let enterpriseId: string;

const MIN = 60_000;
const HOUR = 60 * MIN;
// a fixed past hour so the test never depends on the clock: 2026-05-10 08:00 Shanghai
const T0 = Date.parse('2026-05-10T08:00:00+08:00');

let mnCounter = 0;
function freshMn(): string {
  mnCounter++;
  return `RULE${String(process.pid % 1_000_000).padStart(6, '0')}${String(mnCounter).padStart(6, '0')}`;
}

type Factor = { code: string; upperLimit?: number; lowerLimit?: number; rangeMax?: number; unit?: string };

async function register(factors: Factor[], mn = freshMn(), rtdIntervalSeconds = 60) {
  const res = await monitor.request({
    method: 'POST',
    url: '/api/monitoring/stations',
    payload: {
      enterpriseId,
      name: `规则测试点${mn.slice(-3)}`,
      mn,
      password: '123456',
      edition: '2017',
      rtdIntervalSeconds,
      factors,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as { id: string }).id, mn };
}

let qnCounter = 0;
/** Stores one frame the way the gateway does, received at `receivedAt`; each frame its own QN. */
async function send(mn: string, cn: string, at: number, cp: CpInput, receivedAt = new Date(at + 30_000)) {
  qnCounter++;
  const QN = `${formatDataTime(at)}${String(qnCounter % 1000).padStart(3, '0')}`;
  const bytes = encodeFrame({
    header: { QN, ST: '31', CN: cn, PW: '123456', MN: mn, Flag: 5 },
    cp: { DataTime: formatDataTime(at), ...cp },
  });
  const frame = decodeFrame(bytes, GATEWAY_DECODE);
  const out = await ingestFrame(t.database.db, frame, Buffer.from(bytes).toString('utf8'), null, receivedAt);
  expect(out.kind).toBe('stored');
}
const rtd = (code: string, value: number, flag = 'N') => ({ [code]: { Rtd: String(value), Flag: flag } });

type AlarmView = {
  id: string;
  kind: string;
  state: string;
  detail: string;
  detailEn: string | null;
  occurrences: number;
};
async function alarmsOf(stationId: string): Promise<AlarmView[]> {
  const res = await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${stationId}&pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: AlarmView[] }).items;
}
const summary = (a: AlarmView[]) => a.map((x) => `${x.kind}:${x.state}`).sort();

beforeAll(async () => {
  t = await buildTestApp();
  monitor = await loginAs(t, ['monitor']);
  enterpriseId = (await makeEnterprise(t)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('monitoring rules on ingest', () => {
  it('over limit: minute values warn, the hour average raises; one alarm each while it holds; both clear', async () => {
    const st = await register([{ code: 'a21002', upperLimit: 180, unit: 'mg/m³', rangeMax: 500 }]);
    for (let m = 0; m < 60; m += 20) await send(st.mn, '2011', T0 + m * MIN, rtd('a21002', 205 + m));
    // still within the first hour: only the early warning, and only once
    expect(summary(await alarmsOf(st.id))).toEqual(['over-limit-warning:active']);
    // the next hour's first value closes the hour (average 225 > 180), and is compliant itself
    await send(st.mn, '2011', T0 + HOUR, rtd('a21002', 150));
    const a = await alarmsOf(st.id);
    expect(summary(a)).toEqual(['over-limit-warning:cleared', 'over-limit:active']);
    expect(a.find((x) => x.kind === 'over-limit')!.detail).toContain('氮氧化物');
    expect(a.find((x) => x.kind === 'over-limit')!.detail).toContain('小时均值 225 mg/m³');
    // and in English, the factor named from the standard's table
    expect(a.find((x) => x.kind === 'over-limit')!.detailEn).toMatch(
      /^Nitrogen oxides \(NOx\): hourly average 225 mg\/m³ for the hour from .+, over the emission limit 180 mg\/m³/,
    );
    await send(st.mn, '2011', T0 + HOUR + 30 * MIN, rtd('a21002', 150));
    await send(st.mn, '2011', T0 + 2 * HOUR, rtd('a21002', 150));
    expect(summary(await alarmsOf(st.id))).toEqual(['over-limit-warning:cleared', 'over-limit:cleared']);
    // the enterprise was reminded once per alarm, not once per frame
    const notes = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from alarm_events e join alarms a on a.id = e.alarm_id
            where a.source_id = ${st.id} and e.type = 'reminded'`,
      ),
    );
    expect(notes[0]!.n).toBe(2);
  });

  it('an alarm kept open by a remaining factor says what still holds: restated on its timeline and audited, no second reminder', async () => {
    const st = await register([
      { code: 'a21002', upperLimit: 180, unit: 'mg/m³' },
      { code: 'a21026', upperLimit: 50, unit: 'mg/m³' },
    ]);
    const two = (nox: number, so2: number) => ({ ...rtd('a21002', nox), ...rtd('a21026', so2) });
    await send(st.mn, '2011', T0, two(250, 80));
    const [raised] = await alarmsOf(st.id);
    expect(raised!.detail).toContain('氮氧化物');
    expect(raised!.detail).toContain('二氧化硫');
    // NOx back within its limit, SO2 still over: the same alarm stays active and names SO2 only
    await send(st.mn, '2011', T0 + MIN, two(150, 80));
    const now = await alarmsOf(st.id);
    expect(summary(now)).toEqual(['over-limit-warning:active']);
    expect(now[0]!.detail).not.toContain('氮氧化物');
    expect(now[0]!.detail).toContain('二氧化硫');
    expect(now[0]!.detail).toContain('监测值 80 mg/m³');
    const steps = rowsOf<{ type: string; note: string | null }>(
      await t.database.db.execute(
        sql`select e.type, e.note from alarm_events e join alarms a on a.id = e.alarm_id
            where a.source_id = ${st.id}`,
      ),
    );
    expect(steps.map((e) => e.type).sort()).toEqual(['raised', 'reminded', 'restated']);
    expect(steps.find((e) => e.type === 'restated')!.note).toBe(now[0]!.detail);
    expect(now[0]!.detailEn).toContain('Sulphur dioxide');
    expect(now[0]!.detailEn).not.toContain('Nitrogen oxides');
    const audits = rowsOf<{ before: { detail: string }; after: { detail: string } }>(
      await t.database.db.execute(
        sql`select au.before, au.after from audit_entries au join alarms a on a.id::text = au.entity_id
            where au.action = 'alarm.restate' and a.source_id = ${st.id}`,
      ),
    );
    expect(audits).toEqual([{ before: { detail: raised!.detail }, after: { detail: now[0]!.detail } }]);
    // the same factor still over says nothing new; SO2 within clears it
    await send(st.mn, '2011', T0 + 2 * MIN, two(150, 80));
    await send(st.mn, '2011', T0 + 3 * MIN, two(150, 10));
    expect(summary(await alarmsOf(st.id))).toEqual(['over-limit-warning:cleared']);
  });

  it('over limit closed by an officer while it holds: the next hour still over raises it again, linked, and reminds again', async () => {
    const st = await register([{ code: 'a21002', upperLimit: 180, unit: 'mg/m³' }]);
    for (let m = 0; m <= 60; m += 20) await send(st.mn, '2011', T0 + m * MIN, rtd('a21002', 250));
    const list = async () =>
      (
        (await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${st.id}&kind=over-limit` })).json() as {
          items: { id: string; state: string; recurrenceOf: string | null }[];
        }
      ).items;
    const [first] = await list();
    expect(first?.state).toBe('active');
    const close = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${first!.id}/close`,
      payload: { outcome: 'dismissed', note: '企业称仪表漂移，先行关闭' },
    });
    expect(close.statusCode, close.body).toBe(200);
    // more of the same hour's judgement is no news: nothing new while the next hour is still open
    await send(st.mn, '2011', T0 + 90 * MIN, rtd('a21002', 260));
    expect((await list()).map((a) => a.state)).toEqual(['closed']);
    // the next hour closes over the limit too: the condition went on after the close
    await send(st.mn, '2011', T0 + 2 * HOUR, rtd('a21002', 260));
    const after = await list();
    expect(after.map((a) => a.state).sort()).toEqual(['active', 'closed']);
    const again = after.find((a) => a.state === 'active')!;
    expect(again.recurrenceOf).toBe(first!.id);
    const detail = (await monitor.request({ method: 'GET', url: `/api/alarms/${again.id}` })).json();
    // the hour 09:00–10:00: 250 and 260
    expect(detail.alarm.detail).toContain('09:00 时段小时均值 255 mg/m³');
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['raised', 'recurred', 'reminded']);
    // the reminder the enterprise gets (in-app and SMS-style) says it is raised again
    const reminded = detail.events.find((e: { type: string }) => e.type === 'reminded');
    expect(reminded.note).toContain('经审核关闭后');
    expect(reminded.note).toContain('现再次报警');
    // and one alarm while it keeps holding, not one per frame
    await send(st.mn, '2011', T0 + 2 * HOUR + 30 * MIN, rtd('a21002', 260));
    expect(await list()).toHaveLength(2);
  });

  it("the station's own hour value (2061) raises over limit; flagged data never does", async () => {
    const st = await register([{ code: 'w01018', upperLimit: 100 }]);
    const hour = (avg: number, flag = 'N') => ({ w01018: { Avg: String(avg), Flag: flag } });
    // an invalid (maintenance) hour far over the limit: no over-limit, no warning
    await send(st.mn, '2061', T0, hour(900, 'M'));
    await send(st.mn, '2011', T0 + HOUR + MIN, rtd('w01018', 900, 'D'));
    await send(st.mn, '2011', T0 + HOUR + 2 * MIN, rtd('w01018', 900, 'C'));
    expect(summary(await alarmsOf(st.id))).toEqual(['device-state:active']);
    await send(st.mn, '2061', T0 + HOUR, hour(130));
    expect(summary(await alarmsOf(st.id))).toEqual(['device-state:active', 'over-limit:active']);
    // a retransmit under a new QN of an hour already judged changes nothing
    await send(st.mn, '2061', T0 + HOUR, hour(130));
    await send(st.mn, '2061', T0 + 2 * HOUR, hour(90));
    await send(st.mn, '2011', T0 + 3 * HOUR, rtd('w01018', 50));
    const a = await alarmsOf(st.id);
    expect(summary(a)).toEqual(['device-state:cleared', 'over-limit:cleared']);
    expect(a.every((x) => x.occurrences === 1)).toBe(true);
  });

  it('zero value and constant value raise after their windows and clear on a real value', async () => {
    const st = await register([
      { code: 'w21003', upperLimit: 15, rangeMax: 50 },
      { code: 'w01018', upperLimit: 100, rangeMax: 500 },
    ]);
    // 4 h: ammonia zero, COD between 60 and 65 (within 2 % of 500)
    for (let m = 0; m <= 240; m += 30)
      await send(st.mn, '2011', T0 + m * MIN, { ...rtd('w21003', 0), ...rtd('w01018', 60 + (m % 90) / 18) });
    const a = await alarmsOf(st.id);
    expect(summary(a)).toEqual(['constant-value:active', 'zero-value:active']);
    expect(a.find((x) => x.kind === 'zero-value')!.detail).toContain('氨氮');
    expect(a.find((x) => x.kind === 'constant-value')!.detail).toContain('化学需氧量');
    await send(st.mn, '2011', T0 + 260 * MIN, { ...rtd('w21003', 3.2), ...rtd('w01018', 88) });
    expect(summary(await alarmsOf(st.id))).toEqual(['constant-value:cleared', 'zero-value:cleared']);
  });

  it('missing data on a 30-second logger says "1 minute" in English, not "1 minutes"', async () => {
    const st = await register([{ code: 'a34013', upperLimit: 30 }], freshMn(), 30);
    const now = Date.now();
    await send(st.mn, '2011', now - 10 * MIN, rtd('a34013', 12), new Date(now - 10 * MIN));
    await checkMissingData(t.database.db, new Date(now));
    const [a] = await alarmsOf(st.id);
    expect(a).toMatchObject({ kind: 'missing-data', state: 'active' });
    expect(a!.detailEn).toContain('more than two reporting intervals (1 minute)');
  });

  it('missing data: the job raises once after two intervals of silence; data coming back clears it', async () => {
    const st = await register([{ code: 'a34013', upperLimit: 30 }], freshMn(), 60);
    const now = Date.now();
    await send(st.mn, '2011', now - 10 * MIN, rtd('a34013', 12), new Date(now - 10 * MIN));
    await checkMissingData(t.database.db, new Date(now));
    await checkMissingData(t.database.db, new Date(now + MIN));
    const a = await alarmsOf(st.id);
    expect(summary(a)).toEqual(['missing-data:active']);
    expect(a[0]!.detail).toContain('未收到监测数据');
    await send(st.mn, '2011', now, rtd('a34013', 12), new Date(now));
    expect(summary(await alarmsOf(st.id))).toEqual(['missing-data:cleared']);
    // within two intervals the job leaves the station alone
    await checkMissingData(t.database.db, new Date(now + MIN));
    expect(summary(await alarmsOf(st.id))).toEqual(['missing-data:cleared']);
  });
});

describe('group commit: many frames, one transaction', () => {
  /** A frame as the gateway hands it to the group commit, received 30 s after its data time. */
  function item(
    mn: string,
    at: number,
    cp: CpInput,
    QN = `${formatDataTime(at)}${String(++qnCounter % 1000).padStart(3, '0')}`,
  ): IngestItem {
    const bytes = encodeFrame({
      header: { QN, ST: '31', CN: '2011', PW: '123456', MN: mn, Flag: 5 },
      cp: { DataTime: formatDataTime(at), ...cp },
    });
    return {
      frame: decodeFrame(bytes, GATEWAY_DECODE),
      raw: Buffer.from(bytes).toString('utf8'),
      remote: null,
      now: new Date(at + 30_000),
    };
  }
  const valuesOf = async (stationId: string) =>
    rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from monitoring_readings where station_id = ${stationId}`,
      ),
    )[0]!.n;

  /** a station's real-time values as (factor, HH:MI UTC, value), in time and factor order */
  const readingsOf = async (stationId: string) =>
    rowsOf<{ factor: string; at: string; value: number }>(
      await t.database.db.execute(
        sql`select factor, to_char(data_time at time zone 'UTC', 'HH24:MI') as at, value from monitoring_readings
            where station_id = ${stationId} order by data_time, factor`,
      ),
    );
  /** runs fn while the database refuses every frame of `mn` (a trigger stands in for any refusal) */
  const refusingFramesOf = async (mn: string, fn: () => Promise<void>) => {
    await t.database.db.execute(
      sql.raw(`create function qs_refuse_frame() returns trigger language plpgsql as $$
        begin if new.mn = '${mn}' then raise exception 'refused for the test'; end if; return new; end $$`),
    );
    await t.database.db.execute(
      sql.raw(
        'create trigger qs_refuse_frame before insert on monitoring_frames for each row execute function qs_refuse_frame()',
      ),
    );
    try {
      await fn();
    } finally {
      await t.database.db.execute(sql.raw('drop trigger qs_refuse_frame on monitoring_frames'));
      await t.database.db.execute(sql.raw('drop function qs_refuse_frame()'));
    }
  };

  it('two frames of one station in one batch are judged in order, the second seeing the first', async () => {
    const st = await register([{ code: 'a21002', upperLimit: 180 }]);
    const first = item(st.mn, T0, rtd('a21002', 205));
    const second = item(st.mn, T0 + HOUR, rtd('a21002', 150));
    const out = await ingestBatch(t.database.db, [first, second]);
    expect(out.map((o) => o.kind)).toEqual(['stored', 'stored']);
    // the first value warned; the second closed its hour (average 205 > 180) and is compliant itself.
    // Judged the other way round, the older frame would have been ignored and nothing raised.
    expect(summary(await alarmsOf(st.id))).toEqual(['over-limit-warning:cleared', 'over-limit:active']);
    // the second frame found its station as the first left it
    expect(out[1]!.kind === 'stored' && out[1]!.previousFrameAt?.getTime()).toBe(first.now.getTime());
  });

  it('a station in alarm closed by an officer: one batch of frames raises the recurrence once, not once per frame', async () => {
    const st = await register([{ code: 'a21002', upperLimit: 180 }]);
    await ingestBatch(
      t.database.db,
      [0, 20, 40, 60].map((m) => item(st.mn, T0 + m * MIN, rtd('a21002', 250))),
    );
    const overLimit = async () => (await alarmsOf(st.id)).filter((a) => a.kind === 'over-limit');
    const [first] = await overLimit();
    const close = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${first!.id}/close`,
      payload: { outcome: 'dismissed', note: '先行关闭' },
    });
    expect(close.statusCode, close.body).toBe(200);
    // one batch: the same hour (no news), the next hour closing over the limit (the recurrence),
    // then more frames while it holds, each of which asks whether the rule's alarm was closed
    const out = await ingestBatch(
      t.database.db,
      [90, 120, 130, 140, 150].map((m) => item(st.mn, T0 + m * MIN, rtd('a21002', 260))),
    );
    expect(out.map((o) => o.kind)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);
    const after = await overLimit();
    expect(after.map((a) => a.state).sort()).toEqual(['active', 'closed']);
    const again = after.find((a) => a.state === 'active')!;
    const detail = (await monitor.request({ method: 'GET', url: `/api/alarms/${again.id}` })).json();
    expect(detail.alarm.recurrenceOf).toBe(first!.id);
    // raised once: a later frame of the batch that still saw the closed alarm would raise it again
    // (counted as a second occurrence of the active one)
    expect(detail.alarm.occurrences).toBe(1);
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['raised', 'recurred', 'reminded']);
  });

  it('a retransmit within the batch is a duplicate; a frame the database refuses fails alone; the rest commit', async () => {
    const a = await register([{ code: 'a34013' }]);
    const b = await register([{ code: 'a34013' }]);
    const culprit = await register([{ code: 'a34013' }]);
    // anything the database refuses for one row must not sink the batch
    const nul = item(b.mn, T0 + 2 * MIN, rtd('a34013', 12));
    await refusingFramesOf(culprit.mn, async () => {
      const once = item(a.mn, T0, rtd('a34013', 10));
      const out = await ingestBatch(t.database.db, [
        once,
        { ...once, now: new Date(once.now.getTime() + 5_000) },
        item(culprit.mn, T0, rtd('a34013', 10)),
        { ...nul, raw: nul.raw.replace('a34013-Flag=N', 'a34013-Flag=N\u0000') },
        item(b.mn, T0 + MIN, rtd('a34013', 11)),
      ]);
      expect(out.map((o) => (o.kind === 'refused' ? `refused:${o.reason}` : o.kind))).toEqual([
        'stored',
        'duplicate',
        'error',
        'refused:nul-byte',
        'stored',
      ]);
    });
    expect([await valuesOf(a.id), await valuesOf(b.id), await valuesOf(culprit.id)]).toEqual([1, 1, 0]);
    const frames = rowsOf<{ mn: string; n: number }>(
      await t.database.db.execute(
        sql`select mn, count(*)::int as n from monitoring_frames where mn in (${a.mn}, ${b.mn}, ${culprit.mn}) group by mn order by mn`,
      ),
    );
    expect(Object.fromEntries(frames.map((f) => [f.mn, f.n]))).toEqual({ [a.mn]: 1, [b.mn]: 1 });
  });

  it('a 补传 answer overlapping stored readings, batched with fresh frames, adds nothing; the fresh values all land', async () => {
    const st = await register([{ code: 'a34013' }, { code: 'a21002' }]);
    const other = await register([{ code: 'a34013' }]);
    expect((await ingestBatch(t.database.db, [item(st.mn, T0, rtd('a34013', 10))]))[0]!.kind).toBe('stored');
    // the same minute again under a new QN (one value already stored, one not), beside fresh frames:
    // readings go in by a plain insert first, so this is the batch that must take the slower way
    const out = await ingestBatch(t.database.db, [
      item(other.mn, T0, rtd('a34013', 20)),
      item(st.mn, T0, { ...rtd('a34013', 99), ...rtd('a21002', 5) }),
      item(st.mn, T0 + MIN, rtd('a34013', 11)),
    ]);
    expect(out.map((o) => o.kind)).toEqual(['stored', 'stored', 'stored']);
    expect(await readingsOf(st.id)).toEqual([
      { factor: 'a21002', at: '00:00', value: 5 },
      { factor: 'a34013', at: '00:00', value: 10 },
      { factor: 'a34013', at: '00:01', value: 11 },
    ]);
    expect(await valuesOf(other.id)).toBe(1);
  });
  it('a batch large enough to go by COPY: a retransmit, a refused row and a 补传 overlap are handled alike, the raw frames kept as sent', async () => {
    const bulk = await register([{ code: 'a34013' }]);
    const st = await register([{ code: 'a34013' }, { code: 'a21002' }]);
    const culprit = await register([{ code: 'a34013' }]);
    expect((await ingestBatch(t.database.db, [item(st.mn, T0, rtd('a34013', 10))]))[0]!.kind).toBe('stored');
    const fresh = Array.from({ length: COPY_FROM_FRAMES + 4 }, (_, k) => item(bulk.mn, T0 + k * MIN, rtd('a34013', k)));
    const once = item(st.mn, T0 + MIN, rtd('a34013', 11));
    const batch = [
      ...fresh,
      once,
      { ...once, now: new Date(once.now.getTime() + 5_000) },
      // the minute already stored, under a new QN, with one value new
      item(st.mn, T0, { ...rtd('a34013', 99), ...rtd('a21002', 5) }),
    ];
    const kinds = async (items: IngestItem[]) => (await ingestBatch(t.database.db, items)).map((o) => o.kind);
    expect(await kinds(batch)).toEqual([...fresh.map(() => 'stored'), 'stored', 'duplicate', 'stored']);
    expect(await valuesOf(bulk.id)).toBe(fresh.length);
    expect(await readingsOf(st.id)).toEqual([
      { factor: 'a21002', at: '00:00', value: 5 },
      { factor: 'a34013', at: '00:00', value: 10 },
      { factor: 'a34013', at: '00:01', value: 11 },
    ]);
    const raws = rowsOf<{ raw: string }>(
      await t.database.db.execute(sql`select raw from monitoring_frames where mn = ${bulk.mn} order by data_time`),
    );
    expect(raws.map((r) => r.raw)).toEqual(fresh.map((f) => f.raw));
    // one transaction stored them all (a batch that failed is stored again frame by frame)
    const [tx] = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(distinct xmin::text)::int as n from monitoring_frames where mn in (${bulk.mn}, ${st.mn}) and received_at > ${new Date(T0)}`,
      ),
    );
    expect(tx!.n).toBe(2);

    // a row the database refuses sinks the COPY; each frame is then tried alone and only it fails
    await refusingFramesOf(culprit.mn, async () => {
      const more = Array.from({ length: COPY_FROM_FRAMES }, (_, k) =>
        item(bulk.mn, T0 + HOUR * 3 + k * MIN, rtd('a34013', k)),
      );
      expect(await kinds([...more, item(culprit.mn, T0, rtd('a34013', 1))])).toEqual([
        ...more.map(() => 'stored'),
        'error',
      ]);
    });
    expect([await valuesOf(bulk.id), await valuesOf(culprit.id)]).toEqual([fresh.length + COPY_FROM_FRAMES, 0]);
  });
});

describe('rollups', () => {
  it("hour and day values are computed from valid data and kept beside the station's own", async () => {
    const st = await register([{ code: 'a21026', upperLimit: 50 }]);
    const since = new Date();
    await send(st.mn, '2011', T0, rtd('a21026', 10), new Date());
    await send(st.mn, '2011', T0 + 20 * MIN, rtd('a21026', 20), new Date());
    await send(st.mn, '2011', T0 + 40 * MIN, rtd('a21026', 999, 'D'), new Date());
    await send(st.mn, '2011', T0 + HOUR, rtd('a21026', 40), new Date());
    await send(st.mn, '2061', T0, { a21026: { Avg: '14.5', Min: '9', Max: '21', Flag: 'N' } }, new Date());
    expect(await rollUp(t.database.db, since)).toMatchObject({ hours: expect.any(Number) });
    // run twice: upserts, nothing doubles
    await rollUp(t.database.db, since);
    const q = (cn: string) =>
      monitor.request({
        method: 'GET',
        url: `/api/monitoring/stations/${st.id}/readings?cn=${cn}&from=2026-05-01T00:00:00%2B08:00&to=2026-05-31T00:00:00%2B08:00`,
      });
    const hours = (await q('2061')).json() as { items: { dataTime: string; value: number; source: string }[] };
    expect(hours.items.map((i) => [i.dataTime, i.source, i.value])).toEqual([
      [new Date(T0).toISOString(), 'platform', 15],
      [new Date(T0).toISOString(), 'station', 14.5],
      [new Date(T0 + HOUR).toISOString(), 'platform', 40],
    ]);
    const days = (await q('2031')).json() as { items: { dataTime: string; value: number; source: string }[] };
    expect(days.items.map((i) => [i.dataTime, i.source, i.value])).toEqual([
      [new Date('2026-05-10T00:00:00+08:00').toISOString(), 'platform', 27.5],
    ]);
    // hour values may be asked for a year; real-time values for 31 days at most, with the field named
    const long = await monitor.request({
      method: 'GET',
      url: `/api/monitoring/stations/${st.id}/readings?cn=2011&from=2026-01-01T00:00:00%2B08:00&to=2026-05-31T00:00:00%2B08:00`,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('from');
    const year = await monitor.request({
      method: 'GET',
      url: `/api/monitoring/stations/${st.id}/readings?cn=2061&source=platform&from=2026-01-01T00:00:00%2B08:00&to=2026-05-31T00:00:00%2B08:00`,
    });
    expect(year.statusCode, year.body).toBe(200);
    expect(year.json().items).toHaveLength(2);
  });

  it('retention drops whole months of real-time values and keeps hourly and daily values', async () => {
    const db = t.database.db;
    const old = new Date('2025-01-15T00:00:00+08:00');
    await ensurePartition(db, 'monitoring_readings', old);
    await ensurePartition(db, 'monitoring_readings_long', old);
    const dropped = await dropOldPartitions(db, 6, new Date('2026-05-10T00:00:00+08:00'));
    expect(dropped).toContain('monitoring_readings_202501');
    expect((await listPartitions(db, 'monitoring_readings')).map((p) => p.name)).not.toContain(
      'monitoring_readings_202501',
    );
    expect((await listPartitions(db, 'monitoring_readings_long')).map((p) => p.name)).toContain(
      'monitoring_readings_long_202501',
    );
    // the month the rule tests wrote into is within six months and stays
    expect((await listPartitions(db, 'monitoring_readings')).map((p) => p.name)).toContain(
      'monitoring_readings_202605',
    );
  });
});

describe('figures', () => {
  it('online rate and data capture rate per station, counted from the hour it was registered', async () => {
    const st = await register([
      { code: 'a34013', upperLimit: 30 },
      { code: 'a21026', upperLimit: 50 },
    ]);
    // registered at 08:20 on 2026-05-10: the day counts 16 hours, 08:00 to midnight
    await t.database.db.execute(
      sql`update monitoring_stations set created_at = ${new Date(T0 + 20 * MIN).toISOString()}::timestamptz where id = ${st.id}`,
    );
    // frames in two of those hours; the station's own hour value for one factor in each
    for (const h of [0, 3]) {
      await send(st.mn, '2011', T0 + h * HOUR + 30 * MIN, rtd('a34013', 12));
      await send(st.mn, '2061', T0 + h * HOUR, { a34013: { Avg: '12', Flag: 'N' } });
    }
    // an invalid hour value is received but not valid
    await send(st.mn, '2061', T0 + 5 * HOUR, { a34013: { Avg: '12', Flag: 'M' } });
    const period = { from: '2026-05-10', to: '2026-05-10' };
    const [online, capture] = MONITORING_FIGURES;
    const find = async (f: (typeof MONITORING_FIGURES)[number] | undefined) =>
      (await f!.records(t.database.db, period)).find((r) => r.id === st.id)!;
    const o = await find(online);
    // 3 frames received in hours 0 (two frames), 3 and 5
    expect(o.detail).toBe('在线率 18.8%（有数据上传 3 小时 / 应在线 16 小时）');
    expect(o.link).toBe(`/staff/monitoring/stations/${st.id}`);
    expect(o.enterpriseId).toBe(enterpriseId);
    const c = await find(capture);
    expect(c.detail).toBe('有效传输率 6.3%（有效小时值 2 个 / 应传输 32 个）');
    const inEnglish = async (f: (typeof MONITORING_FIGURES)[number] | undefined) =>
      (await f!.records(t.database.db, period, undefined, 'en')).find((r) => r.id === st.id)!.detail;
    expect(await inEnglish(online)).toBe('online rate 18.8% (data sent in 3 of 16 hours expected)');
    expect(await inEnglish(capture)).toBe('data capture rate 6.3% (2 valid hourly values of 32 expected)');
    // outside the period the station counts nothing
    const before = (await online!.records(t.database.db, { from: '2026-05-09', to: '2026-05-09' })).find(
      (r) => r.id === st.id,
    );
    expect(before?.detail).toBe('在线率 0%（有数据上传 0 小时 / 应在线 0 小时）');
    // the county figure is the whole-percent rate over every station's hours, as the drill-down lists them
    const all = await online!.records(t.database.db, period);
    let sent = 0;
    let due = 0;
    for (const r of all) {
      const m = /上传 (\d+) 小时 \/ 应在线 (\d+) 小时/.exec(r.detail)!;
      sent += Number(m[1]);
      due += Number(m[2]);
    }
    const shown = (await figureTotals(t.database.db, [online!], period)).get(online!.key)!.total;
    expect(shown).toBe(Math.round((100 * sent) / due));
    // the drill-down's total is its rows (one per station), not the rate
    expect(await online!.count(t.database.db, period)).toBe(all.length);
  });
});

describe('gateway requests: 补传 after a gap, clock calibration', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway({ db: t.database.db, port: 0, host: '127.0.0.1', idleTimeoutMs: 60_000 });
  });
  afterAll(async () => {
    await gw?.close();
  });

  async function device() {
    const socket = net.connect({ port: gw.port, host: '127.0.0.1' });
    await new Promise<void>((ok, fail) => {
      socket.once('connect', ok);
      socket.once('error', fail);
    });
    const decoder = new StreamDecoder({ lenient: true });
    const received: DecodedFrame[] = [];
    socket.on('data', (chunk: Uint8Array) => received.push(...decoder.push(chunk)));
    const waitFor = async (pred: (f: DecodedFrame) => boolean) => {
      for (let i = 0; i < 250; i++) {
        const f = received.find(pred);
        if (f) return f;
        await new Promise((r) => setTimeout(r, 20));
      }
      return null;
    };
    return { socket, received, waitFor };
  }

  /**
   * A logger as 附录 C describes it: a history request (2061/2031 with BeginTime/EndTime) is
   * answered 9011, then one upload per completed period under the request's QN, then 9012.
   */
  function answerHistory(d: Awaited<ReturnType<typeof device>>, code: string) {
    const answered: string[] = [];
    const seen = new Set<DecodedFrame>();
    const timer = setInterval(() => {
      for (const req of d.received) {
        if (seen.has(req) || (req.header.CN !== '2061' && req.header.CN !== '2031')) continue;
        seen.add(req);
        const cn = req.header.CN;
        const step = cn === '2061' ? HOUR : 24 * HOUR;
        const begin = parseDataTime(req.get('BeginTime') ?? '')?.getTime() ?? 0;
        const end = parseDataTime(req.get('EndTime') ?? '')?.getTime() ?? 0;
        d.socket.write(encodeFrame(qnRtn9011(req, 1)));
        for (let at = begin; at + step <= end; at += step) {
          d.socket.write(
            encodeFrame({
              header: { QN: req.header.QN, ST: '31', CN: cn, PW: '123456', MN: req.header.MN ?? '', Flag: 4 },
              cp: { DataTime: formatDataTime(at), [code]: { Min: '9.0', Avg: '10.0', Max: '11.0', Flag: 'N' } },
            }),
          );
          answered.push(`${cn}@${formatDataTime(at)}`);
        }
        d.socket.write(encodeFrame(exeRtn9012(req, 1)));
      }
    }, 10);
    return { answered, stop: () => clearInterval(timer) };
  }

  async function longCount(stationId: string, cn: string): Promise<number> {
    const rows = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from monitoring_readings_long where station_id = ${stationId} and cn = ${cn} and source = 'station'`,
      ),
    );
    return rows[0]?.n ?? 0;
  }

  it('asks a logger back after a gap for the missing hours (2061) and days (2031); its answers are stored', async () => {
    const st = await register([{ code: 'a34013', upperLimit: 30 }]);
    // 30 h of silence always crosses a Beijing midnight: at least one whole day went unreported
    const lastSeen = Date.now() - 30 * HOUR;
    await t.database.db.execute(
      sql`update monitoring_stations set last_frame_at = ${new Date(lastSeen).toISOString()}::timestamptz where id = ${st.id}`,
    );
    const d = await device();
    const logger = answerHistory(d, 'a34013');
    const now = Date.now();
    d.socket.write(
      encodeFrame({
        header: { ST: '31', CN: '2011', PW: '123456', MN: st.mn, Flag: 5 },
        cp: { DataTime: formatDataTime(now), ...rtd('a34013', 10) },
      }),
    );
    const hours = await d.waitFor((f) => f.header.CN === '2061');
    const days = await d.waitFor((f) => f.header.CN === '2031');
    expect(hours?.header.MN).toBe(st.mn);
    expect(hours?.get('BeginTime')).toBe(formatDataTime(Math.floor(lastSeen / HOUR) * HOUR));
    const dayStart = Math.floor((lastSeen + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR;
    expect(days?.get('BeginTime')).toBe(formatDataTime(dayStart));
    const answeredOf = (cn: string) => logger.answered.filter((a) => a.startsWith(cn)).length;
    // the logger answers from its own timer: wait for it to have written every period
    await expect.poll(() => answeredOf('2031'), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const hourAnswers = answeredOf('2061');
    expect(hourAnswers).toBeGreaterThanOrEqual(29);
    await expect.poll(() => longCount(st.id, '2061'), { timeout: 15_000 }).toBe(hourAnswers);
    await expect.poll(() => longCount(st.id, '2031'), { timeout: 15_000 }).toBe(answeredOf('2031'));
    logger.stop();
    d.socket.destroy();

    // the same station reconnecting at once after a new gap is not asked again (per-station cool-down)
    await t.database.db.execute(
      sql`update monitoring_stations set last_frame_at = ${new Date(Date.now() - 5 * HOUR).toISOString()}::timestamptz where id = ${st.id}`,
    );
    const again = await device();
    again.socket.write(
      encodeFrame({
        header: { ST: '31', CN: '2011', PW: '123456', MN: st.mn, Flag: 5 },
        cp: { DataTime: formatDataTime(Date.now()), ...rtd('a34013', 11) },
      }),
    );
    expect(await again.waitFor((f) => f.header.CN === '9014')).not.toBeNull();
    expect(again.received.filter((f) => f.header.CN === '2061' || f.header.CN === '2031')).toHaveLength(0);
    again.socket.destroy();
  });

  it('sets the logger clock (1012) when its data time is off by more than ten minutes', async () => {
    const st = await register([{ code: 'a34013', upperLimit: 30 }]);
    const d = await device();
    const skewed = Date.now() - HOUR;
    d.socket.write(
      encodeFrame({
        header: { ST: '31', CN: '2011', PW: '123456', MN: st.mn, Flag: 5 },
        cp: { DataTime: formatDataTime(skewed), ...rtd('a34013', 10) },
      }),
    );
    const req = await d.waitFor((f) => f.header.CN === '1012');
    expect(req?.header.MN).toBe(st.mn);
    const set = req?.get('SystemTime') ?? '';
    // the platform's time, not the logger's
    expect(set.slice(0, 10)).toBe(formatDataTime(Date.now()).slice(0, 10));
    d.socket.destroy();
  });
});
