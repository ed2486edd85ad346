import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeValidUscc } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { createEnterprise } from '../modules/enterprises/service.ts';
import { createUser } from '../modules/users/service.ts';
import type { DemoAccount } from '../platform/module.ts';
import type { Role } from '../plugins/auth.ts';
import { openTestDatabase } from './db.ts';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  jobs: Promise<void>[];
  backupDir: string;
  close(): Promise<void>;
};

/** `env` adds to the test configuration (e.g. INGEST_BUS for a test of the bus). */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const jobs: Promise<void>[] = [];
  // Backups taken by tests (the admin API) go to a private folder that close() removes.
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-test-backups-'));
  const config = loadConfig({
    QINGSHAN_DATA_DIR: '/nonexistent',
    QINGSHAN_BACKUP_DIR: backupDir,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '10000',
    // API tests reach the HJ 212 gateway through their own ephemeral instance (monitoring tests)
    HJ212_PORT: '0',
    ...env,
  });
  const app = await buildApp({ config, database, logger: false, onJob: (p) => jobs.push(p) });
  await app.ready();
  return {
    app,
    database,
    jobs,
    backupDir,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(backupDir, { recursive: true, force: true });
    },
  };
}

/**
 * The whole demo seeded once into a test app (seed/demo-this-year.test.ts), shared by the modules'
 * checks of their "this year" records: the app and its database, the demo's accounts, and the
 * lines seedDemo printed.
 */
export type SeededDemo = { t: TestApp; accounts: DemoAccount[]; printed: readonly string[] };

/** A signed-in client: carries the session cookie and the CSRF token like the web app does. */
export type Client = {
  username: string;
  userId: string;
  csrfToken: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
};

let counter = 0;
export const STRONG_PASSWORD = 'Qingshan-Test-2020';

export function uniqueName(prefix: string): string {
  counter++;
  return `${prefix}${process.pid.toString(36)}${counter}${Math.floor(Math.random() * 1e4)}`;
}

const issuedUsccs = new Set<string>();
/**
 * A valid USCC not used before in this process. The eight characters of the body are drawn from
 * crypto randomness (31^8 codes) and checked against those issued, so two enterprises of one test
 * never share a code (a counter-and-Math.random scheme did once, in CI).
 */
export function freshUscc(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  for (;;) {
    const bytes = randomBytes(8);
    let body = '';
    for (const b of bytes) body += alphabet[b % 31];
    const code = makeValidUscc(`9136032${body}MA`);
    if (!issuedUsccs.has(code)) {
      issuedUsccs.add(code);
      return code;
    }
  }
}

export async function makeEnterprise(t: TestApp, overrides: Record<string, unknown> = {}) {
  return createEnterprise(t.database.db, SYSTEM_ACTOR, {
    name: `测试企业${uniqueName('')}`,
    uscc: freshUscc(),
    address: '上栗县上栗镇测试路1号',
    townCode: '360322101',
    industryCode: '2672',
    status: 'operating',
    tags: [],
    ...overrides,
  } as never);
}

export async function makeUser(t: TestApp, roles: Role[], enterpriseId?: string) {
  const username = uniqueName(roles[0]!);
  const { user } = await createUser(
    t.database.db,
    SYSTEM_ACTOR,
    { username, displayName: username, roles, enterpriseId: enterpriseId ?? null },
    STRONG_PASSWORD,
  );
  return user;
}

export async function login(t: TestApp, username: string, password = STRONG_PASSWORD): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'qs_session')!;
  const body = res.json();
  const header = `qs_session=${cookie.value}`;
  return {
    username,
    userId: body.user.id,
    csrfToken: body.csrfToken,
    cookie: header,
    request(opts) {
      return t.app.inject({
        ...opts,
        headers: { cookie: header, 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) },
      });
    },
  };
}

export async function loginAs(t: TestApp, roles: Role[], enterpriseId?: string): Promise<Client> {
  const user = await makeUser(t, roles, enterpriseId);
  return login(t, user.username);
}

/**
 * A valid one-time code for `phone`, read back from the development SMS transport (test apps run
 * in demo mode without SMS_URL). When the phone had a code less than a minute ago, the test's
 * clock moves past the resend wait rather than the test sleeping.
 */
export async function phoneCode(t: TestApp, phone: string, remoteAddress?: string): Promise<string> {
  const send = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/phone-codes',
      payload: { phone },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  let res = await send();
  if (res.statusCode === 429 && typeof res.json().retryAfterSeconds === 'number') {
    vi.setSystemTime(Date.now() + (res.json().retryAfterSeconds + 1) * 1000);
    res = await send();
  }
  if (res.statusCode !== 202) throw new Error(`phone code for ${phone}: ${res.statusCode} ${res.body}`);
  const got = await t.app.inject({ method: 'GET', url: `/api/public/dev/phone-codes/${phone}` });
  if (got.statusCode !== 200) throw new Error(`dev phone code for ${phone}: ${got.statusCode} ${got.body}`);
  return got.json().code;
}

/**
 * Test apps book from one address (127.0.0.1) far more than a citizen may: files that book for
 * other purposes lift the public booking limits; booking-limits.test.ts tests them at their defaults.
 */
export async function liftPublicBookingLimits(t: TestApp): Promise<void> {
  await t.database.db.execute(
    sql`update rule_versions set value = '100000'::jsonb where rule_key in (
      'booking.max-open-per-phone', 'booking.max-open-per-address', 'booking.max-new-per-address-per-day',
      'phone-code.max-sends-per-phone-per-day', 'phone-code.max-sends-per-address-per-day',
      'reception.max-public-people-per-day')`,
  );
}

/**
 * The ids a list answers for `sort` (empty: its default order), in that order: what a test of a
 * list's sorts compares. `among` keeps only those ids, where the list holds other tests' records too.
 */
export async function idsInOrder(
  client: Client,
  url: string,
  sort: string,
  among?: readonly string[],
): Promise<string[]> {
  const res = await client.request({ method: 'GET', url: sort ? `${url}&sort=${sort}` : url });
  expect(res.statusCode, res.body).toBe(200);
  const ids = (res.json().items as { id: string }[]).map((x) => x.id);
  return among ? ids.filter((id) => among.includes(id)) : ids;
}

type FigureRecord = { id: string; date: string; enterpriseId?: string | null; enterpriseName?: string | null };
export type ThisYearsFigures = {
  view: {
    from: string;
    to: string;
    values: Record<string, number>;
    monthly: { month: string; values: Record<string, number> }[];
  };
  records: Record<string, FigureRecord[]>;
};

/**
 * The dashboard's default period, this year (from 1 January): each of these figures is above zero
 * and its drill-down lists exactly the records it counts. Returns the answer and each figure's
 * records, for a module's own checks on them.
 */
export async function thisYearsFigures(client: Client, keys: readonly string[]): Promise<ThisYearsFigures> {
  const res = await client.request({ method: 'GET', url: '/api/figures' });
  expect(res.statusCode, res.body).toBe(200);
  const view = res.json() as ThisYearsFigures['view'];
  expect(view.from).toBe(`${view.to.slice(0, 4)}-01-01`);
  const records: ThisYearsFigures['records'] = {};
  for (const key of keys) {
    expect(view.values[key], key).toBeGreaterThan(0);
    const page = await client.request({
      method: 'GET',
      url: `/api/figures/${key}/records?from=${view.from}&to=${view.to}&pageSize=500`,
    });
    expect(page.statusCode, page.body.slice(0, 200)).toBe(200);
    expect(page.json().total, key).toBe(view.values[key]);
    records[key] = page.json().items;
    expect(records[key]!.length, key).toBe(view.values[key]);
  }
  return { view, records };
}
