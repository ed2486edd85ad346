import { DEFAULT_CALENDAR_YEARS, todayInShanghai } from '@qingshan/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { clocks } from '../clocks/tables.ts';
import { petitions } from '../petitions/tables.ts';
import { ratingRectifications } from '../ratings/tables.ts';
import { receptionConcerns } from '../reception/tables.ts';

// Issue 8 §1: from mid-December a working-day clock that reaches a year without the State
// Council notice used to refuse the record inside the intake transaction. With the machine clock
// at 2026-12-28 and at 2027-06-01 (2027 has no notice), every intake path records, its clocks are
// marked 暂定, and entering the notice later re-evaluates them and the owners' copies.

const BAD = {
  level: 1,
  indicators: { efficiency: 1, result: 2, attitude: 1, convenience: 2 },
  comment: '窗口人员态度冷淡，让我跑了三次',
};

let t: TestApp;
let phoneCounter = 0;

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

type Recorded = { ratingId: string; petitionId: string; concernId: string; slotDates: string[] };

/** Runs every intake path at the current (fake) time; each must record. */
async function recordEverything(validTo: string, sessionDate: string): Promise<Recorded> {
  const clerk = await loginAs(t, ['clerk']);
  const leader = await loginAs(t, ['leader']);
  const e = await makeEnterprise(t, { contacts: [{ name: '吴厂长', phone: '13807991111' }] });
  const eu = await loginAs(t, ['enterprise'], e.id);

  // appointment slots over the turn of the year / into the provisional year
  const serviceId = (
    await clerk.request({
      method: 'POST',
      url: '/api/appointment-services',
      payload: { name: `帮办窗口 ${todayInShanghai()}`, location: '1 号窗口' },
    })
  ).json().id;
  const plan = await clerk.request({
    method: 'POST',
    url: `/api/appointment-services/${serviceId}/plans`,
    payload: {
      validFrom: plusDays(todayInShanghai(), 1),
      validTo,
      dayRule: 'working',
      startTime: '09:00',
      endTime: '10:00',
      slotMinutes: 30,
      capacity: 1,
    },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const slots = (
    await t.app.inject({ method: 'GET', url: `/api/public/appointment-services/${serviceId}/slots?pageSize=200` })
  ).json().items as { id: string; date: string }[];
  const slotDates = [...new Set(slots.map((s) => s.date))];

  // a bad rating opens the rectification clocks
  const booked = await eu.request({
    method: 'POST',
    url: '/api/appointments',
    payload: { slotId: slots[0]!.id, matter: '排污登记咨询' },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  for (const status of ['arrived', 'served']) {
    const marked = await clerk.request({
      method: 'POST',
      url: `/api/appointments/${booked.json().id}/mark`,
      payload: { status },
    });
    expect(marked.statusCode, marked.body).toBe(200);
  }
  const rated = await eu.request({
    method: 'POST',
    url: '/api/ratings',
    payload: { eventType: 'appointment', eventId: booked.json().id, ...BAD },
  });
  expect(rated.statusCode, rated.body).toBe(201);
  expect(rated.json().rectification).toMatchObject({ state: 'open' });

  // a petition referred by the 信访局 is registered (5-working-day objection clock)
  phoneCounter++;
  const petition = await clerk.request({
    method: 'POST',
    url: '/api/petitions',
    payload: {
      type: 'claim',
      title: '某花炮厂夜间异味扰民',
      content: '桐木镇某花炮厂夜间排放刺激性气味，影响周边居民休息，请求查处。',
      petitionerName: '刘群众',
      petitionerPhone: `1390799${String(phoneCounter).padStart(4, '0')}`,
      channel: 'letter',
      referredBy: '上栗县信访局',
    },
  });
  expect(petition.statusCode, petition.body).toBe(201);

  // a concern raised at a reception day is accepted (15-working-day clock)
  const session = await clerk.request({
    method: 'POST',
    url: '/api/reception/sessions',
    payload: { kind: 'enterprise', date: sessionDate, leaderName: '王局长', sections: ['行政审批股'] },
  });
  expect(session.statusCode, session.body).toBe(201);
  const att = await clerk.request({
    method: 'POST',
    url: `/api/reception/sessions/${session.json().id}/attendances`,
    payload: { enterpriseId: e.id, people: [{ name: '刘厂长' }] },
  });
  expect(att.statusCode, att.body).toBe(201);
  const raised = await clerk.request({
    method: 'POST',
    url: `/api/reception/sessions/${session.json().id}/concerns`,
    payload: {
      enterpriseId: e.id,
      raisedBy: '刘厂长',
      category: 'waste-gas-facility',
      description: '粉尘收集设施如何验收',
    },
  });
  expect(raised.statusCode, raised.body).toBe(201);
  const answered = await clerk.request({
    method: 'POST',
    url: `/api/reception/concerns/${raised.json().id}/answer`,
    payload: {
      answer: '整改后现场核查',
      accepted: true,
      followUpUserId: leader.userId,
      followUpName: '王局长',
      version: raised.json().version,
    },
  });
  expect(answered.statusCode, answered.body).toBe(200);
  expect(answered.json().dueDate).toMatch(/^2027-/);

  return {
    ratingId: rated.json().id,
    petitionId: petition.json().id,
    concernId: raised.json().id,
    slotDates,
  };
}

async function clocksOfOwner(c: Client, ownerType: string, ownerId: string) {
  const res = await c.request({ method: 'GET', url: `/api/clocks?ownerType=${ownerType}&ownerId=${ownerId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; profileKey: string; dueDate: string; provisional: boolean }[];
}

beforeAll(async () => {
  t = await buildTestApp();
}, 60_000);
afterAll(() => {
  vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));
  return t.close();
});

let december: Recorded;

describe('machine clock at 2026-12-28 (2027 has no notice)', () => {
  beforeAll(() => {
    vi.setSystemTime(new Date('2026-12-28T10:00:00+08:00'));
  });

  it('records every intake path; clocks into 2027 are 暂定', async () => {
    december = await recordEverything('2027-01-31', '2026-12-21');
    // January slots exist on working days, none on 元旦
    expect(december.slotDates.some((d) => d.startsWith('2027-01'))).toBe(true);
    expect(december.slotDates).not.toContain('2027-01-01');
    expect(december.slotDates).toContain('2027-01-04');

    const clerk = await loginAs(t, ['clerk']);
    const objection = (await clocksOfOwner(clerk, 'petition', december.petitionId)).find(
      (c) => c.profileKey === 'petition.referral-objection',
    )!;
    // Monday 28 Dec + 5 working days: 29, 30, 31 Dec, (元旦 1 Jan), 4, 5 Jan
    expect(objection).toMatchObject({ dueDate: '2027-01-05', provisional: true });
    const rectify = (await clocksOfOwner(clerk, 'rating', december.ratingId)).find(
      (c) => c.profileKey === 'rating.rectify',
    )!;
    expect(rectify.provisional).toBe(true);
    // the clock stores that it is provisional
    const [row] = await t.database.db.select().from(clocks).where(eq(clocks.id, objection.id));
    expect(row!.provisional).toBe(true);

    // so does the message telling the follow-up leader of the concern
    const told = await t.database.query<{ body: string }>(
      "select body from notifications where kind = 'reception.concern.assigned' order by created_at desc limit 1",
    );
    expect(told[0]!.body).toMatch(/期限 2027-\d\d-\d\d，暂定/);

    // the worklist shows them as such
    const leader = await loginAs(t, ['leader']);
    const work = (await leader.request({ method: 'GET', url: '/api/worklist?pageSize=100' })).json();
    expect(work.items.find((i: { id: string }) => i.id === objection.id)).toMatchObject({
      provisional: true,
      evaluationError: null,
    });
  });
});

describe('machine clock at 2027-06-01 (inside the provisional year)', () => {
  beforeAll(() => {
    vi.setSystemTime(new Date('2027-06-01T10:00:00+08:00'));
  });

  it('records every intake path', async () => {
    const june = await recordEverything('2027-06-30', '2027-05-25');
    // 端午 2027 is Wednesday 9 June: no working-day slot that day
    expect(june.slotDates).not.toContain('2027-06-09');
    expect(june.slotDates).toContain('2027-06-10');
    const days = (await t.app.inject({ method: 'GET', url: '/api/calendar/days/2027-06-09' })).json();
    expect(days).toMatchObject({ kind: 'holiday', name: '端午节', provisional: true });
  });
});

describe('an admin enters, then amends, the notice for 2027', () => {
  beforeAll(() => {
    vi.setSystemTime(new Date('2026-12-29T10:00:00+08:00'));
  });

  // hypothetical notice: 元旦 1–4 January with Saturday 9 January worked instead
  const notice = {
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'] },
    ],
    makeupWorkdays: [{ name: '元旦调休上班', date: '2027-01-09' }],
  };

  it('re-evaluates every open clock and refreshes the owners’ due-date copies in the same transaction', async () => {
    const admin = await loginAs(t, ['admin']);
    const added = await admin.request({
      method: 'POST',
      url: '/api/calendar/years',
      payload: { calendar: notice, reason: '通知发布' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().clocksChanged).toBeGreaterThanOrEqual(3);

    const objection = (await clocksOfOwner(admin, 'petition', december.petitionId)).find(
      (c) => c.profileKey === 'petition.referral-objection',
    )!;
    // 29, 30, 31 Dec, (1–4 Jan off), 5, 6 Jan
    expect(objection).toMatchObject({ dueDate: '2027-01-06', provisional: false });
    const [stored] = await t.database.db.select().from(clocks).where(eq(clocks.id, objection.id));
    expect(stored!.provisional).toBe(false);

    const [concernClock] = await clocksOfOwner(admin, 'reception-concern', december.concernId);
    const [concern] = await t.database.db
      .select()
      .from(receptionConcerns)
      .where(eq(receptionConcerns.id, december.concernId));
    expect(concern!.dueDate).toBe(concernClock!.dueDate);
    expect(concernClock!.provisional).toBe(false);

    const ratingClocks = await clocksOfOwner(admin, 'rating', december.ratingId);
    const [rect] = await t.database.db
      .select()
      .from(ratingRectifications)
      .where(eq(ratingRectifications.ratingId, december.ratingId));
    expect(rect!.rectifyDueDate).toBe(ratingClocks.find((c) => c.profileKey === 'rating.rectify')!.dueDate);
    expect(rect!.contactDueDate).toBe(ratingClocks.find((c) => c.profileKey === 'rating.rectify-contact')!.dueDate);

    const audit = (
      await admin.request({ method: 'GET', url: `/api/audit?entityType=clock&entityId=${objection.id}` })
    ).json();
    expect(audit.items[0]).toMatchObject({
      action: 'clock.recalculate',
      before: { dueDate: '2027-01-05', provisional: true },
      after: { dueDate: '2027-01-06', provisional: false },
    });

    // January slots follow: none on the new holiday 4 January
    const slot = await t.database.query<{ n: number }>(
      "select count(*)::int as n from appointment_slots where date = '2027-01-04' and not closed",
    );
    expect(slot[0]!.n).toBe(0);
  });

  it('replaces the year as a new version with reason and source; clocks move back', async () => {
    const admin = await loginAs(t, ['admin']);
    const clerk = await loginAs(t, ['clerk']);
    const amended = {
      ...notice,
      source: '国务院办公厅关于调整2027年元旦假期的通知（测试用）',
      holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
      makeupWorkdays: [],
    };
    const payload = { calendar: amended, reason: '通知调整元旦假期' };
    expect((await clerk.request({ method: 'PUT', url: '/api/calendar/years/2027', payload })).statusCode).toBe(403);
    const wrongYear = await admin.request({ method: 'PUT', url: '/api/calendar/years/2028', payload });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().errors[0].path).toBe('calendar.year');
    const noReason = await admin.request({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      payload: { calendar: amended },
    });
    expect(noReason.statusCode).toBe(400);
    const missing = await admin.request({
      method: 'PUT',
      url: '/api/calendar/years/2031',
      payload: {
        calendar: { ...amended, year: 2031, holidays: [{ ...amended.holidays[0]!, dates: ['2031-01-01'] }] },
        reason: 'x',
      },
    });
    expect(missing.statusCode).toBe(404);

    const res = await admin.request({ method: 'PUT', url: '/api/calendar/years/2027', payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, version: 2, reason: '通知调整元旦假期', provisional: false });
    expect(res.json().clocksChanged).toBeGreaterThanOrEqual(1);

    const objection = (await clocksOfOwner(admin, 'petition', december.petitionId)).find(
      (c) => c.profileKey === 'petition.referral-objection',
    )!;
    expect(objection).toMatchObject({ dueDate: '2027-01-05', provisional: false });

    const versions = (await t.app.inject({ method: 'GET', url: '/api/calendar/years/2027/versions' })).json().items;
    expect(
      versions.map((v: { version: number; current: boolean; reason: string }) => [v.version, v.current, v.reason]),
    ).toEqual([
      [1, false, '通知发布'],
      [2, true, '通知调整元旦假期'],
    ]);
    expect(versions[1].data.source).toContain('调整2027年元旦假期');
    const days = (await t.app.inject({ method: 'GET', url: '/api/calendar/days/2027-01-04' })).json();
    expect(days).toMatchObject({ workingDay: true, provisional: false });
    const audit = (
      await admin.request({ method: 'GET', url: '/api/audit?entityType=calendar_year&entityId=2027' })
    ).json();
    expect(audit.items[0]).toMatchObject({ action: 'calendar.year.replace' });
  });

  it('replaces a shipped year; the shipped data stays in the history as version 1', async () => {
    const admin = await loginAs(t, ['admin']);
    const shipped = DEFAULT_CALENDAR_YEARS.find((y) => y.year === 2026)!;
    const res = await admin.request({
      method: 'PUT',
      url: '/api/calendar/years/2026',
      payload: { calendar: { ...shipped, source: `${shipped.source}（复核无误）` }, reason: '核对通知原文' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, shipped: true });
    const versions = (await t.app.inject({ method: 'GET', url: '/api/calendar/years/2026/versions' })).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0].data.source).toBe(shipped.source);
    const years = (await t.app.inject({ method: 'GET', url: '/api/calendar/years' })).json().items;
    expect(years.find((y: { year: number }) => y.year === 2026)).toMatchObject({ version: 2, shipped: true });
    // the petition's own copy of its acceptance due date still matches its clock
    const [p] = await t.database.db
      .select()
      .from(petitions)
      .where(and(eq(petitions.id, december.petitionId)));
    const notice = (await clocksOfOwner(admin, 'petition', december.petitionId)).find(
      (c) => c.profileKey === 'petition.acceptance-notice',
    )!;
    expect(p!.acceptanceDueDate).toBe(notice.dueDate);
  });
});
