import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { clocksOf } from '../clocks/service.ts';
import { notifications } from '../notifications/tables.ts';
import { petitionsClosed, petitionsClosedRecords, petitionsOnTime, petitionsOnTimeRecords } from './figures.ts';
import { actOnPetition, createPetition, eventsOf } from './service.ts';

let t: TestApp;
let desk: Client;
let leader: Client;

const RATING = { level: 4, indicators: { efficiency: 4, result: 4, attitude: 5, convenience: 4 }, comment: '答复及时' };

function shanghaiDate(d: Date): string {
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const base = {
  type: 'claim',
  title: '某花炮厂夜间异味扰民',
  content: '桐木镇某花炮厂夜间排放刺激性气味，影响周边居民休息，请求查处。',
  petitionerName: '刘群众',
  petitionerPhone: '13907990101',
};

async function register(extra: Record<string, unknown> = {}) {
  const res = await desk.request({
    method: 'POST',
    url: '/api/petitions',
    payload: { ...base, channel: 'phone', ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function act(id: string, body: Record<string, unknown>) {
  return desk.request({ method: 'POST', url: `/api/petitions/${id}/actions`, payload: body });
}

beforeAll(async () => {
  t = await buildTestApp();
  desk = await loginAs(t, ['clerk']);
  leader = await loginAs(t, ['leader']);
}, 60_000);
afterAll(() => t.close());

describe('intake', () => {
  it('registers a petition and starts the 15-day acceptance-notice clock', async () => {
    const p = await register();
    expect(p.code).toMatch(/^XF[2-9A-Z]{10}$/);
    expect(p.status).toBe('registered');
    expect(p.acceptanceDueDate).toBe(plusDays(shanghaiDate(new Date(p.receivedAt)), 15));
    const clocks = await clocksOf(t.database.db, { ownerType: 'petition', ownerId: p.id });
    expect(clocks.map((c) => c.profileKey)).toEqual(['petition.acceptance-notice']);
  });

  it('rejects bad input with the fields named and writes nothing', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const before = await t.database.query('select count(*)::int as n from petitions');
    const res = await desk.request({
      method: 'POST',
      url: '/api/petitions',
      payload: { ...base, receivedAt: future, channel: 'letter' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('receivedAt');
    const bad = await desk.request({
      method: 'POST',
      url: '/api/petitions',
      payload: { ...base, type: 'gossip', petitionerPhone: '1' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['petitionerPhone', 'type']);
    // a 12369 call is an environmental report, registered as such (环境保护部令第15号), not a petition
    const hotline = await desk.request({
      method: 'POST',
      url: '/api/petitions',
      payload: { ...base, channel: 'hotline-12369' },
    });
    expect(hotline.statusCode).toBe(400);
    expect(hotline.json().errors[0].path).toBe('channel');
    expect(await t.database.query('select count(*)::int as n from petitions')).toEqual(before);
  });

  it('a referred petition gets the 5-working-day objection clock and can be objected to', async () => {
    const p = await register({ referredBy: '上栗县信访局', receivedAt: '2020-09-29T10:00:00+08:00' });
    const clocks = await clocksOf(t.database.db, { ownerType: 'petition', ownerId: p.id });
    const objection = clocks.find((c) => c.profileKey === 'petition.referral-objection')!;
    // 2020-09-29 (Tue) + 5 working days, skipping the National Day / Mid-Autumn holiday (10-01…08)
    // and counting the make-up Saturday 10-10: 09-30, 10-09, 10-10, 10-12, 10-13.
    expect(objection.dueDate).toBe('2020-10-13');
    const res = await act(p.id, { action: 'object', text: '该事项属于应急管理部门职责（烟花爆竹安全生产）' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('objected');
  });

  it('only a referred petition can be objected to', async () => {
    const p = await register();
    const res = await act(p.id, { action: 'object', text: '不属本机关职权' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PETITION_STATE_CONFLICT');
  });

  it('flags a key case for the leaders, with a reason', async () => {
    const p = await register();
    const noReason = await desk.request({
      method: 'PATCH',
      url: `/api/petitions/${p.id}`,
      payload: { keyCase: true, version: p.version },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await desk.request({
      method: 'PATCH',
      url: `/api/petitions/${p.id}`,
      payload: { keyCase: true, keyCaseReason: '多次重复信访，涉及多家企业', version: p.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().keyCase).toBe(true);
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leader.userId), eq(notifications.kind, 'petition.key-case')));
    expect(inbox.length).toBe(1);
    // in English too: the petition's own title and the clerk's reason stay as they were written
    expect(inbox[0]!.titleEn).toBe(`Key case petition: ${base.title}`);
    expect(inbox[0]!.bodyEn).toBe(
      `Tracking code ${p.code}. Please read it and give instructions, for central study and handling by the leaders. Reason: 多次重复信访，涉及多家企业`,
    );
    const list = await leader.request({ method: 'GET', url: '/api/petitions?keyCase=true' });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    // assigning it tells the handler, in both languages
    const assigned = await desk.request({
      method: 'PATCH',
      url: `/api/petitions/${p.id}`,
      payload: { assigneeUserId: leader.userId, version: res.json().version },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leader.userId), eq(notifications.kind, 'petition.assigned')));
    expect(told).toMatchObject({
      title: `交办信访件：${base.title}`,
      titleEn: `Petition assigned to you: ${base.title}`,
      bodyEn: `Tracking code ${p.code}`,
    });
  });

  it('converts a reception concern inside the caller’s transaction', async () => {
    const concernId = '7b0f2d1e-7a55-4d25-8f7e-0e4c3f4b2a10';
    const row = await t.database.db.transaction((tx) =>
      createPetition(tx, SYSTEM_ACTOR, {
        ...base,
        type: 'claim',
        channel: 'reception',
        sourceConcernId: concernId,
      } as never),
    );
    expect(row.channel).toBe('reception');
    expect(row.sourceConcernId).toBe(concernId);
  });
});

describe('handling stages and letters', () => {
  it('accept → clerk requests, leader approves an extension → reply, with clocks and letters', async () => {
    const p = await register();
    const early = await act(p.id, { action: 'reply', text: '已查处' });
    expect(early.statusCode).toBe(409);

    const accepted = (await act(p.id, { action: 'accept' })).json();
    expect(accepted.status).toBe('accepted');
    const today = shanghaiDate(new Date());
    expect(accepted.resolutionDueDate).toBe(plusDays(today, 60));

    const tooLong = await act(p.id, { action: 'request-extension', days: 31, text: '情况复杂' });
    expect(tooLong.statusCode).toBe(400);
    // 第三十四条: the clerk only asks; nothing moves until the 负责人 approves
    const asked = await act(p.id, { action: 'request-extension', days: 20, text: '需委托监测' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ resolutionDueDate: plusDays(today, 60), extensionRequest: { days: 20 } });
    const [waiting] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leader.userId), eq(notifications.kind, 'petition.extension-requested')))
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    expect(waiting).toMatchObject({
      titleEn: `Petition extension awaiting approval: ${base.title}`,
      bodyEn: `Tracking code ${p.code}: an extension of 20 days is requested. Reason: 需委托监测`,
    });
    const clerkApproves = await act(p.id, { action: 'approve-extension' });
    expect(clerkApproves.statusCode).toBe(403);
    expect(clerkApproves.json().code).toBe('FORBIDDEN_ROLE');
    const again = await act(p.id, { action: 'request-extension', days: 5, text: '再申请' });
    expect(again.statusCode).toBe(409);
    const approved = await leader.request({
      method: 'POST',
      url: `/api/petitions/${p.id}/actions`,
      payload: { action: 'approve-extension' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      resolutionDueDate: plusDays(today, 80),
      extensionDays: 20,
      extensionRequest: null,
    });
    const over = await act(p.id, { action: 'request-extension', days: 15, text: '再延期' });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('PETITION_EXTENSION_LIMIT');

    const replied = (
      await act(p.id, { action: 'reply', text: '经现场检查，该厂废气处理设施未正常运行，已责令整改并立案查处。' })
    ).json();
    expect(replied.status).toBe('replied');
    expect(replied.closedOnTime).toBe(true);

    const detail = (await desk.request({ method: 'GET', url: `/api/petitions/${p.id}` })).json();
    expect(detail.letters.map((l: { kind: string }) => l.kind)).toEqual(['acceptance', 'extension', 'reply']);
    const acceptance = detail.letters[0].body as string;
    expect(acceptance).toContain(p.code);
    expect(acceptance).toContain('刘群众');
    expect(acceptance).toContain(plusDays(today, 60));
    expect(acceptance).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(detail.letters[1].body).toContain(`负责人${leader.username}批准`);
    const clock = detail.clocks.find((c: { profileKey: string }) => c.profileKey === 'petition.resolution');
    expect(clock.state).toBe('met');
    const dl = await desk.request({ method: 'GET', url: `/api/petitions/${p.id}/letters/${detail.letters[2].id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('text/plain');
    expect(dl.body).toContain('信访事项处理意见书');
    expect(dl.body).toContain('已责令整改');
  });

  it('a leader may refuse an extension request; the period stays', async () => {
    const p = await register();
    await act(p.id, { action: 'accept' });
    await act(p.id, { action: 'request-extension', days: 10, text: '需补充调查' });
    const no = await leader.request({
      method: 'POST',
      url: `/api/petitions/${p.id}/actions`,
      payload: { action: 'reject-extension', text: '事实清楚，按期办结' },
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json()).toMatchObject({ extensionDays: 0, extensionRequest: null });
    // the clerk who asked is told, in English too
    const told = (await desk.request({ method: 'GET', url: '/api/inbox?kind=petition.extension-rejected' }))
      .json()
      .items.find((n: { bodyEn: string }) => n.bodyEn.includes(p.code));
    expect(told).toMatchObject({
      titleEn: `Extension request refused: ${base.title}`,
      bodyEn: `Tracking code ${p.code}. 事实清楚，按期办结`,
    });
    expect(no.json().resolutionDueDate).toBe(plusDays(shanghaiDate(new Date()), 60));
  });

  it('a petition clock cannot be extended, paused or resumed from the generic clock routes', async () => {
    const p = await register();
    await act(p.id, { action: 'accept' });
    const clocks = await clocksOf(t.database.db, { ownerType: 'petition', ownerId: p.id });
    const resolution = clocks.find((c) => c.profileKey === 'petition.resolution')!;
    for (const [path, payload] of [
      ['extend', { days: 10, reason: '情况复杂' }],
      ['pause', { reason: 'other' }],
      ['resume', {}],
    ] as const) {
      const res = await leader.request({ method: 'POST', url: `/api/clocks/${resolution.id}/${path}`, payload });
      expect(res.statusCode, path).toBe(409);
      expect(res.json().code).toBe('CLOCK_OWNED');
      expect(res.json().detail).not.toMatch(/[a-z]+\.[a-z-]+|§/);
    }
    const after = await clocksOf(t.database.db, { ownerType: 'petition', ownerId: p.id });
    expect(after.find((c) => c.id === resolution.id)!.dueDate).toBe(resolution.dueDate);
  });

  it('steps taken in the same millisecond keep the order they were taken in', async () => {
    const db = t.database.db;
    const clerkActor = { id: desk.userId, name: 'clerk', roles: ['clerk'], ip: null };
    const at = new Date('2021-06-01T09:00:00.123+08:00');
    const p = await db.transaction((tx) =>
      createPetition(
        tx,
        SYSTEM_ACTOR,
        { ...base, channel: 'letter', receivedAt: '2021-06-01T09:00:00+08:00' } as never,
        {
          now: at,
        },
      ),
    );
    await actOnPetition(db, clerkActor, p.id, { action: 'accept' }, at);
    await actOnPetition(db, clerkActor, p.id, { action: 'reply', text: '已核查并答复。' }, at);
    expect((await eventsOf(db, p.id, false)).map((e) => e.action)).toEqual(['register', 'accept', 'reply']);
  });

  it('a reply inside an approved extension is on time, by the clock', async () => {
    const db = t.database.db;
    const clerkActor = { id: desk.userId, name: 'clerk', roles: ['clerk'], ip: null };
    const headActor = { id: leader.userId, name: 'leader', roles: ['leader'], ip: null };
    const p = await db.transaction((tx) =>
      createPetition(
        tx,
        SYSTEM_ACTOR,
        { ...base, channel: 'letter', receivedAt: '2021-05-06T10:00:00+08:00' } as never,
        {
          now: new Date('2021-05-06T12:00:00+08:00'),
        },
      ),
    );
    await actOnPetition(db, clerkActor, p.id, { action: 'accept' }, new Date('2021-05-10T09:00:00+08:00'));
    await actOnPetition(
      db,
      clerkActor,
      p.id,
      { action: 'request-extension', days: 30, text: '需委托监测' },
      new Date('2021-06-20T09:00:00+08:00'),
    );
    const ext = await actOnPetition(
      db,
      headActor,
      p.id,
      { action: 'approve-extension' },
      new Date('2021-06-21T09:00:00+08:00'),
    );
    expect(ext.resolutionDueDate).toBe('2021-08-08');
    const replied = await actOnPetition(
      db,
      clerkActor,
      p.id,
      { action: 'reply', text: '已办理' },
      new Date('2021-08-01T09:00:00+08:00'),
    );
    expect(replied.closedOnTime).toBe(true);
  });

  it('suggestions, accusations and routed claims get their own wording and no 60-day clock', async () => {
    const s = await register({ type: 'suggestion' });
    const accepted = (await act(s.id, { action: 'accept' })).json();
    expect(accepted).toMatchObject({ resolutionDueDate: null, resolutionApplies: false });
    const c = await register();
    const badRoute = await act(s.id, { action: 'accept', otherProcedure: '行政复议法' });
    expect(badRoute.statusCode).toBe(409); // already accepted
    const routed = (await act(c.id, { action: 'accept', otherProcedure: '行政复议法' })).json();
    expect(routed).toMatchObject({ resolutionDueDate: null, otherProcedure: '行政复议法', resolutionApplies: false });
    for (const id of [s.id, c.id]) {
      const d = (await desk.request({ method: 'GET', url: `/api/petitions/${id}` })).json();
      expect(d.letters[0].body).not.toContain('60日');
      expect(d.letters[0].body).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(d.clocks.map((k: { profileKey: string }) => k.profileKey)).not.toContain('petition.resolution');
      const ext = await act(id, { action: 'request-extension', days: 5, text: '情况复杂' });
      expect(ext.statusCode).toBe(409);
    }
    const sd = (await desk.request({ method: 'GET', url: `/api/petitions/${s.id}` })).json();
    expect(sd.letters[0].body).toContain('第二十九条');
    const cd = (await desk.request({ method: 'GET', url: `/api/petitions/${c.id}` })).json();
    expect(cd.letters[0].body).toContain('《行政复议法》');
  });

  it('non-acceptance closes the case with its notice', async () => {
    const p = await register();
    const no = await act(p.id, { action: 'not-accept' });
    expect(no.statusCode).toBe(400); // the reason is required
    expect(no.json().errors[0].path).toBe('text');
    const res = (await act(p.id, { action: 'not-accept', text: '该事项已进入行政复议程序，依法不予受理。' })).json();
    expect(res).toMatchObject({ status: 'not-accepted', closedOnTime: true });
    expect(res.repliedAt).not.toBeNull();
    const d = (await desk.request({ method: 'GET', url: `/api/petitions/${p.id}` })).json();
    expect(d.letters.map((l: { kind: string }) => l.kind)).toEqual(['not-accepted']);
    expect(d.letters[0].body).toContain('行政复议程序');
    expect((await act(p.id, { action: 'accept' })).statusCode).toBe(409);
  });
});

describe('复查 and 复核: decided by the next level up', () => {
  it('the bureau records the request, transmits the file and records the external opinion; no letter of its own', async () => {
    const db = t.database.db;
    const a = { id: desk.userId, name: 'clerk', roles: ['clerk'], ip: null };
    const p = await db.transaction((tx) =>
      createPetition(
        tx,
        SYSTEM_ACTOR,
        { ...base, channel: 'visit', receivedAt: '2022-08-03T10:00:00+08:00' } as never,
        {
          now: new Date('2022-08-03T10:00:00+08:00'),
        },
      ),
    );
    await actOnPetition(db, a, p.id, { action: 'accept' }, new Date('2022-08-04T09:00:00+08:00'));
    await actOnPetition(db, a, p.id, { action: 'reply', text: '已处理' }, new Date('2022-08-28T09:00:00+08:00'));
    // delivered 2022-09-01: 30 days end on 2022-10-01, National Day; 民法典 第二百零三条 moves the
    // last day past the holiday (10-01…10-07) to the next working day, Saturday 10-08 (调休上班)
    await actOnPetition(
      db,
      a,
      p.id,
      { action: 'record-delivery', date: '2022-09-01' },
      new Date('2022-09-02T09:00:00+08:00'),
    );
    const window = (await clocksOf(db, { ownerType: 'petition', ownerId: p.id })).find(
      (c) => c.profileKey === 'petition.review-request',
    )!;
    expect(window.dueDate).toBe('2022-10-08');
    // a request after the window is recorded as late, not refused: the reviewing body decides
    const late = await actOnPetition(
      db,
      a,
      p.id,
      { action: 'request-review', date: '2022-10-12' },
      new Date('2022-10-12T09:00:00+08:00'),
    );
    expect(late.status).toBe('review-requested');
    const noBody = actOnPetition(db, a, p.id, { action: 'transmit-review' }, new Date('2022-10-13T09:00:00+08:00'));
    await expect(noBody).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await actOnPetition(
      db,
      a,
      p.id,
      { action: 'transmit-review', decidingBody: '萍乡市生态环境局' },
      new Date('2022-10-13T09:00:00+08:00'),
    );
    await actOnPetition(
      db,
      a,
      p.id,
      {
        action: 'record-review',
        date: '2022-11-05',
        referenceNo: '萍环信复〔2022〕3号',
        text: '维持原处理意见',
      },
      new Date('2022-11-06T09:00:00+08:00'),
    );
    await actOnPetition(
      db,
      a,
      p.id,
      { action: 'request-re-review', date: '2022-11-20' },
      new Date('2022-11-20T09:00:00+08:00'),
    );
    await actOnPetition(
      db,
      a,
      p.id,
      { action: 'transmit-re-review', decidingBody: '江西省生态环境厅' },
      new Date('2022-11-23T09:00:00+08:00'),
    );
    const final = await actOnPetition(
      db,
      a,
      p.id,
      {
        action: 'record-re-review',
        date: '2022-12-20',
        referenceNo: '赣环信核〔2022〕1号',
        text: '维持复查意见',
      },
      new Date('2022-12-21T09:00:00+08:00'),
    );
    expect(final.status).toBe('re-reviewed');
    const d = (await desk.request({ method: 'GET', url: `/api/petitions/${p.id}` })).json();
    expect(d.letters.map((l: { kind: string }) => l.kind)).toEqual(['acceptance', 'reply']);
    expect(d.reviews).toMatchObject([
      {
        stage: 'review',
        requestedOn: '2022-10-12',
        late: true,
        windowDueDate: '2022-10-08',
        decidingBody: '萍乡市生态环境局',
        referenceNo: '萍环信复〔2022〕3号',
        outcome: '维持原处理意见',
        receivedOn: '2022-11-05',
      },
      { stage: 're-review', late: false, decidingBody: '江西省生态环境厅', receivedOn: '2022-12-20' },
    ]);
    const keys = d.clocks.map((c: { profileKey: string; state: string }) => [c.profileKey, c.state]);
    expect(keys).toEqual([
      ['petition.acceptance-notice', 'met'],
      ['petition.resolution', 'met'],
      ['petition.review-request', 'missed'],
      ['petition.review-transmit', 'met'],
      ['petition.re-review-request', 'met'],
      ['petition.re-review-transmit', 'met'],
    ]);
  });
});

describe('复查 and 复核 on the public tracking page', () => {
  it("shows the petitioner each stage and the open window to ask for the next, never another petition's", async () => {
    const phone = '13907990606';
    const p = await register({ petitionerPhone: phone });
    const other = await register({ petitionerPhone: '13907990707' });
    const track = async (code: string, ph: string) =>
      t.app.inject({ method: 'GET', url: `/api/public/petitions/${code}?phone=${ph}` });
    const windowOf = async (key: string) =>
      (await clocksOf(t.database.db, { ownerType: 'petition', ownerId: p.id })).find((c) => c.profileKey === key)!;
    const today = shanghaiDate(new Date());
    for (const step of [
      { action: 'accept' },
      { action: 'reply', text: '经核查，已督促企业整改。' },
      { action: 'record-delivery', date: today },
    ]) {
      const res = await act(p.id, step);
      expect(res.statusCode, res.body).toBe(200);
    }
    const open = (await track(p.code, phone)).json();
    const reviewWindow = await windowOf('petition.review-request');
    expect(open.reviews).toEqual([]);
    expect(open.requestWindow).toEqual({
      stage: 'review',
      dueDate: reviewWindow.dueDate,
      provisional: reviewWindow.provisional,
    });

    for (const step of [
      { action: 'request-review', date: today },
      { action: 'transmit-review', decidingBody: '萍乡市生态环境局' },
    ]) {
      const res = await act(p.id, step);
      expect(res.statusCode, res.body).toBe(200);
    }
    const transmitted = (await track(p.code, phone)).json();
    // the request closed the window; the deciding body has not answered yet
    expect(transmitted.requestWindow).toBeNull();
    expect(transmitted.reviews).toMatchObject([
      { stage: 'review', requestedOn: today, late: false, decidingBody: '萍乡市生态环境局', outcome: null },
    ]);
    expect(transmitted.reviews[0].transmittedAt).not.toBeNull();

    const recorded = await act(p.id, {
      action: 'record-review',
      date: today,
      referenceNo: '萍环信复〔2026〕7号',
      text: '维持原处理意见',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const res = await track(p.code, phone);
    expect(res.statusCode).toBe(200);
    const answered = res.json();
    expect(answered.reviews).toEqual([
      {
        stage: 'review',
        requestedOn: today,
        late: false,
        windowDueDate: reviewWindow.dueDate,
        transmittedAt: transmitted.reviews[0].transmittedAt,
        decidingBody: '萍乡市生态环境局',
        referenceNo: '萍环信复〔2026〕7号',
        outcome: '维持原处理意见',
        receivedOn: today,
      },
    ]);
    const reReviewWindow = await windowOf('petition.re-review-request');
    expect(answered.requestWindow).toEqual({
      stage: 're-review',
      dueDate: reReviewWindow.dueDate,
      provisional: reReviewWindow.provisional,
    });
    // the staff detail shows the clerk the same window (issue 8: 复查/复核 request window on the desk)
    const staff = await desk.request({ method: 'GET', url: `/api/petitions/${p.id}` });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().requestWindow).toEqual(answered.requestWindow);
    // the bureau's own duty clocks and who acted stay internal
    expect(answered.clocks).toEqual([]);
    expect(answered.events.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);

    const theirs = (await track(other.code, '13907990707')).json();
    expect(theirs.reviews).toEqual([]);
    expect(theirs.requestWindow).toBeNull();
    expect(JSON.stringify(theirs)).not.toContain('萍环信复');
    expect((await track(other.code, phone)).statusCode).toBe(404);
  });
});

describe('lost updates and whose enterprise', () => {
  it('refuses an update or a step carrying a stale version with RECORD_CHANGED and changes nothing', async () => {
    const p = await register();
    const first = await desk.request({
      method: 'PATCH',
      url: `/api/petitions/${p.id}`,
      payload: { keyCase: true, keyCaseReason: '多次重复信访', version: p.version },
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await desk.request({
      method: 'PATCH',
      url: `/api/petitions/${p.id}`,
      payload: { keyCase: false, version: p.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RECORD_CHANGED');
    const staleStep = await act(p.id, { action: 'accept', version: p.version });
    expect(staleStep.statusCode).toBe(409);
    expect(staleStep.json().code).toBe('RECORD_CHANGED');
    const now = (await desk.request({ method: 'GET', url: `/api/petitions/${p.id}` })).json().petition;
    expect(now).toMatchObject({ keyCase: true, status: 'registered', version: p.version + 1 });
    expect((await act(p.id, { action: 'accept', version: now.version })).statusCode).toBe(200);
  });

  it("an enterprise user cannot raise a petition in another enterprise's name", async () => {
    const a = await makeEnterprise(t);
    const b = await makeEnterprise(t);
    const user = await loginAs(t, ['enterprise'], a!.id);
    const before = await t.database.query('select count(*)::int as n from petitions');
    const other = await user.request({
      method: 'POST',
      url: '/api/public/petitions',
      payload: { ...base, petitionerPhone: '13907990404', enterpriseId: b!.id },
    });
    expect(other.statusCode).toBe(403);
    expect(await t.database.query('select count(*)::int as n from petitions')).toEqual(before);
    const own = await user.request({
      method: 'POST',
      url: '/api/public/petitions',
      payload: { ...base, petitionerPhone: '13907990404', enterpriseId: a!.id },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().enterpriseId).toBe(a!.id);
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/public/petitions',
      payload: { ...base, petitionerPhone: '13907990405', enterpriseId: a!.id },
    });
    expect(anon.statusCode).toBe(403);
  });
});

describe('figures', () => {
  it('a late reply counts as closed but not on time in the figures', async () => {
    const db = t.database.db;
    const p = await db.transaction((tx) =>
      createPetition(
        tx,
        SYSTEM_ACTOR,
        { ...base, channel: 'letter', receivedAt: '2020-05-06T10:00:00+08:00' } as never,
        {
          now: new Date('2020-05-06T12:00:00+08:00'),
        },
      ),
    );
    await actOnPetition(db, SYSTEM_ACTOR, p.id, { action: 'accept' }, new Date('2020-05-10T09:00:00+08:00'));
    const late = await actOnPetition(
      db,
      SYSTEM_ACTOR,
      p.id,
      { action: 'reply', text: '已办理' },
      new Date('2020-08-01T09:00:00+08:00'),
    );
    expect(late.resolutionDueDate).toBe('2020-07-09');
    expect(late.closedOnTime).toBe(false);
    const q = await db.transaction((tx) =>
      createPetition(
        tx,
        SYSTEM_ACTOR,
        { ...base, channel: 'visit', receivedAt: '2020-06-01T10:00:00+08:00' } as never,
        {
          now: new Date('2020-06-01T10:00:00+08:00'),
        },
      ),
    );
    await actOnPetition(db, SYSTEM_ACTOR, q.id, { action: 'accept' }, new Date('2020-06-02T09:00:00+08:00'));
    await actOnPetition(
      db,
      SYSTEM_ACTOR,
      q.id,
      { action: 'reply', text: '已办理' },
      new Date('2020-06-20T09:00:00+08:00'),
    );
    const from = new Date('2020-01-01T00:00:00+08:00');
    const to = new Date('2021-01-01T00:00:00+08:00');
    expect(await petitionsClosed(db, from, to)).toBe(2);
    expect(await petitionsOnTime(db, from, to)).toBe(1);
    expect((await petitionsClosedRecords(db, from, to)).map((r) => r.id)).toEqual([q.id, p.id]);
    expect((await petitionsOnTimeRecords(db, from, to)).map((r) => r.id)).toEqual([q.id]);
    // the period is by reply date: July alone holds neither
    expect(
      await petitionsClosed(db, new Date('2020-07-01T00:00:00+08:00'), new Date('2020-08-01T00:00:00+08:00')),
    ).toBe(0);
  });
});

describe('the on-time rate leaves out matters without a handling limit', () => {
  it('a suggestion closed in the period is neither on time nor late: out of the rate on both sides', async () => {
    const db = t.database.db;
    const leader = await loginAs(t, ['leader']);
    const at = (iso: string) => new Date(`${iso}+08:00`);
    async function closed(type: string, received: string, replied: string) {
      const p = await db.transaction((tx) =>
        createPetition(
          tx,
          SYSTEM_ACTOR,
          { ...base, type, channel: 'letter', receivedAt: `${received}+08:00` } as never,
          { now: at(received) },
        ),
      );
      await actOnPetition(db, SYSTEM_ACTOR, p.id, { action: 'accept' }, at(received.replace('T10', 'T15')));
      return actOnPetition(db, SYSTEM_ACTOR, p.id, { action: 'reply', text: '已办理' }, at(replied));
    }
    const onTime = await closed('claim', '2023-03-06T10:00:00', '2023-03-20T09:00:00');
    const late = await closed('claim', '2023-03-07T10:00:00', '2023-07-03T09:00:00');
    const suggestion = await closed('suggestion', '2023-03-08T10:00:00', '2023-03-21T09:00:00');
    expect([onTime.closedOnTime, late.closedOnTime, suggestion.closedOnTime]).toEqual([true, false, null]);

    const res = await leader.request({ method: 'GET', url: '/api/figures?from=2023-01-01&to=2023-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    const { values, figures } = res.json();
    expect(values.petitionsClosed).toBe(3);
    // the rate is petitionsOnTime ÷ petitionsClosedWithLimit = 1 / 2, not 1 / 3
    expect(values.petitionsOnTime).toBe(1);
    expect(values.petitionsClosedWithLimit).toBe(2);
    const records = await leader.request({
      method: 'GET',
      url: '/api/figures/petitionsClosedWithLimit/records?from=2023-01-01&to=2023-12-31',
    });
    expect(records.statusCode, records.body).toBe(200);
    const listed = JSON.stringify(records.json());
    expect(listed).toContain(onTime.code);
    expect(listed).toContain(late.code);
    expect(listed).not.toContain(suggestion.code);
    // in the list of all closed, the suggestion is closed without a time limit, not late
    const all = async (lang: string) =>
      (
        await leader.request({
          method: 'GET',
          url: '/api/figures/petitionsClosed/records?from=2023-01-01&to=2023-12-31',
          headers: { 'accept-language': lang },
        })
      ).json().items as { title: string; detail: string }[];
    const detailOf = (rows: { title: string; detail: string }[], code: string) =>
      rows.find((r) => r.title.startsWith(code))?.detail;
    const zh = await all('zh-CN');
    expect(detailOf(zh, suggestion.code)).toBe('已办结（无办理期限）');
    expect(detailOf(zh, late.code)).toMatch(/^超期办结/);
    const en = await all('en');
    expect(detailOf(en, suggestion.code)).toBe('closed (no handling time limit)');
    expect(detailOf(en, onTime.code)).toMatch(/^closed on time \(due \d{4}-\d\d-\d\d\)$/);
    // and the users are told so where the figure is defined
    const def = (key: string) => figures.find((f: { key: string }) => f.key === key)?.definition.zh as string;
    expect(def('petitionsOnTime')).toContain('既不算按期也不算逾期');
    expect(def('petitionsOnTime')).toContain('不计入按期办结率的分母');
    expect(def('petitionsClosedWithLimit')).toContain('按期办结率的分母');
  });
});

describe('online petitions, tracking and rating', () => {
  it('a citizen without an account submits, tracks by code + phone, and rates once after the reply', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/petitions',
      payload: { ...base, petitionerPhone: '13907990202', channel: 'visit' },
    });
    expect(res.statusCode).toBe(400); // channel is not the citizen's to choose
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/public/petitions',
      payload: { ...base, petitionerPhone: '13907990202' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const p = ok.json();
    expect(p.channel).toBe('online');

    const wrong = await t.app.inject({ method: 'GET', url: `/api/public/petitions/${p.code}?phone=13907990203` });
    expect(wrong.statusCode).toBe(404);
    const rateEarly = await t.app.inject({
      method: 'POST',
      url: `/api/public/petitions/${p.code}/rating`,
      payload: { ...RATING, phone: '13907990202' },
    });
    expect(rateEarly.statusCode).toBe(409);
    expect(rateEarly.json().code).toBe('RATING_NOT_RATABLE');
    const window = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/public/petitions/${p.code}?phone=13907990202` })).json()
        .ratingWindow;
    // the look-up says what POST …/rating would answer, so the page offers the form only then
    expect(await window()).toEqual({ state: 'not-yet', lastDay: null });

    await act(p.id, { action: 'accept' });
    await act(p.id, { action: 'reply', text: '经核查，已督促企业整改。' });
    const track = await t.app.inject({
      method: 'GET',
      url: `/api/public/petitions/${p.code.toLowerCase()}?phone=13907990202`,
    });
    expect(track.statusCode).toBe(200);
    const body = track.json();
    expect(body.petition.status).toBe('replied');
    expect(body.events.map((e: { action: string }) => e.action)).toEqual(['register', 'accept', 'reply']);
    expect(body.events.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
    expect(body.clocks).toEqual([]);
    expect(body.letters.map((l: { kind: string }) => l.kind)).toEqual(['acceptance', 'reply']);
    // replied today (2026-06-15): rule rating.window-days gives 30 calendar days
    expect(body.ratingWindow).toEqual({ state: 'open', lastDay: '2026-07-15' });
    const now = Date.now();
    try {
      vi.setSystemTime(new Date('2026-07-16T09:00:00+08:00'));
      expect(await window()).toEqual({ state: 'closed', lastDay: '2026-07-15' });
      const late = await t.app.inject({
        method: 'POST',
        url: `/api/public/petitions/${p.code}/rating`,
        payload: { ...RATING, phone: '13907990202' },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toContain('2026-07-15');
    } finally {
      vi.setSystemTime(now);
    }

    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/petitions/${p.code}/rating`,
      payload: { ...RATING, phone: '13907990202' },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json().level).toBe(4);
    expect(await window()).toEqual({ state: 'rated', lastDay: null });
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/public/petitions/${p.code}/rating`,
      payload: { ...RATING, phone: '13907990202' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('RATING_DUPLICATE');
  });

  it('a signed-in citizen sees their own petitions only', async () => {
    const c1 = await loginAs(t, ['citizen']);
    const c2 = await loginAs(t, ['citizen']);
    const res = await c1.request({
      method: 'POST',
      url: '/api/public/petitions',
      payload: { ...base, petitionerPhone: '13907990303' },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(
      (await c1.request({ method: 'GET', url: '/api/petitions' })).json().items.map((x: { id: string }) => x.id),
    ).toEqual([id]);
    expect((await c2.request({ method: 'GET', url: '/api/petitions' })).json().total).toBe(0);
    const other = await c2.request({ method: 'GET', url: `/api/petitions/${id}` });
    expect(other.statusCode).toBe(403);
    expect(
      (await c1.request({ method: 'POST', url: `/api/petitions/${id}/actions`, payload: { action: 'accept' } }))
        .statusCode,
    ).toBe(403);
    // the bureau accepts it: the citizen's inbox says so, in English too
    expect((await act(id, { action: 'accept' })).statusCode).toBe(200);
    const [news] = (await c1.request({ method: 'GET', url: '/api/inbox?kind=petition.progress' })).json().items;
    expect(news).toMatchObject({
      title: '您的信访件有新进展：信访事项受理告知书',
      titleEn: 'News on your petition: notice of acceptance',
      bodyEn: `Tracking code ${res.json().code} “${base.title}”`,
    });
  });
});
