import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

// Issue 3: the deadline calculator counts working days with the 调休 calendar (National Day 2020
// merged with Mid-Autumn: Oct 1–8 off, Sep 27 a make-up working day), and the worklist opens.
export const deadlineCalculator: Journey = {
  name: 'clerk counts 5 working days over National Day 2020 and opens the worklist',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'clerk');
    await page.goto(`${ctx.baseUrl}/staff/deadline-calculator`);
    const from = page.getByTestId('calc-from').locator('xpath=self::input | .//input').first();
    await from.click();
    await from.fill('2020-09-25');
    await from.press('Enter');
    const days = page.getByTestId('calc-days').locator('xpath=self::input | .//input').first();
    await days.fill('5');
    await page.getByTestId('calc-submit').click();
    const result = page.getByTestId('calc-result');
    await result.waitFor({ timeout: 10_000 });
    const text = (await result.textContent()) ?? '';
    expect(text.includes('2020-10-09'), `5 working days after 2020-09-25 is 2020-10-09 (got "${text}")`);
    await ctx.screenshot(page, '10-deadline-calculator');

    await page.goto(`${ctx.baseUrl}/staff/worklist`);
    await page.getByTestId('worklist-table').waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '11-worklist');
  },
};
