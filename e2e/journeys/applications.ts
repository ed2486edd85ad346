import fs from 'node:fs';
import JSZip from 'jszip';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

// 行政许可法 第三十二条 and 一次性告知: an enterprise applies online for the report-form approval and
// uploads only part of the checklist; the window's clerk pre-checks it and issues the one-time
// notice listing everything missing at once; the enterprise sees the notice and downloads it.
export const enterpriseAppliesOnline: Journey = {
  name: 'enterprise applies online and gets a one-time notice',
  async run(ctx) {
    const project = `花炮原料仓库扩建项目 ${Date.now().toString(36)}`;
    const ent = await ctx.newPage();
    await ctx.login(ent, 'enterprise');
    await ent.goto(`${ctx.baseUrl}/enterprise/applications`);
    await ent.getByTestId('application-apply').click();
    await ent.waitForURL((u) => u.pathname === '/enterprise/applications/new', { timeout: 15_000 });
    await ent.getByTestId('application-matter').click();
    await ent
      .locator('.ant-select-item-option')
      .filter({ hasText: /^建设项目环境影响报告表审批$/ })
      .click();
    await ent.getByTestId('application-project').fill(project);
    await ent.getByTestId('application-applicant').fill('刘建国');
    await ent.getByTestId('application-phone').fill('13907990101');
    await ctx.screenshot(ent, '40a-enterprise-apply-form');
    await ent.getByTestId('application-submit').click();
    await ent.waitForURL((u) => /^\/enterprise\/applications\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const detailUrl = ent.url();
    const id = detailUrl.split('/').pop()!;

    // two of the four required materials
    for (const item of [0, 1]) {
      await ent.getByTestId(`application-upload-${item}`).setInputFiles({
        name: `材料${item + 1}.pdf`,
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await ent.getByText(`材料${item + 1}.pdf`, { exact: true }).waitFor({ timeout: 15_000 });
    }
    await ent.getByTestId('application-precheck').getByText('缺 2 项').waitFor({ timeout: 10_000 });
    await ctx.screenshot(ent, '40b-enterprise-uploaded-some');

    const clerk = await ctx.newPage();
    await ctx.login(clerk, 'clerk');
    await clerk.goto(`${ctx.baseUrl}/staff/applications`);
    await clerk
      .getByRole('link', { name: /^SQ\d{8}-\d{3}$/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await clerk.goto(`${ctx.baseUrl}/staff/applications/${id}`);
    await clerk.getByTestId('application-status').getByText('待预审').waitFor({ timeout: 15_000 });
    await clerk.getByTestId('application-step-notice').click();
    await clerk.getByText('建设单位营业执照或统一社会信用代码证明').last().waitFor({ timeout: 10_000 });
    await ctx.screenshot(clerk, '40c-clerk-one-time-notice');
    await clerk.getByTestId('application-step-confirm').click();
    await clerk.getByTestId('application-status').getByText('待补正材料').waitFor({ timeout: 15_000 });
    await ctx.screenshot(clerk, '40d-clerk-notice-issued');

    await ent.reload();
    const alert = ent.getByTestId('application-notice-alert');
    await alert.waitFor({ timeout: 15_000 });
    const said = (await alert.textContent()) ?? '';
    expect(said.includes('建设项目环境影响报告表（公开版本）'), `the notice names the public version (${said})`);
    expect(said.includes('建设单位营业执照'), `the notice names the licence (${said})`);
    await ctx.screenshot(ent, '40e-enterprise-sees-notice');
    const [download] = await Promise.all([
      ent.waitForEvent('download', { timeout: 15_000 }),
      ent.getByTestId('application-doc-notice').click(),
    ]);
    expect(download.suggestedFilename().endsWith('.docx'), `a Word file (${download.suggestedFilename()})`);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const text of ['补正材料一次性告知书', '建设项目环境影响报告表（公开版本）', '第三十二条', project])
      expect(xml.includes(text), `the notice mentions ${text}`);
  },
};
