import type { Page } from 'playwright-core';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

async function pickOption(page: Page, testId: string, type: string, text: string) {
  await page.getByTestId(testId).click();
  if (type) await page.keyboard.type(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

const FIRM = '上栗县福田电子元件有限公司';

// 突发环境事件 (issue 12, rules.md §3): an officer lists a firm, then registers an incident for it;
// the platform proposes the firm's removal from the positive list (an officer decides), and the
// incident shows on the firm's file and in its risk score.
export const officerRegistersIncident: Journey = {
  name: 'incidents: officer registers an incident for a listed firm; the removal proposal and the firm’s file show it',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'inspector');
    // list the firm today unless the supervision journey already did (its 2020 listing has expired)
    // judged on the list's answer, not on the table: before the answer the table shows its empty state,
    // and listing a firm already listed is refused (该企业已在正面清单内), so the journey stalled on the form
    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/positive-list' && r.request().method() === 'GET',
      { timeout: 15_000 },
    );
    await page.goto(`${ctx.baseUrl}/staff/positive-list?state=valid&q=${encodeURIComponent('福田电子')}`);
    const { items } = (await (await listed).json()) as { items: unknown[] };
    await page.locator('.ant-table-row, .ant-empty').first().waitFor({ timeout: 15_000 });
    if (items.length === 0) {
      await page.goto(`${ctx.baseUrl}/staff/positive-list/new`);
      await pickOption(page, 'listing-enterprise', '福田电子', '福田电子');
      await pickOption(page, 'listing-category', '', '污染排放量小、吸纳就业能力强的企业');
      const checks = page.getByTestId('listing-checks');
      await checks.getByText('近两年无突发环境事件').waitFor({ timeout: 15_000 });
      const confirmations = checks.locator('textarea');
      for (let i = 0; i < (await confirmations.count()); i++)
        await confirmations.nth(i).fill('现场核验：许可证正本、处罚台账、在线监控联网截图均已查看');
      await page.getByTestId('listing-reason').fill('污染排放小，吸纳就业 300 余人，环境管理规范');
      await page.getByRole('button', { name: '决定列入' }).click();
      await page.waitForURL((u) => /^\/staff\/positive-list\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
      const evidence = (await page.getByTestId('positive-list-evidence').textContent()) ?? '';
      expect(evidence.includes('以来平台未登记该企业的突发环境事件'), 'the incident condition is checked from records');
    }

    await page.goto(`${ctx.baseUrl}/staff/incidents`);
    await page.locator('.ant-table-row').filter({ hasText: '暴雨致渣场渗滤液溢流' }).waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '62a-staff-incidents');
    await page.getByTestId('incident-new').click();
    await page.waitForURL((u) => u.pathname === '/staff/incidents/new', { timeout: 15_000 });
    await pickOption(page, 'incident-enterprise', '福田电子', '福田电子');
    const picker = page.getByTestId('incident-occurred-at');
    await picker.click();
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.keyboard.type(`${yesterday} 08:30`);
    await page.keyboard.press('Enter');
    await pickOption(page, 'incident-level', '', '一般突发环境事件');
    await page.getByTestId('incident-title').fill('回流焊车间废气处理设施起火');
    await page
      .getByTestId('incident-description')
      .fill('回流焊车间活性炭吸附箱过热起火，废气未经处理外排约 40 分钟，周边群众反映异味。');
    await pickOption(page, 'incident-source', '', '企业报告');
    await ctx.screenshot(page, '62b-staff-incident-form');
    await page.getByTestId('incident-save').click();
    await page.waitForURL((u) => /^\/staff\/incidents\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await page.getByTestId('incident-proposal-raised').waitFor({ timeout: 10_000 });
    await page.getByText(`${yesterday} 08:30`).first().waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '62c-staff-incident-detail');

    await page.getByRole('link', { name: '查看移出建议' }).click();
    await page.waitForURL((u) => u.pathname === '/staff/positive-list/proposals', { timeout: 15_000 });
    const row = page.locator('.ant-table-row, .ant-list-item').filter({ hasText: '回流焊车间废气处理设施起火' });
    await row.first().waitFor({ timeout: 15_000 });
    expect(((await row.first().textContent()) ?? '').includes('福田电子'), 'the proposal names the firm');
    await ctx.screenshot(page, '62d-staff-removal-proposal-incident');

    // the firm's file: its incidents tab and the incident in its risk score
    await page.goto(`${ctx.baseUrl}/staff/enterprises?q=${encodeURIComponent('福田电子')}`);
    await page.getByRole('link', { name: FIRM }).first().click();
    await page.waitForURL((u) => /^\/staff\/enterprises\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await page.getByRole('tab', { name: '突发环境事件' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '回流焊车间废气处理设施起火' }).waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '62e-staff-enterprise-incidents');
    await page.getByRole('tab', { name: '信用与风险' }).click();
    await page.getByText('突发环境事件（近 24 个月）').waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '62f-staff-enterprise-risk-incident');
  },
};
