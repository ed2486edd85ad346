import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installModules } from '../../platform/registry.ts';
import {
  buildTestApp,
  type Client,
  liftPublicBookingLimits,
  loginAs,
  makeEnterprise,
  phoneCode,
  type TestApp,
} from '../../test/helpers.ts';
import { clocksOf } from '../clocks/service.ts';
import { MODULES } from '../index.ts';
import { notifications } from '../notifications/tables.ts';
import {
  badRatingsRecords,
  badRatingsRectifiedOnTime,
  RATINGS_FIGURES,
  ratingDistribution,
  ratingDistributionRecords,
} from './figures.ts';
import { type RatableEventResolver, ratableEventTypes } from './registry.ts';

let t: TestApp;
let clerk: Client;
let leader: Client;
let serviceId: string;
let enterpriseId: string;
let eu: Client;

const GOOD = { level: 5, indicators: { efficiency: 5, result: 5, attitude: 5, convenience: 5 } };
const BAD = {
  level: 1,
  indicators: { efficiency: 1, result: 2, attitude: 1, convenience: 2 },
  comment: '窗口人员态度冷淡，让我跑了三次',
};

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

let slotIds: string[] = [];
let phoneCounter = 0;

/** A served appointment: booked by the enterprise user (or by phone), arrived and served at the window. */
async function servedAppointment(by: Client | null = eu): Promise<{ id: string; code: string; phone: string }> {
  const slotId = slotIds.shift()!;
  phoneCounter++;
  const phone = `1370799${String(phoneCounter).padStart(4, '0')}`;
  const payload = by
    ? { slotId, matter: '排污登记咨询' }
    : { slotId, matter: '环评咨询', name: '周群众', phone, phoneCode: await phoneCode(t, phone) };
  const res = by
    ? await by.request({ method: 'POST', url: '/api/appointments', payload })
    : await t.app.inject({ method: 'POST', url: '/api/appointments', payload });
  expect(res.statusCode, res.body).toBe(201);
  const a = res.json();
  for (const status of ['arrived', 'served']) {
    expect(
      (await clerk.request({ method: 'POST', url: `/api/appointments/${a.id}/mark`, payload: { status } })).statusCode,
    ).toBe(200);
  }
  return { id: a.id, code: a.code, phone: a.phone };
}

function rate(c: Client, eventId: string, body: Record<string, unknown>, eventType = 'appointment') {
  return c.request({ method: 'POST', url: '/api/ratings', payload: { eventType, eventId, ...body } });
}

beforeAll(async () => {
  t = await buildTestApp();
  await liftPublicBookingLimits(t);
  clerk = await loginAs(t, ['clerk']);
  leader = await loginAs(t, ['leader']);
  const e = await makeEnterprise(t, { contacts: [{ name: '吴厂长', phone: '13807991111' }] });
  enterpriseId = e.id;
  eu = await loginAs(t, ['enterprise'], e.id);
  serviceId = (
    await clerk.request({
      method: 'POST',
      url: '/api/appointment-services',
      payload: { name: '排污许可帮办窗口', location: '3 号窗口' },
    })
  ).json().id;
  // many single-place slots so every test gets a fresh one (one open booking per applicant)
  const plan = await clerk.request({
    method: 'POST',
    url: `/api/appointment-services/${serviceId}/plans`,
    payload: {
      validFrom: plusDays(TODAY, 1),
      validTo: plusDays(TODAY, 5),
      dayRule: 'all',
      startTime: '08:00',
      endTime: '12:00',
      slotMinutes: 15,
      capacity: 1,
    },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const slots = await t.app.inject({ method: 'GET', url: `/api/public/appointment-services/${serviceId}/slots` });
  slotIds = slots.json().items.map((s: { id: string }) => s.id);
}, 60_000);
afterAll(() => t.close());

describe('rating a service event', () => {
  it('knows the appointment and petition event types, and refuses unknown ones', async () => {
    expect(ratableEventTypes()).toEqual(expect.arrayContaining(['appointment', 'petition']));
    const res = await rate(eu, '00000000-0000-4000-8000-000000000000', GOOD, 'no-such-event');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('RATING_NOT_RATABLE');
  });

  it('refuses a rating before the service ended, and a second rating', async () => {
    const slotId = slotIds.shift()!;
    const a = (
      await eu.request({ method: 'POST', url: '/api/appointments', payload: { slotId, matter: '咨询' } })
    ).json();
    const early = await rate(eu, a.id, GOOD);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RATING_NOT_RATABLE');
    await clerk.request({ method: 'POST', url: `/api/appointments/${a.id}/mark`, payload: { status: 'arrived' } });
    await clerk.request({ method: 'POST', url: `/api/appointments/${a.id}/mark`, payload: { status: 'served' } });
    const ok = await rate(eu, a.id, GOOD);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().rectification).toBeNull();
    // the service rated, named by the appointments module in both languages (the window's name is data)
    expect(ok.json().label).toMatch(/^预约 \S+ 排污许可帮办窗口 \d{4}-\d{2}-\d{2}$/);
    expect(ok.json().labelEn).toBe(ok.json().label.replace(/^预约/, 'Booking'));
    const twice = await rate(eu, a.id, { ...GOOD, level: 4 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('RATING_DUPLICATE');
  });

  it('concurrent ratings of one event: exactly one is kept', async () => {
    const a = await servedAppointment();
    const results = await Promise.all(Array.from({ length: 6 }, () => rate(eu, a.id, GOOD)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'RATING_DUPLICATE')).toBe(true);
  });

  it('only the enterprise served may rate; staff may not', async () => {
    const a = await servedAppointment();
    const other = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    const res = await rate(other, a.id, GOOD);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN_RECORD');
    expect(
      (
        await clerk.request({
          method: 'POST',
          url: '/api/ratings',
          payload: { eventType: 'appointment', eventId: a.id, ...GOOD },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a bad rating needs a comment, naming the field', async () => {
    const a = await servedAppointment();
    const res = await rate(eu, a.id, { ...BAD, comment: undefined });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('comment');
  });

  it('a citizen without an account rates an appointment with its code and phone', async () => {
    const a = await servedAppointment(null);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/public/appointments/${a.code}/rating`,
      payload: { ...GOOD, phone: '13000000000' },
    });
    expect(wrong.statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/appointments/${a.code}/rating`,
      payload: { ...GOOD, phone: a.phone },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().raterKind).toBe('citizen-phone');
  });

  it('other modules declare their own event types', async () => {
    addRatable('test-visit', async (_tx, id) => ({
      exists: true,
      ratedAt: new Date(),
      subjectEnterpriseId: enterpriseId,
      staffUserIds: [],
      label: `测试上门服务 ${id.slice(0, 4)}`,
      labelEn: `Test visit ${id.slice(0, 4)}`,
    }));
    const res = await rate(eu, '11111111-1111-4111-8111-111111111111', GOOD, 'test-visit');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().label).toContain('测试上门服务');
    // the label in English as the event's module gave it, kept beside the Chinese
    expect(res.json().labelEn).toBe('Test visit 1111');
  });

  it('a service can be rated only within the window after it ended (rule rating.window-days)', async () => {
    const ended = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    addRatable('test-old-visit', async (_tx, id) => ({
      exists: true,
      // the id's first digit says how long ago the service ended: 1 → 31 days, 2 → 29 days
      ratedAt: id.startsWith('1') ? ended(31) : ended(29),
      subjectEnterpriseId: enterpriseId,
      staffUserIds: [],
      label: `测试上门服务 ${id.slice(0, 4)}`,
      labelEn: `Test visit ${id.slice(0, 4)}`,
    }));
    const rule = (await clerk.request({ method: 'GET', url: '/api/rules/rating.window-days' })).json();
    expect(rule.current.value).toBe(30);
    expect(rule.note).toContain('不是法定期限');
    const late = await rate(eu, '11111111-1111-4111-8111-111111111112', GOOD, 'test-old-visit');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('RATING_NOT_RATABLE');
    expect(late.json().detail).toContain('30 日内');
    const inTime = await rate(eu, '21111111-1111-4111-8111-111111111112', GOOD, 'test-old-visit');
    expect(inTime.statusCode, inTime.body).toBe(201);
  });

  it('rules borrowed from another place’s practice say so in their note', async () => {
    for (const key of ['rating.rectify-contact', 'rating.rectify', 'reception.max-enterprises-per-day']) {
      const rule = (await clerk.request({ method: 'GET', url: `/api/rules/${key}` })).json();
      expect(rule.current.source, key).toMatch(/参照/);
      expect(rule.note, key).toContain('不是本局的法定依据');
    }
  });
});

describe('bad ratings and their rectification', () => {
  it('opens a rectification with both clocks and tells the staff who served', async () => {
    const a = await servedAppointment();
    const res = await rate(eu, a.id, BAD);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.rectification).toMatchObject({ state: 'open', appealState: 'none', onTime: null });
    const clocks = await clocksOf(t.database.db, { ownerType: 'rating', ownerId: r.id });
    expect(clocks.map((c) => [c.profileKey, c.dueDate])).toEqual([
      ['rating.rectify-contact', r.rectification.contactDueDate],
      ['rating.rectify', r.rectification.rectifyDueDate],
    ]);
    expect(clocks.every((c) => c.assigneeUserId === clerk.userId)).toBe(true);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, clerk.userId), eq(notifications.kind, 'rating.bad')));
    expect(told.length).toBeGreaterThanOrEqual(1);
    // in English too: the service's English label and the rater's comment as they are, both due dates
    const mine = told.find((n) => n.link === `/staff/ratings?focus=${r.id}`)!;
    expect(mine.titleEn).toBe(`Bad rating received: ${r.labelEn}`);
    expect(mine.bodyEn).toMatch(/^Please contact the rater by \d{4}-\d{2}-\d{2}/);
    expect(mine.bodyEn).toContain(`contact the rater by ${r.rectification.contactDueDate}`);
    expect(mine.bodyEn).toContain(`complete the rectification by ${r.rectification.rectifyDueDate}`);
    expect(mine.bodyEn).toContain(`Rater’s comment: ${BAD.comment}`);
  });

  it('contact → rectify in order; the rectification is on time', async () => {
    const a = await servedAppointment();
    const r = (await rate(eu, a.id, BAD)).json();
    const early = await clerk.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'rectify', note: '已整改' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RATING_STATE_CONFLICT');
    const contacted = await clerk.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'contact', note: '电话回访，致歉并了解情况' },
    });
    expect(contacted.json().rectification.state).toBe('contacted');
    const done = await clerk.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'rectify', note: '窗口推行首问负责，材料一次告知' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().rectification).toMatchObject({ state: 'rectified', onTime: true });
    const clocks = await clocksOf(t.database.db, { ownerType: 'rating', ownerId: r.id });
    expect(clocks.every((c) => c.completedAt !== null && c.state === 'met')).toBe(true);
    const again = await clerk.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'contact', note: '再次' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('an appeal is decided by a leader; an upheld appeal excludes the rating from the figures', async () => {
    const from = new Date(Date.now() - 3_600_000);
    const to = new Date(Date.now() + 3_600_000);
    const before = await badRatingsRectifiedOnTime(t.database.db, from, to);
    const a = await servedAppointment();
    const r = (await rate(eu, a.id, BAD)).json();
    const mid = await badRatingsRectifiedOnTime(t.database.db, from, to);
    expect(mid.bad).toBe(before.bad + 1);
    const appeal = await clerk.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'appeal', note: '评价人当天未到窗口，系恶意差评' },
    });
    expect(appeal.json().rectification.appealState).toBe('pending');
    const byClerk = await clerk.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'decide-appeal', upheld: true, note: '自己审核', reviewingBody: '上栗县政务服务中心' },
    });
    expect(byClerk.statusCode).toBe(403);
    // 申诉复核 (国办发〔2019〕51号): not the rated bureau's own say-so
    const noBody = await leader.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'decide-appeal', upheld: true, note: '经调取监控核实，申诉成立' },
    });
    expect(noBody.statusCode).toBe(400);
    const ownBureau = await leader.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'decide-appeal', upheld: true, note: '本局认定', reviewingBody: '萍乡市上栗生态环境局' },
    });
    expect(ownBureau.statusCode).toBe(400);
    expect(ownBureau.json().errors[0].path).toBe('reviewingBody');
    const decided = await leader.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: {
        action: 'decide-appeal',
        upheld: true,
        note: '经调取监控核实，申诉成立',
        reviewingBody: '上栗县行政审批局（政务服务管理办公室）',
        referenceNo: '栗审复〔2026〕2号',
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().rectification).toMatchObject({
      state: 'void',
      appealState: 'upheld',
      appealReviewingBody: '上栗县行政审批局（政务服务管理办公室）',
      appealReferenceNo: '栗审复〔2026〕2号',
    });
    expect(await badRatingsRectifiedOnTime(t.database.db, from, to)).toEqual(before);
    const second = await clerk.request({
      method: 'POST',
      url: `/api/ratings/${r.id}/rectification`,
      payload: { action: 'appeal', note: '再申诉' },
    });
    expect(second.statusCode).toBe(409);
  });
});

describe('lists and figures', () => {
  it('enterprises see their own ratings; staff filter bad ones', async () => {
    const mine = (await eu.request({ method: 'GET', url: '/api/ratings?pageSize=200' })).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((r: { enterpriseId: string }) => r.enterpriseId === enterpriseId)).toBe(true);
    expect(
      mine.items.every(
        (r: { rectification: { appealReason: unknown } | null }) =>
          !r.rectification || r.rectification.appealReason === null,
      ),
    ).toBe(true);
    const other = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    expect((await other.request({ method: 'GET', url: '/api/ratings' })).json().total).toBe(0);
    const bad = (await leader.request({ method: 'GET', url: '/api/ratings?bad=true&sort=level' })).json();
    expect(bad.items.length).toBeGreaterThan(0);
    expect(bad.items.every((r: { level: number }) => r.level <= 2)).toBe(true);
  });

  it('the level distribution and the on-time share match their records', async () => {
    const from = new Date(Date.now() - 3_600_000);
    const to = new Date(Date.now() + 3_600_000);
    const dist = await ratingDistribution(t.database.db, from, to);
    expect(dist.map((d) => d.level)).toEqual([5, 4, 3, 2, 1]);
    const records = await ratingDistributionRecords(t.database.db, from, to);
    expect(dist.reduce((s, d) => s + d.count, 0)).toBe(records.length);
    // the voided (malicious) rating is in neither
    const [{ n }] = (await t.database.query<{ n: number }>(
      `select count(*)::int as n from ratings r where not exists (select 1 from rating_rectifications x where x.rating_id = r.id and x.state = 'void')`,
    )) as [{ n: number }];
    expect(records.length).toBe(n);
    expect((await ratingDistributionRecords(t.database.db, from, to, 1)).every((r) => r.level === 1)).toBe(true);
    const share = await badRatingsRectifiedOnTime(t.database.db, from, to);
    const bad = await badRatingsRecords(t.database.db, from, to);
    expect(bad.length).toBe(share.bad);
    expect(bad.filter((r) => r.onTime).length).toBe(share.rectifiedOnTime);
    expect(bad.filter((r) => r.onTime !== null).length).toBe(share.due);
    expect(await badRatingsRecords(t.database.db, from, to, { dueOnly: true })).toHaveLength(share.due);
    expect(share.rectifiedOnTime).toBe(1);
    const summary = await leader.request({
      method: 'GET',
      url: `/api/ratings/summary?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
    });
    expect(summary.json()).toMatchObject({
      distribution: dist,
      bad: share.bad,
      due: share.due,
      rectifiedOnTime: share.rectifiedOnTime,
    });
  });

  it('差评按期整改: a bad rating still within its due date is in neither side of the share until the date passes', async () => {
    const from = new Date(Date.now() - 3_600_000);
    const to = new Date(Date.now() + 3_600_000);
    const before = await badRatingsRectifiedOnTime(t.database.db, from, to);
    const r = (await rate(eu, (await servedAppointment()).id, BAD)).json();
    const due = r.rectification.rectifyDueDate as string;
    expect(due > TODAY).toBe(true);
    // today: received, but neither on time nor late
    const now = await badRatingsRectifiedOnTime(t.database.db, from, to);
    expect(now).toEqual({ bad: before.bad + 1, due: before.due, rectifiedOnTime: before.rectifiedOnTime });
    const listed = await badRatingsRecords(t.database.db, from, to);
    expect(listed.find((x) => x.id === r.id)).toMatchObject({ onTime: null, rectifyDueDate: due });
    expect((await badRatingsRecords(t.database.db, from, to, { dueOnly: true })).map((x) => x.id)).not.toContain(r.id);
    // on its due date it can still be rectified in time; the day after, unrectified, it is late
    const onDue = await badRatingsRectifiedOnTime(t.database.db, from, to, due);
    const after = await badRatingsRectifiedOnTime(t.database.db, from, to, plusDays(due, 1));
    expect(
      (await badRatingsRecords(t.database.db, from, to, { dueOnly: true, today: due })).map((x) => x.id),
    ).not.toContain(r.id);
    const late = await badRatingsRecords(t.database.db, from, to, { dueOnly: true, today: plusDays(due, 1) });
    expect(late.find((x) => x.id === r.id)).toMatchObject({ onTime: false });
    expect(late).toHaveLength(after.due);
    expect(after.due).toBeGreaterThanOrEqual(onDue.due + 1);
    // the staff's summary and the dashboard figure say the same today
    const q = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    const summary = (await leader.request({ method: 'GET', url: `/api/ratings/summary?${q}` })).json();
    expect(summary).toMatchObject({ bad: now.bad, due: now.due, rectifiedOnTime: now.rectifiedOnTime });
    const dueFigure = RATINGS_FIGURES.find((f) => f.key === 'badRatingsDue')!;
    const period = { from: TODAY, to: TODAY };
    const counted = await dueFigure.count(t.database.db, period);
    expect(await dueFigure.records(t.database.db, period)).toHaveLength(counted);
    expect(dueFigure.definition.zh).toContain('整改期限未到的差评既不算按期也不算逾期');
    // rectified early, it counts as due and on time at once
    for (const [action, note] of [
      ['contact', '电话回访，致歉'],
      ['rectify', '窗口整改到位'],
    ]) {
      const res = await clerk.request({
        method: 'POST',
        url: `/api/ratings/${r.id}/rectification`,
        payload: { action, note },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await badRatingsRectifiedOnTime(t.database.db, from, to)).toEqual({
      bad: now.bad,
      due: now.due + 1,
      rectifiedOnTime: now.rectifiedOnTime + 1,
    });
    expect(await dueFigure.count(t.database.db, period)).toBe(counted + 1);
  });
});

/** Installs the platform's modules plus one more that declares a kind of ratable event. */
function addRatable(type: string, resolver: RatableEventResolver) {
  installModules([...MODULES, { name: `test-${type}`, ratableEvents: { [type]: resolver } }]);
}
