import { ML2021_ROWS } from '@qingshan/core/eia-catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { loadShippedEiaCatalogue } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const classify = (payload: unknown, remoteAddress = '10.1.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/eia/classify', payload: payload as object, remoteAddress });

describe('POST /api/eia/classify', () => {
  it('walks a fireworks plant to row 44 报告表 without login, asking one deciding question at a time', async () => {
    const first = await classify({ industryCode: '2672', constructionType: 'new', facts: {} });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      category: null,
      row: 44,
      column: 'report-book',
      missingFacts: ['chemicalReaction'],
      catalogueVersion: 'ML2021',
    });
    expect(first.json().questions[0]).toMatchObject({ key: 'chemicalReaction', kind: 'boolean' });

    const done = await classify({
      industryCode: 'C2672',
      constructionType: 'new',
      facts: { chemicalReaction: false, productionWastewater: false, vocEmissions: true },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      category: 'report-form',
      categoryLabel: '报告表',
      row: 44,
      column: 'report-form',
      columnLabel: '报告表',
      quote: '单纯物理分离、物理提纯、混合、分装的（不产生废水或挥发性有机物的除外）',
      missingFacts: [],
      industryCode: '2672',
      industryName: '焰火、鞭炮产品制造',
    });
    expect(done.json().basis).toBe('《建设项目环境影响评价分类管理名录（2021年版）》第44行“报告表”栏');
  });

  it('answers 不纳入环评管理 citing 第五条 for a project outside the catalogue', async () => {
    const res = await classify({ industryCode: '6210', constructionType: 'new', facts: {} });
    expect(res.json()).toMatchObject({ category: 'none', categoryLabel: '不纳入环评管理', row: null });
    expect(res.json().basis).toContain('第五条');
  });

  it('gives the discharge-permit class where it can be read (日用陶瓷: EIA 报告表, permit 重点管理)', async () => {
    const res = await classify({
      industryCode: '3074',
      constructionType: 'new',
      facts: { industrialBuilding: true, highPollutionFuel: false, annualOutputPieces: 3_000_000 },
    });
    expect(res.json()).toMatchObject({ category: 'report-form', row: 59, permitClass: 'key', permit: { item: 68 } });
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ industryCode: '9999', constructionType: 'new', facts: {} }, 'industryCode'],
      [{ industryCode: '267', constructionType: 'new', facts: {} }, 'industryCode'],
      [{ industryCode: '2672', constructionType: 'rebuild', facts: {} }, 'constructionType'],
      [{ industryCode: '2672', constructionType: 'new', facts: { chemicalReaction: 'yes' } }, 'chemicalReaction'],
      [{ industryCode: '2672', constructionType: 'new', facts: { annualOutputPieces: -1 } }, 'annualOutputPieces'],
      [{ industryCode: '2672', constructionType: 'new', facts: { madeUpFact: true } }, 'facts'],
      [
        { industryCode: '2672', constructionType: 'new', facts: { sensitiveAreas: ['near-my-house'] } },
        'sensitiveAreas',
      ],
      [
        { industryCode: '2672', constructionType: 'new', facts: { otherIndustryCodes: ['0000'] } },
        'otherIndustryCodes',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await classify(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json().errors ?? res.json()), JSON.stringify(payload)).toContain(field);
    }
  });

  it('is rate-limited per address like the other public routes', async () => {
    const body = { industryCode: '6210', constructionType: 'new', facts: {} };
    let limited = 0;
    for (let i = 0; i < 65; i++) if ((await classify(body, '10.9.9.9')).statusCode === 429) limited++;
    expect(limited).toBeGreaterThan(0);
    // another address is not affected
    expect((await classify(body, '10.9.9.10')).statusCode).toBe(200);
  });
});

describe('GET /api/eia/catalogue', () => {
  it('lists the shipped edition with every row verbatim; loading again adds nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/eia/catalogue' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 'ML2021', effectiveFrom: '2021-01-01', instrument: '生态环境部令第16号' });
    expect(body.rows).toEqual(ML2021_ROWS.map((r) => ({ ...r, codes: [...r.codes] })));
    expect(body.articles.map((a: { article: string }) => a.article)).toEqual(['第三条', '第四条', '第五条']);
    expect(await loadShippedEiaCatalogue(t.database.db)).toBe(0);
    const same = await t.app.inject({ method: 'GET', url: '/api/eia/catalogue?version=ML2021' });
    expect(same.json().version).toBe('ML2021');
  });

  it('answers 404 for an edition it does not hold', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/eia/catalogue?version=ML2099' });
    expect(res.statusCode).toBe(404);
  });

  it('works the same for a signed-in clerk', async () => {
    const clerk = await loginAs(t, ['clerk']);
    const res = await clerk.request({ method: 'GET', url: '/api/eia/catalogue' });
    expect(res.statusCode).toBe(200);
    const c = await clerk.request({
      method: 'POST',
      url: '/api/eia/classify',
      payload: { industryCode: '5949', constructionType: 'new', facts: { storageType: 'other' } },
    });
    expect(c.json()).toMatchObject({ category: 'report-form', row: 149, permitClass: 'registration' });
  });
});
