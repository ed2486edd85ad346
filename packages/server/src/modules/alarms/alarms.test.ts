import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { notifications } from '../notifications/tables.ts';
import { ALARM_FIGURES } from './figures.ts';
import { clearAlarm, escalateUnanswered, raiseAlarm } from './service.ts';
import { alarms } from './tables.ts';

let t: TestApp;
let A: { id: string; name: string };
let B: { id: string; name: string };
let entA: Client;
let entB: Client;
let monitor: Client;
let clerk: Client;

beforeAll(async () => {
  t = await buildTestApp();
  A = await makeEnterprise(t);
  B = await makeEnterprise(t);
  entA = await loginAs(t, ['enterprise'], A.id);
  entB = await loginAs(t, ['enterprise'], B.id);
  monitor = await loginAs(t, ['monitor']);
  clerk = await loginAs(t, ['clerk']);
}, 60_000);
afterAll(() => t.close());

const station = () => `ST-${Math.random().toString(36).slice(2, 10)}`;

async function raise(enterpriseId: string, sourceId: string, kind = 'over-limit' as const, at?: Date) {
  return t.database.db.transaction((tx) =>
    raiseAlarm(tx, {
      sourceKind: 'station',
      sourceId,
      sourceName: '1号窑炉烟气排放口',
      enterpriseId,
      kind,
      detail: '二氧化硫小时均值 420 mg/m³，超过限值 300 mg/m³',
      evidence: { factor: 'a21026', value: 420, limit: 300 },
      ...(at ? { at } : {}),
    }),
  );
}

describe('raising and clearing', () => {
  it('keeps one active alarm per (source, kind), reminds the enterprise once and audits', async () => {
    const src = station();
    const first = await raise(A.id, src);
    const again = await raise(A.id, src);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.alarm.id).toBe(first.alarm.id);
    expect(again.alarm.occurrences).toBe(2);
    // another kind on the same source is another alarm
    expect((await raise(A.id, src, 'zero-value' as never)).created).toBe(true);

    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'alarm'), eq(notifications.link, `/enterprise/alarms/${first.alarm.id}`)));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.body).toContain('2小时内');
    // the inbox's English face: the platform's words in English, the outlet's name as it is
    expect(inbox[0]!.titleEn).toBe(
      '[Qingshan environmental supervision] Alarm reminder: over the limit (hour average)',
    );
    expect(inbox[0]!.bodyEn).toContain(
      `${A.name}: at your 1号窑炉烟气排放口, an alarm “over the limit (hour average)” was raised at`,
    );
    expect(inbox[0]!.bodyEn).toContain('within 2 hours');
    expect(inbox[0]!.bodyEn).toContain('basis: Measures for the Administration of Automatic Monitoring');
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, first.alarm.id));
    expect(audit.map((a) => a.action)).toEqual(['alarm.raise']);

    const list = await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${src}` });
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((a: { kind: string; state: string }) => `${a.kind}/${a.state}`)
        .sort(),
    ).toEqual(['over-limit/active', 'zero-value/active']);
  });

  it('is race-safe: raising at once from many transactions makes one alarm', async () => {
    const src = station();
    const results = await Promise.all(Array.from({ length: 6 }, () => raise(A.id, src)));
    expect(new Set(results.map((r) => r.alarm.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await t.database.db.select().from(alarms).where(eq(alarms.sourceId, src));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.occurrences).toBe(6);
  });

  const clear = (src: string, at?: Date) =>
    t.database.db.transaction((tx) =>
      clearAlarm(tx, { sourceKind: 'station', sourceId: src, kind: 'over-limit', ...(at ? { at } : {}) }),
    );

  it('clears the active alarm; an occurrence over an hour after clearing is a new alarm', async () => {
    const src = station();
    const a = await raise(A.id, src);
    const cleared = new Date(Date.now() - 61 * 60_000);
    expect(await clear(src, cleared)).toBe(true);
    expect(await clear(src)).toBe(false);
    const b = await raise(A.id, src);
    expect(b.created).toBe(true);
    expect(b.alarm.id).not.toBe(a.alarm.id);
    const list = (await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${src}&state=cleared` })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([a.alarm.id]);
  });

  it('a condition back within the hour makes the unanswered alarm active again: no new alarm, no second reminder', async () => {
    const src = station();
    const a = await raise(A.id, src);
    const reminders = async () =>
      (
        await t.database.db
          .select()
          .from(notifications)
          .where(eq(notifications.link, `/enterprise/alarms/${a.alarm.id}`))
      ).length;
    expect(await reminders()).toBe(1);
    // a value hovering at its limit: over, under, over, under, over
    for (let i = 0; i < 2; i++) {
      expect(await clear(src)).toBe(true);
      const again = await raise(A.id, src);
      expect(again.created).toBe(false);
      expect(again.alarm.id).toBe(a.alarm.id);
      expect(again.alarm.state).toBe('active');
      expect(again.alarm.clearedAt).toBeNull();
    }
    expect(await reminders()).toBe(1);
    const detail = (await monitor.request({ method: 'GET', url: `/api/alarms/${a.alarm.id}` })).json();
    expect(detail.alarm.occurrences).toBe(3);
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'raised',
      'reminded',
      'cleared',
      'reactivated',
      'cleared',
      'reactivated',
    ]);
    const audits = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, a.alarm.id), eq(auditEntries.action, 'alarm.reactivate')));
    expect(audits).toHaveLength(2);
    expect(
      (await monitor.request({ method: 'GET', url: `/api/alarms?stationId=${src}` }))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([a.alarm.id]);
  });

  it('an answered alarm is not made active again: the recurrence is a new alarm with its own reminder', async () => {
    const src = station();
    const a = await raise(A.id, src);
    const answered = await entA.request({
      method: 'POST',
      url: `/api/alarms/${a.alarm.id}/answer`,
      payload: { reason: '仪表漂移', action: '已校准' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await clear(src)).toBe(true);
    const b = await raise(A.id, src);
    expect(b.created).toBe(true);
    expect(b.alarm.id).not.toBe(a.alarm.id);
  });
});

describe('alarms: answer and close; enterprise B never reads or answers A’s alarm', () => {
  it('the enterprise answers with a file, an officer closes confirmed; each step is on the timeline and audited', async () => {
    const { alarm } = await raise(A.id, station());
    // confirming before the enterprise has had its say is refused
    const early = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      payload: { outcome: 'confirmed', note: '核实属实' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ALARM_STATE');

    const pdf = Buffer.from('%PDF-1.4 repair note').toString('base64');
    const answered = await entA.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/answer`,
      payload: {
        reason: '脱硫剂投加泵故障',
        action: '已更换投加泵，恢复正常投加',
        attachment: { name: '维修记录.pdf', contentType: 'application/pdf', dataBase64: pdf },
      },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().alarm).toMatchObject({ acknowledged: true, answeredInTime: true, state: 'active' });
    expect(answered.json().attachment).toMatchObject({ name: '维修记录.pdf', size: 20 });
    const again = await entA.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/answer`,
      payload: { reason: 'x', action: 'y' },
    });
    expect(again.statusCode).toBe(409);

    const file = await monitor.request({ method: 'GET', url: `/api/alarms/${alarm.id}/attachment` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.toString()).toBe('%PDF-1.4 repair note');

    const closed = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      payload: { outcome: 'confirmed', note: '现场核实属实，企业已整改' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().alarm).toMatchObject({ state: 'closed', outcome: 'confirmed' });
    expect(closed.json().events.map((e: { type: string }) => e.type)).toEqual([
      'raised',
      'reminded',
      'answered',
      'closed',
    ]);
    // the platform's words come in English too; the people's own words stay as written, and the
    // reminder stays the text that was sent
    const notesEn = closed.json().events.map((e: { noteEn: string | null }) => e.noteEn);
    expect(notesEn.slice(1)).toEqual([
      null,
      'Reason: 脱硫剂投加泵故障; action: 已更换投加泵，恢复正常投加',
      'Confirmed: 现场核实属实，企业已整改',
    ]);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, alarm.id));
    expect(audit.map((a) => a.action)).toEqual(['alarm.raise', 'alarm.answer', 'alarm.close']);
    // closed: nothing more
    expect(
      (
        await monitor.request({
          method: 'POST',
          url: `/api/alarms/${alarm.id}/close`,
          payload: { outcome: 'dismissed', note: '重复' },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a false alarm may be dismissed without an answer; a clerk may not close', async () => {
    const { alarm } = await raise(A.id, station());
    const byClerk = await clerk.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      payload: { outcome: 'dismissed', note: '仪器校准' },
    });
    expect(byClerk.statusCode).toBe(403);
    const res = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      payload: { outcome: 'dismissed', note: '仪器校准期间的数据，属误报' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().alarm.outcome).toBe('dismissed');
  });

  it('bad input is a 400 with the field and changes nothing', async () => {
    const { alarm } = await raise(A.id, station());
    const bad = await entA.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/answer`,
      payload: {
        reason: '  ',
        action: '整改',
        attachment: { name: 'a.exe', contentType: 'application/x-msdownload', dataBase64: 'AAAA' },
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = JSON.stringify(bad.json());
    expect(paths).toContain('reason');
    expect(paths).toContain('contentType');
    const [row] = await t.database.db.select().from(alarms).where(eq(alarms.id, alarm.id));
    expect(row!.answeredAt).toBeNull();
    expect(
      (await monitor.request({ method: 'GET', url: '/api/alarms?from=2026-01-01&to=2027-06-01' })).statusCode,
    ).toBe(400);
    expect((await monitor.request({ method: 'GET', url: '/api/alarms?kind=nonsense' })).statusCode).toBe(400);
    expect((await monitor.request({ method: 'GET', url: '/api/alarms?sort=enterpriseName' })).statusCode).toBe(400);
  });

  it('a period refused says why, in Chinese and in English', async () => {
    const ask = async (query: string, lang: string) =>
      (
        await monitor.request({ method: 'GET', url: `/api/alarms?${query}`, headers: { 'accept-language': lang } })
      ).json().errors;
    expect(await ask('from=2026-06-10&to=2026-06-01', 'zh-CN')).toEqual([
      { path: 'to', message: '结束日期不能早于开始日期' },
    ]);
    expect(await ask('from=2026-06-10&to=2026-06-01', 'en')).toEqual([
      { path: 'to', message: 'the end date cannot be before the start date' },
    ]);
    expect(await ask('from=2025-01-01&to=2026-06-01', 'zh-CN')).toEqual([
      { path: 'to', message: '查询期间最长 366 天' },
    ]);
    expect(await ask('from=2025-01-01&to=2026-06-01', 'en')).toEqual([
      { path: 'to', message: 'the period can be at most 366 days' },
    ]);
  });

  it('lists newest first, or oldest first when asked', async () => {
    const C = await makeEnterprise(t);
    const older = await raise(C.id, station());
    const newer = await raise(C.id, station());
    // raisedAt is stamped when raising (not from the condition's time), and the tests' clock moves
    // in 20 ms steps: two alarms raised back to back may share it, and then the ids would order them
    await t.database.db
      .update(alarms)
      .set({ raisedAt: new Date(older.alarm.raisedAt.getTime() - 60_000) })
      .where(eq(alarms.id, older.alarm.id));
    const ids = async (q: string) =>
      (await monitor.request({ method: 'GET', url: `/api/alarms?enterpriseId=${C.id}${q}` }))
        .json()
        .items.map((a: { id: string }) => a.id);
    expect(await ids('')).toEqual([newer.alarm.id, older.alarm.id]);
    expect(await ids('&sort=-raisedAt')).toEqual([newer.alarm.id, older.alarm.id]);
    expect(await ids('&sort=raisedAt')).toEqual([older.alarm.id, newer.alarm.id]);
    // the answer is due 2 hours after the alarm was raised: the time its escalation goes by
    const [first] = (
      await monitor.request({ method: 'GET', url: `/api/alarms?enterpriseId=${C.id}&sort=raisedAt` })
    ).json().items as { raisedAt: string; answerDueAt: string }[];
    expect(Date.parse(first!.answerDueAt) - Date.parse(first!.raisedAt)).toBe(2 * 3_600_000);
  });

  it('state=open lists what the monitoring overview counts: active and cleared, not closed', async () => {
    const C = await makeEnterprise(t);
    const active = await raise(C.id, station());
    const clearedSrc = station();
    const cleared = await raise(C.id, clearedSrc);
    await t.database.db.transaction((tx) =>
      clearAlarm(tx, { sourceKind: 'station', sourceId: clearedSrc, kind: 'over-limit' }),
    );
    const closed = await raise(C.id, station());
    const res = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${closed.alarm.id}/close`,
      payload: { outcome: 'dismissed', note: '仪器校准期间的数据，属误报' },
    });
    expect(res.statusCode).toBe(200);
    const ids = async (q: string) =>
      (await monitor.request({ method: 'GET', url: `/api/alarms?enterpriseId=${C.id}${q}` }))
        .json()
        .items.map((a: { id: string }) => a.id)
        .sort();
    expect(await ids('&state=open&sourceKind=station')).toEqual([active.alarm.id, cleared.alarm.id].sort());
    expect(await ids('&state=closed')).toEqual([closed.alarm.id]);
    expect(await ids('&state=open&sourceKind=meter')).toEqual([]);
  });

  it('enterprise B neither sees nor answers A’s alarm', async () => {
    const { alarm } = await raise(A.id, station());
    const read = await entB.request({ method: 'GET', url: `/api/alarms/${alarm.id}` });
    expect(read.statusCode).toBe(403);
    const answer = await entB.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/answer`,
      payload: { reason: 'x', action: 'y' },
    });
    expect(answer.statusCode).toBe(403);
    const list = (await entB.request({ method: 'GET', url: `/api/alarms?enterpriseId=${A.id}&pageSize=200` })).json();
    expect(list.items).toEqual([]);
    const own = (await entA.request({ method: 'GET', url: '/api/alarms?pageSize=200' })).json();
    expect(own.items.every((a: { enterpriseId: string }) => a.enterpriseId === A.id)).toBe(true);
    expect(own.total).toBeGreaterThan(0);
  });
});

describe('escalation and figures', () => {
  it('escalates an alarm unanswered for 2 h to the leaders, once', async () => {
    const leaderClient = await loginAs(t, ['leader']);
    const leader = { id: leaderClient.userId };
    const raisedAt = new Date();
    const { alarm } = await raise(B.id, station());
    const later = new Date(raisedAt.getTime() + 121 * 60_000);
    // not yet at 1 h 59
    await escalateUnanswered(t.database.db, new Date(raisedAt.getTime() + 119 * 60_000));
    let [row] = await t.database.db.select().from(alarms).where(eq(alarms.id, alarm.id));
    expect(row!.escalatedAt).toBeNull();
    expect(await escalateUnanswered(t.database.db, later)).toBeGreaterThanOrEqual(1);
    [row] = await t.database.db.select().from(alarms).where(eq(alarms.id, alarm.id));
    expect(row!.escalatedAt).not.toBeNull();
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leader.id), eq(notifications.link, `/staff/alarms/${alarm.id}`)));
    expect(told).toHaveLength(1);
    expect(told[0]!.titleEn).toBe(`Alarm not answered in time: ${B.name}`);
    expect(told[0]!.bodyEn).toContain(`alarm at ${B.name}, 1号窑炉烟气排放口, was raised at`);
    expect(told[0]!.bodyEn).toContain('has not answered it within 2 hours');
    await escalateUnanswered(t.database.db, new Date(later.getTime() + 3_600_000));
    const toldAgain = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leader.id), eq(notifications.link, `/staff/alarms/${alarm.id}`)));
    expect(toldAgain).toHaveLength(1);
    const detail = (await monitor.request({ method: 'GET', url: `/api/alarms/${alarm.id}` })).json();
    expect(detail.events.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(1);
    // audited once, by the platform, with the time it went up
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, alarm.id), eq(auditEntries.action, 'alarm.escalate')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ escalatedAt: later.toISOString() });
    // the leader reads it in the inbox, in its own words
    const inbox = (await leaderClient.request({ method: 'GET', url: '/api/inbox?pageSize=200' })).json();
    expect(inbox.items.some((n: { link: string | null }) => n.link === `/staff/alarms/${alarm.id}`)).toBe(true);
  });

  it('counts raised, answered in time and closed over a period, and lists the records', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const p = { from: today, to: today };
    const fig = (key: string) => ALARM_FIGURES.find((f) => f.key === key)!;
    const before = {
      raised: await fig('alarmsRaised').count(t.database.db, p),
      inTime: await fig('alarmsAnsweredInTime').count(t.database.db, p),
      closed: await fig('alarmsClosed').count(t.database.db, p),
    };
    const { alarm } = await raise(A.id, station());
    await entA.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/answer`,
      payload: { reason: '停电', action: '恢复' },
    });
    await monitor.request({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      payload: { outcome: 'confirmed', note: '属实' },
    });
    expect(await fig('alarmsRaised').count(t.database.db, p)).toBe(before.raised + 1);
    expect(await fig('alarmsAnsweredInTime').count(t.database.db, p)).toBe(before.inTime + 1);
    expect(await fig('alarmsClosed').count(t.database.db, p)).toBe(before.closed + 1);
    const records = await fig('alarmsClosed').records(t.database.db, p);
    expect(records.map((r) => r.id)).toContain(alarm.id);
    expect(records.find((r) => r.id === alarm.id)!.link).toBe(`/staff/alarms/${alarm.id}`);
    expect(records.find((r) => r.id === alarm.id)!.detail).toBe('已关闭，已答复');
    // an English reader reads the state and the alarm's own English detail
    const en = (await fig('alarmsClosed').records(t.database.db, p, undefined, 'en')).find((r) => r.id === alarm.id)!;
    expect(en.detail).toBe('closed, answered');
    // kept no English detail (raised before it was kept): the Chinese one stands rather than nothing
    expect(en.title).toBe('1号窑炉烟气排放口 · 二氧化硫小时均值 420 mg/m³，超过限值 300 mg/m³');
    await t.database.db.update(alarms).set({ detailEn: 'SO2 over its limit' }).where(eq(alarms.id, alarm.id));
    const withEn = await fig('alarmsClosed').records(t.database.db, p, undefined, 'en');
    expect(withEn.find((r) => r.id === alarm.id)!.title).toBe('1号窑炉烟气排放口 · SO2 over its limit');
  });
});
