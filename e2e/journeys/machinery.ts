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

// Issue 3 / issue 8 §2: a petition's clock appears in the worklist, but it is owned by the
// petition: the worklist offers no pause or extension for it, only the way to the case. There the
// clerk requests an extension (信访工作条例 第三十四条) and only the leader's approval moves the date.
export const worklistPauseExtend: Journey = {
  name: 'clerk requests a petition extension, the leader approves it; the worklist cannot change the clock',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'clerk');
    const title = `夜间噪声扰民测试${Date.now() % 100000}`;
    const created = await page.evaluate(async (t) => {
      const me = await (await fetch('/api/auth/me')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      const res = await fetch('/api/petitions', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          channel: 'phone',
          type: 'claim',
          title: t,
          content: '反映某烟花厂夜间生产噪声扰民，请求核查处理。',
          petitionerName: '李明',
          petitionerPhone: '13900001111',
        }),
      });
      const body = await res.json();
      if (res.status !== 201) return { status: res.status, body };
      const accepted = await fetch(`/api/petitions/${body.id}/actions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action: 'accept', version: body.version }),
      });
      return { status: accepted.status === 200 ? 201 : accepted.status, body: await accepted.json() };
    }, title);
    expect(
      created.status === 201,
      `petition registered and accepted (${created.status} ${JSON.stringify(created.body).slice(0, 200)})`,
    );
    const id = created.body.id as string;
    const dueBefore = created.body.resolutionDueDate as string;

    // the clerk requests; nothing moves yet
    await page.goto(`${ctx.baseUrl}/staff/petitions/${id}`);
    await page.getByTestId('petition-action-request-extension').click();
    await page.getByTestId('petition-extension-days').locator('xpath=self::input | .//input').first().fill('20');
    await page.getByTestId('petition-action-text').fill('需委托第三方监测，申请延期');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.ant-alert-warning').waitFor({ timeout: 10_000 });
    expect(
      (await page.getByTestId('petition-action-approve-extension').count()) === 0,
      'a clerk cannot approve an extension',
    );
    expect(
      (await page.getByTestId('petition-resolution-due').textContent()) === dueBefore,
      'the due date stays until the head approves',
    );
    await ctx.screenshot(page, '13-petition-extension-requested');

    // the leader approves; the due date moves by the requested days
    const leader = await ctx.newPage();
    await ctx.login(leader, 'leader');
    // the leader's worklist shows the clock but sends to the case instead of pausing or extending it
    await leader.goto(`${ctx.baseUrl}/staff/worklist`);
    await leader.getByTestId('worklist-q').fill(title);
    await leader.getByTestId('worklist-q').press('Enter');
    const row = leader.locator('.ant-table-row').filter({ hasText: title });
    await row.first().waitFor({ timeout: 10_000 });
    await row.first().getByTestId('clock-owned').waitFor({ timeout: 10_000 });
    expect((await row.getByTestId('clock-extend').count()) === 0, 'no extend button on a petition clock');
    expect((await row.getByTestId('clock-pause').count()) === 0, 'no pause button on a petition clock');
    await ctx.screenshot(leader, '12-worklist-petition-clock-owned');

    await leader.goto(`${ctx.baseUrl}/staff/petitions/${id}`);
    await leader.getByTestId('petition-action-approve-extension').click();
    await leader.getByRole('button', { name: /确\s*定|OK/ }).click();
    await leader.waitForFunction(
      (before: string) => {
        const d = document.querySelector('[data-testid=petition-resolution-due]')?.textContent ?? before;
        return d !== '' && d !== before;
      },
      dueBefore,
      { timeout: 10_000 },
    );
    const dueAfter = (await leader.getByTestId('petition-resolution-due').textContent()) ?? '';
    const expected = new Date(`${dueBefore}T00:00:00Z`);
    expected.setUTCDate(expected.getUTCDate() + 20);
    expect(
      dueAfter === expected.toISOString().slice(0, 10),
      `the approved 20 days moved the due date (${dueBefore} → ${dueAfter})`,
    );
    await ctx.screenshot(leader, '14-petition-extension-approved');
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
    // in English a provisional year's source is the platform's own words in English
    await page.evaluate(() => localStorage.setItem('qingshan.lang', 'en'));
    await page.reload();
    const row = page.getByTestId(`calendar-provisional-${provisional[0]!.year}`).locator('xpath=ancestor::tr[1]');
    await row.waitFor({ timeout: 10_000 });
    const rowText = (await row.textContent()) ?? '';
    expect(
      rowText.includes('Provisional: the State Council') && !/[\u4e00-\u9fff]/.test(rowText),
      `a provisional year's row reads in English (${rowText.slice(0, 120)})`,
    );
    await page.evaluate(() => localStorage.setItem('qingshan.lang', 'zh-CN'));

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
