import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { canonicalJson } from './chain.ts';
import { recordAudit, SYSTEM_ACTOR, verifyAuditLog } from './service.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAs(t, ['admin']);
  await makeEnterprise(t);
  await makeEnterprise(t);
});
afterAll(() => t.close());

describe('audit log', () => {
  it('chains every entry and verifies intact', async () => {
    const r = await verifyAuditLog(t.database.db);
    expect(r.ok).toBe(true);
    expect(r.count).toBeGreaterThan(3);
  });

  it('keeps one chain under concurrent appenders', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.database.db.transaction((tx) =>
          recordAudit(tx, SYSTEM_ACTOR, { action: 'test.concurrent', entityType: 'test', after: { i } }),
        ),
      ),
    );
    expect((await verifyAuditLog(t.database.db)).ok).toBe(true);
  });

  it('rolls the entry back with the change it records', async () => {
    const before = await verifyAuditLog(t.database.db);
    await t.database.db
      .transaction(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.rollback', entityType: 'test' });
        throw new Error('abort');
      })
      .catch(() => {});
    const after = await verifyAuditLog(t.database.db);
    expect(after.ok).toBe(true);
    expect(after.count).toBe(before.count);
  });

  it('lets an admin browse and filter it', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/audit?action=enterprise.create&pageSize=5' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((e: { action: string }) => e.action === 'enterprise.create')).toBe(true);
    expect(res.json().total).toBeGreaterThanOrEqual(2);
  });

  it('filters by several record types at once, read as one word (环境信用: credit-record, credit-proposal)', async () => {
    await t.database.db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.one', entityType: 'test-a' });
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.two', entityType: 'test-b' });
    });
    const res = await admin.request({ method: 'GET', url: '/api/audit?entityType=test-a,test-b' });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((e: { entityType: string }) => e.entityType)
        .sort(),
    ).toEqual(['test-a', 'test-b']);
    // naming one record keeps the type whole: another user's history cannot be reached through a list
    const leader = await loginAs(t, ['leader']);
    const other = await leader.request({
      method: 'GET',
      url: `/api/audit?entityType=user,test-a&entityId=${admin.userId}`,
    });
    expect(other.json().items ?? []).toEqual([]);
  });

  it('is refused by the database when the application tries to change or delete an entry', async () => {
    await expect(t.database.query(`update audit_entries set actor_name = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.query('delete from audit_entries where seq = 1')).rejects.toThrow(/append-only/);
    expect((await verifyAuditLog(t.database.db)).ok).toBe(true);
  });

  it('names the first altered entry', async () => {
    // what someone with the rights to switch the guard off could do
    await t.database.query('alter table audit_entries disable trigger user');
    await t.database.query(`update audit_entries set after = '{"forged":true}'::jsonb where seq = 3`);
    const r = await verifyAuditLog(t.database.db);
    expect(r).toMatchObject({ ok: false, seq: 3 });
  });

  it('detects a deleted entry', async () => {
    const t2 = await buildTestApp();
    try {
      await makeEnterprise(t2);
      await makeEnterprise(t2);
      await makeEnterprise(t2);
      await t2.database.query('alter table audit_entries disable trigger user');
      await t2.database.query('delete from audit_entries where seq = 2');
      const r = await verifyAuditLog(t2.database.db);
      expect(r).toMatchObject({ ok: false, seq: 2 });
    } finally {
      await t2.close();
    }
  });
});

describe('canonical JSON', () => {
  it('is independent of key order, as jsonb is', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('personal data in the history of a record', () => {
  it('is masked for staff other than admins, and shown to admins', async () => {
    const e = await makeEnterprise(t, { contacts: [{ name: '王五', phone: '13912345678' }] });
    const clerk = await loginAs(t, ['clerk']);
    const res = await clerk.request({ method: 'GET', url: `/api/audit?entityType=enterprise&entityId=${e.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('13912345678');
    expect(res.body).toContain('139****5678');
    const asAdmin = await admin.request({ method: 'GET', url: `/api/audit?entityType=enterprise&entityId=${e.id}` });
    expect(asAdmin.body).toContain('13912345678');
  });
});

describe('what non-admins see of the log (等保)', () => {
  it('never shows staff IP addresses or other accounts’ ids to enterprises and non-admin staff', async () => {
    const e = await makeEnterprise(t);
    const clerk = await loginAs(t, ['clerk']);
    // A staff change with a known source address.
    const patched = await clerk.request({
      method: 'PATCH',
      url: `/api/enterprises/${e.id}`,
      payload: { address: '上栗县上栗镇新址1号', version: 1 },
      remoteAddress: '10.20.30.40',
    });
    expect(patched.statusCode).toBe(200);
    const url = `/api/audit?entityType=enterprise&entityId=${e.id}`;
    const owner = await loginAs(t, ['enterprise'], e.id);
    const inspector = await loginAs(t, ['inspector']);
    for (const viewer of [owner, inspector]) {
      const res = await viewer.request({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('10.20.30.40');
      const items = res.json().items as { ip: string | null; actorId: string | null; actorName: string }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.ip === null && i.actorId === null)).toBe(true);
      expect(items.some((i) => i.actorName === clerk.username)).toBe(true);
    }
    // The admin sees the address.
    expect((await admin.request({ method: 'GET', url })).body).toContain('10.20.30.40');
    // The clerk sees its own account id on its own entry.
    const own = (await clerk.request({ method: 'GET', url })).json().items as { actorId: string | null }[];
    expect(own.some((i) => i.actorId === clerk.userId)).toBe(true);
  });

  it('refuses another user’s history (sign-ins and failed sign-ins) to non-admins', async () => {
    const victim = await loginAs(t, ['clerk']);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: victim.username, password: 'wrong-password-1' },
    });
    const leader = await loginAs(t, ['leader']);
    const other = await leader.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${victim.userId}` });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FORBIDDEN_RECORD');
    const mine = await victim.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${victim.userId}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { action: string }) => i.action)).toContain('auth.login-failed');
    const asAdmin = await admin.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${victim.userId}` });
    expect(asAdmin.statusCode).toBe(200);
  });
});
