import fs from 'node:fs';
import JSZip from 'jszip';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

const EDITED = '截至11月30日，我局共计办理告知承诺制环评13个、环评豁免3个，企业办事更便捷。';

// Issue 13: the leader opens the period report for the article's period, saves it as a draft, edits
// a sentence and exports the Word file, which holds the edited sentence; then the dashboard's
// numbers open their records.
export const leaderEditsPeriodReport: Journey = {
  name: 'leader edits the period report for 2020-01-01…2020-11-30 and exports the .docx; dashboard drills down',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'leader');
    await page.goto(`${ctx.baseUrl}/staff/period-report?from=2020-01-01&to=2020-11-30`);
    const text = page.getByTestId('period-report-text');
    await text.waitFor({ timeout: 20_000 });
    const body = (await text.textContent()) ?? '';
    expect(body.includes('共计办理告知承诺制环评13个、环评豁免3个'), `the 放 sentence (${body.slice(0, 200)})`);
    expect(body.includes('共接待企业32家，接待86人次，受理并解决问题45个'), 'the reception sentence');
    expect(
      (await page.getByTestId('figure-link-eiaExemptions').getAttribute('href'))?.includes(
        '/staff/figures/eiaExemptions',
      ) === true,
      'the number 3 links to the exemptions it counts',
    );
    await ctx.screenshot(page, '60-period-report-drafted');

    await page.getByTestId('period-report-save-draft').click();
    await page.waitForURL(/draft=/, { timeout: 15_000 });
    await page.getByTestId('period-report-edit').click();
    const sentence = page.getByTestId('sentence-fang.eia');
    await sentence.fill(EDITED);
    await page.getByTestId('period-report-save').click();
    await page.getByText('已保存为第 2 版').waitFor({ timeout: 15_000 });
    await page.getByText(EDITED.slice(0, 12)).first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '61-period-report-edited');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByTestId('period-report-export-draft').click(),
    ]);
    expect(download.suggestedFilename().endsWith('.docx'), `a Word file (${download.suggestedFilename()})`);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml.includes(EDITED), 'the Word file holds the edited sentence');

    await page.goto(`${ctx.baseUrl}/staff/period-report/dashboard?from=2020-01-01&to=2020-11-30`);
    const completed = page.getByTestId('dashboard-total-completed');
    await completed.waitFor({ timeout: 20_000 });
    const n = Number(
      ((await completed.locator('.ant-statistic-content-value').textContent()) ?? '').replace(/\D/g, ''),
    );
    expect(n > 0, `clocks closed in the period (${n})`);
    await ctx.screenshot(page, '62-dashboard');
    await completed.click();
    const drill = page.getByTestId('dashboard-drill');
    await drill.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const rows = await drill.locator('.ant-table-row').count();
    expect(rows === Math.min(n, 20), `the drill-down lists the closed clocks (${rows} rows of ${n})`);
    await ctx.screenshot(page, '63-dashboard-drill-down');
  },
};
