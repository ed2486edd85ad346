import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { getRule, seedDefaultRules } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('rule registry', () => {
  it('ships the rules.md defaults with their sources, and seeding again changes nothing', async () => {
    const res = (await t.app.inject({ method: 'GET', url: '/api/rules?pageSize=200' })).json();
    const byKey = new Map(res.items.map((r: { key: string }) => [r.key, r]));
    expect(byKey.get('petition.resolution')).toMatchObject({
      type: 'clock-profile',
      current: { version: 1, value: { length: 60, unit: 'calendar' } },
    });
    expect((byKey.get('petition.resolution') as { current: { source: string } }).current.source).toContain(
      '信访工作条例',
    );
    expect(byKey.get('eia.report-book.statutory')).toMatchObject({
      current: { value: { length: 60, unit: 'working' } },
    });
    expect(byKey.get('reception.max-enterprises-per-day')).toMatchObject({ type: 'integer', current: { value: 10 } });
    expect(byKey.get('reception.max-people-per-enterprise')).toMatchObject({ current: { value: 3 } });
    expect(await seedDefaultRules(t.database.db)).toBe(0);
    expect((await getRule(t.database.db, 'reception.max-enterprises-per-day')).value).toBe(10);
    const filtered = (await t.app.inject({ method: 'GET', url: '/api/rules?q=reception&type=integer' })).json();
    expect(filtered.items.map((r: { key: string }) => r.key).sort()).toEqual([
      'reception.max-enterprises-per-day',
      'reception.max-people-per-enterprise',
      'reception.max-public-people-per-day',
    ]);
  });

  it('lets only an admin edit, requires a reason and a value of the right type, keeps history and audits', async () => {
    const admin = await loginAs(t, ['admin']);
    const leader = await loginAs(t, ['leader']);
    const url = '/api/rules/reception.max-enterprises-per-day';
    const edit = {
      value: 12,
      source: '县局 2026 年接待日制度修订',
      effectiveFrom: '2026-01-01',
      reason: '接待能力提升',
    };
    expect((await leader.request({ method: 'PUT', url, payload: edit })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url, payload: { ...edit, reason: '' } })).statusCode).toBe(400);
    const wrongType = await admin.request({ method: 'PUT', url, payload: { ...edit, value: 'twelve' } });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().code).toBe('RULE_VALUE_INVALID');
    const badProfile = await admin.request({
      method: 'PUT',
      url: '/api/rules/petition.resolution',
      payload: { ...edit, value: { length: 0, unit: 'calendar', warnBefore: 1 } },
    });
    expect(badProfile.json().code).toBe('RULE_VALUE_INVALID');
    expect(badProfile.json().errors[0].path).toBe('value.length');

    const ok = await admin.request({ method: 'PUT', url, payload: edit });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ current: { version: 2, value: 12, reason: '接待能力提升' }, latestVersion: 2 });
    expect(ok.json().history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect((await getRule(t.database.db, 'reception.max-enterprises-per-day')).value).toBe(12);

    // a version effective in the future is recorded but not yet in force
    const future = await admin.request({
      method: 'PUT',
      url,
      payload: { ...edit, value: 15, effectiveFrom: '2099-01-01' },
    });
    expect(future.json()).toMatchObject({ current: { version: 2 }, latestVersion: 3 });
    expect((await getRule(t.database.db, 'reception.max-enterprises-per-day', '2099-06-01')).value).toBe(15);

    const audit = (await admin.request({ method: 'GET', url: '/api/audit?entityType=rule' })).json();
    expect(audit.items.filter((a: { action: string }) => a.action === 'rule.update')).toHaveLength(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/rules/no.such.rule' })).statusCode).toBe(404);
  });
});
