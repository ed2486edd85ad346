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

// Issue 3: a clock started on a record (a petition's 15-day acceptance notice) appears in the
// worklist of the role it is assigned to, and is paused, resumed and extended from the web.
export const worklistPauseExtend: Journey = {
  name: 'leader pauses, resumes and extends a petition clock from the worklist',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'leader');
    const title = `夜间噪声扰民测试${Date.now() % 100000}`;
    const created = await page.evaluate(async (t) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch('/api/petitions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          channel: 'phone',
          type: 'accusation',
          title: t,
          content: '反映某烟花厂夜间生产噪声扰民，请求核查处理。',
          petitionerName: '李明',
          petitionerPhone: '13900001111',
        }),
      });
      return { status: res.status, body: await res.json() };
    }, title);
    expect(
      created.status === 201,
      `petition registered (${created.status} ${JSON.stringify(created.body).slice(0, 200)})`,
    );

    await page.goto(`${ctx.baseUrl}/staff/worklist`);
    const row = page.locator('.ant-table-row').filter({ hasText: title });
    await row.waitFor({ timeout: 10_000 });
    const dueBefore = (await row.getByTestId('worklist-due').textContent()) ?? '';

    await row.getByTestId('clock-pause').click();
    await page.getByTestId('clock-pause-reason').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByRole('button', { name: '确定' }).click();
    await row.getByTestId('clock-state-paused').waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '12-worklist-clock-paused');
    await row.getByTestId('clock-resume').click();
    await row.getByTestId('clock-pause').waitFor({ timeout: 10_000 });

    await row.getByTestId('clock-extend').click();
    await page.getByTestId('clock-extend-days').locator('xpath=self::input | .//input').first().fill('5');
    await page.getByTestId('clock-extend-reason').fill('需补充调查取证，经局领导批准延长');
    await page.getByRole('button', { name: '确定' }).click();
    await page.waitForFunction(
      ([t, before]: [string, string]) => {
        const r = [...document.querySelectorAll('.ant-table-row')].find((e) => e.textContent?.includes(t));
        const d = r?.querySelector('[data-testid=worklist-due]')?.textContent ?? before;
        return d !== before;
      },
      [title, dueBefore] as [string, string],
      { timeout: 10_000 },
    );
    const dueAfter = (await row.getByTestId('worklist-due').textContent()) ?? '';
    expect(dueAfter > dueBefore, `the due date moved later after the extension (${dueBefore} → ${dueAfter})`);
    await ctx.screenshot(page, '13-worklist-clock-extended');
  },
};

// Issue 8 §1: a year without the State Council notice is provisional (暂定), never refused. The
// admin's calendar page lists the coming years without a notice as provisional, with the way to
// enter the notice; the worklist marks exactly the due dates the API calls provisional. Run with
// E2E_NOW=2026-12-28T10:00:00+08:00 the demo's live cases run into 2027, so some are.
export const provisionalCalendar: Journey = {
  name: 'admin sees provisional years; the worklist marks provisional due dates 暂定',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'admin');
    await page.goto(`${ctx.baseUrl}/staff/admin/calendar`);
    const years = await page.evaluate(async () => (await (await fetch('/api/calendar/years')).json()).items);
    const provisional = (years as { year: number; provisional: boolean }[]).filter((y) => y.provisional);
    expect(provisional.length > 0, 'the coming years without a notice are listed as provisional');
    for (const y of provisional) await page.getByTestId(`calendar-provisional-${y.year}`).waitFor({ timeout: 10_000 });
    await page.getByTestId(`calendar-enter-${provisional[0]!.year}`).waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '12-calendar-provisional-years');

    const leader = await ctx.newPage();
    await ctx.login(leader, 'leader');
    await leader.goto(`${ctx.baseUrl}/staff/worklist`);
    await leader.getByTestId('worklist-table').waitFor({ timeout: 10_000 });
    const items = await leader.evaluate(
      async () =>
        (await (await fetch('/api/worklist?page=1&pageSize=20&sort=due')).json()).items as { provisional: boolean }[],
    );
    const expected = items.filter((i) => i.provisional).length;
    if (process.env.E2E_NOW?.startsWith('2026-12-2')) {
      expect(expected > 0, 'in late December the live cases run into the next year and are provisional');
    }
    await leader
      .locator('.ant-spin-spinning')
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => {});
    const shown = await leader.getByTestId('clock-provisional').count();
    expect(shown === expected, `暂定 shown on ${expected} due dates (got ${shown})`);
    await ctx.screenshot(leader, '13-worklist-provisional');
  },
};
