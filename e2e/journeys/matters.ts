import fs from 'node:fs';
import JSZip from 'jszip';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

// 办事指南 and 一次性告知单 (优化营商环境条例 第三十六条): a citizen, without signing in, finds the
// EIA guides from the home page, opens the report-form guide, reads the materials checklist and the
// legal limits, and downloads the one-page notice to bring everything in one visit.
export const citizenReadsServiceGuide: Journey = {
  name: 'citizen searches 环评 guides, opens one and downloads its 一次性告知单',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.baseUrl}/`);
    await page.getByTestId('home-matters').getByRole('link').click();
    await page.waitForURL((u) => u.pathname === '/matters', { timeout: 15_000 });
    const search = page.getByTestId('matters-search').locator('input');
    await search.fill('环评');
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === '环评', { timeout: 10_000 });
    const rows = page.locator('.ant-table-row');
    // the unfiltered page stays on screen until the search answers: wait for the unrelated guide to go
    await rows.filter({ hasText: '固定污染源排污登记' }).waitFor({ state: 'detached', timeout: 15_000 });
    await rows.filter({ hasText: '建设项目环境影响报告表审批（告知承诺制）' }).waitFor({ timeout: 15_000 });
    const listed = (await rows.allTextContents()).join('\n');
    expect(listed.includes('建设项目环境影响报告书审批'), `the EIA report-book guide is found (${listed})`);
    expect(!listed.includes('排污许可证延续'), `only 环评 guides are listed (${listed})`);
    await ctx.screenshot(page, '30a-citizen-matters-search');

    await page.getByRole('link', { name: '建设项目环境影响报告表审批', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/matters/eia-report-form', { timeout: 15_000 });
    const materials = page.getByTestId('matter-materials');
    await materials.getByText('建设项目环境影响报告表（报批版）').waitFor({ timeout: 15_000 });
    expect((await materials.textContent())?.includes('可容缺') ?? false, 'the checklist shows which item is 容缺');
    await page.getByText('法定时限：30 个工作日').waitFor({ timeout: 5_000 });
    await page.getByText('承诺时限：7 个工作日').waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '30b-citizen-matter-guide');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.getByTestId('matter-notice').click(),
    ]);
    expect(download.suggestedFilename().endsWith('.docx'), `a Word file (${download.suggestedFilename()})`);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const text of ['一次性告知单', '建设项目环境影响报告表审批申请书', '环境影响评价法', '第二十二条'])
      expect(xml.includes(text), `the notice mentions ${text}`);
  },
};

// 事项管理: an admin changes a guide with a reason; the public guide shows the new version at once
// and the old one stays in the history.
export const adminEditsServiceGuide: Journey = {
  name: 'admin edits a service guide (新版本 with reason), the public guide shows it',
  async run(ctx) {
    const fee = `不收费（本局 ${Date.now().toString(36)} 核对）`;
    const admin = await ctx.newPage();
    await ctx.login(admin, 'admin');
    await admin.goto(`${ctx.baseUrl}/staff/admin/matters`);
    await admin.getByTestId('matter-edit-eia-exemption').click();
    const form = admin.getByTestId('matter-edit-form');
    await form.waitFor({ timeout: 15_000 });
    await form.getByLabel('收费标准').fill(fee);
    await admin.getByTestId('matter-reason').fill('核对收费表述');
    await admin.getByTestId('matter-save').click();
    await admin.getByText('已保存为新版本').waitFor({ timeout: 10_000 });
    await admin.getByRole('tab', { name: '版本历史' }).click();
    const versions = admin.getByTestId('matter-versions');
    await versions.getByText('核对收费表述').waitFor({ timeout: 10_000 });
    const text = (await versions.textContent()) ?? '';
    expect(text.includes('v2') && text.includes('v1'), `both versions are kept (${text})`);
    await ctx.screenshot(admin, '30c-admin-matter-versions');

    const citizen = await ctx.newPage();
    await citizen.goto(`${ctx.baseUrl}/matters/eia-exemption`);
    await citizen.getByText(fee).waitFor({ timeout: 15_000 });
    await citizen.getByText('第 2 版').waitFor({ timeout: 5_000 });
  },
};
