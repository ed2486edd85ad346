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
