import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

// Issue 5: a citizen books an extended-hours (延时服务) slot from the public portal, without an
// account, and finds the booking again with its code and phone number.
export const citizenBooksExtendedSlot: Journey = {
  name: 'citizen books an extended-hours slot without an account',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.baseUrl}/`);
    await page.getByTestId('home-book').getByRole('link').click();
    await page.waitForURL(/\/appointments$/);
    await page.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByText('只看延时服务').click();
    const slot = page.locator('button').filter({ hasText: '延时服务' }).filter({ hasNotText: '只看' }).first();
    await slot.waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '20-public-book-extended-slot');
    await slot.click();
    await page.getByLabel('姓名').fill('张秀英');
    await page.getByLabel('手机号').fill('13979901234');
    await page.getByLabel('办理事项').fill('咨询建设项目环评登记表备案');
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByText('预约成功').waitFor({ timeout: 10_000 });
    const body = (await page.textContent('body')) ?? '';
    expect(body.includes('延时服务'), 'the confirmation shows the slot is an extended-hours one');
    await ctx.screenshot(page, '21-public-booked');
  },
};
