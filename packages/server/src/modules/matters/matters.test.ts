import { MATTER_NAME_PAIRS, SHIPPED_MATTERS } from '@qingshan/core';
import { eq } from 'drizzle-orm';
// jszip comes with exceljs (a dependency): it reads the .docx package the way Word does
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, uniqueName } from '../../test/helpers.ts';
import { loadShippedMatters } from './service.ts';
import { matters } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Item = { code: string; name: string; materials: { name: string }[]; version: number };

describe('public service guides', () => {
  it('lists the shipped catalogue without login, each with its materials, and loading again adds nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/matters?pageSize=100' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(SHIPPED_MATTERS.length);
    const codes = body.items.map((m: Item) => m.code);
    for (const code of ['eia-report-form', 'eia-report-form-commitment', 'eia-report-book', 'discharge-permit'])
      expect(codes).toContain(code);
    const form = body.items.find((m: Item) => m.code === 'eia-report-form');
    expect(form.materials.map((x: { name: string }) => x.name)).toContain('建设项目环境影响报告表（报批版）');
    expect(form.version).toBe(1);
    expect(await loadShippedMatters(t.database.db)).toBe(0);
  });

  it('searches names, keywords and materials, escapes wildcards, filters by authority and pages', async () => {
    const eia = (
      await t.app.inject({ method: 'GET', url: `/api/public/matters?q=${encodeURIComponent('环评')}` })
    ).json();
    expect(eia.items.map((m: Item) => m.code).sort()).toEqual(
      SHIPPED_MATTERS.filter((m) => JSON.stringify(m).includes('环评'))
        .map((m) => m.code)
        .sort(),
    );
    expect(eia.items.map((m: Item) => m.code)).not.toContain('discharge-registration');
    const byMaterial = (
      await t.app.inject({ method: 'GET', url: `/api/public/matters?q=${encodeURIComponent('自行监测方案')}` })
    ).json();
    expect(byMaterial.items.map((m: Item) => m.code)).toEqual(['discharge-permit']);
    const wildcard = (await t.app.inject({ method: 'GET', url: '/api/public/matters?q=%25' })).json();
    expect(wildcard.total).toBe(0);
    const city = (
      await t.app.inject({ method: 'GET', url: '/api/public/matters?decidingAuthority=city-bureau' })
    ).json();
    expect(city.items.every((m: { decidingAuthority: string }) => m.decidingAuthority === 'city-bureau')).toBe(true);
    expect(city.total).toBe(SHIPPED_MATTERS.filter((m) => m.decidingAuthority === 'city-bureau').length);
    const page2 = (await t.app.inject({ method: 'GET', url: '/api/public/matters?pageSize=3&page=2' })).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 3, total: SHIPPED_MATTERS.length });
    expect(page2.items).toHaveLength(3);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/matters?decidingAuthority=county' });
    expect(bad.statusCode).toBe(400);
  });

  it('in English, are searched and ordered on the English names shown, not only the Chinese ones stored', async () => {
    const list = async (query: string, lang: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/public/matters?${query}`,
        headers: { 'accept-language': lang },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.vary).toMatch(/accept-language/i);
      return res.json().items.map((m: Item) => m.code) as string[];
    };
    // "Approval" is in three English names and in no Chinese name, code or guide
    const approvals = MATTER_NAME_PAIRS.filter((p) => p.en.includes('Approval')).map((p) => p.code);
    expect(approvals.length).toBeGreaterThan(1);
    expect((await list('q=approval', 'en')).sort()).toEqual([...approvals].sort());
    expect(await list('q=approval', 'zh-CN')).toEqual([]);
    // (before any test renames a guide) by name, A to Z in English; in Chinese the stored names' order, which is another one
    const byEnglish = [...MATTER_NAME_PAIRS].sort((x, y) => (x.en < y.en ? -1 : 1)).map((p) => p.code);
    expect(await list('pageSize=100&sort=name', 'en')).toEqual(byEnglish);
    expect(await list('pageSize=100&sort=-name', 'en')).toEqual([...byEnglish].reverse());
    expect(await list('pageSize=100&sort=name', 'zh-CN')).not.toEqual(byEnglish);
  });

  it('shows one guide with its limits resolved from the rules in force', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/matters/eia-report-form' });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.decidingAuthority).toBe('bureau');
    expect(m.limits).toEqual([
      expect.objectContaining({ kind: 'statutory', key: 'eia.report-form.statutory', length: 30, unit: 'working' }),
      expect.objectContaining({ kind: 'promised', key: 'eia.report-form.promised', length: 7 }),
      expect.objectContaining({ kind: 'incomplete-notice', key: 'application.incomplete-notice', length: 5 }),
    ]);
    expect(m.limits[0].source).toContain('环境影响评价法');
    expect(m.limits[0].sourceEn).toContain('Environmental Impact Assessment Law, Art. 22');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/matters/no-such-matter' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/matters/BAD%20CODE' })).statusCode).toBe(400);
  });

  it('lists each guide with its limits as its own page gives them (the English list prints them)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/matters?pageSize=100' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; limits: unknown[] }[];
    expect(items.length).toBe(SHIPPED_MATTERS.length);
    for (const m of items) {
      const one = await t.app.inject({ method: 'GET', url: `/api/public/matters/${m.code}` });
      expect(m.limits, m.code).toEqual(one.json().limits);
    }
    expect(items.find((m) => m.code === 'eia-report-form')?.limits).toContainEqual(
      expect.objectContaining({ kind: 'promised', length: 7, unit: 'working' }),
    );
  });

  it('prints the 一次性告知单 as a Word document naming every material, the limits and the legal basis', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/matters/discharge-permit/notice.docx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('一次性告知单'));
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const shipped = SHIPPED_MATTERS.find((m) => m.code === 'discharge-permit')!;
    for (const x of shipped.materials) expect(xml).toContain(x.name);
    expect(xml).toContain('一次性告知单');
    expect(xml).toContain('排污许可管理条例');
    expect(xml).toContain('排污许可证审批（简化管理） 20个工作日');
    expect(xml).toContain('可容缺');
    expect(xml).toContain('全国排污许可证管理信息平台');
    const missing = await t.app.inject({ method: 'GET', url: '/api/public/matters/no-such-matter/notice.docx' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('editing a guide', () => {
  const code = 'eia-exemption';
  const { code: _c, ...content } = SHIPPED_MATTERS.find((m) => m.code === code)!;
  const edited = {
    ...content,
    materials: [
      ...content.materials,
      {
        name: '项目选址位置图',
        required: false,
        form: 'copy' as const,
        count: 1,
        template: null,
        deferrable: true,
        note: null,
      },
    ],
  };

  it('lets only an admin edit; each edit is a new version with its reason, the old kept, and audited', async () => {
    const admin = await loginAs(t, ['admin']);
    const leader = await loginAs(t, ['leader']);
    const url = `/api/matters/${code}`;
    const payload = { version: 1, content: edited, reason: '窗口补充选址图' };
    expect((await leader.request({ method: 'PATCH', url, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url, payload })).statusCode).toBe(401);
    expect((await leader.request({ method: 'GET', url: `${url}/versions` })).statusCode).toBe(403);

    const ok = await admin.request({ method: 'PATCH', url, payload });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ code, version: 2 });
    expect(ok.json().materials.map((x: { name: string }) => x.name)).toContain('项目选址位置图');

    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/matters/${code}` })).json();
    expect(pub.version).toBe(2);
    expect(pub.materials).toHaveLength(content.materials.length + 1);

    const versions = (await admin.request({ method: 'GET', url: `${url}/versions` })).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].reason).toBe('窗口补充选址图');
    expect(versions[1].content.materials).toHaveLength(content.materials.length);

    const audit = (await admin.request({ method: 'GET', url: '/api/audit?entityType=matter' })).json();
    const entries = audit.items.filter((a: { action: string; entityId: string }) => a.action === 'matter.update');
    expect(entries).toHaveLength(1);
    expect(entries[0].entityId).toBe(code);

    // a rename is found by the new name at once
    const renamed = await admin.request({
      method: 'PATCH',
      url,
      payload: { version: 2, content: { ...edited, name: '环评豁免认定（试行）' }, reason: '名称调整' },
    });
    expect(renamed.json().version).toBe(3);
    const found = (
      await t.app.inject({ method: 'GET', url: `/api/public/matters?q=${encodeURIComponent('试行')}` })
    ).json();
    expect(found.items.map((m: Item) => m.code)).toEqual([code]);
  });

  it('refuses an edit without a reason, with an unknown clock profile, or for an unknown matter', async () => {
    const admin = await loginAs(t, ['admin']);
    const url = `/api/matters/${code}`;
    const noReason = await admin.request({
      method: 'PATCH',
      url,
      payload: { version: 3, content: edited, reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    const badClock = await admin.request({
      method: 'PATCH',
      url,
      payload: {
        version: 3,
        content: { ...edited, timeLimits: { ...edited.timeLimits, statutoryProfile: 'eia.nonsense' } },
        reason: '测试',
      },
    });
    expect(badClock.statusCode).toBe(400);
    const noSource = await admin.request({
      method: 'PATCH',
      url,
      payload: { version: 3, content: { ...edited, sources: { ...edited.sources, fees: '' } }, reason: '测试' },
    });
    expect(noSource.statusCode).toBe(400);
    const unknown = await admin.request({
      method: 'PATCH',
      url: '/api/matters/no-such-matter',
      payload: { version: 1, content: edited, reason: '测试' },
    });
    expect(unknown.statusCode).toBe(404);
    const versions = (await admin.request({ method: 'GET', url: `${url}/versions` })).json();
    expect(versions[0].reason).not.toBe('测试');
  });

  it('refuses an edit made from a version another admin has since replaced, and keeps theirs', async () => {
    const admin = await loginAs(t, ['admin']);
    const other = await loginAs(t, ['admin']);
    const url = `/api/matters/${code}`;
    const { version } = (await admin.request({ method: 'GET', url: `/api/public/matters/${code}` })).json();
    const first = await other.request({
      method: 'PATCH',
      url,
      payload: { version, content: { ...edited, fees: '不收费（他人先保存）' }, reason: '先保存的修改' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await admin.request({
      method: 'PATCH',
      url,
      payload: { version, content: edited, reason: '后保存的修改' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'RECORD_CHANGED', version: version + 1 });
    const now = (await admin.request({ method: 'GET', url: `/api/public/matters/${code}` })).json();
    expect(now).toMatchObject({ version: version + 1, fees: '不收费（他人先保存）' });
  });
});

describe('the order of the guides', () => {
  it('lists by name (the default) or by last change, either way; refuses another sort', async () => {
    const admin = await loginAs(t, ['admin']);
    const tag = uniqueName('排序');
    // names that differ in their last letter only, so any collation orders them A, B, C
    const rename = async (code: string, letter: string, updatedAt: string) => {
      const { code: _c, ...content } = SHIPPED_MATTERS.find((m) => m.code === code)!;
      const { version } = (await t.app.inject({ method: 'GET', url: `/api/public/matters/${code}` })).json();
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/matters/${code}`,
        payload: { version, content: { ...content, name: `${tag}${letter}` }, reason: '排序测试' },
      });
      expect(res.statusCode, res.body).toBe(200);
      await t.database.db
        .update(matters)
        .set({ updatedAt: new Date(updatedAt) })
        .where(eq(matters.code, code));
      return code;
    };
    const b = await rename('discharge-permit-renewal', 'B', '2026-06-01T09:00:00+08:00');
    const a = await rename('eia-registration-filing', 'A', '2026-06-03T09:00:00+08:00');
    const c = await rename('discharge-registration', 'C', '2026-06-02T09:00:00+08:00');
    // no sign-in: a citizen's list
    const codes = async (sort: string) => {
      const url = `/api/public/matters?q=${encodeURIComponent(tag)}${sort ? `&sort=${sort}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((m: Item) => m.code);
    };
    expect(await codes('')).toEqual([a, b, c]);
    expect(await codes('name')).toEqual([a, b, c]);
    expect(await codes('-name')).toEqual([c, b, a]);
    expect(await codes('updatedAt')).toEqual([b, c, a]);
    expect(await codes('-updatedAt')).toEqual([a, c, b]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/matters?sort=code' })).statusCode).toBe(400);
  });
});
