import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

// a real 1×1 PNG: the photo the inspector takes and the proof the enterprise sends
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PHONE = { width: 390, height: 844 };
const FINDING = '危险废物贮存间未设置识别标志';

// Issue 12: an inspector on a phone records an on-site inspection of the demo enterprise (location
// from the browser, a finding with a requirement, a photo, the enterprise's signature drawn on the
// screen); the enterprise answers the rectification order from its portal and reads the record it
// signed among its own inspection records; the officer accepts the answer.
export const inspectorRecordsFindingOnPhone: Journey = {
  name: 'inspector on a phone records a finding; enterprise answers and reads its record; officer verifies',
  async run(ctx) {
    const firm = ctx.account('enterprise').enterprise!;
    const officer = await ctx.newPage();
    await officer.setViewportSize(PHONE);
    await officer.context().grantPermissions(['geolocation'], { origin: ctx.baseUrl });
    await officer.context().setGeolocation({ latitude: 27.8801, longitude: 113.7954 });
    await ctx.login(officer, 'inspector');
    await officer.goto(`${ctx.baseUrl}/staff/site-inspections/new`);
    await officer.getByLabel('被检查企业').fill(firm.slice(0, 6));
    await officer.locator('.ant-select-item-option').filter({ hasText: firm }).first().click();
    const inspectors = officer.getByLabel('检查人员');
    await inspectors.fill('李强');
    await inspectors.press('Enter');
    await inspectors.fill('周文斌');
    await inspectors.press('Enter');
    await officer.getByTestId('inspection-locate').click();
    await officer.waitForFunction(
      () => (document.querySelector('#latitude') as HTMLInputElement | null)?.value !== '',
      null,
      {
        timeout: 10_000,
      },
    );
    await officer.getByText('依据：').first().waitFor({ timeout: 10_000 });
    await officer.locator('.ant-radio-wrapper').filter({ hasText: '有问题' }).nth(3).click();
    await officer.getByRole('button', { name: '添加问题' }).click();
    await officer.getByLabel('问题描述').fill(FINDING);
    await officer.getByLabel('整改要求（填写后生成责令整改）').fill('按 GB 18597 设置识别标志并拍照上传');
    await ctx.screenshot(officer, '60a-phone-inspection-form');
    await officer.getByTestId('inspection-save').click();
    await officer.waitForURL((u) => /^\/staff\/site-inspections\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await officer.getByTestId('photo-input').setInputFiles({ name: '贮存间.png', mimeType: 'image/png', buffer: PNG });
    await officer.locator('img[alt="贮存间.png"]').waitFor({ timeout: 10_000 });
    await officer.getByLabel('签字人').fill('张厂长');
    const pad = officer.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await officer.mouse.move(box.x + 30, box.y + 100);
    await officer.mouse.down();
    for (const [dx, dy] of [
      [80, 40],
      [140, 110],
      [220, 50],
      [300, 120],
    ])
      await officer.mouse.move(box.x + dx!, box.y + dy!, { steps: 4 });
    await officer.mouse.up();
    await ctx.screenshot(officer, '60b-phone-signature');
    await officer.getByTestId('inspection-complete').click();
    await officer.getByText('发现问题', { exact: true }).first().waitFor({ timeout: 10_000 });
    await officer.locator(`img[alt="企业签字"]`).waitFor({ timeout: 10_000 });
    const width = await officer.evaluate(() => document.documentElement.scrollWidth);
    expect(width <= 390, `the completed record fits the phone's width (scrollWidth ${width})`);
    await ctx.screenshot(officer, '60c-phone-inspection-completed');
    const orderPath = await officer.getByRole('link', { name: '责令整改' }).last().getAttribute('href');
    expect(!!orderPath, 'the finding links its rectification order');

    const ent = await ctx.newPage();
    await ent.setViewportSize(PHONE);
    await ctx.login(ent, 'enterprise');
    await ent.goto(`${ctx.baseUrl}/enterprise/rectifications?status=open`);
    await ent.getByRole('link', { name: FINDING }).first().click();
    await ent.waitForURL((u) => /^\/enterprise\/rectifications\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await ent.getByTestId('proof-input').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PNG });
    await ent.getByRole('link', { name: '整改后.png' }).waitFor({ timeout: 10_000 });
    await ent.getByLabel('整改情况说明').fill('已按标准设置危险废物识别标志，附整改后照片');
    await ctx.screenshot(ent, '60d-phone-enterprise-answer');
    await ent.getByTestId('order-answer-submit').click();
    await ent.getByText('企业已提交整改情况，待核查').first().waitFor({ timeout: 10_000 });

    // the firm's own records: from its home to the record it signed, with the order that came of it
    await ent.goto(`${ctx.baseUrl}/enterprise/my`);
    await ent.getByTestId('my-inspections-link').click();
    await ent.waitForURL((u) => u.pathname === '/enterprise/inspections', { timeout: 15_000 });
    // a list on a phone is one card a record
    const rows = ent.getByTestId('my-inspections-table').locator('.qs-list-card');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(((await rows.first().textContent()) ?? '').includes('张厂长'), 'the newest record is the one just signed');
    await ctx.screenshot(ent, '60d2-phone-enterprise-inspections');
    await rows.first().getByRole('link').first().click();
    await ent.waitForURL((u) => /^\/enterprise\/inspections\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await ent.getByTestId('my-inspection-finding').filter({ hasText: FINDING }).waitFor({ timeout: 15_000 });
    await ent.getByText('企业已提交整改情况，待核查').first().waitFor({ timeout: 5_000 });
    await ent.locator('img[alt="贮存间.png"]').waitFor({ timeout: 10_000 });
    await ent.locator('img[alt="企业签字"]').waitFor({ timeout: 10_000 });
    const entWidth = await ent.evaluate(() => document.documentElement.scrollWidth);
    expect(entWidth <= 390, `the firm's record fits the phone's width (scrollWidth ${entWidth})`);
    await ctx.screenshot(ent, '60d3-phone-enterprise-inspection-record');

    await officer.goto(`${ctx.baseUrl}${orderPath}`);
    await officer.getByText('已按标准设置危险废物识别标志').first().waitFor({ timeout: 10_000 });
    await officer.getByTestId('order-verify-submit').click();
    await officer.getByText('整改已核查通过').first().waitFor({ timeout: 10_000 });
    await officer.getByText('按期').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(officer, '60e-phone-officer-verified');

    // the 2020 demo: a serious finding taken from 立案 to 执行, with its 文号 and amount
    await officer.goto(`${ctx.baseUrl}/staff/enforcement-cases`);
    // this year's demo case has a title like it: the 2020 one is the row with its 文号
    await officer
      .locator('.qs-list-card')
      .filter({ hasText: '上环罚〔2020〕12号' })
      .getByRole('link', { name: /未按规定建立环境管理台账案/ })
      .click();
    await officer.getByText('上环罚〔2020〕12号').first().waitFor({ timeout: 10_000 });
    const stages = (await officer.locator('.ant-timeline').textContent()) ?? '';
    for (const stage of ['立案', '调查取证', '告知', '处罚决定', '执行'])
      expect(stages.includes(stage), `the case shows its stage ${stage}`);
    await ctx.screenshot(officer, '60f-phone-case-stages');
  },
};
