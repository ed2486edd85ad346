import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';
import { fillPhoneCode } from './phone-code.ts';

async function pick(page: Page, testId: string, type: string, text: string) {
  await page.getByTestId(testId).click();
  if (type) await page.keyboard.type(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  await page.keyboard.press('Escape');
}

// 政策宣传 (issue 13): a clerk publishes a support measure for fireworks makers; the demo fireworks
// enterprise finds it pushed in its inbox and its policy list, opens it (that marks it read) and
// asks a question; back at the desk the reach figure has moved and the answer is published to the FAQ.
export const clerkPublishesPolicy: Journey = {
  name: 'clerk publishes a policy; the enterprise sees it pushed and reads it; the reach figure moves',
  async run(ctx) {
    const title = '花炮企业环保设施改造补助申报通知';
    const staff = await ctx.newPage();
    await ctx.login(staff, 'clerk');
    await staff.goto(`${ctx.baseUrl}/staff/policies/new`);
    await staff.getByTestId('policy-title').fill(title);
    await staff
      .getByTestId('policy-summary')
      .fill('烟花爆竹生产企业完成废气治理设施改造的，可申请县级环保专项资金补助。');
    await staff
      .getByTestId('policy-text')
      .fill(
        '一、补助对象：本县烟花爆竹生产企业。\n二、补助标准：按改造投资的30%给予补助，最高20万元。\n三、申报时间：即日起至年底。',
      );
    await pick(staff, 'policy-topics', '', '资金补助');
    await pick(staff, 'policy-industries', '2672', '2672');
    await staff.getByTestId('policy-save').click();
    await staff.waitForURL((u) => /^\/staff\/policies\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const policyPath = new URL(staff.url()).pathname;
    await staff.getByTestId('policy-publish').click();
    await staff.locator('.ant-popconfirm .ant-btn-primary').click();
    await staff.getByText(/已发布，推送 \d+ 个账号/).waitFor({ timeout: 15_000 });
    const reach = staff.getByTestId('policy-reach');
    await reach.waitFor({ timeout: 10_000 });
    const readBefore = Number(
      (await staff.getByTestId('reach-read').locator('.ant-statistic-content-value').textContent()) ?? 'NaN',
    );
    expect(readBefore === 0, `nobody has read it yet (got ${readBefore})`);
    await ctx.screenshot(staff, '60a-staff-policy-published');

    const ent = await ctx.newPage();
    await ctx.login(ent, 'enterprise');
    await ent.goto(`${ctx.baseUrl}/enterprise/inbox`);
    await ent.getByText(title).first().waitFor({ timeout: 15_000 });
    await ctx.screenshot(ent, '60b-enterprise-inbox-policy');
    await ent.goto(`${ctx.baseUrl}/enterprise/policies`);
    const row = ent.locator('.ant-table-row').filter({ hasText: title });
    await row.waitFor({ timeout: 15_000 });
    expect(((await row.textContent()) ?? '').includes('未读'), 'the pushed policy is unread');
    await row.getByTestId('my-policy-link').click();
    await ent.getByTestId('policy-body').waitFor({ timeout: 15_000 });
    await ent.getByText('已读', { exact: true }).first().waitFor({ timeout: 10_000 });
    await ent.getByTestId('policy-question').fill('改造后尚未验收的企业能否先行申报？');
    await ent.getByTestId('policy-ask').click();
    await ent.getByText('待答复').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(ent, '60c-enterprise-reads-policy');

    await staff.goto(`${ctx.baseUrl}${policyPath}`);
    await staff.getByTestId('policy-reach').waitFor({ timeout: 15_000 });
    const readAfter = Number(
      (await staff.getByTestId('reach-read').locator('.ant-statistic-content-value').textContent()) ?? 'NaN',
    );
    expect(readAfter === 1, `the read count moved to 1 (got ${readAfter})`);
    const share = (await staff.getByTestId('reach-share').textContent()) ?? '';
    expect(/[1-9]/.test(share) && share.includes('%'), `the share of concerned enterprises reached moved (${share})`);
    await staff.getByTestId('policy-answer-text').first().fill('可以先行申报，验收合格后拨付补助资金。');
    await staff.getByTestId('policy-answer-submit').first().click();
    await staff.getByText('可以先行申报，验收合格后拨付补助资金。').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(staff, '60d-staff-policy-reach-moved');

    // the reach is a dashboard figure too: this year's firms reached, drilled down to the pair read
    await staff.goto(`${ctx.baseUrl}/staff/figures?period=this-year`);
    const reached = staff.getByTestId('figure-policyFirmsReached');
    await reached.waitFor({ timeout: 15_000 });
    const n = Number(((await reached.locator('.ant-statistic-content-value').textContent()) ?? '').replace(/\D/g, ''));
    expect(n >= 1, `the dashboard's firms reached moved (got ${n})`);
    await ctx.screenshot(staff, '60e-staff-dashboard-policy-reach');
    await reached.getByRole('link').click();
    await staff.waitForURL(/\/staff\/figures\/policyFirmsReached/);
    await staff
      .getByTestId('figure-records')
      .locator('.ant-table-row')
      .filter({ hasText: title })
      .filter({ hasText: '已送达，已阅读' })
      .first()
      .waitFor({ timeout: 15_000 });
    await ctx.screenshot(staff, '60f-staff-policy-reach-records');
  },
};

// 依申请公开 (条例 §33): a citizen files a request on the public portal with a phone code and gets a
// tracking code; the clerk consults a third party (the clock pauses), resumes, and answers 部分公开
// with its clause; the citizen reads the answer with its legal source.
export const citizenRequestsDisclosure: Journey = {
  name: 'citizen files a disclosure request; the clerk answers it on its clock',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.baseUrl}/disclosure`);
    await page.getByText('主动公开').first().waitFor({ timeout: 15_000 });
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '61a-public-disclosure');
    // 行政处罚信息公开: the demo decision of 2020 is on the list with its basis, no login needed
    await page.getByRole('tab', { name: '行政处罚' }).click();
    await page.getByTestId('penalties-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '2020' }).click();
    const penalty = page.locator('.ant-table-row').filter({ hasText: '上环罚〔2020〕12号' });
    await penalty.waitFor({ timeout: 15_000 });
    const penaltyText = (await penalty.textContent()) ?? '';
    expect(penaltyText.includes('《排污许可管理条例》第三十七条'), 'the decision shows its legal basis');
    expect(penaltyText.includes('萍乡市上栗生态环境局'), 'the decision shows its deciding authority');
    await ctx.screenshot(page, '61a2-public-penalties');
    await page.getByTestId('disclosure-apply').click();
    await page.waitForURL((u) => u.pathname === '/disclosure/apply', { timeout: 15_000 });
    const phone = '13607991234';
    await page.getByTestId('disclosure-name').fill('刘晓梅');
    await page.getByTestId('disclosure-id-no').fill('360322199203150028');
    await page.getByTestId('disclosure-phone').fill(phone);
    await fillPhoneCode(page, phone);
    await page
      .getByTestId('disclosure-description')
      .fill('请求公开本县某烟花厂2024年度废气排放在线监测数据及其排污许可证执行报告');
    await page.getByTestId('disclosure-email').fill('liuxm@example.com');
    await page.getByTestId('disclosure-submit').click();
    const code = ((await page.getByTestId('disclosure-code').textContent({ timeout: 15_000 })) ?? '').trim();
    expect(/^GK/.test(code), `a tracking code is issued (${code})`);
    await ctx.screenshot(page, '61b-disclosure-filed');

    const staff = await ctx.newPage();
    await ctx.login(staff, 'clerk');
    await staff.goto(`${ctx.baseUrl}/staff/disclosure?q=${code}`);
    await staff.getByRole('link', { name: code }).click();
    await staff.waitForURL((u) => /^\/staff\/disclosure\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const due0 = (await staff.getByTestId('disclosure-due').textContent({ timeout: 15_000 })) ?? '';
    const act = async (label: string, text?: string) => {
      await pick(staff, 'disclosure-action', '', label);
      if (text) await staff.getByTestId('disclosure-text').fill(text);
      await staff.getByTestId('disclosure-act').click();
    };
    await act('征求第三方意见', '征求该烟花厂意见：监测数据是否涉及商业秘密');
    await staff.getByTestId('disclosure-status').filter({ hasText: '暂停计时' }).waitFor({ timeout: 10_000 });
    await act('第三方意见已收到');
    await staff.getByTestId('disclosure-status').filter({ hasText: '办理中' }).waitFor({ timeout: 10_000 });
    await pick(staff, 'disclosure-action', '', '作出答复');
    await pick(staff, 'disclosure-outcome', '', '部分公开');
    await pick(staff, 'disclosure-clause', '', '保护第三方合法权益');
    await staff
      .getByTestId('disclosure-text')
      .fill('在线监测数据予以公开（见附件）；执行报告中的工艺参数涉及第三方商业秘密，不予公开。');
    await ctx.screenshot(staff, '61c-staff-disclosure-answer-form');
    await staff.getByTestId('disclosure-act').click();
    // an answer is final: the page asks before sending it
    await staff.locator('.ant-popconfirm .ant-btn-primary').click();
    await staff.getByTestId('disclosure-answer').waitFor({ timeout: 10_000 });
    const due1 = (await staff.getByTestId('disclosure-due').textContent()) ?? '';
    expect(/^\d{4}-\d{2}-\d{2}$/.test(due0) && due1 >= due0, `the due date stays on the clock (${due0} → ${due1})`);
    await staff.getByText('按期答复').first().waitFor({ timeout: 5_000 });
    await ctx.screenshot(staff, '61d-staff-disclosure-answered');

    await page.goto(`${ctx.baseUrl}/disclosure/track?code=${code}`);
    await page.getByTestId('track-phone').fill(phone);
    await page.getByTestId('track-submit').click();
    await page.getByTestId('disclosure-answer').waitFor({ timeout: 15_000 });
    const body = (await page.textContent('body')) ?? '';
    expect(body.includes('第十五条') && body.includes('第三十七条'), 'the answer shows its legal sources');
    await ctx.screenshot(page, '61e-citizen-reads-answer');

    // the annual report: table 三 counts the answer just given, 一 is written and saved, the .docx holds both
    await staff.goto(`${ctx.baseUrl}/staff/disclosure/annual-report`);
    await staff.getByTestId('annual-report').locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    await ctx.screenshot(staff, '61f-annual-report');
    await staff.getByTestId('cell-requests:partial:natural-person').click();
    await staff.getByTestId('drill-list').getByText('刘晓梅').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(staff, '61g-annual-report-drill');
    await staff.keyboard.press('Escape');
    await staff.getByTestId('figure-insert').nth(2).click();
    const overview = staff.getByTestId('text-overview');
    await overview.press('End');
    await overview.pressSequentially('本局依托生态环境服务监管平台办理依申请公开，全部在法定期限内答复。');
    await staff.getByTestId('text-overview-save').click();
    await staff.getByText('第 1 版').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(staff, '61h-annual-report-overview-saved');
    const [download] = await Promise.all([
      staff.waitForEvent('download', { timeout: 15_000 }),
      staff.getByTestId('report-docx').click(),
    ]);
    expect(download.suggestedFilename().endsWith('.docx'), `a Word file (${download.suggestedFilename()})`);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const xml = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    for (const text of [
      '一、总体情况',
      '全部在法定期限内答复',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ])
      expect(xml.includes(text), `the report mentions ${text}`);
  },
};
