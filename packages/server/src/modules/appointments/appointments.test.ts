import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import {
  buildTestApp,
  type Client,
  liftPublicBookingLimits,
  loginAs,
  makeEnterprise,
  phoneCode,
  type TestApp,
} from '../../test/helpers.ts';
import { deliveries, notifications } from '../notifications/tables.ts';
import { bookingsExtended, bookingsExtendedRecords, bookingsRegular, bookingsRegularRecords } from './figures.ts';
import { sendAppointmentReminders } from './service.ts';

let t: TestApp;
let clerk: Client;
let serviceId: string;

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const TOMORROW = plusDays(today(), 1);
const LAST = plusDays(today(), 10);

type Slot = {
  id: string;
  date: string;
  startTime: string;
  capacity: number;
  booked: number;
  available: number;
  extended: boolean;
  closed: boolean;
};

async function slots(from = TOMORROW, to = LAST): Promise<Slot[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/public/appointment-services/${serviceId}/slots?from=${from}&to=${to}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** A query expected to return exactly one row. */
async function one<T>(text: string, params: unknown[]): Promise<[T]> {
  const rows = await t.database.query<T>(text, params);
  expect(rows).toHaveLength(1);
  return rows as [T];
}

let phoneCounter = 0;
function freshPhone(): string {
  phoneCounter++;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

async function bookAnon(slotId: string, phone = freshPhone(), name = '王小明', code?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/appointments',
    payload: { slotId, name, phone, matter: '咨询环评登记表备案', phoneCode: code ?? (await phoneCode(t, phone)) },
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  await liftPublicBookingLimits(t);
  clerk = await loginAs(t, ['clerk']);
  const svc = await clerk.request({
    method: 'POST',
    url: '/api/appointment-services',
    payload: { name: '环评咨询窗口', location: '县政务服务中心 3 号窗口', description: '环评、排污许可咨询' },
  });
  expect(svc.statusCode, svc.body).toBe(201);
  serviceId = svc.json().id;
  const regular = await clerk.request({
    method: 'POST',
    url: `/api/appointment-services/${serviceId}/plans`,
    payload: {
      validFrom: TOMORROW,
      validTo: LAST,
      dayRule: 'all',
      startTime: '09:00',
      endTime: '11:00',
      slotMinutes: 30,
      capacity: 2,
    },
  });
  expect(regular.statusCode, regular.body).toBe(201);
  const evening = await clerk.request({
    method: 'POST',
    url: `/api/appointment-services/${serviceId}/plans`,
    payload: {
      validFrom: TOMORROW,
      validTo: LAST,
      dayRule: 'all',
      startTime: '18:00',
      endTime: '20:00',
      slotMinutes: 60,
      capacity: 1,
      extended: true,
    },
  });
  expect(evening.statusCode, evening.body).toBe(201);
}, 60_000);
afterAll(() => t.close());

describe('window services and opening plans', () => {
  it('materialises regular and extended-hours slots from the plans', async () => {
    const all = await slots();
    expect(all).toHaveLength(10 * (4 + 2));
    const ext = all.filter((s) => s.extended);
    expect(ext).toHaveLength(20);
    expect(ext.every((s) => s.startTime >= '18:00' && s.capacity === 1)).toBe(true);
    expect(all.filter((s) => !s.extended).every((s) => s.capacity === 2)).toBe(true);
  });

  it('refuses an extended-hours plan that overlaps office hours', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: `/api/appointment-services/${serviceId}/plans`,
      payload: {
        validFrom: TOMORROW,
        validTo: LAST,
        dayRule: 'all',
        startTime: '16:00',
        endTime: '19:00',
        slotMinutes: 60,
        capacity: 1,
        extended: true,
      },
    });
    // 'all' includes working days, on which 16:00–17:30 is office time — unless every day of the
    // range is a rest day, which ten consecutive days never are.
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('APPOINTMENT_PLAN_INVALID');
  });

  it('rejects a plan whose end is before its start, naming the field', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: `/api/appointment-services/${serviceId}/plans`,
      payload: {
        validFrom: TOMORROW,
        validTo: LAST,
        dayRule: 'working',
        startTime: '11:00',
        endTime: '09:00',
        slotMinutes: 30,
        capacity: 2,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ path: 'endTime', message: '结束时间应晚于开始时间' });
    const days = await clerk.request({
      method: 'POST',
      url: `/api/appointment-services/${serviceId}/plans`,
      headers: { 'accept-language': 'en' },
      payload: {
        validFrom: LAST,
        validTo: TOMORROW,
        dayRule: 'working',
        startTime: '09:00',
        endTime: '11:00',
        slotMinutes: 30,
        capacity: 2,
      },
    });
    expect(days.json().errors).toContainEqual({ path: 'validTo', message: 'the last day cannot be before the first' });
  });

  it('a closed day closes its slots; removing the exception reopens them', async () => {
    const day = plusDays(today(), 9);
    const res = await clerk.request({
      method: 'POST',
      url: `/api/appointment-services/${serviceId}/exceptions`,
      payload: { kind: 'closed', date: day, note: '停电检修' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await slots(day, day)).length).toBe(0);
    const closed = (
      await clerk.request({
        method: 'GET',
        url: `/api/public/appointment-services/${serviceId}/slots?from=${day}&to=${day}&includeClosed=true`,
      })
    ).json().items as Slot[];
    expect(closed.length).toBe(6);
    const booked = await bookAnon(closed[0]!.id);
    expect(booked.statusCode).toBe(409);
    expect(booked.json().code).toBe('APPOINTMENT_SLOT_UNAVAILABLE');
    const del = await clerk.request({
      method: 'DELETE',
      url: `/api/appointment-services/${serviceId}/exceptions/${res.json().id}`,
    });
    expect(del.statusCode).toBe(204);
    expect((await slots(day, day)).length).toBe(6);
  });

  it('an extra day adds extended-hours slots that exist only on that day', async () => {
    const day = plusDays(today(), 12);
    const res = await clerk.request({
      method: 'POST',
      url: `/api/appointment-services/${serviceId}/exceptions`,
      payload: { kind: 'extra', date: day, startTime: '19:00', endTime: '21:00', slotMinutes: 60, capacity: 3 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = await slots(day, day);
    expect(s.map((x) => [x.startTime, x.extended, x.capacity])).toEqual([
      ['19:00', true, 3],
      ['20:00', true, 3],
    ]);
  });

  it('answers slot queries at the end of the calendar (9999-12) by day count, not a wrong 92-day refusal', async () => {
    for (const q of ['from=9999-12-20&to=9999-12-31', 'from=9999-12-31']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/public/appointment-services/${serviceId}/slots?${q}`,
      });
      expect(res.statusCode, `${q} ${res.body}`).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/public/appointment-services/${serviceId}/slots?from=9999-09-29&to=9999-12-31`,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('to');
  });

  it('only window staff may define services', async () => {
    const ent = await makeEnterprise(t);
    const eu = await loginAs(t, ['enterprise'], ent.id);
    const res = await eu.request({
      method: 'POST',
      url: '/api/appointment-services',
      payload: { name: '企业自建窗口', location: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('booking without an account', () => {
  it('a citizen books an extended-hours slot with name and phone and looks it up by code + phone', async () => {
    const slot = (await slots()).find((s) => s.extended && s.available === 1)!;
    const phone = freshPhone();
    const res = await bookAnon(slot.id, phone, '李四');
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b.code).toMatch(/^YY[2-9A-Z]{10}$/);
    expect(b.extended).toBe(true);
    expect(b.status).toBe('booked');
    const look = await t.app.inject({ method: 'GET', url: `/api/public/appointments/${b.code}?phone=${phone}` });
    expect(look.statusCode).toBe(200);
    expect(look.json().name).toBe('李四');
    // not served yet: the look-up does not offer 评价 (POST …/rating would refuse)
    expect(look.json().ratingWindow).toEqual({ state: 'not-yet', lastDay: null });
    const wrong = await t.app.inject({ method: 'GET', url: `/api/public/appointments/${b.code}?phone=13900000000` });
    expect(wrong.statusCode).toBe(404);
    const after = (await slots()).find((s) => s.id === slot.id)!;
    expect(after.booked).toBe(1);
    expect(after.available).toBe(0);
  });

  it('requires name and phone, and a valid phone', async () => {
    const slot = (await slots())[0]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/appointments',
      payload: { slotId: slot.id, matter: '咨询' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['name', 'phone']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/appointments',
      payload: { slotId: slot.id, matter: '咨询', name: '张三', phone: '12345' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('phone');
  });

  it('refuses a full slot', async () => {
    const slot = (await slots()).find((s) => s.extended && s.available === 1)!;
    expect((await bookAnon(slot.id)).statusCode).toBe(201);
    const res = await bookAnon(slot.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('APPOINTMENT_SLOT_FULL');
  });

  it('refuses a slot in the past', async () => {
    const past = plusDays(today(), -3);
    const ex = await clerk.request({
      method: 'POST',
      url: `/api/appointment-services/${serviceId}/exceptions`,
      payload: { kind: 'extra', date: past, startTime: '18:00', endTime: '19:00', slotMinutes: 60, capacity: 5 },
    });
    expect(ex.statusCode, ex.body).toBe(201);
    const [slot] = await slots(past, past);
    const res = await bookAnon(slot!.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('APPOINTMENT_SLOT_PAST');
    expect((await slots(past, past))[0]!.booked).toBe(0);
  });

  it('allows one open booking per applicant and window', async () => {
    const free = (await slots()).filter((s) => !s.extended && s.available === 2);
    const phone = freshPhone();
    expect((await bookAnon(free[0]!.id, phone)).statusCode).toBe(201);
    const second = await bookAnon(free[1]!.id, phone);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('APPOINTMENT_LIMIT');
    // the refused booking took no place
    expect((await slots()).find((s) => s.id === free[1]!.id)!.booked).toBe(0);
  });

  it('moves and cancels by code + phone, keeping the counts right', async () => {
    const free = (await slots()).filter((s) => !s.extended && s.available === 2);
    const phone = freshPhone();
    const b = (await bookAnon(free[0]!.id, phone)).json();
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/public/appointments/${b.code}/move`,
      payload: { phone, slotId: free[1]!.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().slotId).toBe(free[1]!.id);
    let now = await slots();
    expect(now.find((s) => s.id === free[0]!.id)!.booked).toBe(0);
    expect(now.find((s) => s.id === free[1]!.id)!.booked).toBe(1);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/public/appointments/${b.code}/cancel`,
      payload: { phone },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    now = await slots();
    expect(now.find((s) => s.id === free[1]!.id)!.booked).toBe(0);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/public/appointments/${b.code}/cancel`,
      payload: { phone },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPOINTMENT_STATE_CONFLICT');
    // after cancelling, the same phone may book again
    expect((await bookAnon(free[2]!.id, phone)).statusCode).toBe(201);
  });
});

describe('concurrency', () => {
  it('20 parallel bookings of a capacity-1 slot: exactly one wins', async () => {
    const slot = (await slots()).find((s) => s.extended && s.available === 1)!;
    const results = await Promise.all(Array.from({ length: 20 }, () => bookAnon(slot.id)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'APPOINTMENT_SLOT_FULL')).toBe(
      true,
    );
    const after = (await slots()).find((s) => s.id === slot.id)!;
    expect(after.booked).toBe(1);
    const [{ n }] = await one<{ n: number }>(
      `select count(*)::int as n from appointments where slot_id = $1 and status <> 'cancelled'`,
      [slot.id],
    );
    expect(n).toBe(1);
  });

  it('parallel bookings by one applicant into different slots: one open booking', async () => {
    const free = (await slots()).filter((s) => !s.extended && s.available === 2).slice(0, 8);
    const phone = freshPhone();
    const code = await phoneCode(t, phone);
    const results = await Promise.all(free.map((s) => bookAnon(s.id, phone, '王小明', code)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'APPOINTMENT_LIMIT')).toBe(true);
    const [{ booked }] = await one<{ booked: number }>(
      `select sum(booked)::int as booked from appointment_slots where id = any($1::uuid[])`,
      [free.map((s) => s.id)],
    );
    expect(booked).toBe(1);
  });
});

describe('enterprises and the window', () => {
  it('an enterprise books, sees only its own bookings, and another enterprise cannot touch them', async () => {
    const e1 = await makeEnterprise(t, { contacts: [{ name: '赵会计', phone: '13807990001' }] });
    const e2 = await makeEnterprise(t, { contacts: [{ name: '钱经理', phone: '13807990002' }] });
    const u1 = await loginAs(t, ['enterprise'], e1.id);
    const u2 = await loginAs(t, ['enterprise'], e2.id);
    const slot = (await slots()).find((s) => !s.extended && s.available === 2)!;
    const res = await u1.request({
      method: 'POST',
      url: '/api/appointments',
      payload: { slotId: slot.id, matter: '排污许可简化管理申报' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      applicantKind: 'enterprise',
      enterpriseId: e1.id,
      name: '赵会计',
      phone: '13807990001',
    });
    const id = res.json().id;
    const mine = (await u1.request({ method: 'GET', url: '/api/appointments' })).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await u2.request({ method: 'GET', url: '/api/appointments' })).json().total).toBe(0);
    expect((await u2.request({ method: 'GET', url: `/api/appointments/${id}` })).statusCode).toBe(403);
    const c = await u2.request({ method: 'POST', url: `/api/appointments/${id}/cancel` });
    expect(c.statusCode).toBe(403);
    expect(c.json().code).toBe('FORBIDDEN_RECORD');
    expect(
      (await u2.request({ method: 'POST', url: `/api/appointments/${id}/mark`, payload: { status: 'served' } }))
        .statusCode,
    ).toBe(403);
  });

  it('the window marks arrival and service in order, and lists the day with filters', async () => {
    const slot = (await slots()).find((s) => !s.extended && s.available === 2)!;
    const phone = freshPhone();
    const b = (await bookAnon(slot.id, phone)).json();
    const served = await clerk.request({
      method: 'POST',
      url: `/api/appointments/${b.id}/mark`,
      payload: { status: 'served' },
    });
    expect(served.statusCode).toBe(409);
    // the refusal names the states as the window reads them, not their codes
    expect(served.json().detail).toBe('“已预约”的预约不能记为“已办理”');
    const noShow = await clerk.request({
      method: 'POST',
      url: `/api/appointments/${b.id}/mark`,
      payload: { status: 'no-show' },
    });
    expect(noShow.statusCode).toBe(409); // the slot has not started
    expect(
      (
        await clerk.request({ method: 'POST', url: `/api/appointments/${b.id}/mark`, payload: { status: 'arrived' } })
      ).json().status,
    ).toBe('arrived');
    const done = await clerk.request({
      method: 'POST',
      url: `/api/appointments/${b.id}/mark`,
      payload: { status: 'served' },
    });
    expect(done.json().status).toBe('served');
    expect(done.json().servedAt).not.toBeNull();
    // served today (2026-06-15): the citizen's look-up says she may rate it for 30 days (rating.window-days)
    const look = await t.app.inject({ method: 'GET', url: `/api/public/appointments/${b.code}?phone=${phone}` });
    expect(look.json().ratingWindow).toEqual({ state: 'open', lastDay: '2026-07-15' });
    const list = await clerk.request({
      method: 'GET',
      url: `/api/appointments?from=${slot.date}&to=${slot.date}&status=served&sort=-startsAt`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(b.id);
    expect(
      list.json().items.every((a: { status: string; date: string }) => a.status === 'served' && a.date === slot.date),
    ).toBe(true);
  });

  it('sends tomorrow’s reminders once, to account holders', async () => {
    const ent = await makeEnterprise(t, { contacts: [{ name: '孙主任', phone: '13807990003' }] });
    const eu = await loginAs(t, ['enterprise'], ent.id);
    const slot = (await slots(TOMORROW, TOMORROW)).find((s) => !s.extended && s.available > 0)!;
    const booked = await eu.request({
      method: 'POST',
      url: '/api/appointments',
      payload: { slotId: slot.id, matter: '环评咨询' },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    // a citizen without an account who left an e-mail address is reminded by e-mail
    const other = (await slots(TOMORROW, TOMORROW)).find((s) => !s.extended && s.available > 0 && s.id !== slot.id)!;
    const anonPhone = freshPhone();
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/appointments',
      payload: {
        slotId: other.id,
        name: '郑群众',
        phone: anonPhone,
        matter: '环评咨询',
        email: 'zheng@example.cn',
        phoneCode: await phoneCode(t, anonPhone),
      },
    });
    expect(anon.statusCode, anon.body).toBe(201);
    const sent = await sendAppointmentReminders(t.database.db);
    expect(sent).toBeGreaterThanOrEqual(2);
    const mine = await t.database.db.select().from(notifications).where(eq(notifications.userId, eu.userId));
    const reminders = mine.filter((n) => n.kind === 'appointment.reminder');
    expect(reminders).toHaveLength(1);
    // in English too: the booking's own words (the matter) and code as they are; the e-mail stays Chinese
    const { code } = booked.json();
    expect(reminders[0]!.titleEn).toMatch(/^Appointment reminder: tomorrow \d{2}:\d{2}/);
    expect(reminders[0]!.bodyEn).toContain(`You have booked ${TOMORROW} `);
    expect(reminders[0]!.bodyEn).toContain(`for “环评咨询” (booking code ${code})`);
    expect(reminders[0]!.bodyEn).toContain('cancel or move the booking in advance');
    const mails = await t.database.db.select().from(deliveries).where(eq(deliveries.target, 'zheng@example.cn'));
    expect(mails.map((m) => [m.channel, m.kind])).toEqual([['email', 'appointment.reminder']]);
    expect(mails[0]!.payload.body).toContain(anon.json().code);
    expect(await sendAppointmentReminders(t.database.db)).toBe(0);
  });
});

describe('figures', () => {
  it('counts bookings by extended-hours vs regular slots, with matching records', async () => {
    const from = new Date(`${TOMORROW}T00:00:00+08:00`);
    const to = new Date(`${plusDays(LAST, 1)}T00:00:00+08:00`);
    const ext = await bookingsExtended(t.database.db, from, to);
    const reg = await bookingsRegular(t.database.db, from, to);
    const extRows = await bookingsExtendedRecords(t.database.db, from, to);
    const regRows = await bookingsRegularRecords(t.database.db, from, to);
    expect(extRows).toHaveLength(ext);
    expect(regRows).toHaveLength(reg);
    expect(extRows.every((r) => r.extended && r.status !== 'cancelled')).toBe(true);
    expect(regRows.every((r) => !r.extended)).toBe(true);
    const [{ e, r }] = await one<{ e: number; r: number }>(
      `select count(*) filter (where extended)::int as e, count(*) filter (where not extended)::int as r
       from appointments where status <> 'cancelled' and date between $1 and $2`,
      [TOMORROW, LAST],
    );
    expect([ext, reg]).toEqual([e, r]);
    expect(ext).toBeGreaterThanOrEqual(3);
  });
});

describe('protection of code + phone lookups', () => {
  it('rate-limits guessing per client (production limits)', async () => {
    const config = loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database: t.database, logger: false });
    await app.ready();
    try {
      const codes: number[] = [];
      for (let i = 0; i < 32; i++) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/public/appointments/YY2345678${i % 10}AB?phone=13900000000`,
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 30).every((c) => c === 404)).toBe(true);
      expect(codes.slice(30)).toEqual([429, 429]);
    } finally {
      await app.close();
    }
  });
});
