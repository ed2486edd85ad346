import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, makeUser, STRONG_PASSWORD, type TestApp } from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { FREE_FAILURES } from '../auth/service.ts';

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
