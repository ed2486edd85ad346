import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  loginAs,
  makeEnterprise,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { clocksOf } from '../clocks/service.ts';
import { actOnReport, createReport } from './service.ts';

let t: TestApp;
let desk: Client;
let leader: Client;

const base = {
  title: '某花炮厂夜间偷排废水',
  content: '桐木镇某花炮厂夜间通过暗管向河沟排放废水，河水发黑发臭。',
  location: '上栗县桐木镇某村河沟',
};

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

beforeAll(async () => {
  t = await buildTestApp();
  desk = await loginAs(t, ['clerk']);
  leader = await loginAs(t, ['leader']);
}, 60_000);
afterAll(() => t.close());

function act(c: Client, id: string, body: Record<string, unknown>) {
  return c.request({ method: 'POST', url: `/api/reports/${id}/actions`, payload: body });
}

describe('environmental reports (12369, 环境保护部令第15号)', () => {
  it('registers a report with its own 15-day acceptance clock, not a petition clock', async () => {
    const res = await desk.request({
      method: 'POST',
      url: '/api/reports',
      payload: { ...base, channel: 'phone-12369', reporterName: '王群众', reporterPhone: '13907995501' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.code).toMatch(/^JB[2-9A-Z]{10}$/);
    expect(r).toMatchObject({ status: 'registered', acceptanceDueDate: plusDays(today(), 15) });
    const clocks = await clocksOf(t.database.db, { ownerType: 'report', ownerId: r.id });
    expect(clocks.map((c) => c.profileKey)).toEqual(['report.acceptance']);
    const rule = (await desk.request({ method: 'GET', url: '/api/rules/report.handling' })).json();
    expect(rule.current.source).toContain('环境保护部令第15号');
  });

  it('a named report needs a phone; an anonymous one keeps none', async () => {
    const noPhone = await desk.request({
      method: 'POST',
      url: '/api/reports',
      payload: { ...base, channel: 'letter' },
    });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().errors[0].path).toBe('reporterPhone');
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: { ...base, anonymous: true, reporterName: '某', reporterPhone: '13907995502' },
    });
    expect(anon.statusCode, anon.body).toBe(201);
    expect(anon.json()).toMatchObject({ anonymous: true, reporterName: null, reporterPhone: null, channel: 'online' });
  });

  it('accept → clerk requests, leader approves an extension → reply; on time by the clock', async () => {
    const db = t.database.db;
    const clerkActor = { id: desk.userId, name: 'clerk', roles: ['clerk'], ip: null };
    const head = { id: leader.userId, name: 'leader', roles: ['leader'], ip: null };
    const r = await db.transaction((tx) =>
      createReport(
        tx,
        SYSTEM_ACTOR,
        { ...base, channel: 'phone-12369', anonymous: false, reporterPhone: '13907995503' },
        { now: new Date('2021-03-01T10:00:00+08:00') },
      ),
    );
    await actOnReport(db, clerkActor, r.id, { action: 'accept' }, new Date('2021-03-02T10:00:00+08:00'));
    await actOnReport(
      db,
      clerkActor,
      r.id,
      { action: 'request-extension', days: 20, text: '需委托监测' },
      new Date('2021-04-20T10:00:00+08:00'),
    );
    // the leaders are asked, in Chinese and in English; the report's title and the reason stay as written
    const asked = (await leader.request({ method: 'GET', url: '/api/inbox?kind=report.extension-requested' }))
      .json()
      .items.find((n: { body: string }) => n.body.includes(r.code));
    expect(asked).toMatchObject({
      title: `举报件延期待批准：${base.title}`,
      titleEn: `12369 report extension awaiting approval: ${base.title}`,
      bodyEn: `Tracking code ${r.code}: an extension of 20 days is requested. Reason: 需委托监测`,
    });
    await expect(
      actOnReport(db, clerkActor, r.id, { action: 'approve-extension' }, new Date('2021-04-21T10:00:00+08:00')),
    ).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    await actOnReport(db, head, r.id, { action: 'approve-extension' }, new Date('2021-04-21T10:00:00+08:00'));
    const clocks = await clocksOf(db, { ownerType: 'report', ownerId: r.id });
    const handling = clocks.find((c) => c.profileKey === 'report.handling')!;
    // 60 days from 2021-03-02 is 2021-05-01; + 20 approved = 2021-05-21
    expect(handling.dueDate).toBe('2021-05-21');
    // the generic clock routes cannot move it
    const owned = await leader.request({
      method: 'POST',
      url: `/api/clocks/${handling.id}/extend`,
      payload: { days: 5, reason: '再延' },
    });
    expect(owned.json().code).toBe('CLOCK_OWNED');
    const replied = await actOnReport(
      db,
      clerkActor,
      r.id,
      { action: 'reply', text: '经现场检查属实，已立案查处并责令拆除暗管。' },
      new Date('2021-05-15T10:00:00+08:00'),
    );
    expect(replied).toMatchObject({ status: 'replied', closedOnTime: true, extensionDays: 20 });
    const d = (await desk.request({ method: 'GET', url: `/api/reports/${r.id}` })).json();
    expect(d.report.handlingDueDate).toBe('2021-05-21');
  });

  it('a report outside the bureau is passed on; stale versions and bad steps are refused', async () => {
    const res = await desk.request({
      method: 'POST',
      url: '/api/reports',
      payload: { ...base, channel: 'wechat-12369', reporterPhone: '13907995504' },
    });
    const r = res.json();
    expect((await act(desk, r.id, { action: 'reply', text: '已处理' })).statusCode).toBe(409);
    const stale = await act(desk, r.id, { action: 'accept', version: r.version + 1 });
    expect(stale.json().code).toBe('RECORD_CHANGED');
    const moved = await act(desk, r.id, {
      action: 'transfer',
      text: '萍乡市城市管理局（餐饮油烟）',
      version: r.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'transferred', transferredTo: '萍乡市城市管理局（餐饮油烟）' });
  });

  it('the reported enterprise and citizens cannot read reports; the reporter tracks by code and phone', async () => {
    const e = await makeEnterprise(t);
    const res = await desk.request({
      method: 'POST',
      url: '/api/reports',
      payload: { ...base, channel: 'phone-12369', reporterPhone: '13907995505', subjectEnterpriseId: e.id },
    });
    const r = res.json();
    const eu = await loginAs(t, ['enterprise'], e.id);
    expect((await eu.request({ method: 'GET', url: `/api/reports/${r.id}` })).statusCode).toBe(403);
    expect((await eu.request({ method: 'GET', url: '/api/reports' })).statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}?phone=13907995506` });
    expect(wrong.statusCode).toBe(404);
    const track = await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}?phone=13907995505` });
    expect(track.statusCode).toBe(200);
    expect(track.json().report.subjectEnterpriseId).toBeNull();
    expect(track.json().clocks).toEqual([]);
  });

  it('the ledger lists newest received first, or oldest first, or by subject either way; refuses another sort', async () => {
    const tag = uniqueName('举报排序');
    // subjects that differ in their last letter only, so any collation orders them A, B, C
    const file = async (letter: string, receivedAt: string) => {
      const res = await desk.request({
        method: 'POST',
        url: '/api/reports',
        payload: { ...base, title: `${tag}${letter}`, channel: 'phone-12369', anonymous: true, receivedAt },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const b = await file('B', '2026-06-01T09:00:00+08:00');
    const a = await file('A', '2026-06-03T09:00:00+08:00');
    const c = await file('C', '2026-06-02T09:00:00+08:00');
    const ids = (sort: string) => idsInOrder(desk, `/api/reports?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([a, c, b]);
    expect(await ids('-receivedAt')).toEqual([a, c, b]);
    expect(await ids('receivedAt')).toEqual([b, c, a]);
    expect(await ids('title')).toEqual([a, b, c]);
    expect(await ids('-title')).toEqual([c, b, a]);
    expect((await desk.request({ method: 'GET', url: '/api/reports?sort=status' })).statusCode).toBe(400);
  });
});
