import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { buildTestApp, type Client, loginAs, phoneCode, type TestApp } from '../../test/helpers.ts';

// The public booking limits and the one-time phone code, at the shipped rule defaults:
// open bookings per phone 3, per address 6, new bookings per address per day 10, public
// reception day 30 people, code sends per phone 5 and per address 20 a day.

let t: TestApp;
let clerk: Client;
const services: string[] = [];

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

let phoneCounter = 0;
function freshPhone(): string {
  phoneCounter++;
  return `158${String(process.pid % 10000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}
let ipCounter = 0;
function freshIp(): string {
  ipCounter++;
  return `10.${(process.pid >> 8) % 250}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

async function slotOf(serviceId: string, n = 0): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/appointment-services/${serviceId}/slots` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.filter((s: { available: number }) => s.available > 0)[n].id;
}

async function newService(): Promise<string> {
  const svc = await clerk.request({
    method: 'POST',
    url: '/api/appointment-services',
    payload: { name: `限额窗口${services.length}-${process.pid}`, location: '县政务服务中心' },
  });
  expect(svc.statusCode, svc.body).toBe(201);
  const plan = await clerk.request({
    method: 'POST',
    url: `/api/appointment-services/${svc.json().id}/plans`,
    payload: {
      validFrom: plusDays(today(), 1),
      validTo: plusDays(today(), 8),
      dayRule: 'all',
      startTime: '09:00',
      endTime: '11:00',
      slotMinutes: 30,
      capacity: 50,
    },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  services.push(svc.json().id);
  return svc.json().id;
}

let daysAhead = 2;
async function publicDay(): Promise<string> {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/reception/sessions',
    payload: { kind: 'public', date: plusDays(today(), daysAhead++), leaderName: '王局长' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function book(serviceId: string, phone: string, ip: string, code?: string | null) {
  return t.app.inject({
    method: 'POST',
    url: '/api/appointments',
    remoteAddress: ip,
    payload: {
      slotId: await slotOf(serviceId),
      name: '王群众',
      phone,
      matter: '咨询环评',
      ...(code === null ? {} : { phoneCode: code ?? (await phoneCode(t, phone, ip)) }),
    },
  });
}

async function bookDay(sessionId: string, phone: string, ip: string, people = 1) {
  return t.app.inject({
    method: 'POST',
    url: `/api/reception/sessions/${sessionId}/public-bookings`,
    remoteAddress: ip,
    payload: { name: '李群众', phone, people, concern: '反映噪声', phoneCode: await phoneCode(t, phone, ip) },
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  clerk = await loginAs(t, ['clerk']);
  await newService();
});
afterAll(() => t.close());

describe('one-time phone code', () => {
  it('a booking without a code, with a wrong one, or reusing a used one is refused; with a fresh one it is taken', async () => {
    const phone = freshPhone();
    const ip = freshIp();
    const none = await book(services[0]!, phone, ip, null);
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('PHONE_CODE_REQUIRED');
    expect(none.json().detail).toContain('获取验证码');
    const code = await phoneCode(t, phone, ip);
    const wrong = await book(services[0]!, phone, ip, code === '000000' ? '111111' : '000000');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('PHONE_CODE_INVALID');
    const ok = await book(services[0]!, phone, ip, code);
    expect(ok.statusCode, ok.body).toBe(201);
    const service2 = await newService();
    const reused = await book(service2, phone, ip, code);
    expect(reused.statusCode).toBe(403);
    expect(reused.json().code).toBe('PHONE_CODE_INVALID');
    // the code is kept hashed, never as typed
    const rows = await t.database.query<{ code_hash: string }>(`select code_hash from phone_codes where phone = $1`, [
      phone,
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.code_hash !== code && !r.code_hash.includes(code))).toBe(true);
  });

  it('five wrong tries use a code up, even against parallel guessing', async () => {
    const phone = freshPhone();
    const ip = freshIp();
    const code = await phoneCode(t, phone, ip);
    const guesses = ['000001', '000002', '000003', '000004', '000005', '000006', '000007', '000008'].filter(
      (g) => g !== code,
    );
    const results = await Promise.all(guesses.map((g) => book(services[0]!, phone, ip, g)));
    expect(results.every((r) => r.statusCode === 403)).toBe(true);
    const [row] = await t.database.query<{ attempts: number }>(
      `select attempts from phone_codes where phone = $1 order by created_at desc limit 1`,
      [phone],
    );
    expect(row!.attempts).toBe(5);
    const right = await book(services[0]!, phone, ip, code);
    expect(right.statusCode).toBe(403);
  });

  it('a code expires after 10 minutes', async () => {
    const phone = freshPhone();
    const ip = freshIp();
    const code = await phoneCode(t, phone, ip);
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1000);
    const late = await book(services[0]!, phone, ip, code);
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('PHONE_CODE_INVALID');
  });

  it('limits sends: one a minute per phone, five a day per phone, twenty a day per address', async () => {
    const phone = freshPhone();
    const ip = freshIp();
    const send = (p: string, from: string) =>
      t.app.inject({ method: 'POST', url: '/api/public/phone-codes', remoteAddress: from, payload: { phone: p } });
    expect((await send(phone, ip)).statusCode).toBe(202);
    const again = await send(phone, ip);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('PHONE_CODE_SEND_LIMIT');
    expect(again.json().detail).toMatch(/秒后再获取/);
    for (let i = 0; i < 4; i++) {
      vi.setSystemTime(Date.now() + 61_000);
      expect((await send(phone, ip)).statusCode).toBe(202);
    }
    vi.setSystemTime(Date.now() + 61_000);
    const sixth = await send(phone, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().rule).toBe('phone-code.max-sends-per-phone-per-day');

    const crowd = freshIp();
    for (let i = 0; i < 20; i++) expect((await send(freshPhone(), crowd)).statusCode).toBe(202);
    const over = await send(freshPhone(), crowd);
    expect(over.statusCode).toBe(429);
    expect(over.json().rule).toBe('phone-code.max-sends-per-address-per-day');
    // a landline cannot receive a text message
    const landline = await send('0799-7654321', ip);
    expect(landline.statusCode).toBe(400);
    expect(landline.json().errors).toEqual([{ path: 'phone', message: '请填写 11 位手机号（验证码只能发送到手机）' }]);
  });

  it('staff booking for a caller on the phone need no code; a signed-in citizen needs none for the account phone only', async () => {
    const viaStaff = await clerk.request({
      method: 'POST',
      url: '/api/appointments',
      payload: { slotId: await slotOf(services[0]!), name: '电话预约', phone: freshPhone(), matter: '电话代约' },
    });
    expect(viaStaff.statusCode, viaStaff.body).toBe(201);
    const citizen = await loginAs(t, ['citizen']);
    const accountPhone = freshPhone();
    await t.database.query(`update users set phone = $1 where id = $2`, [accountPhone, citizen.userId]);
    const own = await citizen.request({
      method: 'POST',
      url: '/api/appointments',
      payload: { slotId: await slotOf(services[0]!), matter: '咨询' },
    });
    expect(own.statusCode, own.body).toBe(201);
    const other = await citizen.request({
      method: 'POST',
      url: `/api/reception/sessions/${await publicDay()}/public-bookings`,
      payload: { name: '代家人', phone: freshPhone(), concern: '反映噪声' },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('PHONE_CODE_REQUIRED');
  });
});

describe('public booking limits', () => {
  it('one phone holds at most 3 open bookings across windows and public reception days', async () => {
    const phone = freshPhone();
    const ip = freshIp();
    const s2 = await newService();
    const s3 = await newService();
    expect((await book(services[0]!, phone, ip)).statusCode).toBe(201);
    expect((await book(s2, phone, ip)).statusCode).toBe(201);
    expect((await bookDay(await publicDay(), phone, ip)).statusCode).toBe(201);
    const fourth = await book(s3, phone, ip);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['content-type']).toContain('application/problem+json');
    expect(fourth.json().code).toBe('BOOKING_LIMIT');
    expect(fourth.json().rule).toBe('booking.max-open-per-phone');
    expect(fourth.json().detail).toMatch(/最多同时保留 3 个/);
    expect(fourth.json().detail).not.toMatch(/rules\.md|§/);
    const n = await t.database.query<{ n: number }>(`select count(*)::int as n from appointments where phone = $1`, [
      phone,
    ]);
    expect(n[0]!.n).toBe(2);
  });

  it('one address: at most 6 open bookings, also when 12 arrive in parallel', async () => {
    const ip = freshIp();
    const phones = Array.from({ length: 12 }, () => freshPhone());
    const codes: string[] = [];
    for (const p of phones) codes.push(await phoneCode(t, p, ip));
    const slot = await slotOf(services[0]!);
    const results = await Promise.all(
      phones.map((phone, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/appointments',
          remoteAddress: ip,
          payload: { slotId: slot, name: '同一台电脑', phone, matter: '占号', phoneCode: codes[i] },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(6);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused.every((r) => r.statusCode === 429 && r.json().rule === 'booking.max-open-per-address')).toBe(true);
    const [row] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from appointments where client_ip = $1 and status = 'booked'`,
      [ip],
    );
    expect(row!.n).toBe(6);
  });

  it('one address: at most 10 new bookings a day, cancelled ones included', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      const phone = freshPhone();
      const b = await book(services[0]!, phone, ip);
      expect(b.statusCode, b.body).toBe(201);
      const c = await t.app.inject({
        method: 'POST',
        url: `/api/public/appointments/${b.json().code}/cancel`,
        remoteAddress: ip,
        payload: { phone },
      });
      expect(c.statusCode, c.body).toBe(200);
    }
    const eleventh = await book(services[0]!, freshPhone(), ip);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().rule).toBe('booking.max-new-per-address-per-day');
  });

  it('a public reception day takes at most 30 people', async () => {
    const day = await publicDay();
    // groups send at most 5 representatives (信访工作条例 第二十条): six groups of five fill the day
    for (let i = 0; i < 6; i++) expect((await bookDay(day, freshPhone(), freshIp(), 5)).statusCode).toBe(201);
    const full = await bookDay(day, freshPhone(), freshIp(), 1);
    expect(full.statusCode).toBe(429);
    expect(full.json().code).toBe('BOOKING_LIMIT');
    expect(full.json().rule).toBe('reception.max-public-people-per-day');
    expect(full.json().detail).toMatch(/最多接待 30 人/);
  });
});

describe('SMS transports', () => {
  it('without demo mode there is no page showing codes', async () => {
    const config = loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', QINGSHAN_DEMO: '0' });
    const app = await buildApp({ config, database: t.database, logger: false });
    try {
      const phone = freshPhone();
      const sent = await app.inject({ method: 'POST', url: '/api/public/phone-codes', payload: { phone } });
      expect(sent.statusCode).toBe(202);
      const peek = await app.inject({ method: 'GET', url: `/api/public/dev/phone-codes/${phone}` });
      expect(peek.statusCode).toBe(404);
      expect(peek.json().code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });

  it('with SMS_URL the code goes to the gateway, and a failing gateway leaves no code behind', async () => {
    const received: { body: { phone: string; text: string }; auth: string | undefined }[] = [];
    let fail = false;
    const gateway = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        received.push({ body: JSON.parse(data), auth: req.headers.authorization });
        res.statusCode = fail ? 500 : 200;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const port = (gateway.address() as AddressInfo).port;
    const config = loadConfig({
      QINGSHAN_DATA_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      SMS_URL: `http://127.0.0.1:${port}/send`,
      SMS_TOKEN: 'gateway-secret',
    });
    const app = await buildApp({ config, database: t.database, logger: false });
    try {
      const phone = freshPhone();
      const sent = await app.inject({ method: 'POST', url: '/api/public/phone-codes', payload: { phone } });
      expect(sent.statusCode, sent.body).toBe(202);
      expect(received).toHaveLength(1);
      expect(received[0]!.body.phone).toBe(phone);
      expect(received[0]!.body.text).toMatch(/验证码是 \d{6}/);
      expect(received[0]!.auth).toBe('Bearer gateway-secret');
      // with a real gateway the demo page does not exist, even in demo mode
      expect((await app.inject({ method: 'GET', url: `/api/public/dev/phone-codes/${phone}` })).statusCode).toBe(404);

      fail = true;
      const other = freshPhone();
      const failed = await app.inject({ method: 'POST', url: '/api/public/phone-codes', payload: { phone: other } });
      expect(failed.statusCode).toBe(502);
      expect(failed.json().code).toBe('PHONE_CODE_SEND_FAILED');
      const left = await t.database.query(`select 1 from phone_codes where phone = $1`, [other]);
      expect(left).toHaveLength(0);
    } finally {
      await app.close();
      await new Promise((r) => gateway.close(r));
    }
  });
});
