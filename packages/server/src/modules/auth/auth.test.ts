import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { seedIfEmpty } from '../../seed/seed.ts';
import { openTestDatabase } from '../../test/db.ts';
import {
  buildTestApp,
  login,
  loginAs,
  makeEnterprise,
  makeUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { createPlatformScheduler } from '../scheduler/runtime.ts';
import { loginThrottle, sessions, users } from '../users/tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('login, session, logout', () => {
  it('logs in with an httpOnly SameSite=Lax cookie and a CSRF token, and /me answers', async () => {
    const u = await makeUser(t, ['clerk']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qs_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.roles).toEqual(['clerk']);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `qs_session=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(u.username);
    expect(me.json().csrfToken).toBe(body.csrfToken);
    // the web app's question on every page: the same session, or null (200) for a visitor
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `qs_session=${cookie.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().session).toEqual(me.json());
    const visitor = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ session: null });
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const u = await makeUser(t, ['clerk']);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'no-such-user', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  const attempt = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

  it('after 5 wrong passwords from one address, that address waits (the right password too); others do not', async () => {
    const u = await makeUser(t, ['admin']);
    const stranger = '203.0.113.7';
    for (let i = 0; i < 5; i++) expect((await attempt(u.username, 'wrong', stranger)).statusCode).toBe(401);
    const res = await attempt(u.username, STRONG_PASSWORD, stranger);
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('AUTH_LOCKED');
    expect(res.json().detail).toMatch(/后再试/);
    // the real admin, from the office, is not locked out by the stranger
    expect((await attempt(u.username, STRONG_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    const entries = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, u.id));
    expect(entries.map((e) => e.action)).toContain('auth.throttled');
    // a wait, not a lock: a minute later the stranger may try again — and each failure doubles the wait
    vi.setSystemTime(Date.now() + 61_000);
    expect((await attempt(u.username, 'wrong', stranger)).statusCode).toBe(401);
    expect((await attempt(u.username, 'wrong', stranger)).statusCode).toBe(423);
    const [row] = await t.database.db
      .select()
      .from(loginThrottle)
      .where(and(eq(loginThrottle.username, u.username), eq(loginThrottle.client, stranger)));
    expect(row!.failures).toBe(6);
    const waitMs = row!.blockedUntil!.getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(60_000);
    expect(waitMs).toBeLessThanOrEqual(120_000);
    // the right password after the wait signs in and clears the count
    vi.setSystemTime(Date.now() + waitMs + 1000);
    expect((await attempt(u.username, STRONG_PASSWORD, stranger)).statusCode).toBe(200);
    const left = await t.database.db
      .select()
      .from(loginThrottle)
      .where(and(eq(loginThrottle.username, u.username), eq(loginThrottle.client, stranger)));
    expect(left).toHaveLength(0);
  });

  it('an administrator resetting the password lifts the wait at once', async () => {
    const u = await makeUser(t, ['clerk']);
    for (let i = 0; i < 5; i++) await attempt(u.username, 'wrong', '198.51.100.9');
    expect((await attempt(u.username, STRONG_PASSWORD, '198.51.100.9')).statusCode).toBe(423);
    const admin = await loginAs(t, ['admin']);
    const reset = await admin.request({ method: 'POST', url: `/api/users/${u.id}/reset-password` });
    expect(reset.statusCode, reset.body).toBe(200);
    const fresh = reset.json().password as string;
    expect((await attempt(u.username, fresh, '198.51.100.9')).statusCode).toBe(200);
  });

  it('counts parallel attempts: of 12 parallel wrong passwords exactly 5 are checked', async () => {
    const u = await makeUser(t, ['clerk']);
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt(u.username, 'wrong', '198.51.100.3')));
    // none fails otherwise (parallel audit entries once collided on PostgreSQL: 500s)
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 423)).toBe(true);
    expect(results.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 423)).toHaveLength(7);
    const checked = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, u.id));
    expect(checked.filter((e) => e.action === 'auth.login-failed')).toHaveLength(5);
  });

  it('throttles unknown account names alike, so the answers do not tell which names exist', async () => {
    const name = `nobody-${Date.now()}`;
    for (let i = 0; i < 5; i++) expect((await attempt(name, 'wrong', '198.51.100.4')).statusCode).toBe(401);
    expect((await attempt(name, 'wrong', '198.51.100.4')).statusCode).toBe(423);
  });

  it('requires the CSRF token on mutations made with a session cookie', async () => {
    const u = await makeUser(t, ['clerk']);
    const c = await login(t, u.username);
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_INVALID');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie, 'x-csrf-token': 'forged' },
    });
    expect(forged.json().code).toBe('CSRF_INVALID');
    const ok = await c.request({ method: 'POST', url: '/api/auth/logout' });
    expect(ok.statusCode).toBe(204);
    const after = await c.request({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('expires a session idle for more than 30 minutes', async () => {
    const u = await makeUser(t, ['clerk']);
    const c = await login(t, u.username);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, u.id));
    const res = await c.request({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
    // an ended session is nobody's
    expect((await c.request({ method: 'GET', url: '/api/auth/session' })).json()).toEqual({ session: null });
  });

  it('ends a busy staff session 12 hours after sign-in; an enterprise session follows its own lifetime', async () => {
    const u = await makeUser(t, ['clerk']);
    const c = await login(t, u.username);
    // active a minute ago, signed in 12 h and a minute ago
    await t.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 12 * 3_600_000 - 60_000), lastSeenAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.userId, u.id));
    const res = await c.request({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    // 11 h 59 min is still inside the day
    const c2 = await login(t, u.username);
    await t.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 12 * 3_600_000 + 60_000) })
      .where(eq(sessions.userId, u.id));
    expect((await c2.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('takes the lifetimes from the configuration, per kind of account', async () => {
    const config = loadConfig({
      QINGSHAN_DATA_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '10000',
      SESSION_MAX_HOURS_STAFF: '2',
      SESSION_MAX_HOURS_OTHER: '48',
    });
    const app = await buildApp({ config, database: t.database, logger: false });
    try {
      const ent = await makeEnterprise(t);
      const staff = await makeUser(t, ['clerk']);
      const portal = await makeUser(t, ['enterprise'], ent.id);
      const cookieOf = async (username: string) => {
        const r = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: STRONG_PASSWORD },
        });
        return `qs_session=${r.cookies.find((k) => k.name === 'qs_session')!.value}`;
      };
      const staffCookie = await cookieOf(staff.username);
      const portalCookie = await cookieOf(portal.username);
      await t.database.db
        .update(sessions)
        .set({ createdAt: new Date(Date.now() - 3 * 3_600_000) })
        .where(inArray(sessions.userId, [staff.id, portal.id]));
      const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect((await me(staffCookie)).statusCode).toBe(401);
      expect((await me(portalCookie)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('the scheduled purge removes idle and over-age sessions and keeps live ones', async () => {
    const idle = await makeUser(t, ['clerk']);
    const old = await makeUser(t, ['leader']);
    const live = await makeUser(t, ['clerk']);
    for (const u of [idle, old, live]) await login(t, u.username);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, idle.id));
    await t.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 13 * 3_600_000) })
      .where(eq(sessions.userId, old.id));
    const scheduler = createPlatformScheduler({
      db: t.database.db,
      channels: {},
      intervalMs: 0,
      scanEveryMs: 0,
      dispatchEveryMs: 0,
      retryBaseMs: 0,
    });
    const { ran } = await scheduler.tick();
    expect(ran).toContain('security.purge');
    const left = await t.database.db
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(inArray(sessions.userId, [idle.id, old.id, live.id]));
    expect(left.map((r) => r.userId)).toEqual([live.id]);
    const purged = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'session.purge'));
    expect(purged.length).toBeGreaterThan(0);
  });

  it('a non-demo first start names the admin from QINGSHAN_ADMIN_USERNAME or generates a name, never plain admin', async () => {
    for (const [env, expected] of [
      [{ QINGSHAN_ADMIN_USERNAME: 'zhang.it' }, /^zhang\.it$/],
      [{}, /^admin-[0-9a-f]{6}$/],
    ] as const) {
      const database = await openTestDatabase();
      try {
        const lines: string[] = [];
        const config = loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent', QINGSHAN_DEMO: '0', ...env });
        await seedIfEmpty(database, config, (l) => lines.push(l));
        const rows = await database.db.select({ username: users.username, roles: users.roles }).from(users);
        expect(rows).toHaveLength(1);
        expect(rows[0]!.username).toMatch(expected);
        expect(rows[0]!.roles).toEqual(['admin']);
        expect(lines.join('\n')).toContain(rows[0]!.username);
      } finally {
        await database.close();
      }
    }
    expect(() => loadConfig({ QINGSHAN_ADMIN_USERNAME: 'a b' })).toThrow(/QINGSHAN_ADMIN_USERNAME/);
  });

  it('changes the password only when the new one meets the policy', async () => {
    const u = await makeUser(t, ['clerk']);
    const c = await login(t, u.username);
    const weak = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'abcdefgh' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    expect(weak.json().errors[0].path).toBe('newPassword');
    const wrong = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'x', newPassword: 'Better-Pass-99' },
    });
    expect(wrong.json().code).toBe('PASSWORD_WRONG');
    const ok = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'Better-Pass-99' },
    });
    expect(ok.statusCode).toBe(204);
    await login(t, u.username, 'Better-Pass-99');
  });

  it('refuses a disabled account', async () => {
    const u = await makeUser(t, ['clerk']);
    const admin = await login(t, (await makeUser(t, ['admin'])).username);
    const dis = await admin.request({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { disabled: true, version: 1 },
    });
    expect(dis.statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_DISABLED');
  });
});

describe('request hygiene', () => {
  it('answers malformed JSON, unknown fields and wrong types with 400 problem+json naming the field', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('BAD_JSON');
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors.map((e: { path: string }) => e.path)).toContain('admin');
    const type = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 5, password: 'b' },
    });
    expect(type.json().errors[0].path).toBe('username');
  });

  it('speaks English when asked', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.json().title).toBe('Please sign in');
    const zh = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(zh.json().title).toBe('请先登录');
  });

  it('refuses an over-size body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
  });

  it('reports health and metrics, and serves the OpenAPI document', async () => {
    const h = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(h.statusCode).toBe(200);
    expect(h.json().database.engine).toBe(t.database.engine);
    const m = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(m.body).toContain('qingshan_http_request_duration_seconds');
    const o = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(o.json().paths['/api/enterprises']).toBeDefined();
  });
});
