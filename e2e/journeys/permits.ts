import type { Page } from 'playwright-core';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

async function pickOption(page: Page, testId: string, type: string, text: string) {
  await page.getByTestId(testId).click();
  if (type) await page.keyboard.type(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

// 排污许可 (issue 10): the officer registers a permit decided on the national platform, with its
// PW2019 item cited; the demo permit expiring in 45 days shows the renewal reminder and sits
// overdue (apply ≥ 60 days before expiry, 条例 第十四条); the enterprise sees its permit and the
// execution report it owes.
export const officerTracksPermits: Journey = {
  name: 'officer registers a discharge permit, sees the renewal reminder; enterprise sees its due execution report',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'clerk');
    await page.goto(`${ctx.baseUrl}/staff/permits?expiringWithinDays=60`);
    const table = page.getByTestId('permit-table');
    const soon = table.locator('.ant-table-row').filter({ hasText: '距有效期届满 45 天' });
    await soon.first().waitFor({ timeout: 15_000 });
    const rowText = (await soon.first().textContent()) ?? '';
    expect(rowText.includes('重点管理'), `the demo permit is key-managed (${rowText})`);
    await ctx.screenshot(page, '40a-staff-permits-expiring');

    await soon.first().getByRole('link').click();
    await page.waitForURL((u) => /^\/staff\/permits\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const overdue = page.getByTestId('permit-overdue');
    await overdue.waitFor({ timeout: 15_000 });
    expect(((await overdue.textContent()) ?? '').includes('延续申请'), 'the renewal is flagged overdue');
    const timeline = (await page.getByTestId('permit-timeline').textContent()) ?? '';
    expect(timeline.includes('逾期提醒：延续申请'), `the renewal reminder is on the timeline (${timeline})`);
    await page.getByText('第51项「炸药、火工及焰火产品制造267」重点管理栏').waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '40b-staff-permit-renewal-overdue');

    // the reminder reached the officer's worklist as an overdue item
    await page.goto(`${ctx.baseUrl}/staff/worklist`);
    await page.getByText('延续申请').first().waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '40c-staff-worklist-permit');

    // register a new permit
    await page.goto(`${ctx.baseUrl}/staff/permits`);
    await page.getByTestId('permit-create').click();
    const form = page.getByTestId('permit-form');
    await form.waitFor({ timeout: 10_000 });
    await pickOption(page, 'permit-enterprise', '福田花炮', '福田花炮');
    await pickOption(page, 'permit-item', '', '陶瓷制品制造');
    await pickOption(page, 'permit-class', '', '简化管理');
    await page.getByTestId('permit-citation').getByText('以天然气为燃料的').waitFor({ timeout: 5_000 });
    await page.getByTestId('permit-number').fill('91360322MA35XXXX1X001V');
    const from = page.getByTestId('permit-valid-from').locator('xpath=self::input | .//input').first();
    await from.click();
    await from.fill('2025-06-01');
    await from.press('Enter');
    await ctx.screenshot(page, '40d-staff-permit-register');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.waitForURL((u) => /^\/staff\/permits\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const duties = page.getByTestId('permit-duties');
    await duties.getByText('年度执行报告').first().waitFor({ timeout: 15_000 });
    await page.getByText('2025-06-01 — 2030-05-31').waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '40e-staff-permit-registered');

    // the enterprise portal: its permit and the execution report it owes
    const ent = await ctx.newPage();
    await ctx.login(ent, 'enterprise');
    await ent.goto(`${ctx.baseUrl}/enterprise/permits`);
    await ent.getByTestId('my-permit').first().waitFor({ timeout: 15_000 });
    const due = ent.getByTestId('my-permit-duties');
    await due.getByText('年度执行报告').first().waitFor({ timeout: 15_000 });
    await ent.getByTestId('my-permits-overdue').waitFor({ timeout: 5_000 });
    await ctx.screenshot(ent, '40f-enterprise-my-permits');
  },
};
