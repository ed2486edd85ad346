import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';
import { fillPhoneCode } from './phone-code.ts';

// 拟批准公示 (告知承诺制): a citizen, without an account, opens a project in publicity from the home
// page, objects with a phone code, and sees the objection listed with the name masked; the approver
// then finds the case marked with an unanswered objection (the decision waits for the answer).
export const citizenObjectsDuringPublicity: Journey = {
  name: 'citizen objects to an EIA during its publicity; the approver sees it unanswered',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.baseUrl}/`);
    await page.getByTestId('home-eia-notices').getByRole('link').click();
    await page.waitForURL((u) => u.pathname === '/eia/notices', { timeout: 15_000 });
    const row = page.locator('.ant-table-row').filter({ hasText: '干粉砂浆搅拌站建设项目' });
    await row.waitFor({ timeout: 15_000 });
    expect(((await row.textContent()) ?? '').includes('可提意见'), 'the project is open for objections');
    await ctx.screenshot(page, '40a-eia-notices');
    await row.getByRole('link', { name: '干粉砂浆搅拌站建设项目' }).click();
    await page.waitForURL(/\/eia\/notices\/[0-9a-f-]+$/, { timeout: 15_000 });
    await page.getByText('本单位郑重承诺').waitFor({ timeout: 15_000 });
    const body = (await page.textContent('body')) ?? '';
    expect(body.includes('本单位郑重承诺'), 'the signed commitment is published');
    expect(!/1390797\d{4}/.test(body), 'the contact phone is masked');
    const phone = '13607995566';
    await page.getByTestId('objection-name').fill('易春花');
    await page.getByTestId('objection-phone').fill(phone);
    await fillPhoneCode(page, phone);
    await page.getByTestId('objection-content').fill('搅拌站离村小学较近，请说明粉尘和运输噪声的防治措施。');
    await page.getByTestId('objection-submit').click();
    await page.getByText('意见已提交').first().waitFor({ timeout: 15_000 });
    await page.getByText('搅拌站离村小学较近').waitFor({ timeout: 15_000 });
    const after = (await page.textContent('body')) ?? '';
    expect(after.includes('易**') && !after.includes('易春花'), 'the name is shown masked');
    expect(!after.includes(phone), 'the phone is never published');
    await ctx.screenshot(page, '40b-eia-objection-sent');

    const staff = await ctx.newPage();
    await ctx.login(staff, 'approver');
    await staff.goto(`${ctx.baseUrl}/staff/eia?path=commitment&state=publicity`);
    const caseRow = staff.locator('.ant-table-row').filter({ hasText: '干粉砂浆搅拌站建设项目' });
    await caseRow.waitFor({ timeout: 15_000 });
    expect(((await caseRow.textContent()) ?? '').includes('条意见待答复'), 'the case shows its unanswered objection');
    await ctx.screenshot(staff, '40c-eia-staff-list');
    await caseRow.getByRole('link').first().click();
    await staff.getByText('搅拌站离村小学较近').waitFor({ timeout: 15_000 });
    await staff.getByText(phone).first().waitFor({ timeout: 5_000 });
    await ctx.screenshot(staff, '40d-eia-staff-case');
  },
};

// The article's 放 figures: 13 commitment-path approvals and 3 exemptions in 2020-01-01…2020-11-30,
// each drilling down to its records.
export const leaderSeesEiaFigures: Journey = {
  name: 'leader sees the article’s 13 commitment approvals and 3 exemptions and drills down',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'leader');
    await page.goto(`${ctx.baseUrl}/staff/figures?from=2020-01-01&to=2020-11-30`);
    const value = async (key: string) => {
      const card = page.getByTestId(`figure-${key}`);
      await card.waitFor({ timeout: 20_000 });
      const t = (await card.locator('.ant-statistic-content-value').textContent()) ?? '';
      return Number(t.replace(/[^\d.]/g, ''));
    };
    const approved = await value('commitmentEiaApproved');
    expect(approved === 13, `commitment approvals = 13 (got ${approved})`);
    const exemptions = await value('eiaExemptions');
    expect(exemptions === 3, `exemptions = 3 (got ${exemptions})`);
    await page.getByTestId('figure-commitmentEiaApproved').scrollIntoViewIfNeeded();
    await ctx.screenshot(page, '41a-figures-eia');
    await page.getByTestId('figure-commitmentEiaApproved').getByRole('link').click();
    await page.waitForURL(/\/staff\/figures\/commitmentEiaApproved/);
    const table = page.getByTestId('figure-records');
    await table.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const body = (await page.textContent('body')) ?? '';
    expect(body.includes('共 13 条') || /13/.test(body), 'the drill-down lists 13 records');
    expect(body.includes('上环承诺审〔2020〕'), 'each record shows its decision number');
    await ctx.screenshot(page, '41b-figures-eia-drill-down');
  },
};
