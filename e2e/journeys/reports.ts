import type { Page } from 'playwright-core';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

const OK = /确\s*定|OK/;

/** Takes one step on the staff report page: the step's button, then its dialog (text if asked). */
async function step(page: Page, action: string, text?: string): Promise<void> {
  await page.getByTestId(`report-action-${action}`).click();
  const dialog = page.locator('.ant-modal').filter({ has: page.getByRole('button', { name: OK }) });
  await dialog.waitFor({ timeout: 10_000 });
  if (text !== undefined) await dialog.locator('textarea').fill(text);
  await dialog.getByRole('button', { name: OK }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
}

// 12369 reports (环境保护部令第15号) are their own case type: a citizen reports pollution on the
// public page and gets a tracking code; the clerk finds it in the 举报 list, accepts it and answers
// it; the citizen's tracking page then shows it closed with the answer.
export const citizenReportsPollution: Journey = {
  name: 'citizen files a 12369 report online, the clerk accepts and answers it, the citizen tracks the answer',
  async run(ctx) {
    const title = `河道排污口夜间冒黑水 ${Date.now().toString(36)}`;
    const phone = '13979907788';
    const answer = '经现场核查，该排污口属上栗镇某洗涤厂，已责令停止排放并立案调查。';

    const citizen = await ctx.newPage();
    await citizen.goto(`${ctx.baseUrl}/`);
    await citizen.getByTestId('home-report').getByRole('link').click();
    await citizen.waitForURL((u) => u.pathname === '/reports/submit', { timeout: 15_000 });
    await citizen.getByLabel('标题').fill(title);
    await citizen
      .getByLabel('举报内容')
      .fill('上栗镇南门桥下游约 200 米的排污口每晚 10 点后排放黑色污水，气味刺鼻，已持续一周。');
    await citizen.getByLabel('污染发生地点').fill('上栗镇南门桥下游');
    await citizen.getByLabel('举报人姓名').fill('黄先生');
    await citizen.getByLabel('联系电话').fill(phone);
    await citizen.getByRole('button', { name: '提交举报' }).click();
    await citizen.getByText('举报已提交').waitFor({ timeout: 10_000 });
    const shown = (await citizen.locator('.ant-descriptions').first().textContent()) ?? '';
    const code = /JB[0-9A-Z]+/.exec(shown)?.[0];
    expect(!!code, `the citizen is given a tracking code (${shown})`);
    await ctx.screenshot(citizen, '18a-citizen-report-submitted');

    const clerk = await ctx.newPage();
    await ctx.login(clerk, 'clerk');
    await clerk.goto(`${ctx.baseUrl}/staff/reports`);
    const row = clerk.locator('.ant-table-row').filter({ hasText: title });
    await row.waitFor({ timeout: 15_000 });
    const rowText = (await row.textContent()) ?? '';
    expect(rowText.includes(code!) && rowText.includes('已登记'), `the report is listed as registered (${rowText})`);
    await row.getByRole('link', { name: code }).click();
    await clerk.waitForURL(/\/staff\/reports\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await clerk.getByText('上栗镇南门桥下游').first().waitFor({ timeout: 15_000 });
    await step(clerk, 'accept');
    await clerk.getByText('已受理，调查处理中').first().waitFor({ timeout: 10_000 });
    const due = ((await clerk.getByTestId('report-handling-due').textContent()) ?? '').trim();
    expect(/^\d{4}-\d{2}-\d{2}$/.test(due), `accepting starts the 60-day handling period (due ${due})`);
    await step(clerk, 'reply', answer);
    await clerk.getByText('已办结并答复').first().waitFor({ timeout: 10_000 });
    await clerk.getByText(answer).first().waitFor();
    await ctx.screenshot(clerk, '18b-clerk-report-answered');

    await citizen.goto(`${ctx.baseUrl}/reports/track?code=${code}`);
    await citizen.getByLabel('联系电话').fill(phone);
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    const card = citizen.locator('.ant-card').filter({ hasText: '处理结果' });
    await card.waitFor({ timeout: 10_000 });
    const text = (await card.textContent()) ?? '';
    expect(text.includes('已办结并答复'), `the citizen sees the report closed (${text.slice(0, 300)})`);
    expect(text.includes(answer), 'the citizen sees the answer');
    expect(text.includes(due), `the citizen sees the handling deadline ${due}`);
    await ctx.screenshot(citizen, '18c-citizen-tracks-report');
  },
};
