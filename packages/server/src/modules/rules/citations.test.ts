// Issue 8 §5: users see a rule's real origin, never the project's own notes ("reference.md §1.2").
import { DEFAULT_CLOCK_PROFILES, SERVICE_FIGURES } from '@qingshan/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { figureSources } from '../figures/registry.ts';
import { defaultRules, getRule, seedDefaultRules } from './service.ts';
import { ruleVersions } from './tables.ts';

const INTERNAL = /\.md\b/;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('sources users see', () => {
  it('no shipped rule, clock profile or figure cites an internal note', async () => {
    for (const r of defaultRules()) expect(r.source, r.key).not.toMatch(INTERNAL);
    for (const p of DEFAULT_CLOCK_PROFILES) expect(p.source, p.key).not.toMatch(INTERNAL);
    for (const f of SERVICE_FIGURES) expect(f.source, f.key).not.toMatch(INTERNAL);
    const res = (await t.app.inject({ method: 'GET', url: '/api/rules?pageSize=200' })).json();
    for (const r of res.items as { key: string; current: { source: string } }[]) {
      expect(r.current.source, r.key).not.toMatch(INTERNAL);
    }
  });

  it('the figures API and its drill-down name real sources', async () => {
    const leader = await loginAs(t, ['leader']);
    const res = (await leader.request({ method: 'GET', url: '/api/figures?from=2020-01-01&to=2020-12-31' })).json();
    for (const f of res.figures as { key: string; source: string }[]) expect(f.source, f.key).not.toMatch(INTERNAL);
    for (const s of figureSources()) expect(s.source, s.key).not.toMatch(INTERNAL);
  });

  it('corrects an unedited shipped citation in an existing database, and leaves edited rules alone', async () => {
    const db = t.database.db;
    const old = '承诺时限：萍乡市芦溪县 60→20 个工作日（reference.md §1.2），本局可调整';
    const v1 = (key: string) => and(eq(ruleVersions.ruleKey, key), eq(ruleVersions.version, 1));
    await db.update(ruleVersions).set({ source: old }).where(v1('eia.report-book.promised'));
    // the same old text, but written by an admin: history that must stay as it was
    await db.update(ruleVersions).set({ source: old, createdByName: '管理员' }).where(v1('eia.report-form.promised'));
    await seedDefaultRules(db);
    const fixed = await getRule(db, 'eia.report-book.promised', '2020-06-01');
    expect(fixed.source).not.toMatch(INTERNAL);
    expect(fixed.source).toBe(defaultRules().find((r) => r.key === 'eia.report-book.promised')!.source);
    expect(fixed.value).toMatchObject({ length: 20 });
    expect((await getRule(db, 'eia.report-form.promised', '2020-06-01')).source).toBe(old);
  });
});
