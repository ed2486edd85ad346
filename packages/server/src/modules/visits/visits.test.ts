import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
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
import { ratableEventResolver } from '../ratings/registry.ts';
import { MAX_EVENT_IDS } from '../ratings/schema.ts';
import { ratings } from '../ratings/tables.ts';
import { visitEnterprises, visits } from './tables.ts';

let t: TestApp;
let inspector: Client;

beforeAll(async () => {
  t = await buildTestApp();
  inspector = await loginAs(t, ['inspector']);
});
afterAll(() => t.close());

function visitBody(enterpriseIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    date: '2025-05-20',
    staff: [
      { name: '王局长', leader: true },
      { userId: inspector.userId, name: '李强', leader: false },
    ],
    enterprises: enterpriseIds.map((id) => ({ enterpriseId: id, solved: '指导完成排污许可登记' })),
    purposes: ['permit-application', 'risk-reminder'],
    summary: '上门指导排污许可登记，提醒汛期环境风险',
    followUps: [{ enterpriseId: enterpriseIds[0], action: '复查危废贮存间整改', dueDate: '2025-06-03' }],
    ...overrides,
  };
}

describe('visits and campaigns', () => {
  it('records a visit to three enterprises as three enterprise-visits, each seeing only its own part', async () => {
    const es = await Promise.all([makeEnterprise(t), makeEnterprise(t), makeEnterprise(t)]);
    const res = await inspector.request({
      method: 'POST',
      url: '/api/visits',
      payload: visitBody(es.map((e) => e.id)),
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v.ledByLeader).toBe(true);
    expect(v.enterprises).toHaveLength(3);
    expect(v.followUps).toHaveLength(1);
    const rows = await t.database.db.select().from(visitEnterprises).where(eq(visitEnterprises.visitId, v.id));
    expect(rows).toHaveLength(3);

    const own = await loginAs(t, ['enterprise'], es[1]!.id);
    const list = (await own.request({ method: 'GET', url: '/api/visits' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([v.id]);
    expect(list.items[0].enterprises.map((x: { enterpriseId: string }) => x.enterpriseId)).toEqual([es[1]!.id]);
    const detail = (await own.request({ method: 'GET', url: `/api/visits/${v.id}` })).json();
    expect(detail.enterprises.map((x: { enterpriseId: string }) => x.enterpriseId)).toEqual([es[1]!.id]);
    expect(detail.followUps).toHaveLength(0);
    const stranger = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    expect((await stranger.request({ method: 'GET', url: `/api/visits/${v.id}` })).statusCode).toBe(403);
    expect((await stranger.request({ method: 'GET', url: '/api/visits' })).json().total).toBe(0);

    // each enterprise's part is a service event of its own (户次), rated by that enterprise alone
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(list.items[0].enterprises[0].ratingEventId).toBe(rows.find((r) => r.enterpriseId === es[1]!.id)!.id);
    for (const part of rows) {
      const ev = await ratableEventResolver('visit')!(t.database.db, part.id);
      expect(ev.exists).toBe(true);
      expect(ev.subjectEnterpriseId).toBe(part.enterpriseId);
      expect(ev.staffUserIds).toEqual([inspector.userId]);
    }
    // the visit's own id is not what is rated
    expect((await ratableEventResolver('visit')!(t.database.db, v.id)).exists).toBe(false);
  });

  it('refuses bad input and writes nothing', async () => {
    const e = await makeEnterprise(t);
    const before = (await t.database.db.select().from(visits)).length;
    const cases = [
      visitBody([e.id, e.id]),
      visitBody([e.id], { purposes: [] }),
      visitBody([e.id], { staff: [] }),
      visitBody([e.id], { date: '2999-01-01' }),
      visitBody(['00000000-0000-4000-8000-000000000000']),
      visitBody([e.id], {
        followUps: [{ enterpriseId: (await makeEnterprise(t)).id, action: 'x', dueDate: '2025-06-01' }],
      }),
      // due before the visit it comes from
      visitBody([e.id], { followUps: [{ enterpriseId: e.id, action: '复查', dueDate: '2025-05-19' }] }),
      // one person twice, by account or by name
      visitBody([e.id], {
        staff: [
          { userId: inspector.userId, name: '李强' },
          { userId: inspector.userId, name: '李强' },
        ],
      }),
      visitBody([e.id], { staff: [{ name: '王局长' }, { name: '王局长' }] }),
    ];
    for (const body of cases) {
      const res = await inspector.request({ method: 'POST', url: '/api/visits', payload: body });
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await t.database.db.select().from(visits)).length).toBe(before);
    const early = await inspector.request({
      method: 'POST',
      url: '/api/visits',
      payload: visitBody([e.id], { followUps: [{ enterpriseId: e.id, action: '复查', dueDate: '2025-05-19' }] }),
    });
    expect(early.json().errors).toEqual([{ path: 'followUps.0.dueDate', message: '跟进期限不能早于走访日期' }]);
  });

  it('groups visits into a campaign within its period', async () => {
    const c = await inspector.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: { theme: '排污许可全覆盖集中服务', startDate: '2025-05-12', endDate: '2025-05-30' },
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    const bad = await inspector.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: { theme: 'x', startDate: '2025-05-12', endDate: '2025-05-01' },
    });
    expect(bad.statusCode).toBe(400);
    const [a, b] = await Promise.all([makeEnterprise(t), makeEnterprise(t)]);
    const outside = await inspector.request({
      method: 'POST',
      url: '/api/visits',
      payload: visitBody([a.id], { campaignId: id, date: '2025-06-02', followUps: [] }),
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('VISIT_CAMPAIGN_PERIOD');
    const inside = await inspector.request({
      method: 'POST',
      url: '/api/visits',
      payload: visitBody([a.id, b.id], { campaignId: id, followUps: [] }),
    });
    expect(inside.statusCode).toBe(201);
    const got = (await inspector.request({ method: 'GET', url: `/api/campaigns/${id}` })).json();
    expect(got).toMatchObject({ visits: 1, enterpriseVisits: 2 });
    const filtered = (await inspector.request({ method: 'GET', url: `/api/visits?campaignId=${id}` })).json();
    expect(filtered.total).toBe(1);
  });

  it('lists campaigns latest start first, or earliest first, or by theme either way; refuses another sort', async () => {
    const tag = uniqueName('活动排序');
    // themes that differ in their last letter only, so any collation orders them A, B, C
    const create = async (letter: string, startDate: string) => {
      const res = await inspector.request({
        method: 'POST',
        url: '/api/campaigns',
        payload: { theme: `${tag}${letter}`, startDate, endDate: '2025-12-31' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const b = await create('B', '2025-03-01');
    const a = await create('A', '2025-03-20');
    const c = await create('C', '2025-03-10');
    const ids = (sort: string) => idsInOrder(inspector, `/api/campaigns?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([a, c, b]);
    expect(await ids('-startDate')).toEqual([a, c, b]);
    expect(await ids('startDate')).toEqual([b, c, a]);
    expect(await ids('theme')).toEqual([a, b, c]);
    expect(await ids('-theme')).toEqual([c, b, a]);
    expect((await inspector.request({ method: 'GET', url: '/api/campaigns?sort=visits' })).statusCode).toBe(400);
  });

  it('marks a follow-up done once, and lists enterprises needing a visit', async () => {
    const e = await makeEnterprise(t, { name: '上栗县待跟进花炮厂' });
    const v = (
      await inspector.request({
        method: 'POST',
        url: '/api/visits',
        payload: visitBody([e.id], {
          date: '2025-01-06',
          followUps: [{ enterpriseId: e.id, action: '复查', dueDate: '2025-01-20' }],
        }),
      })
    ).json();
    const cands = (await inspector.request({ method: 'GET', url: '/api/visits/candidates' })).json();
    const mine = cands.items.find((x: { enterpriseId: string }) => x.enterpriseId === e.id);
    expect(mine).toMatchObject({ overdueFollowUps: 1, lastVisit: '2025-01-06' });
    const fid = v.followUps[0].id;
    const done = await inspector.request({
      method: 'POST',
      url: `/api/visits/follow-ups/${fid}/done`,
      payload: { note: '已整改' },
    });
    expect(done.statusCode).toBe(200);
    const twice = await inspector.request({
      method: 'POST',
      url: `/api/visits/follow-ups/${fid}/done`,
      payload: { note: '已整改' },
    });
    expect(twice.statusCode).toBe(409);
    const after = (await inspector.request({ method: 'GET', url: '/api/visits/candidates' })).json();
    expect(after.items.find((x: { enterpriseId: string }) => x.enterpriseId === e.id)).toBeUndefined();
  });

  it('attaches a photo and serves it back; refuses other file types', async () => {
    const e = await makeEnterprise(t);
    const v = (
      await inspector.request({ method: 'POST', url: '/api/visits', payload: visitBody([e.id], { followUps: [] }) })
    ).json();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const up = await inspector.request({
      method: 'POST',
      url: `/api/visits/${v.id}/attachments?name=${encodeURIComponent('现场照片.png')}`,
      payload: png,
      headers: { 'content-type': 'image/png' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const got = await inspector.request({ method: 'GET', url: `/api/visits/${v.id}/attachments/${up.json().id}` });
    expect(got.statusCode).toBe(200);
    expect(Buffer.compare(got.rawPayload, png)).toBe(0);
    const exe = await inspector.request({
      method: 'POST',
      url: `/api/visits/${v.id}/attachments?name=a.exe`,
      payload: Buffer.from('MZ'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(exe.statusCode).toBe(415);
  });

  it("a joint visit: enterprise A sees its own part, files and follow-ups; never B's, nor anything internal", async () => {
    const [a, b] = await Promise.all([makeEnterprise(t), makeEnterprise(t)]);
    const res = await inspector.request({
      method: 'POST',
      url: '/api/visits',
      payload: visitBody([a.id, b.id], {
        summary: '联合走访两家企业：乙厂危废台账混乱，拟列入重点检查',
        internalNote: '乙厂负责人态度消极，建议下月突击检查',
        enterprises: [
          { enterpriseId: a.id, solved: '指导完成排污登记', findings: '甲厂：废气收集罩破损，已当场指导维修' },
          { enterpriseId: b.id, solved: '提醒危废台账', findings: '乙厂：危废台账缺两个月' },
        ],
        followUps: [
          { enterpriseId: a.id, action: '复查甲厂收集罩', dueDate: '2025-06-03' },
          { enterpriseId: b.id, action: '复查乙厂台账', dueDate: '2025-06-03' },
          { action: '向执法大队通报乙厂情况', dueDate: '2025-05-25' },
          { enterpriseId: a.id, action: '内部：核实甲厂是否漏报', dueDate: '2025-06-10', internal: true },
        ],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const upload = async (name: string, query: string) => {
      const r = await inspector.request({
        method: 'POST',
        url: `/api/visits/${v.id}/attachments?name=${encodeURIComponent(name)}${query}`,
        payload: png,
        headers: { 'content-type': 'image/png' },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const fileA = await upload('甲厂现场.png', `&enterpriseId=${a.id}`);
    const fileB = await upload('乙厂台账.png', `&enterpriseId=${b.id}`);
    const fileAll = await upload('合影.png', '');
    const fileInternal = await upload('内部记录.png', `&enterpriseId=${a.id}&internal=true`);
    const stranger = await makeEnterprise(t);
    const wrongPart = await inspector.request({
      method: 'POST',
      url: `/api/visits/${v.id}/attachments?name=x.png&enterpriseId=${stranger.id}`,
      payload: png,
      headers: { 'content-type': 'image/png' },
    });
    expect(wrongPart.statusCode).toBe(400);

    // staff see everything
    const staffView = (await inspector.request({ method: 'GET', url: `/api/visits/${v.id}` })).json();
    expect(staffView.summary).toContain('联合走访');
    expect(staffView.internalNote).toContain('突击检查');
    expect(staffView.followUps).toHaveLength(4);
    expect(staffView.attachments).toHaveLength(4);

    const entA = await loginAs(t, ['enterprise'], a.id);
    const entB = await loginAs(t, ['enterprise'], b.id);
    const viewA = (await entA.request({ method: 'GET', url: `/api/visits/${v.id}` })).json();
    const viewB = (await entB.request({ method: 'GET', url: `/api/visits/${v.id}` })).json();
    expect(viewA.summary).toBe('甲厂：废气收集罩破损，已当场指导维修');
    expect(viewB.summary).toBe('乙厂：危废台账缺两个月');
    for (const view of [viewA, viewB]) {
      expect(view.internalNote).toBeNull();
      expect(JSON.stringify(view)).not.toContain('突击检查');
      expect(JSON.stringify(view)).not.toContain('联合走访两家企业');
      expect(JSON.stringify(view)).not.toContain('执法大队');
    }
    expect(viewA.followUps.map((f: { action: string }) => f.action)).toEqual(['复查甲厂收集罩']);
    expect(viewB.followUps.map((f: { action: string }) => f.action)).toEqual(['复查乙厂台账']);
    expect(viewA.attachments.map((x: { id: string }) => x.id)).toEqual([fileA]);
    expect(viewB.attachments.map((x: { id: string }) => x.id)).toEqual([fileB]);
    const list = (await entA.request({ method: 'GET', url: `/api/visits?pageSize=100` })).json();
    const inList = list.items.find((x: { id: string }) => x.id === v.id);
    expect(inList.summary).toBe('甲厂：废气收集罩破损，已当场指导维修');
    expect(inList.internalNote).toBeNull();

    // downloads follow the same rule: B's, the whole visit's and internal files answer 404 to A
    const get = (c: Client, id: string) => c.request({ method: 'GET', url: `/api/visits/${v.id}/attachments/${id}` });
    expect((await get(entA, fileA)).statusCode).toBe(200);
    for (const id of [fileB, fileAll, fileInternal]) expect((await get(entA, id)).statusCode).toBe(404);
    expect((await get(entB, fileA)).statusCode).toBe(404);
    expect((await get(inspector, fileInternal)).statusCode).toBe(200);
  });

  it('filters by town and enterprise: an enterprise only ever within its own part of a joint visit', async () => {
    const a = await makeEnterprise(t, { townCode: '360322101' });
    const b = await makeEnterprise(t, { townCode: '360322203' });
    const res = await inspector.request({ method: 'POST', url: '/api/visits', payload: visitBody([a.id, b.id]) });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    const ids = async (c: Client, query: string) =>
      (await c.request({ method: 'GET', url: `/api/visits?pageSize=200&${query}` }))
        .json()
        .items.map((x: { id: string }) => x.id);

    const own = await loginAs(t, ['enterprise'], a.id);
    expect(await ids(own, 'townCode=360322101')).toEqual([v.id]);
    // B's town must not find the visit for A: that would tell where the others on it are
    expect(await ids(own, 'townCode=360322203')).toEqual([]);
    // asking for another enterprise's visits still answers only with A's own
    expect(await ids(own, `enterpriseId=${b.id}`)).toEqual([v.id]);

    expect(await ids(inspector, 'townCode=360322203')).toContain(v.id);
    expect(await ids(inspector, `enterpriseId=${b.id}`)).toEqual([v.id]);
    expect(await ids(inspector, `enterpriseId=${b.id}&townCode=360322101`)).toEqual([v.id]);
  });

  it("a single-enterprise visit: the enterprise sees the summary and the visit's own files, not internal ones", async () => {
    const e = await makeEnterprise(t);
    const v = (
      await inspector.request({
        method: 'POST',
        url: '/api/visits',
        payload: visitBody([e.id], {
          internalNote: '内部：下次带监测人员',
          followUps: [
            { action: '寄送排污许可办理指南', dueDate: '2025-06-03' },
            { action: '内部：通报审批股', dueDate: '2025-06-03', internal: true },
          ],
        }),
      })
    ).json();
    const own = await loginAs(t, ['enterprise'], e.id);
    const view = (await own.request({ method: 'GET', url: `/api/visits/${v.id}` })).json();
    expect(view.summary).toBe('上门指导排污许可登记，提醒汛期环境风险');
    expect(view.internalNote).toBeNull();
    expect(view.followUps.map((f: { action: string }) => f.action)).toEqual(['寄送排污许可办理指南']);
  });
});

describe('visits: the enterprise visited rates the visit (好差评)', () => {
  const daysAgo = (n: number) =>
    new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const plus = (date: string, n: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const BAD = {
    level: 2,
    indicators: { efficiency: 2, result: 2, attitude: 3, convenience: 2 },
    comment: '问题没讲清楚',
  };
  const states = (c: Client, ids: string[]) =>
    c.request({ method: 'GET', url: `/api/ratings/events?eventType=visit&eventIds=${ids.join(',')}` });
  const rate = (c: Client, id: string, body: object = BAD) =>
    c.request({ method: 'POST', url: '/api/ratings', payload: { eventType: 'visit', eventId: id, ...body } });

  /** A visit recorded over the API, and the enterprises' parts of it (what each rates) by enterprise. */
  async function recordVisit(enterpriseIds: string[], date: string) {
    const made = await inspector.request({
      method: 'POST',
      url: '/api/visits',
      payload: visitBody(enterpriseIds, { date, followUps: [] }),
    });
    expect(made.statusCode, made.body).toBe(201);
    const v = made.json();
    const part = Object.fromEntries(
      (v.enterprises as { enterpriseId: string; ratingEventId: string }[]).map((x) => [
        x.enterpriseId,
        x.ratingEventId,
      ]),
    );
    return { v, part };
  }

  it('offers the rating to the enterprise visited within the window, once, and never to another', async () => {
    const [e, stranger] = await Promise.all([makeEnterprise(t), makeEnterprise(t)]);
    // recorded on the day of the visit
    const date = daysAgo(0);
    const { part } = await recordVisit([e.id], date);
    const id = part[e.id]!;
    // a visit recorded on its day, 40 days ago: its window has closed
    const { v: oldVisit, part: oldPart } = await recordVisit([e.id], daysAgo(40));
    await t.database.db
      .update(visits)
      .set({ createdAt: new Date(`${daysAgo(40)}T17:30:00+08:00`) })
      .where(eq(visits.id, oldVisit.id));
    const old = oldPart[e.id]!;
    const own = await loginAs(t, ['enterprise'], e.id);
    const other = await loginAs(t, ['enterprise'], stranger.id);

    const before = await states(own, [id, old]);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().items).toEqual([
      { eventId: id, state: 'open', lastDay: plus(date, 30), rating: null },
      { eventId: old, state: 'closed', lastDay: plus(daysAgo(40), 30), rating: null },
    ]);
    expect((await states(other, [id])).json().items[0]).toMatchObject({ state: 'not-yours', rating: null });
    expect((await states(inspector, [id])).json().items[0].state).toBe('not-yours');

    // the server refuses what the page does not offer, saying why
    const foreign = await rate(other, id);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('FORBIDDEN_RECORD');
    const late = await rate(own, old);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'RATING_NOT_RATABLE' });
    expect(late.json().detail).toContain(`已于 ${plus(daysAgo(40), 30)} 届满`);

    const rated = await rate(own, id);
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({
      label: `上门服务 ${date} ${e.name}`,
      enterpriseId: e.id,
      raterKind: 'enterprise',
    });
    const twice = await rate(own, id, { ...BAD, level: 5, comment: undefined });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('RATING_DUPLICATE');

    // afterwards the enterprise sees its rating and the bad one's follow-up, without who handles it
    const after = (await states(own, [id])).json().items[0];
    expect(after).toMatchObject({ state: 'rated', rating: { level: 2, rectification: { state: 'open' } } });
    expect(after.rating.rectification.assigneeUserId).toBeNull();
    // another enterprise learns nothing of it; the bureau sees who follows it up
    expect((await states(other, [id])).json().items[0]).toMatchObject({ state: 'not-yours', rating: null });
    const staff = (await states(inspector, [id])).json().items[0];
    expect(staff.rating.rectification.assigneeUserId).toBe(inspector.userId);
  });

  it('lets every enterprise of a joint visit rate its own part, and only its own', async () => {
    const [a, b] = await Promise.all([makeEnterprise(t), makeEnterprise(t)]);
    const date = daysAgo(2);
    const { part } = await recordVisit([a.id, b.id], date);
    const [ownA, ownB] = await Promise.all([loginAs(t, ['enterprise'], a.id), loginAs(t, ['enterprise'], b.id)]);
    expect(
      (await states(ownA, [part[a.id]!, part[b.id]!])).json().items.map((x: { state: string }) => x.state),
    ).toEqual(['open', 'not-yours']);
    expect((await rate(ownA, part[b.id]!)).statusCode).toBe(403);
    const byA = await rate(ownA, part[a.id]!, { ...BAD, level: 5, comment: undefined });
    expect(byA.statusCode, byA.body).toBe(201);
    // A's rating does not use up B's
    const byB = await rate(ownB, part[b.id]!);
    expect(byB.statusCode, byB.body).toBe(201);
    expect(byB.json()).toMatchObject({ enterpriseId: b.id, label: `上门服务 ${date} ${b.name}` });
    expect((await states(ownB, [part[b.id]!])).json().items[0]).toMatchObject({ state: 'rated', rating: { level: 2 } });
    // B's file names the rating in the reader's language
    const timeline = await inspector.request({
      method: 'GET',
      url: `/api/enterprises/${b.id}/timeline?kinds=rating`,
      headers: { 'accept-language': 'en' },
    });
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(timeline.json().items.map((i: { title: string }) => i.title)).toEqual([
      `Rating: Door-to-door visit ${date} ${b.name}`,
    ]);
  });

  it('moves a rating given to a visit before its parts were events onto the rater’s part (migration 0027)', async () => {
    const [a, b] = await Promise.all([makeEnterprise(t), makeEnterprise(t)]);
    const date = daysAgo(5);
    const { v, part } = await recordVisit([a.id, b.id], date);
    const given = await rate(await loginAs(t, ['enterprise'], b.id), part[b.id]!, {
      ...BAD,
      level: 4,
      comment: undefined,
    });
    expect(given.statusCode, given.body).toBe(201);
    // as it was stored before: the visit's id, a label without the enterprise
    await t.database.db
      .update(ratings)
      .set({ eventId: v.id, label: `上门服务 ${date}`, labelEn: null })
      .where(eq(ratings.id, given.json().id));
    const migration = readFileSync(
      new URL('../../../drizzle/0027_visit_enterprise_rating_event.sql', import.meta.url),
      'utf8',
    );
    await t.database.db.execute(sql.raw(migration.slice(migration.indexOf('UPDATE'))));
    const [after] = await t.database.db.select().from(ratings).where(eq(ratings.id, given.json().id));
    expect(after).toMatchObject({
      eventId: part[b.id],
      label: `上门服务 ${date} ${b.name}`,
      labelEn: `Door-to-door visit ${date} ${b.name}`,
    });
  });

  it('opens the window when a visit is recorded, for one entered long after it took place', async () => {
    const e = await makeEnterprise(t);
    const { part } = await recordVisit([e.id], daysAgo(45));
    const own = await loginAs(t, ['enterprise'], e.id);
    // the enterprise could not see it before it was recorded today
    expect((await states(own, [part[e.id]!])).json().items[0]).toMatchObject({
      state: 'open',
      lastDay: plus(daysAgo(0), 30),
    });
    expect((await rate(own, part[e.id]!, { ...BAD, level: 4, comment: undefined })).statusCode).toBe(201);
  });

  it('refuses an unknown event type and malformed ids', async () => {
    const e = await makeEnterprise(t);
    const own = await loginAs(t, ['enterprise'], e.id);
    const unknown = await own.request({
      method: 'GET',
      url: '/api/ratings/events?eventType=no-such&eventIds=00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('eventType');
    const malformed = await own.request({ method: 'GET', url: '/api/ratings/events?eventType=visit&eventIds=x,y' });
    expect(malformed.statusCode).toBe(400);
    // the refusal says what the list should be, with the limit the schema enforces
    expect(malformed.json().errors[0]).toEqual({
      path: 'eventIds',
      message: `应为以逗号分隔的本系统记录编号，一次最多 ${MAX_EVENT_IDS} 个`,
    });
    const tooMany = Array.from({ length: MAX_EVENT_IDS + 1 }, () => '00000000-0000-4000-8000-000000000000');
    const over = await own.request({ method: 'GET', url: `/api/ratings/events?eventType=visit&eventIds=${tooMany}` });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].message).toContain(String(MAX_EVENT_IDS));
    const none = await states(own, ['00000000-0000-4000-8000-000000000000']);
    expect(none.json().items[0].state).toBe('not-yours');
  });
});
