import type { Page } from 'playwright-core';
import { pngImage } from '../../packages/server/src/shared/png.ts';
import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

async function pickOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

// the patrol's photo and the one taken on verification: real PNGs, drawn here as the demo's are
const PNG = pngImage(320, 240, (x, y) => (Math.hypot(x - 200, y - 150) < 40 ? [150, 110, 70] : [110, 150, 80]));
const SITE_PHOTO = pngImage(320, 240, (x, y) =>
  y < 90 ? [170, 180, 190] : (x + y) % 9 < 4 ? [235, 230, 215] : [120, 90, 60],
);
const FINDING = '厂区北侧围墙外疑似倾倒含药废渣（航拍）';

// 线索 (issue 12): a drone patrol's GeoJSON imported with its photo file beside the demo patrol's
// clues around 金山镇 and 桐木镇 on the county map (drawn offline: no tile server is configured);
// the officer opens the new clue, sees the patrol's photo, adds one taken on verification, opens
// it full size, confirms the nearest firm, records the outcome on the clock; the firm's file
// (一企一档) shows the clue and its risk score; then an off-site inspection record built from the
// clue orders the firm to rectify; a leader registers a video point and what its camera saw
// becomes a clue.
export const officerVerifiesClueOnMap: Journey = {
  name: 'officer imports a drone clue with its photo, opens it on the county map, adds a photo, confirms the firm, records the outcome; the firm’s file shows it; an inspection from the clue orders rectification',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'inspector');
    // a registered site in 金山镇: the patrol's finding lies 40 m from it, so it is suggested
    const map = (await (await page.request.get(`${ctx.baseUrl}/api/clues/map`)).json()) as {
      enterprises: { townCode: string; lat: number; lng: number }[];
    };
    const site = map.enterprises.find((e) => e.townCode === '360322103') ?? map.enterprises[0]!;
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [site.lng + 0.0004, site.lat] },
          properties: { description: FINDING, photo: '航拍-北侧围墙.png' },
        },
      ],
    };
    await page.goto(`${ctx.baseUrl}/staff/clues/import`);
    await page.getByTestId('clue-batch-name').fill('金山镇无人机补充巡查');
    await page.getByTestId('clue-file').setInputFiles({
      name: 'patrol.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(geojson)),
    });
    await page.getByText('文件已读取').waitFor({ timeout: 5_000 });
    await page
      .getByTestId('clue-photos')
      .setInputFiles({ name: '航拍-北侧围墙.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('clue-photos-chosen').waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '60-staff-clue-import-photos');
    await page.getByTestId('clue-import-submit').click();
    await page.waitForURL((u) => u.pathname === '/staff/clues' && u.search.includes('view=map'), { timeout: 15_000 });
    await page.getByTestId('county-map').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="county-map"] text').filter({ hasText: '金山镇' }).waitFor({ timeout: 10_000 });
    const markers = page.locator('[data-testid^="clue-marker-"]');
    await markers.first().waitFor({ timeout: 10_000 });
    expect((await markers.count()) >= 5, 'the demo patrol’s clues are on the map');
    await ctx.screenshot(page, '60a-staff-clue-map');

    // the imported finding's marker: its link is named by the finding
    await page.getByRole('link', { name: FINDING }).dispatchEvent('click');
    await page.waitForURL((u) => /^\/staff\/clues\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await page.getByTestId('clue-due-date').waitFor({ timeout: 15_000 });
    await page.getByText('待核查').first().waitFor({ timeout: 5_000 });
    await page.getByText('环境保护部令第15号').first().waitFor({ timeout: 5_000 });
    // the patrol's photo is a stored file, shown as a thumbnail; the officer adds one from the site
    await page.locator('img[alt="航拍-北侧围墙.png"]').waitFor({ timeout: 10_000 });
    await page
      .getByTestId('clue-photo-input')
      .setInputFiles({ name: '现场复核.png', mimeType: 'image/png', buffer: SITE_PHOTO });
    await page.locator('img[alt="现场复核.png"]').waitFor({ timeout: 10_000 });
    await page.getByText('核查时补充').first().waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '60b-staff-clue-detail');
    await page.locator('img[alt="航拍-北侧围墙.png"]').click();
    await page.locator('.ant-image-preview img').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '60b2-staff-clue-photo-full-size');
    await page.keyboard.press('Escape');
    await page.locator('.ant-image-preview').first().waitFor({ state: 'hidden', timeout: 10_000 });

    await page.getByTestId('clue-match-confirm').click();
    await page.getByText('已确认对应企业').first().waitFor({ timeout: 10_000 });
    await pickOption(page, 'clue-outcome', '已责令整改');
    await page.getByTestId('clue-outcome-note').fill('现场核实属实，已下达责令改正通知，限期 15 日清运');
    await page.getByTestId('clue-outcome-save').click();
    await page.getByText('核查结果已登记').first().waitFor({ timeout: 10_000 });
    await page.getByText('按期完成').first().waitFor({ timeout: 5_000 });
    await ctx.screenshot(page, '60c-staff-clue-verified');
    const cluePath = new URL(page.url()).pathname;

    // the firm's file: the clue on its timeline, the finding in its risk score
    const confirmed = page.locator('.ant-card').filter({ hasText: '核查人员确认' }).getByRole('link').last();
    const firm = (await confirmed.textContent()) ?? '';
    await confirmed.click();
    await page.waitForURL((u) => /^\/staff\/enterprises\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await page.getByRole('tab', { name: '档案时间线' }).click();
    const timeline = page.getByTestId('enterprise-timeline');
    await timeline.getByText('无人机巡查线索').first().waitFor({ timeout: 15_000 });
    expect(((await timeline.textContent()) ?? '').includes('已责令整改'), `the outcome is on ${firm}'s timeline`);
    await ctx.screenshot(page, '60d-staff-enterprise-timeline');
    await page.getByRole('tab', { name: '信用与风险' }).click();
    await page.getByText('核查属实的线索（近 12 个月）').waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '60e-staff-enterprise-risk');

    await page.goto(`${ctx.baseUrl}/staff/watch-list`);
    await page.getByText('风险评分由企业近 12 个月').waitFor({ timeout: 15_000 });
    await page.locator('.ant-table-row, .ant-empty').first().waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '60f-staff-watch-list');

    // the clue followed up: an off-site inspection record built from it, whose finding orders rectification
    await page.goto(`${ctx.baseUrl}${cluePath}`);
    await page.getByTestId('clue-inspect').click();
    await page.waitForURL((u) => u.pathname === '/staff/site-inspections/new', { timeout: 15_000 });
    await page.locator('.ant-select').filter({ hasText: firm }).first().waitFor({ timeout: 15_000 });
    await page.locator('.ant-select').filter({ hasText: '线索' }).first().waitFor({ timeout: 5_000 });
    expect(
      ((await page.getByLabel('来源说明').inputValue()) ?? '').includes('无人机巡查线索'),
      'the clue is the source',
    );
    const inspectors = page.getByLabel('检查人员');
    await inspectors.fill('李强');
    await inspectors.press('Enter');
    await inspectors.fill('周文斌');
    await inspectors.press('Enter');
    await page.getByRole('button', { name: '添加问题' }).click();
    await page.getByLabel('问题描述').fill('厂区东侧堆放含药废渣，未采取防渗防雨措施');
    await page.getByLabel('整改要求（填写后生成责令整改）').fill('15 日内清运至有资质单位，拍照上传转移联单');
    await ctx.screenshot(page, '60g-staff-clue-inspection-form');
    await page.getByTestId('inspection-save').click();
    await page.waitForURL((u) => /^\/staff\/site-inspections\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await page.getByTestId('inspection-complete-off-site').click();
    const order = page.getByRole('link', { name: '责令整改' }).last();
    await order.waitFor({ timeout: 15_000 });
    await order.click();
    await page.waitForURL((u) => /^\/staff\/rectifications\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await page.getByText('15 日内清运至有资质单位').first().waitFor({ timeout: 10_000 });
    await page.getByText('待企业整改').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '60h-staff-clue-rectification-order');

    // the video-point registry: a leader registers a camera; what it saw becomes a clue on its clock
    const leader = await ctx.newPage();
    await ctx.login(leader, 'leader');
    await leader.goto(`${ctx.baseUrl}/staff/clues?view=video`);
    await leader.getByTestId('video-point-name').fill('桐木镇工业园北门');
    await leader.getByPlaceholder('纬度').fill('28.0476');
    await leader.getByPlaceholder('经度').fill('113.8290');
    await leader.getByPlaceholder('快照链接').fill('/snapshots/tongmu-north.jpg');
    // the camera watches a firm: the search answers as you type, so the pick is checked to have stuck
    await leader.getByTestId('video-point-enterprise').click();
    await leader.keyboard.type('金花烟花');
    await leader
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '上栗县金花烟花制造有限公司' })
      .first()
      .click();
    await leader
      .getByTestId('video-point-enterprise')
      .getByText('上栗县金花烟花制造有限公司')
      .waitFor({ timeout: 10_000 });
    await leader.getByRole('button', { name: /登\s*记/ }).click();
    await leader.getByText('视频点位已登记').first().waitFor({ timeout: 10_000 });
    const row = leader.locator('.ant-table-row').filter({ hasText: '桐木镇工业园北门' });
    await row.waitFor({ timeout: 10_000 });
    await ctx.screenshot(leader, '60i-staff-video-points');
    await row.getByRole('button', { name: '转为线索' }).click();
    await leader.getByTestId('video-clue-description').fill('夜间 23 时许厂区北侧烟囱冒黑烟约 20 分钟');
    await leader.locator('.ant-modal').getByRole('button', { name: '转为线索' }).click();
    await leader.waitForURL((u) => /^\/staff\/clues\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    await leader.getByText('视频点位：桐木镇工业园北门').first().waitFor({ timeout: 10_000 });
    await leader.getByTestId('clue-due-date').waitFor({ timeout: 10_000 });
    await ctx.screenshot(leader, '60j-staff-video-clue');

    // or an off-site check of the watched firm straight from the camera, the camera named as its source
    await leader.goto(`${ctx.baseUrl}/staff/clues?view=video`);
    await leader
      .locator('.ant-table-row')
      .filter({ hasText: '桐木镇工业园北门' })
      .first()
      .getByTestId('video-inspect')
      .click();
    await leader.waitForURL((u) => u.pathname === '/staff/site-inspections/new', { timeout: 15_000 });
    await leader.locator('form').getByText('视频监控').first().waitFor({ timeout: 15_000 });
    const videoRef = await leader.locator('form input[id$="sourceRef"]').inputValue();
    expect(videoRef.includes('桐木镇工业园北门'), `the source names the camera (${videoRef})`);
  },
};
