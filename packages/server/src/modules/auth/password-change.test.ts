import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  login,
  loginAs,
  makeUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../test/helpers.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t, ['admin']);
});
afterAll(() => t.close());

async function expectOnlyPasswordChangeAllowed(c: Client) {
  const list = await c.request({ method: 'GET', url: '/api/enterprises' });
  expect(list.statusCode).toBe(403);
  expect(list.headers['content-type']).toContain('application/problem+json');
  expect(list.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', title: '请先修改初始密码' });
  const me = await c.request({ method: 'GET', url: '/api/auth/me' });
  expect(me.statusCode).toBe(200);
  expect(me.json().user.mustChangePassword).toBe(true);
}

const change = (c: Client, currentPassword: string, newPassword: string) =>
  c.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword } });

describe('admin-issued passwords must be changed at first sign-in', () => {
  it('a new user’s initial password opens only the change form until it is changed', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: `new${Date.now() % 1e6}`, displayName: '新同事', roles: ['clerk'] },
    });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: initialPassword },
    });
    expect(res.json().user.mustChangePassword).toBe(true);
    const c = await login(t, user.username, initialPassword);
    await expectOnlyPasswordChangeAllowed(c);
    // a weak replacement is refused and the block stays
    expect((await change(c, initialPassword, 'P@ssw0rd')).statusCode).toBe(422);
    await expectOnlyPasswordChangeAllowed(c);
    expect((await change(c, initialPassword, 'Lake-Ridge#2026')).statusCode).toBe(204);
    expect((await c.request({ method: 'GET', url: '/api/enterprises' })).statusCode).toBe(200);
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).json().user.mustChangePassword).toBe(false);
  });

  it('a password reset by an admin is blocked the same way', async () => {
    const u = await makeUser(t, ['inspector']);
    const before = await login(t, u.username);
    expect((await before.request({ method: 'GET', url: '/api/enterprises' })).statusCode).toBe(200);
    const reset = await admin.request({ method: 'POST', url: `/api/users/${u.id}/reset-password` });
    expect(reset.statusCode).toBe(200);
    const c = await login(t, u.username, reset.json().password);
    await expectOnlyPasswordChangeAllowed(c);
    expect((await c.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });
});

describe('password history', () => {
  it('refuses the current password and the recent ones, accepts a new one', async () => {
    const u = await makeUser(t, ['clerk']);
    const c = await login(t, u.username);
    const same = await change(c, STRONG_PASSWORD, STRONG_PASSWORD);
    expect(same.statusCode).toBe(422);
    expect(same.json().errors[0]).toMatchObject({
      path: 'newPassword',
      message: '不能使用最近用过的密码，请换一个新密码',
    });
    expect((await change(c, STRONG_PASSWORD, 'River-Stone#71')).statusCode).toBe(204);
    expect((await change(c, 'River-Stone#71', STRONG_PASSWORD)).statusCode).toBe(422);
    expect((await change(c, 'River-Stone#71', 'Pine-Valley#72')).statusCode).toBe(204);
  });

  it('refuses a password containing the username', async () => {
    const u = await makeUser(t, ['clerk']);
    const c = await login(t, u.username);
    const res = await change(c, STRONG_PASSWORD, `X-${u.username.toUpperCase()}-9`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('PASSWORD_POLICY');
  });
});
