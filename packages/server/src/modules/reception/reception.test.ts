import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  liftPublicBookingLimits,
  loginAs,
  makeEnterprise,
  phoneCode,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { clocks } from '../clocks/tables.ts';
import { petitions } from '../petitions/tables.ts';
import { ratableEventResolver } from '../ratings/registry.ts';
import { receptionAttendances, receptionBookings, receptionConcerns } from './tables.ts';

let t: TestApp;
let clerk: Client;
let leader: Client;

function shanghaiDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

async function session(kind: 'enterprise' | 'public', date: string) {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/reception/sessions',
    payload: { kind, date, leaderName: '王局长', sections: ['行政审批股', '环境监察大队'] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

// Each test uses its own session dates so they do not collide on (kind, date).
let dayCounter = 20;
const nextFuture = () => shanghaiDate(dayCounter++);

beforeAll(async () => {
  t = await buildTestApp();
  await liftPublicBookingLimits(t);
  clerk = await loginAs(t, ['clerk']);
  leader = await loginAs(t, ['leader']);
});
afterAll(() => t.close());

describe('reception sessions and bookings', () => {
  it('schedules a day once per kind and date', async () => {
    const date = nextFuture();
    await session('enterprise', date);
    const dup = await clerk.request({
      method: 'POST',
      url: '/api/reception/sessions',
      payload: { kind: 'enterprise', date, leaderName: '李' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('RECEPTION_SESSION_EXISTS');
    // the public day on the same date is a different session
    await session('public', date);
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/reception/sessions',
      payload: { kind: 'weekly', date: '2020-13-45' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'leaderName']));
  });

  it('lets an enterprise book its own day and refuses a fourth person', async () => {
    const id = await session('enterprise', nextFuture());
    const e = await makeEnterprise(t);
    const ent = await loginAs(t, ['enterprise'], e.id);
    const four = await ent.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/bookings`,
      payload: { people: ['甲', '乙', '丙', '丁'], concern: '咨询排污许可登记' },
    });
    expect(four.statusCode).toBe(409);
    expect(four.json()).toMatchObject({ code: 'RECEPTION_CAP_REACHED', rule: 'too-many-people' });
    const ok = await ent.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/bookings`,
      payload: { people: ['甲', '乙', '丙'], concern: '咨询排污许可登记' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await ent.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/bookings`,
      payload: { people: ['甲'], concern: '再次预约' },
    });
    expect(again.json()).toMatchObject({ code: 'RECEPTION_CAP_REACHED', rule: 'already-booked' });
    // an enterprise may not book for another one
    const other = await makeEnterprise(t);
    const forOther = await ent.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/bookings`,
      payload: { enterpriseId: other.id, people: ['甲'], concern: 'x' },
    });
    expect(forOther.statusCode).toBe(403);
    const mine = await ent.request({ method: 'GET', url: '/api/reception/my-bookings' });
    expect(mine.json().items).toHaveLength(1);
  });

  it('refuses a booking on a past date and on the wrong kind of day', async () => {
    const past = await session('enterprise', shanghaiDate(-3));
    const e = await makeEnterprise(t);
    const res = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${past}/bookings`,
      payload: { enterpriseId: e.id, people: ['甲'], concern: '环评' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RECEPTION_BOOKING_CLOSED', rule: 'past-date' });
    const pub = await session('public', nextFuture());
    const wrong = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${pub}/bookings`,
      payload: { enterpriseId: e.id, people: ['甲'], concern: '环评' },
    });
    expect(wrong.json()).toMatchObject({ code: 'RECEPTION_BOOKING_CLOSED', rule: 'wrong-kind' });
    const rows = await t.database.db.select().from(receptionBookings).where(eq(receptionBookings.enterpriseId, e.id));
    expect(rows).toHaveLength(0);
  });

  it('holds the cap of 10 enterprises a day when 14 book at once', async () => {
    const id = await session('enterprise', nextFuture());
    const ents = await Promise.all(Array.from({ length: 14 }, () => makeEnterprise(t)));
    const results = await Promise.all(
      ents.map((e) =>
        clerk.request({
          method: 'POST',
          url: `/api/reception/sessions/${id}/bookings`,
          payload: { enterpriseId: e.id, people: ['联系人'], concern: '咨询' },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().rule === 'day-full')).toBe(true);
    const rows = await t.database.db.select().from(receptionBookings).where(eq(receptionBookings.sessionId, id));
    expect(rows).toHaveLength(10);
    // a cancelled place can be taken again
    const cancel = await clerk.request({ method: 'POST', url: `/api/reception/bookings/${rows[0]!.id}/cancel` });
    expect(cancel.statusCode).toBe(200);
    const late = results.findIndex((r) => r.statusCode === 409);
    const retry = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/bookings`,
      payload: { enterpriseId: ents[late]!.id, people: ['联系人'], concern: '咨询' },
    });
    expect(retry.statusCode).toBe(201);
  });

  it('lets a citizen book a public day without an account and publishes the list masked', async () => {
    const id = await session('public', nextFuture());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reception/sessions/${id}/public-bookings`,
      payload: {
        name: '张三丰',
        phone: '13907991234',
        concern: '小区旁烟花厂异味',
        phoneCode: await phoneCode(t, '13907991234'),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const dup = await t.app.inject({
      method: 'POST',
      url: `/api/reception/sessions/${id}/public-bookings`,
      payload: { name: '张三丰', phone: '13907991234', concern: '再来', phoneCode: await phoneCode(t, '13907991234') },
    });
    expect(dup.statusCode).toBe(409);
    const badPhone = await t.app.inject({
      method: 'POST',
      url: `/api/reception/sessions/${id}/public-bookings`,
      payload: { name: '李四', phone: '12345', concern: 'x' },
    });
    expect(badPhone.statusCode).toBe(400);
    // 信访工作条例 第二十条: a group sends at most 5 representatives
    const crowd = await t.app.inject({
      method: 'POST',
      url: `/api/reception/sessions/${id}/public-bookings`,
      payload: { name: '王五', phone: '13907991235', people: 6, concern: '多户居民反映噪声' },
    });
    expect(crowd.statusCode).toBe(400);
    expect(crowd.json().errors[0]).toMatchObject({ path: 'people' });
    expect(crowd.json().errors[0].message).toContain('5 人');
    const five = await t.app.inject({
      method: 'POST',
      url: `/api/reception/sessions/${id}/public-bookings`,
      payload: {
        name: '王五',
        phone: '13907991235',
        people: 5,
        concern: '多户居民反映噪声',
        phoneCode: await phoneCode(t, '13907991235'),
      },
    });
    expect(five.statusCode, five.body).toBe(201);
    const anon = (await t.app.inject({ method: 'GET', url: `/api/reception/sessions/${id}` })).json();
    expect(anon.bookings).toHaveLength(2);
    expect(anon.bookings[0].name).toBe('张**');
    expect(anon.bookings[0].phone).toBeNull();
    expect(anon.bookings[0].concern).toBeNull();
    expect(anon.concerns).toBeNull();
    expect(JSON.stringify(anon)).not.toContain('13907991234');
    const staff = (await clerk.request({ method: 'GET', url: `/api/reception/sessions/${id}` })).json();
    expect(staff.bookings[0].name).toBe('张三丰');
    expect(staff.bookings[0].phone).toBe('13907991234');
  });
});

describe('at the session: attendance and concerns', () => {
  it('a clerk records who came, a concern, answers it with a clock and resolves it', async () => {
    const date = '2025-06-12';
    const id = await session('enterprise', date);
    const e = await makeEnterprise(t, { name: '上栗县测试花炮有限公司' });
    const att = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/attendances`,
      payload: { enterpriseId: e.id, people: [{ name: '刘厂长' }, { name: '安全员小王', phone: '13800001111' }] },
    });
    expect(att.statusCode, att.body).toBe(201);
    expect(att.json().ids).toHaveLength(2);
    const walk = await t.database.db.select().from(receptionAttendances).where(eq(receptionAttendances.sessionId, id));
    expect(walk.every((a) => a.walkIn)).toBe(true);

    const raised = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/concerns`,
      payload: {
        enterpriseId: e.id,
        raisedBy: '刘厂长',
        category: 'waste-gas-facility',
        description: '药物混合工序粉尘收集设施如何验收',
      },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const c = raised.json();
    expect(c.status).toBe('open');
    expect(c.accepted).toBeNull();

    const listed = (
      await clerk.request({ method: 'GET', url: `/api/reception/sessions?from=${date}&to=${date}&kind=enterprise` })
    ).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id, people: 2, enterprisesReceived: 1, concerns: 1, bookings: 0 });

    const answered = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/answer`,
      payload: {
        answer: '按排污许可登记管理要求整改后现场核查',
        accepted: true,
        followUpUserId: leader.userId,
        followUpName: '王局长',
        version: c.version,
      },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const a = answered.json();
    // 15 working days after Thursday 2025-06-12, skipping the weekends: 2025-07-03
    expect(a.dueDate).toBe('2025-07-03');
    expect(a.clockId).toBeTruthy();
    const [clock] = await t.database.db.select().from(clocks).where(eq(clocks.id, a.clockId));
    expect(clock!.profileKey).toBe('reception.concern');
    expect(clock!.ownerId).toBe(c.id);
    expect(clock!.completedAt).toBeNull();
    // the follow-up owner is told, in Chinese and in English; the concern's own words stay as raised
    const assigned = (await leader.request({ method: 'GET', url: '/api/inbox?kind=reception.concern.assigned' }))
      .json()
      .items.find((n: { link: string }) => n.link === `/staff/reception/concerns/${c.id}`);
    expect(assigned).toMatchObject({
      title: '接待日诉求待办理',
      body: '药物混合工序粉尘收集设施如何验收（期限 2025-07-03）',
      titleEn: 'A reception-day concern to follow up',
      bodyEn: '药物混合工序粉尘收集设施如何验收 (due 2025-07-03)',
    });

    // the clock owns the date: extending it from the worklist moves the concern's copy in the same step
    const ext = await leader.request({
      method: 'POST',
      url: `/api/clocks/${a.clockId}/extend`,
      payload: { days: 2, reason: '需现场核查' },
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().dueDate).toBe('2025-07-07');
    const moved = (await clerk.request({ method: 'GET', url: `/api/reception/sessions/${id}` })).json();
    expect(moved.concerns.find((x: { id: string }) => x.id === c.id).dueDate).toBe('2025-07-07');

    // a stale version is refused
    const stale = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/resolve`,
      payload: { resolution: 'x', version: c.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RECORD_CHANGED');

    const own = await loginAs(t, ['enterprise'], e.id);
    const resolved = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/resolve`,
      payload: { resolution: '已指导安装布袋除尘并完成验收', version: a.version },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().status).toBe('resolved');
    // the enterprise's accounts are told, in English too
    const [told] = (await own.request({ method: 'GET', url: '/api/inbox?kind=reception.concern.resolved' })).json()
      .items;
    expect(told).toMatchObject({
      title: '您在接待日提出的问题已办结',
      titleEn: 'Your reception-day concern is resolved',
      bodyEn: '已指导安装布袋除尘并完成验收',
    });
    const [done] = await t.database.db.select().from(clocks).where(eq(clocks.id, a.clockId));
    expect(done!.completedAt).not.toBeNull();

    const twice = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/resolve`,
      payload: { resolution: 'again', version: resolved.json().version },
    });
    expect(twice.json().code).toBe('CONCERN_STATE');

    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, c.id), eq(auditEntries.entityType, 'reception-concern')));
    expect(audit.map((x) => x.action).sort()).toEqual([
      'reception.concern.answer',
      'reception.concern.create',
      'reception.concern.resolve',
    ]);

    // the enterprise sees its concern; another enterprise does not
    expect((await own.request({ method: 'GET', url: `/api/reception/concerns/${c.id}` })).statusCode).toBe(200);
    const list = (await own.request({ method: 'GET', url: '/api/reception/concerns' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const stranger = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    expect((await stranger.request({ method: 'GET', url: `/api/reception/concerns/${c.id}` })).statusCode).toBe(403);
    expect((await stranger.request({ method: 'GET', url: '/api/reception/concerns' })).json().total).toBe(0);

    // the concern is a ratable service event for its enterprise
    const resolver = ratableEventResolver('reception-concern')!;
    const ev = await resolver(t.database.db, c.id);
    expect(ev).toMatchObject({ exists: true, subjectEnterpriseId: e.id });
    expect(ev.staffUserIds).toContain(leader.userId);
  });

  it('a not-accepted concern gets no clock and cannot be resolved', async () => {
    const id = await session('public', '2025-06-19');
    await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/attendances`,
      payload: { people: [{ name: '赵大姐', phone: '13912345678' }] },
    });
    const c = (
      await clerk.request({
        method: 'POST',
        url: `/api/reception/sessions/${id}/concerns`,
        payload: { raisedBy: '赵大姐', category: 'other', description: '邻里噪声纠纷' },
      })
    ).json();
    const res = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/answer`,
      payload: { answer: '不属于本局职责，已告知向司法所反映', accepted: false, version: c.version },
    });
    expect(res.json()).toMatchObject({ status: 'not-accepted', clockId: null });
    const r = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/resolve`,
      payload: { resolution: 'x', version: res.json().version },
    });
    expect(r.statusCode).toBe(409);
    const ev = await ratableEventResolver('reception-concern')!(t.database.db, c.id);
    expect(ev.citizenPhone).toBe('13912345678');
  });

  it('converts a concern into a petition once, keeping the link both ways', async () => {
    const id = await session('public', '2025-09-11');
    await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/attendances`,
      payload: { people: [{ name: '孙女士', phone: '13607990404' }] },
    });
    const c = (
      await clerk.request({
        method: 'POST',
        url: `/api/reception/sessions/${id}/concerns`,
        payload: { raisedBy: '孙女士', category: 'complaint', description: '多次反映养殖场粪污直排河道未见处理' },
      })
    ).json();
    const res = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/petition`,
      payload: { type: 'accusation', title: '反映养殖场粪污直排', petitionerPhone: '13607990404', version: c.version },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.concern.petitionId).toBe(body.petitionId);
    const [p] = await t.database.db.select().from(petitions).where(eq(petitions.id, body.petitionId));
    expect(p).toMatchObject({ channel: 'reception', sourceConcernId: c.id, petitionerName: '孙女士' });
    const again = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/petition`,
      payload: {
        type: 'accusation',
        title: '反映养殖场粪污直排',
        petitionerPhone: '13607990404',
        version: body.concern.version,
      },
    });
    expect(again.json().code).toBe('CONCERN_STATE');
    const count = await t.database.db.select().from(petitions).where(eq(petitions.sourceConcernId, c.id));
    expect(count).toHaveLength(1);
  });

  it('refuses attendance before the day and concerns from an enterprise that did not come', async () => {
    const future = await session('enterprise', nextFuture());
    const e = await makeEnterprise(t);
    const early = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${future}/attendances`,
      payload: { enterpriseId: e.id, people: [{ name: '甲' }] },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RECEPTION_SESSION_NOT_HELD');
    const held = await session('enterprise', '2025-07-10');
    const res = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${held}/concerns`,
      payload: { enterpriseId: e.id, raisedBy: '甲', category: 'eia', description: '环评' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('RECEPTION_NOT_ATTENDED');
    const noEnt = await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${held}/attendances`,
      payload: { people: [{ name: '甲' }] },
    });
    expect(noEnt.statusCode).toBe(400);
  });

  it('publishes an answered concern as a case that anyone can read, without who asked', async () => {
    const id = await session('enterprise', '2025-08-14');
    const e = await makeEnterprise(t, { name: '上栗县保密测试陶瓷厂' });
    await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/attendances`,
      payload: { enterpriseId: e.id, people: [{ name: '钱经理' }] },
    });
    const c = (
      await clerk.request({
        method: 'POST',
        url: `/api/reception/sessions/${id}/concerns`,
        payload: {
          enterpriseId: e.id,
          raisedBy: '钱经理',
          category: 'permit',
          description: '窑炉改造后排污许可是否需要变更',
        },
      })
    ).json();
    const early = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/publish`,
      payload: { published: true, caseTitle: '窑炉改造与排污许可变更', version: c.version },
    });
    expect(early.json().code).toBe('CONCERN_STATE');
    const a = (
      await clerk.request({
        method: 'POST',
        url: `/api/reception/concerns/${c.id}/answer`,
        payload: { answer: '污染物种类或排放量增加的，应在 30 日内申请变更', accepted: true, version: c.version },
      })
    ).json();
    const p = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/publish`,
      payload: { published: true, caseTitle: '窑炉改造与排污许可变更', version: a.version },
    });
    expect(p.statusCode, p.body).toBe(200);
    const cases = (await t.app.inject({ method: 'GET', url: '/api/reception/cases?q=窑炉' })).json();
    expect(cases.items).toHaveLength(1);
    expect(cases.items[0].title).toBe('窑炉改造与排污许可变更');
    expect(JSON.stringify(cases)).not.toContain('保密测试');
    expect(JSON.stringify(cases)).not.toContain('钱经理');
  });

  it('lists cases latest published first, or earliest first, or by reception day either way; refuses another sort', async () => {
    const tag = uniqueName('案例排序');
    const publishCase = async (date: string, letter: string, publishedAt: string) => {
      const sid = await session('public', date);
      const c = await clerk.request({
        method: 'POST',
        url: `/api/reception/sessions/${sid}/concerns`,
        payload: { raisedBy: '群众', category: 'permit', description: '排污许可问题' },
      });
      expect(c.statusCode, c.body).toBe(201);
      const a = await clerk.request({
        method: 'POST',
        url: `/api/reception/concerns/${c.json().id}/answer`,
        payload: { answer: '已当场答复', accepted: false, version: c.json().version },
      });
      expect(a.statusCode, a.body).toBe(200);
      const p = await clerk.request({
        method: 'POST',
        url: `/api/reception/concerns/${c.json().id}/publish`,
        payload: { published: true, caseTitle: `${tag}${letter}`, version: a.json().version },
      });
      expect(p.statusCode, p.body).toBe(200);
      await t.database.db
        .update(receptionConcerns)
        .set({ publishedAt: new Date(publishedAt) })
        .where(eq(receptionConcerns.id, c.json().id));
      return c.json().id as string;
    };
    const a = await publishCase('2025-10-16', 'A', '2025-11-05T09:00:00+08:00');
    const b = await publishCase('2025-10-09', 'B', '2025-11-20T09:00:00+08:00');
    const c = await publishCase('2025-10-23', 'C', '2025-11-10T09:00:00+08:00');
    const ids = (sort: string) => idsInOrder(clerk, `/api/reception/cases?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([b, c, a]);
    expect(await ids('-publishedAt')).toEqual([b, c, a]);
    expect(await ids('publishedAt')).toEqual([a, c, b]);
    expect(await ids('-sessionDate')).toEqual([c, a, b]);
    expect(await ids('sessionDate')).toEqual([b, a, c]);
    expect((await t.app.inject({ method: 'GET', url: '/api/reception/cases?sort=title' })).statusCode).toBe(400);
  });
});

describe('reception: the enterprise rates its concern once the matter is over (好差评)', () => {
  const GOOD = { level: 5, indicators: { efficiency: 5, result: 5, attitude: 5, convenience: 5 } };
  it('not while an accepted concern is still followed up; then once, within the window', async () => {
    const date = shanghaiDate(-2);
    const id = await session('enterprise', date);
    const e = await makeEnterprise(t);
    await clerk.request({
      method: 'POST',
      url: `/api/reception/sessions/${id}/attendances`,
      payload: { enterpriseId: e.id, people: [{ name: '周厂长' }] },
    });
    const c = (
      await clerk.request({
        method: 'POST',
        url: `/api/reception/sessions/${id}/concerns`,
        payload: {
          enterpriseId: e.id,
          raisedBy: '周厂长',
          category: 'waste-gas-facility',
          description: '除尘设施验收',
        },
      })
    ).json();
    const a = (
      await clerk.request({
        method: 'POST',
        url: `/api/reception/concerns/${c.id}/answer`,
        payload: { answer: '安排现场核查', accepted: true, followUpUserId: leader.userId, version: c.version },
      })
    ).json();
    expect(a.status).toBe('open');
    const own = await loginAs(t, ['enterprise'], e.id);
    const states = async () =>
      (
        await own.request({
          method: 'GET',
          url: `/api/ratings/events?eventType=reception-concern&eventIds=${c.id}`,
        })
      ).json().items[0];
    const rate = () =>
      own.request({
        method: 'POST',
        url: '/api/ratings',
        payload: { eventType: 'reception-concern', eventId: c.id, ...GOOD },
      });

    expect(await states()).toMatchObject({ state: 'not-yet', lastDay: null });
    const early = await rate();
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RATING_NOT_RATABLE');

    const resolved = await clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${c.id}/resolve`,
      payload: { resolution: '已现场核查，设施合格', version: a.version },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await states()).toMatchObject({ state: 'open', lastDay: shanghaiDate(30) });
    const ok = await rate();
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().label).toBe(`接待日诉求 ${date} 废气治理设施`);
    expect(await states()).toMatchObject({ state: 'rated', rating: { level: 5, rectification: null } });
    const stranger = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    const theirs = await stranger.request({
      method: 'POST',
      url: '/api/ratings',
      payload: { eventType: 'reception-concern', eventId: c.id, ...GOOD },
    });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().code).toBe('FORBIDDEN_RECORD');
  });
});
