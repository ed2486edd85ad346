import { SERVICE_FIGURES } from '@qingshan/core';
import ExcelJS from 'exceljs';
// jszip comes with exceljs (a dependency): it reads the .docx package the way Word does
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { seedDemo, seedIfEmpty } from '../../seed/seed.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
let leader: Client;
const ARTICLE = 'from=2020-01-01&to=2020-11-30';

beforeAll(async () => {
  t = await buildTestApp();
  leader = await loginAs(t, ['leader']);
  await seedDemo(t.database.db, () => {});
}, 300_000);
afterAll(() => t.close());

describe('the article figures from the demo records', () => {
  it('GET /api/figures for 2020-01-01…2020-11-30 gives the article numbers', async () => {
    const res = await leader.request({ method: 'GET', url: `/api/figures?${ARTICLE}` });
    expect(res.statusCode, res.body).toBe(200);
    const { values, figures } = res.json();
    expect(values.receptionEnterprises).toBe(32);
    expect(values.receptionPeople).toBe(86);
    expect(values.receptionConcernsResolved).toBe(45);
    expect(values.campaigns).toBe(4);
    // 放: the article's 13 commitment-path approvals and 3 exemptions (eia seed)
    expect(values.commitmentEiaApproved).toBe(13);
    expect(values.eiaExemptions).toBe(3);
    expect(values.enterpriseVisits).toBeGreaterThanOrEqual(240);
    expect(values.enterpriseVisits).toBeLessThan(250);
    // every built-in figure is present with its definition
    for (const def of SERVICE_FIGURES) {
      const f = figures.find((x: { key: string }) => x.key === def.key);
      expect(f?.definition.zh, def.key).toBe(def.definition.zh);
      // and its source in English beside the Chinese
      expect(f?.sourceEn, def.key).toBe(def.sourceEn);
    }
  });

  it('the dashboard finds the 13 commitment EIAs decided on time: publicity is a wait, the decision is the duty', async () => {
    const d = (await leader.request({ method: 'GET', url: `/api/period-report/dashboard?${ARTICLE}` })).json();
    type Group = { value: string; completed: number; overdue: number };
    const row = (key: string) => d.sla.matter.find((g: Group) => g.value === key) as Group | undefined;
    expect(row('eia.commitment.publicity')).toMatchObject({ completed: 13, overdue: 0 });
    expect(row('eia.commitment.decision')).toMatchObject({ completed: 13, overdue: 0 });
  });

  it('counts exactly the records it lists, for every figure', async () => {
    const { figures } = (await leader.request({ method: 'GET', url: `/api/figures?${ARTICLE}` })).json();
    for (const f of figures as { key: string; value: number; unit: { zh: string } }[]) {
      // a rate (%) lists the records it is computed over (one per station), so it is no count of them
      const isRate = f.unit.zh === '%';
      if (isRate) expect(f.value, f.key).toBeLessThanOrEqual(100);
      let total = -1;
      const all: unknown[] = [];
      for (let page = 1; ; page++) {
        const r = await leader.request({
          method: 'GET',
          url: `/api/figures/${f.key}/records?${ARTICLE}&page=${page}&pageSize=500`,
        });
        expect(r.statusCode, `${f.key}: ${r.body.slice(0, 200)}`).toBe(200);
        const body = r.json();
        if (!isRate) expect(body.total, f.key).toBe(f.value);
        total = body.total;
        all.push(...body.items);
        if (body.items.length < 500) break;
      }
      expect(all.length, f.key).toBe(isRate ? total : f.value);
      expect(new Set(all.map((x) => (x as { id: string }).id)).size, `${f.key} ids unique`).toBe(all.length);
    }
  });

  it('lists every figure’s records in the reader’s language: the same records, the platform’s words in English', async () => {
    const SPAN = 'from=2020-01-01&to=2026-06-15';
    const { figures } = (await leader.request({ method: 'GET', url: `/api/figures?${SPAN}` })).json();
    type Row = { id: string; title: string; detail: string; enterpriseId: string | null };
    const records = async (key: string, lang: string) => {
      const r = await leader.request({
        method: 'GET',
        url: `/api/figures/${key}/records?${SPAN}&pageSize=500`,
        headers: { 'accept-language': lang },
      });
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      // a cache keeps one answer per language
      expect(String(r.headers.vary)).toMatch(/accept-language/i);
      return r.json() as { total: number; items: Row[] };
    };
    const same: string[] = [];
    const en: Record<string, Row[]> = {};
    for (const f of figures as { key: string; value: number }[]) {
      const [zhPage, enPage] = [await records(f.key, 'zh-CN'), await records(f.key, 'en')];
      expect(enPage.total, f.key).toBe(zhPage.total);
      expect(
        enPage.items.map((r) => [r.id, r.enterpriseId]),
        f.key,
      ).toEqual(zhPage.items.map((r) => [r.id, r.enterpriseId]));
      en[f.key] = enPage.items;
      const translated = enPage.items.some(
        (r, i) => r.title !== zhPage.items[i]!.title || r.detail !== zhPage.items[i]!.detail,
      );
      if (zhPage.items.length && !translated) same.push(f.key);
    }
    // a booking's row is its code, service, time and what the applicant wrote: nothing of the platform's to translate
    expect(same.filter((k) => !k.startsWith('bookings'))).toEqual([]);
    const first = (key: string) => en[key]?.[0] ?? ({ title: '', detail: '' } as Row);
    expect(first('enterpriseVisits').title).toMatch(/^Door-to-door visit/);
    expect(first('receptionEnterprises').detail).toMatch(/^came to \d+ reception days?, \d+ attendances?$/);
    expect(first('receptionPeople').detail).toMatch(/^(enterprise|public) reception day \((walk-in|booked)\)$/);
    expect(first('commitmentEiaApproved').detail).toMatch(/^approval document /);
    expect(first('campaigns').detail).toMatch(/^\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, \d+ enterprise-visits?$/);
  });

  it('exports an English reader’s drill-down in English', async () => {
    const res = await leader.request({
      method: 'GET',
      url: `/api/figures/receptionEnterprises/records.xlsx?${ARTICLE}`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers.vary)).toMatch(/accept-language/i);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('enterprises received');
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^enterprises received: 32 /);
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^Definition: /);
    expect(ws.rowCount - 4).toBe(32);
    expect(String(ws.getRow(5).getCell(5).value)).toMatch(/^came to \d+ reception days?, \d+ attendances?$/);
  });

  it('respects the period: December visits and December resolutions are outside it', async () => {
    const year = (await leader.request({ method: 'GET', url: '/api/figures?from=2020-01-01&to=2020-12-31' })).json()
      .values;
    const article = (await leader.request({ method: 'GET', url: `/api/figures?${ARTICLE}` })).json().values;
    expect(year.enterpriseVisits).toBeGreaterThan(article.enterpriseVisits);
    expect(year.receptionConcernsResolved).toBeGreaterThan(article.receptionConcernsResolved);
    expect(year.receptionPeople).toBe(article.receptionPeople);
    const march = (await leader.request({ method: 'GET', url: '/api/figures?from=2020-03-01&to=2020-03-31' })).json();
    expect(march.values.campaigns).toBe(1);
    expect(march.monthly).toHaveLength(1);
    expect(march.monthly[0].values.enterpriseVisits).toBe(march.values.enterpriseVisits);
  });

  it('the monthly trend adds up to the period totals', async () => {
    const body = (await leader.request({ method: 'GET', url: `/api/figures?${ARTICLE}` })).json();
    expect(body.monthly.map((m: { month: string }) => m.month)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2020-${m}`),
    );
    for (const key of ['enterpriseVisits', 'receptionPeople', 'receptionConcernsResolved']) {
      const sum = body.monthly.reduce((s: number, m: { values: Record<string, number> }) => s + m.values[key]!, 0);
      expect(sum, key).toBe(body.values[key]);
    }
  });

  it('exports the records of a figure to xlsx, one row per counted record', async () => {
    const res = await leader.request({
      method: 'GET',
      url: `/api/figures/receptionEnterprises/records.xlsx?${ARTICLE}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // title, definition, blank, header, then the records
    expect(ws.rowCount - 4).toBe(32);
    expect(String(ws.getRow(1).getCell(1).value)).toContain('32');
  });

  it('seeding twice adds nothing', async () => {
    // a later start finds the accounts and seeds nothing
    await seedIfEmpty(t.database, loadConfig({ QINGSHAN_DATA_DIR: '/nonexistent' }), () => {});
    const v = (await leader.request({ method: 'GET', url: `/api/figures?${ARTICLE}` })).json().values;
    expect(v.receptionPeople).toBe(86);
  });
});

describe('figures API input and access', () => {
  it('rejects a reversed or malformed period and an unknown key', async () => {
    expect(
      (await leader.request({ method: 'GET', url: '/api/figures?from=2020-12-01&to=2020-01-01' })).statusCode,
    ).toBe(400);
    expect((await leader.request({ method: 'GET', url: '/api/figures?from=2020-1-1' })).statusCode).toBe(400);
    const unknown = await leader.request({ method: 'GET', url: `/api/figures/nope/records?${ARTICLE}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('FIGURE_UNKNOWN');
  });

  it('refuses a period before the earliest date or longer than the rule allows, in plain words', async () => {
    const open = await leader.request({
      method: 'GET',
      url: '/api/figures?from=1000-01-01&to=9999-12-31',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(open.statusCode).toBe(400);
    expect(open.headers['content-type']).toContain('application/problem+json');
    expect(open.json().code).toBe('FIGURE_PERIOD_OUT_OF_RANGE');
    expect(open.json().detail).toContain('2020-01-01');
    expect(open.json().detail).not.toMatch(/rules?\.md|§/);
    const long = await leader.request({ method: 'GET', url: '/api/figures?from=2020-01-01&to=2030-01-01' });
    expect(long.statusCode).toBe(400);
    expect(long.json().detail).toContain('2029-12-31');
    // exactly ten years is allowed
    expect(
      (await leader.request({ method: 'GET', url: '/api/figures?from=2020-01-01&to=2029-12-31' })).statusCode,
    ).toBe(200);
    for (const url of [
      '/api/figures/campaigns/records?from=2019-12-31&to=2020-12-31',
      '/api/figures/campaigns/records.xlsx?from=2020-01-01&to=2099-12-31',
    ]) {
      const r = await leader.request({ method: 'GET', url });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().code, url).toBe('FIGURE_PERIOD_OUT_OF_RANGE');
    }
    // a day that does not exist is a 400, not a database error
    expect((await leader.request({ method: 'GET', url: '/api/figures?from=2020-02-30' })).statusCode).toBe(400);
  });

  it('answers a period at the end of the calendar (9999), where the ten-year limit has no date, not a 500', async () => {
    // from=9999-12-31 alone, and a period ending on 9999-12-31 (its next day has no YYYY-MM-DD name)
    for (const url of [
      '/api/figures?from=9999-12-31',
      '/api/figures?from=9990-01-01&to=9999-12-31',
      '/api/figures/campaigns/records?from=9999-12-31',
      '/api/figures/positiveListFirms/records?from=9995-01-01&to=9999-12-31',
    ]) {
      const r = await leader.request({ method: 'GET', url });
      expect(r.statusCode, `${url} ${r.body}`).toBe(200);
    }
    expect((await leader.request({ method: 'GET', url: '/api/figures?from=9999-12-31' })).json().values.campaigns).toBe(
      0,
    );
  });

  it('takes the bounds from the rules in force', async () => {
    const admin = await loginAs(t, ['admin']);
    const edit = { source: '本局测试', effectiveFrom: '2020-01-01', reason: '测试' };
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/rules/figures.earliest-date',
      payload: { ...edit, value: '2020-02-30' },
    });
    expect(bad.json().code).toBe('RULE_VALUE_INVALID');
    const put = await admin.request({
      method: 'PUT',
      url: '/api/rules/figures.max-period-years',
      payload: { ...edit, value: 1 },
    });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const r = await leader.request({ method: 'GET', url: '/api/figures?from=2020-01-01&to=2021-01-01' });
      expect(r.statusCode).toBe(400);
      expect(r.json().detail).toContain('2020-12-31');
    } finally {
      await admin.request({
        method: 'PUT',
        url: '/api/rules/figures.max-period-years',
        payload: { ...edit, value: 10 },
      });
    }
  });

  it('refuses an export with more records than the cap, and pages the drill-down', async () => {
    const admin = await loginAs(t, ['admin']);
    const edit = { source: '本局测试', effectiveFrom: '2020-01-01', reason: '测试' };
    await admin.request({ method: 'PUT', url: '/api/rules/figures.export-max-rows', payload: { ...edit, value: 31 } });
    try {
      const r = await leader.request({
        method: 'GET',
        url: `/api/figures/receptionEnterprises/records.xlsx?${ARTICLE}`,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('FIGURE_EXPORT_TOO_LARGE');
      expect(r.json().detail).toContain('32');
    } finally {
      await admin.request({
        method: 'PUT',
        url: '/api/rules/figures.export-max-rows',
        payload: { ...edit, value: 10000 },
      });
    }
    const page = await leader.request({
      method: 'GET',
      url: `/api/figures/receptionPeople/records?${ARTICLE}&pageSize=501`,
    });
    expect(page.statusCode).toBe(400);
    const two = (
      await leader.request({ method: 'GET', url: `/api/figures/receptionPeople/records?${ARTICLE}&page=2&pageSize=50` })
    ).json();
    expect(two.items).toHaveLength(86 - 50);
  });

  it('answers concurrent readers together, yet a reader sees every write acknowledged before it asked', async () => {
    const url = '/api/figures?from=2020-05-01&to=2020-05-31';
    const before = (await leader.request({ method: 'GET', url })).json().values.campaigns;
    // readers in flight while the campaign is written; the reader who asks after the write is acknowledged
    // must count it, even though it may share a computation with others
    const during = Array.from({ length: 8 }, () => leader.request({ method: 'GET', url }));
    const admin = await loginAs(t, ['admin']);
    const created = await admin.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: { theme: '五月并发统计核对', startDate: '2020-05-10', endDate: '2020-05-20' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await Promise.all(Array.from({ length: 8 }, () => leader.request({ method: 'GET', url })));
    for (const r of after) expect(r.json().values.campaigns).toBe(before + 1);
    for (const r of await Promise.all(during)) expect([before, before + 1]).toContain(r.json().values.campaigns);
  });

  it('defaults to this year so far', async () => {
    const body = (await leader.request({ method: 'GET', url: '/api/figures' })).json();
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect(body.from).toBe(`${today.slice(0, 4)}-01-01`);
    expect(body.to).toBe(today);
  });

  it('is for staff only', async () => {
    const e = await makeEnterprise(t);
    const ent = await loginAs(t, ['enterprise'], e.id);
    expect((await ent.request({ method: 'GET', url: '/api/figures' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/figures' })).statusCode).toBe(401);
  });
});

// The period report (modules/period-report) drafted from these same demo figures: checked here, where
// the demo is already seeded, so its own test file needs no second seed.
describe('period-report: the article period reads like the article', () => {
  it('drafts 13 commitment EIAs, 3 exemptions, the visits and campaigns, 32 / 86 / 45 at reception days', async () => {
    const res = await leader.request({ method: 'GET', url: `/api/period-report/draft?${ARTICLE}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as { title: string; sections: { sentences: { text: string }[] }[] };
    const text = d.sections.flatMap((s) => s.sentences.map((x) => x.text)).join('');
    expect(d.title).toBe('萍乡市上栗生态环境局“放管服”改革工作情况（2020年1月1日至2020年11月30日）');
    expect(text).toContain('截至11月30日，共计办理告知承诺制环评13个、环评豁免3个');
    expect(text).toContain('共接待企业32家，接待86人次，受理并解决问题45个');
    // earlier tests in this file add visits and a campaign: the sentence states the figures as they are now
    const { values } = (await leader.request({ method: 'GET', url: `/api/figures?${ARTICLE}` })).json();
    expect(text).toContain(
      `组织上门服务企业达${values.enterpriseVisits}户次，其中集中开展下沉式服务${values.campaigns}次`,
    );
  });

  it('spells out no empty figure: no "0件" clause, and no rate for 2020 when no station was running', async () => {
    const d = (await leader.request({ method: 'GET', url: `/api/period-report/draft?${ARTICLE}` })).json() as {
      sections: { sentences: { text: string; figures: { key: string }[] }[] }[];
    };
    const sentences = d.sections.flatMap((s) => s.sentences);
    const text = sentences.map((x) => x.text).join('');
    expect(text).not.toMatch(/(?<!\d)0(?:个|件|家|项|条|次|户次|家次|人次)/);
    expect(text).not.toContain('%');
    const linked = sentences.flatMap((x) => x.figures.map((f) => f.key));
    expect(linked).not.toContain('monitoringOnlineRate');
    expect(linked).not.toContain('monitoringDataCaptureRate');
  });

  it('exports it as a .docx whose document.xml says the same', async () => {
    const res = await leader.request({ method: 'GET', url: `/api/reports/period.docx?${ARTICLE}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('共计办理告知承诺制环评13个、环评豁免3个');
  });
});
