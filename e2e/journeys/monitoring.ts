import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

// 在线监控 (issue 11): the duty officer opens the overview, which the demo's simulated loggers keep
// live through the HJ 212 gateway over TCP; opens the ceramics kiln's station and its chart with the
// GB 25464 limit line; then the quarantine, where an unregistered logger waits with its raw frame,
// decoded in the browser.
export const monitorWatchesStations: Journey = {
  name: 'monitor opens the live overview, a station chart and the quarantine',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'monitor');
    await page.goto(`${ctx.baseUrl}/staff/monitoring`);
    const overview = page.getByTestId('monitoring-overview');
    await overview.waitFor({ timeout: 20_000 });
    const table = page.getByTestId('monitoring-stations');
    const kiln = table.locator('.ant-table-row').filter({ hasText: '辊道窑废气排放口' });
    // the simulated logger reports on connect and every 5 s; the list refreshes every 15 s
    await kiln.filter({ hasText: '在线' }).waitFor({ timeout: 40_000 });
    const rows = (await table.locator('.ant-table-row').allTextContents()).join('\n');
    for (const name of ['上栗县金山特种陶瓷有限公司', '上栗县东源煤矸石综合利用有限公司', '上栗县金花烟花制造有限公司'])
      expect(rows.includes(name), `the demo station of ${name} is listed (${rows})`);
    expect(rows.includes('HJ/T 212-2005'), 'the boiler logger speaks HJ/T 212-2005');
    await ctx.screenshot(page, '40a-monitor-overview');

    await kiln.getByRole('link', { name: '辊道窑废气排放口' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/staff/monitoring/stations/'), { timeout: 15_000 });
    await page.getByTestId('readings-chart').locator('canvas').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: '监测因子' }).click();
    await page.getByText('《陶瓷工业污染物排放标准》GB 25464-2010 表 5').first().waitFor({ timeout: 10_000 });
    await page.getByRole('tab', { name: '监测数据曲线' }).click();
    await page.getByTestId('readings-chart').locator('canvas').waitFor({ timeout: 20_000 });
    await ctx.screenshot(page, '40b-monitor-station-chart');

    await page.goto(`${ctx.baseUrl}/staff/monitoring/quarantine`);
    const q = page.getByTestId('quarantine-table');
    const unknown = q.locator('.ant-table-row').filter({ hasText: '888888800000000036032299' });
    await unknown.waitFor({ timeout: 30_000 });
    await unknown.locator('.ant-table-row-expand-icon').click();
    const decoded = page.getByTestId('decoded-frame').first();
    await decoded.waitFor({ timeout: 10_000 });
    const text = (await decoded.textContent()) ?? '';
    expect(
      text.includes('2011') && text.includes('正确'),
      `the raw frame is decoded in the browser (${text.slice(0, 200)})`,
    );
    await ctx.screenshot(page, '40c-monitor-quarantine');
  },
};
