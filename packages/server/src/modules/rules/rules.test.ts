import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { FROM_PRACTICE_NOTE_EN } from './defaults.ts';
import { defaultRules, getRule, seedDefaultRules } from './service.ts';
import { rules } from './tables.ts';

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

  it('gives the shipped source in English until an admin types a source of their own', async () => {
    const admin = await loginAs(t, ['admin']);
    const key = 'reception.max-people-per-enterprise';
    const shipped = defaultRules().find((r) => r.key === key)!;
    const listed = async () => {
      const res = (await t.app.inject({ method: 'GET', url: `/api/rules?q=${key}` })).json();
      return res.items.find((r: { key: string }) => r.key === key);
    };
    expect(await listed()).toMatchObject({
      noteEn: FROM_PRACTICE_NOTE_EN,
      current: { version: 1, source: shipped.source, sourceEn: shipped.sourceEn },
    });
    const edit = { effectiveFrom: '2020-06-01', reason: '接待室扩建' };
    // the edit form starts from the stored source: kept as it is, it is still the shipped text
    const kept = await admin.request({
      method: 'PUT',
      url: `/api/rules/${key}`,
      payload: { ...edit, value: 4, source: shipped.source },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await listed()).current).toMatchObject({ version: 2, value: 4, sourceEn: shipped.sourceEn });

    const typed = '县局 2020 年接待日制度';
    const own = await admin.request({
      method: 'PUT',
      url: `/api/rules/${key}`,
      payload: { ...edit, effectiveFrom: '2020-07-01', value: 5, source: typed },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect((await listed()).current).toMatchObject({ version: 3, source: typed, sourceEn: null });
    expect(own.json().history.map((h: { sourceEn: string | null }) => h.sourceEn)).toEqual([
      null,
      shipped.sourceEn,
      shipped.sourceEn,
    ]);
    expect((await listed()).noteEn).toBe(FROM_PRACTICE_NOTE_EN);
  });

  it('brings an earlier release’s note to today’s, with its English', async () => {
    const key = 'petition.extension';
    const shipped = defaultRules().find((r) => r.key === key)!;
    await t.database.db
      .update(rules)
      .set({ note: `${shipped.note} / used as the cap on extensions of petition.resolution` })
      .where(eq(rules.key, key));
    const before = (await t.app.inject({ method: 'GET', url: `/api/rules/${key}` })).json();
    expect(before.noteEn).toBeNull();
    await seedDefaultRules(t.database.db);
    const after = (await t.app.inject({ method: 'GET', url: `/api/rules/${key}` })).json();
    expect(after).toMatchObject({ note: shipped.note, noteEn: shipped.noteEn });
  });
});
