import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  idsInOrder,
  loginAs,
  makeUser,
  STRONG_PASSWORD,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { FREE_FAILURES } from '../auth/service.ts';
import { users } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const attempt = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

describe('sign-in waits on the users page', () => {
  it('lists the running wait and the recent failures from login_throttle, and an admin clears them', async () => {
    const admin = await loginAs(t, ['admin']);
    const u = await makeUser(t, ['clerk']);
    for (let i = 0; i < FREE_FAILURES; i++)
      expect((await attempt(u.username, 'wrong', '203.0.113.9')).statusCode).toBe(401);
    expect((await attempt(u.username, 'wrong', '198.51.100.4')).statusCode).toBe(401);

    const list = await admin.request({ method: 'GET', url: `/api/users?q=${u.username}` });
    expect(list.statusCode).toBe(200);
    const row = list.json().items.find((x: { id: string }) => x.id === u.id);
    expect(row.signInBlockedUntil).not.toBeNull();
    expect(new Date(row.signInBlockedUntil).getTime()).toBeGreaterThan(Date.now());
    expect(row.recentSignInFailures).toBe(FREE_FAILURES + 1);
    expect(row).not.toHaveProperty('lockedUntil');
    expect(row).not.toHaveProperty('failedLogins');

    // the holder from the slowed-down address waits, until the admin clears the waits
    expect((await attempt(u.username, STRONG_PASSWORD, '203.0.113.9')).statusCode).toBe(423);
    const cleared = await admin.request({ method: 'POST', url: `/api/users/${u.id}/clear-sign-in-waits` });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ id: u.id, signInBlockedUntil: null, recentSignInFailures: 0 });
    const [entry] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'user.clear-sign-in-waits'), eq(auditEntries.entityId, u.id)));
    expect(entry).toBeDefined();
    expect((await attempt(u.username, STRONG_PASSWORD, '203.0.113.9')).statusCode).toBe(200);

    const after = await admin.request({ method: 'GET', url: `/api/users?q=${u.username}` });
    expect(after.json().items.find((x: { id: string }) => x.id === u.id)).toMatchObject({
      signInBlockedUntil: null,
      recentSignInFailures: 0,
    });
  });

  it('a user without failures shows no wait; clearing an unknown user is 404', async () => {
    const admin = await loginAs(t, ['admin']);
    const u = await makeUser(t, ['clerk']);
    const list = await admin.request({ method: 'GET', url: `/api/users?q=${u.username}` });
    expect(list.json().items.find((x: { id: string }) => x.id === u.id)).toMatchObject({
      signInBlockedUntil: null,
      recentSignInFailures: 0,
    });
    const missing = await admin.request({
      method: 'POST',
      url: '/api/users/00000000-0000-4000-8000-000000000000/clear-sign-in-waits',
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('the users list', () => {
  it('sorts by username, display name or last sign-in (never signed in counted oldest), either way', async () => {
    const admin = await loginAs(t, ['admin']);
    const tag = uniqueName('sort');
    const create = async (suffix: string, displayName: string) => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: `${tag}${suffix}`, displayName, roles: ['clerk'] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().user.id as string;
    };
    // display names the same but for the last letter, so any collation orders them A, B, C
    const a = await create('a', `${tag}C`);
    const b = await create('b', `${tag}A`);
    const c = await create('c', `${tag}B`);
    // a never signed in, b signed in last
    await t.database.db
      .update(users)
      .set({ lastLoginAt: new Date('2026-02-01T08:00:00+08:00') })
      .where(eq(users.id, b));
    await t.database.db
      .update(users)
      .set({ lastLoginAt: new Date('2026-01-01T08:00:00+08:00') })
      .where(eq(users.id, c));
    const ids = (sort: string) => idsInOrder(admin, `/api/users?q=${tag}`, sort);
    expect(await ids('')).toEqual([a, b, c]);
    expect(await ids('username')).toEqual([a, b, c]);
    expect(await ids('-username')).toEqual([c, b, a]);
    expect(await ids('displayName')).toEqual([b, c, a]);
    expect(await ids('-displayName')).toEqual([a, c, b]);
    expect(await ids('lastLoginAt')).toEqual([a, c, b]);
    expect(await ids('-lastLoginAt')).toEqual([b, c, a]);
    expect((await admin.request({ method: 'GET', url: '/api/users?sort=phone' })).statusCode).toBe(400);
  });
});

describe('the account form', () => {
  it('says what a username and a phone must look like, not just "格式不正确"', async () => {
    const admin = await loginAs(t, ['admin']);
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      headers: { 'accept-language': 'zh-CN' },
      payload: { username: '张三', displayName: '张三', roles: ['clerk'], phone: '12345' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'username', message: '用户名为 3–32 位字母、数字、下划线、点或连字符' },
      { path: 'phone', message: '电话应为 11 位手机号或带区号的座机号（如 0799-1234567）' },
    ]);
    const en = await admin.request({
      method: 'POST',
      url: '/api/users',
      headers: { 'accept-language': 'en' },
      payload: { username: 'a', displayName: 'A', roles: ['clerk'] },
    });
    expect(en.json().errors).toEqual([
      { path: 'username', message: 'a username has 3–32 letters, digits, underscores, dots or hyphens' },
    ]);
  });
});
