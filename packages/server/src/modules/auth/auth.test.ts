import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, makeUser, STRONG_PASSWORD, type TestApp } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { sessions } from '../users/tables.ts';

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

  it('locks the account for 15 minutes after 5 wrong passwords, even for the right one', async () => {
    const u = await makeUser(t, ['clerk']);
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: 'wrong' },
      });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('AUTH_LOCKED');
    expect(res.json().detail).toContain('锁定');
    const entries = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, u.id));
    expect(entries.map((e) => e.action)).toContain('auth.locked');
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
