import type { Page } from 'playwright-core';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

async function pickOption(page: Page, testId: string, type: string, text: string) {
  await page.getByTestId(testId).click();
  if (type) await page.keyboard.type(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

// 双随机一公开 (issue 12, rules.md §3): the leader makes a quarterly plan from the rules in force,
// draws it (the list is secret to the team), replays the draw from its recorded seed and inputs and
// sees the same targets beside the recorded ones.
export const officerDrawsAndReplays: Journey = {
  name: 'supervision: officer plans, draws and replays a random inspection (reproduced)',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'leader');
    await page.goto(`${ctx.baseUrl}/staff/inspections/plans`);
    await page
      .getByTestId('plan-rules')
      .getByText('县级每季度抽查 A 类不少于 25%')
      .first()
      .waitFor({ timeout: 15_000 });
    // the publication time limit reads as words, as on the rules page
    await page.getByTestId('plan-rules').getByText('20 个工作日（到期前 3 天提醒）').waitFor({ timeout: 5_000 });
    const rulesText = (await page.getByTestId('plan-rules').textContent()) ?? '';
    expect(!rulesText.includes('[object Object]'), 'no rule value shows as [object Object]');
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-name').fill('2026 年第四季度双随机抽查计划');
    await pickOption(page, 'plan-quarter', '', '第 4 季度');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page
      .locator('.ant-table-row')
      .filter({ hasText: '2026 年第四季度双随机抽查计划' })
      .waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '60a-staff-inspection-plans');

    await page.goto(`${ctx.baseUrl}/staff/inspections`);
    await pickOption(page, 'draw-plan', '', '2026 年第四季度双随机抽查计划');
    await page.getByTestId('draw-new').click();
    // a plan is drawn once: the page asks before drawing
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.waitForURL((u) => /^\/staff\/inspections\/draws\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const targets = page.getByTestId('draw-targets');
    await targets.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const rows = await targets.locator('.ant-table-row').count();
    expect(rows > 0, 'the draw has targets');
    await page.getByText('名单公开前仅检查组成员可以查看').waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '60b-staff-draw-secret');

    await page.getByTestId('draw-replay').click();
    const replay = page.getByTestId('replay-result');
    await replay.getByText('复现一致').waitFor({ timeout: 15_000 });
    const recorded = (await page.getByTestId('recorded-targets').locator('.ant-table-tbody').textContent()) ?? '';
    const replayed = (await page.getByTestId('replay-targets').locator('.ant-table-tbody').textContent()) ?? '';
    expect(recorded.length > 0 && recorded === replayed, 'the replay lists the same firms and inspectors');
    await ctx.screenshot(page, '60c-staff-draw-replayed');
  },
};

// 正面清单 and 一公开: an officer lists a firm, verifying by hand the conditions the platform has no
// source for; without signing in, the public portal then shows it on the positive list (beside the
// 2020 Shangli list, one firm removed) and the published results of the four 2020 quarterly draws.
export const publicSeesListAndResults: Journey = {
  name: 'supervision: officer lists a firm; public portal shows the positive list and the random-inspection results',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'inspector');
    await page.goto(`${ctx.baseUrl}/staff/positive-list/new`);
    await pickOption(page, 'listing-enterprise', '福田电子', '福田电子');
    await pickOption(page, 'listing-category', '', '污染排放量小、吸纳就业能力强的企业');
    const checks = page.getByTestId('listing-checks');
    await checks.getByText('近两年无查实的信访举报').waitFor({ timeout: 15_000 });
    const confirmations = checks.locator('textarea');
    for (let i = 0; i < (await confirmations.count()); i++)
      await confirmations.nth(i).fill('2026 年 12 月现场核验：许可证正本、处罚与事件台账、在线监控联网截图均已查看');
    await page.getByTestId('listing-reason').fill('污染排放小，吸纳就业 300 余人，环境管理规范');
    await ctx.screenshot(page, '60d-staff-positive-list-form');
    await page.getByRole('button', { name: '决定列入' }).click();
    await page.waitForURL((u) => /^\/staff\/positive-list\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const evidence = (await page.getByTestId('positive-list-evidence').textContent()) ?? '';
    expect(evidence.includes('2026 年 12 月现场核验'), 'the evidence snapshot keeps the officer’s verification');
    await ctx.screenshot(page, '60e-staff-positive-list-decision');

    await page.goto(`${ctx.baseUrl}/staff/positive-list/proposals`);
    await page.getByText('腌制废水经雨水沟外排').waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '60f-staff-removal-proposals');

    const pub = await ctx.newPage();
    await pub.goto(ctx.baseUrl);
    await pub.getByTestId('home-positive-list').getByRole('link').click();
    await pub.waitForURL((u) => u.pathname === '/positive-list', { timeout: 15_000 });
    await pub.locator('.ant-table-row').filter({ hasText: '上栗县污水处理有限公司' }).waitFor({ timeout: 15_000 });
    const list = (await pub.locator('.ant-table-tbody').textContent()) ?? '';
    expect(!list.includes('金山酱菜'), 'a removed firm is not on the public list');
    const listed = pub
      .locator('.ant-table-row')
      .filter({ hasText: '上栗县福田电子元件有限公司' })
      .filter({ hasText: '有效' });
    expect((await listed.count()) === 1, 'the firm listed today is on the public list, valid');
    await ctx.screenshot(pub, '61a-public-positive-list');

    await pub.goto(ctx.baseUrl);
    await pub.getByTestId('home-inspection-results').getByRole('link').click();
    await pub.waitForURL((u) => u.pathname === '/inspection-results', { timeout: 15_000 });
    // newest first: this year's published rounds once the first has finished, else 2020's
    await pub.locator('.ant-table-row').filter({ hasText: '季度' }).first().waitFor({ timeout: 15_000 });
    const results = (await pub.locator('.ant-table-tbody').textContent()) ?? '';
    expect(!results.includes('执法·'), 'the public results name no inspector');
    await ctx.screenshot(pub, '61b-public-inspection-results');
  },
};
