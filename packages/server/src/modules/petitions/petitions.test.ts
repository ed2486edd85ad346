import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { clocksOf } from '../clocks/service.ts';
import { notifications } from '../notifications/tables.ts';
import { petitionsClosed, petitionsClosedRecords, petitionsOnTime, petitionsOnTimeRecords } from './figures.ts';
import { actOnPetition, createPetition } from './service.ts';

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
    const noReason = await desk.request({ method: 'PATCH', url: `/api/petitions/${p.id}`, payload: { keyCase: true } });
    expect(noReason.statusCode).toBe(400);
    const res = await desk.request({
      method: 'PATCH',
      url: `/api/petitions/${p.id}`,
      payload: { keyCase: true, keyCaseReason: '多次重复信访，涉及多家企业' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().keyCase).toBe(true);
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leader.userId), eq(notifications.kind, 'petition.key-case')));
    expect(inbox.length).toBe(1);
    const list = await leader.request({ method: 'GET', url: '/api/petitions?keyCase=true' });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(p.id);
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
  it('accept → extend → reply → review, with clocks and letters at each step', async () => {
    const p = await register();
    const early = await act(p.id, { action: 'reply', text: '已查处' });
    expect(early.statusCode).toBe(409);

    const accepted = (await act(p.id, { action: 'accept' })).json();
    expect(accepted.status).toBe('accepted');
    const today = shanghaiDate(new Date());
    expect(accepted.resolutionDueDate).toBe(plusDays(today, 60));

    const tooLong = await act(p.id, { action: 'extend', days: 31, text: '情况复杂' });
    expect(tooLong.statusCode).toBe(400);
    expect((await act(p.id, { action: 'extend', days: 20, text: '需委托监测' })).json().resolutionDueDate).toBe(
      plusDays(today, 80),
    );
    const over = await act(p.id, { action: 'extend', days: 15, text: '再延期' });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('PETITION_EXTENSION_LIMIT');

    const replied = (
      await act(p.id, { action: 'reply', text: '经现场检查，该厂废气处理设施未正常运行，已责令整改并立案查处。' })
    ).json();
    expect(replied.status).toBe('replied');
    expect(replied.closedOnTime).toBe(true);

    const reviewEarly = await act(p.id, { action: 'answer-review', text: '维持' });
    expect(reviewEarly.statusCode).toBe(409);
    expect((await act(p.id, { action: 'request-review' })).json().status).toBe('review-requested');
    expect((await act(p.id, { action: 'answer-review', text: '经复查，维持原处理意见。' })).json().status).toBe(
      'reviewed',
    );

    const detail = (await desk.request({ method: 'GET', url: `/api/petitions/${p.id}` })).json();
    expect(detail.letters.map((l: { kind: string }) => l.kind)).toEqual(['acceptance', 'extension', 'reply', 'review']);
    const acceptance = detail.letters[0].body as string;
    expect(acceptance).toContain(p.code);
    expect(acceptance).toContain('刘群众');
    expect(acceptance).toContain(plusDays(today, 60));
    expect(acceptance).not.toMatch(/\{[a-zA-Z]+\}/);
    const keys = detail.clocks.map((c: { profileKey: string; completedAt: string | null }) => [
      c.profileKey,
      c.completedAt !== null,
    ]);
    expect(keys).toEqual([
      ['petition.acceptance-notice', true],
      ['petition.resolution', true],
      ['petition.review-request', true],
      ['petition.review-answer', true],
      ['petition.re-review-request', false],
    ]);
    const dl = await desk.request({ method: 'GET', url: `/api/petitions/${p.id}/letters/${detail.letters[2].id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('text/plain');
    expect(dl.body).toContain('信访事项处理意见书');
    expect(dl.body).toContain('已责令整改');
  });

  it('non-acceptance closes the case with its notice; the re-review ends the line', async () => {
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

    const q = await register();
    for (const step of [
      { action: 'accept' },
      { action: 'reply', text: '已处理' },
      { action: 'request-review' },
      { action: 'answer-review', text: '维持' },
      { action: 'request-re-review' },
      { action: 'answer-re-review', text: '经复核，维持复查意见。' },
    ]) {
      const r = await act(q.id, step);
      expect(r.statusCode, `${step.action}: ${r.body}`).toBe(200);
    }
    const final = (await desk.request({ method: 'GET', url: `/api/petitions/${q.id}` })).json();
    expect(final.petition.status).toBe('re-reviewed');
    expect(final.letters.at(-1).body).toContain('不再受理');
    expect(final.clocks.every((c: { completedAt: string | null }) => c.completedAt !== null)).toBe(true);
  });

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

    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/petitions/${p.code}/rating`,
      payload: { ...RATING, phone: '13907990202' },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json().level).toBe(4);
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
  });
});
