import { INTRANET_HOST, type Journey, SHOTS } from '../harness.ts';
import { measureTransfer, summarise } from '../transfer.ts';
import { expect } from './expect.ts';
import { datesBrokenIn } from './layout.ts';
import { fillPhoneCode } from './phone-code.ts';

// Issue 8 §5: opened by an intranet host name over plain HTTP, the app renders (no
// upgrade-insecure-requests, no HSTS), its scripts travel compressed, and a clerk can sign in there.
export const intranetHostRenders: Journey = {
  name: 'the app opened by an intranet host name over plain HTTP renders and signs in',
  async run(ctx) {
    const url = new URL(ctx.baseUrl);
    url.hostname = INTRANET_HOST;
    const base = url.origin;
    const page = await ctx.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    const transfers = await measureTransfer(page, `${base}/`);
    await page.getByTestId('home-book').waitFor({ timeout: 15_000 });
    expect(failed.length === 0, `no request failed (${failed.join(', ')})`);
    expect(
      transfers.every((t) => t.url.startsWith(`${base}/`)),
      'every asset is fetched over http from the host typed in (none upgraded to https)',
    );
    const scripts = transfers.filter((t) => t.type === 'Script');
    const big = scripts.filter((t) => t.decoded > 4096);
    // Chromium offers brotli only to secure origins (https, localhost): over plain HTTP on an
    // intranet name it asks for gzip, so the .gz beside each asset is what travels there.
    expect(
      big.length > 0 && big.every((t) => t.encoding === 'gzip' || t.encoding === 'br'),
      `every script over 4 KB arrives compressed (${big.map((t) => `${t.url} ${t.encoding}`).join(', ')})`,
    );
    const sum = summarise(transfers);
    console.log(
      `  public home: ${sum.count} responses, scripts ${Math.round(sum.scripts / 1024)} KB transferred ` +
        `(${Math.round(sum.scriptsDecoded / 1024)} KB uncompressed), all ${Math.round(sum.total / 1024)} KB`,
    );
    await ctx.screenshot(page, '90-intranet-host-home');

    const a = ctx.account('clerk');
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(a.username);
    await page.getByTestId('login-password').fill(a.password);
    await page.getByTestId('login-submit').click();
    // Issue 8 §5: staff land on their workbench, under a grouped menu.
    await page.waitForURL((u) => u.pathname === '/staff/home', { timeout: 15_000 });
    await page.getByTestId('workbench-todo').waitFor({ timeout: 15_000 });
    await page.getByTestId('workbench-appointments').waitFor();
    await page.getByTestId('workbench-reception').waitFor();
    const sider = page.locator('.ant-layout-sider');
    const headings = await sider.locator('.ant-menu-item-group-title').allTextContents();
    expect(
      JSON.stringify(headings) === JSON.stringify(['服务', '审批', '监管', '统计', '系统']),
      `the clerk's menu groups are 服务 / 审批 / 监管 / 统计 / 系统 (got ${headings.join(' / ')})`,
    );
    await ctx.screenshot(page, '91-intranet-host-clerk-workbench');
  },
};

// Issue 8 §5: a leader's workbench adds the year's key figures.
export const leaderWorkbench: Journey = {
  name: "leader's workbench shows to-dos, today's work and key figures",
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'leader');
    await page.waitForURL((u) => u.pathname === '/staff/home', { timeout: 15_000 });
    await page.getByTestId('workbench-figures').locator('.ant-statistic').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('workbench-todo').waitFor();
    await ctx.screenshot(page, '92-leader-workbench');

    // On a page taller than the window, scrolled to its end: the menu is still at the top of the
    // window and the menu's white column reaches the window's bottom (it once ended a header's
    // height short of it, over a grey strip).
    await page.goto(`${ctx.baseUrl}/staff/figures`);
    await page.locator('.ant-statistic').first().waitFor({ timeout: 15_000 });
    const view = page.viewportSize()!;
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight > view.height + 200, `the figures page is taller than the window (${pageHeight} px)`);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(200);
    const column = await page.locator('.ant-layout-sider').boundingBox();
    const menu = await page.locator('.ant-layout-sider nav').boundingBox();
    expect(
      column !== null && column.y + column.height >= view.height - 1,
      `the menu's column reaches the window's bottom (ends at ${column && Math.round(column.y + column.height)} of ${view.height} px)`,
    );
    expect(
      menu !== null && menu.y >= -1 && menu.y <= 1,
      `the menu sticks to the window's top when scrolled (at ${menu && Math.round(menu.y)} px)`,
    );
    await ctx.screenshot(page, '93-leader-figures-scrolled', { window: true });

    // A short page in a low window: the menu, taller than the window, scrolls inside its column and
    // does not make the page itself scroll.
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(`${ctx.baseUrl}/staff/account`);
    await page.getByRole('button', { name: '保存' }).waitFor({ timeout: 15_000 });
    const [menuHeight, menuScroll, shortPage] = await page.evaluate(() => {
      const nav = document.querySelector('.ant-layout-sider nav')!;
      return [nav.clientHeight, nav.scrollHeight, document.documentElement.scrollHeight];
    });
    expect(
      menuScroll > menuHeight,
      `the leader's menu is taller than its column here (${menuScroll} > ${menuHeight} px)`,
    );
    expect(shortPage <= 600, `a short page does not scroll because of the menu (page ${shortPage} px, window 600)`);
  },
};

// Issue 8 §5: a citizen with an account, on a phone: signs in to 我的, books a window slot from
// day-grouped slots with weekday names and thumb-sized buttons (the form scrolls into view), then
// finds the booking under 我的预约.
export const citizenOnPhone: Journey = {
  name: 'citizen on a phone books a slot and finds it under 我的',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await ctx.login(page, 'citizen');
    await page.waitForURL((u) => u.pathname === '/my', { timeout: 15_000 });
    await page.getByRole('tab', { name: '消息' }).waitFor();
    await page.getByTestId('my-home-link').waitFor();

    await page.goto(`${ctx.baseUrl}/appointments`);
    await page.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option').first().click();
    const tabs = page.getByTestId('slot-day-tab');
    await tabs.first().waitFor({ timeout: 15_000 });
    const headings = await tabs.allTextContents();
    expect(
      headings.length > 1 && headings.every((h) => /\d+月\d+日 周[一二三四五六日]/.test(h)),
      `each day is named with its date and weekday (got ${headings.slice(0, 3).join(', ')})`,
    );
    const tapTargets = [tabs.first(), tabs.nth(1)];
    const slots = page.getByTestId('slot');
    await slots.first().waitFor();
    const n = await slots.count();
    for (let i = 0; i < n; i++) tapTargets.push(slots.nth(i));
    for (const [i, target] of tapTargets.entries()) {
      const box = await target.boundingBox();
      expect(
        !!box && box.height >= 44 && box.width >= 44,
        `tap target ${i} is at least 44 × 44 px (got ${box?.width} × ${box?.height})`,
      );
    }
    // another day: its own slots under its own heading
    await tabs.nth(1).click();
    const heading = (await page.getByTestId('slot-day').getByRole('heading').textContent()) ?? '';
    expect(
      heading === (await tabs.nth(1).locator('span').first().textContent()),
      `day heading follows the tab (${heading})`,
    );
    await ctx.screenshot(page, '93-phone-slots');
    const free = slots.and(page.locator(':not([disabled])')).last();
    await free.scrollIntoViewIfNeeded();
    await free.click();
    const form = page.getByTestId('booking-form');
    await form.waitFor();
    // the smooth scroll brings the form's top into the window (up to 10 s: it is slow on a loaded machine)
    let inView = false;
    for (let i = 0; i < 66 && !inView; i++) {
      const box = await form.boundingBox();
      inView = !!box && box.y >= -1 && box.y < 844 - 100;
      if (!inView) await page.waitForTimeout(150);
    }
    expect(inView, 'the booking form is scrolled into view after a slot is chosen');
    await page.screenshot({ path: `${SHOTS}/94-phone-form-in-view.png` });
    await page.getByLabel('姓名').fill('张女士');
    await page.getByLabel('手机号').fill('13979905678');
    await page.getByLabel('办理事项').fill('咨询排污许可登记');
    // the account has no phone on record, so the one typed here is proved with a code
    await fillPhoneCode(page, '13979905678');
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByText('预约成功').waitFor({ timeout: 10_000 });
    const code = ((await page.locator('.ant-typography-copy').first().locator('..').textContent()) ?? '').trim();

    await page.getByTestId('my-home-link').click();
    await page.waitForURL((u) => u.pathname === '/my');
    await page.getByRole('tab', { name: '预约' }).click();
    const mine = page.getByTestId('my-appointments');
    await mine.waitFor({ timeout: 10_000 });
    const text = (await mine.textContent()) ?? '';
    expect(text.includes('咨询排污许可登记'), `the new booking is listed under 我的预约 (code ${code})`);
    await ctx.screenshot(page, '95-phone-my-bookings');
    await page.getByRole('tab', { name: '信访' }).click();
    await page.waitForTimeout(500);
    await ctx.screenshot(page, '96-phone-my-petitions');

    // A mistyped tracking code is answered under the form, which stays to be corrected.
    await page.goto(`${ctx.baseUrl}/petitions/track?code=XF2099ZZZZ`);
    await page.getByLabel('手机号').fill('13979905678');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const err = page.getByTestId('lookup-error');
    await err.waitFor({ timeout: 10_000 });
    expect(((await err.textContent()) ?? '').includes('查询码'), 'the inline answer says to check the code');
    expect((await page.getByText('加载失败').count()) === 0, 'no full-page 加载失败');
    expect(await page.getByLabel('手机号').isVisible(), 'the form stays on the page');
    await ctx.screenshot(page, '97-phone-track-mistyped');
  },
};

// In English the headers are longer and the state tags too: a list wider than the window once made
// the whole page scroll sideways (/staff/applications 1,415 px in a 1,280-px window, a state tag of
// /staff/reports past the edge). A table too wide scrolls inside itself; the page never does.
export const englishListsFitTheWindow: Journey = {
  name: 'staff lists in English fit a 1280-px window (a wide table scrolls inside itself)',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await ctx.login(page, 'admin');
    await page.waitForURL((u) => u.pathname.startsWith('/staff'), { timeout: 15_000 });
    await page.evaluate(() => localStorage.setItem('qingshan.lang', 'en'));
    for (const path of ['/staff/applications', '/staff/reports', '/staff/enterprises', '/staff/permits']) {
      await page.goto(`${ctx.baseUrl}${path}`);
      await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
      const [scrollWidth, clientWidth, lang] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
        document.documentElement.lang,
      ]);
      expect(lang.startsWith('en'), `${path} is in English (lang=${lang})`);
      expect(scrollWidth <= clientWidth, `${path} is no wider than the window (${scrollWidth} > ${clientWidth} px)`);
    }
    await ctx.screenshot(page, '94-english-permits-list', { window: true });

    // no date in a table breaks after a hyphen: "2026-12-" over "07" in the EIA list, the visits'
    // dates, ratings' deadlines, the reception concerns' days
    for (const path of ['/staff/eia', '/staff/visits', '/staff/ratings', '/staff/reception/concerns']) {
      await page.goto(`${ctx.baseUrl}${path}`);
      await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
      const { checked, broken } = await datesBrokenIn(page, 'td.ant-table-cell');
      expect(checked > 0, `${path} shows dates`);
      expect(broken.length === 0, `${path}: no date breaks over two lines (${broken.join(', ')})`);
    }

    // the services rated are named in English (the window's or the petition's own words stay)
    // the figures and the list below them count the same period (the URL's): the bars add up to the
    // list's total but for the ratings voided on appeal, which the figures leave out
    await page.goto(`${ctx.baseUrl}/staff/ratings?from=2020-01-01&to=2026-12-31`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('rating-level-count').nth(4).waitFor({ timeout: 15_000 });
    const bars = (await page.getByTestId('rating-level-count').allTextContents()).map(Number);
    const listTotal = Number(
      /(\d+) in total/.exec((await page.locator('.ant-pagination-total-text').textContent()) ?? '')?.[1],
    );
    const period = 'from=2020-01-01T00:00:00%2B08:00&to=2026-12-31T23:59:59.999%2B08:00';
    const voided = (await (await page.request.get(`${ctx.baseUrl}/api/ratings?state=void&${period}`)).json()) as {
      total: number;
    };
    const barSum = bars.reduce((a, b) => a + b, 0);
    expect(
      bars.length === 5 && barSum > 0 && barSum + voided.total === listTotal,
      `the ratings' bars (${bars.join(' + ')}) and ${voided.total} voided add up to the list's ${listTotal}`,
    );
    const rated = await page.locator('.ant-table-row td:nth-child(2)').allTextContents();
    expect(
      rated.length > 0 &&
        rated.every((label) => /^(Booking|Petition|Reception-day concern|Door-to-door visit) /.test(label)),
      `the ratings name their services in English (${rated.slice(0, 3).join(' | ')})`,
    );

    // the rules' sources are the platform's citations, in English in an English console
    await page.goto(`${ctx.baseUrl}/staff/rules`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const sources = await page.locator('.ant-table-row td:nth-child(3)').allTextContents();
    const chinese = sources.filter((x) => /[\u4e00-\u9fff]/.test(x.replace(/[\u4e00-\u9fff]*〔\d{4}〕\d+号/g, '')));
    expect(
      sources.length > 0 && chinese.length === 0,
      `the rules' sources read in English (${chinese.slice(0, 2).join(' | ')})`,
    );

    // a listed firm's category cites the Ministry's notice or the province's addition in English
    await page.goto(`${ctx.baseUrl}/staff/positive-list`);
    await page.locator('.ant-table-row a').first().click();
    const categorySource = page
      .locator('.ant-descriptions-item')
      .filter({ hasText: 'Category source' })
      .locator('.ant-descriptions-item-content');
    await categorySource.waitFor({ timeout: 15_000 });
    const cited = (await categorySource.textContent()) ?? '';
    expect(
      /Ministry of Ecology and Environment|Jiangxi/.test(cited) && !/[\u4e00-\u9fff]/.test(cited),
      `the positive-list category's source reads in English (${cited})`,
    );

    // an application's number and its time received stay on one line ("SQ20261207-" / "003" once)
    await page.goto(`${ctx.baseUrl}/staff/applications`);
    const firstApplication = page.locator('.ant-table-row').first();
    await firstApplication.waitFor({ timeout: 15_000 });
    const lineCount = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].filter((r) => r.width > 0).length;
    };
    const code = firstApplication.getByRole('link', { name: /^SQ\d{8}-\d{3}$/ });
    expect((await code.evaluate(lineCount)) === 1, 'the application number is on one line');
    const received = firstApplication.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await received.evaluate(lineCount)) === 1, 'the time received is on one line');

    // a logger's 24-digit MN stays on one line (it was broken in two in English: an inline element
    // that wraps has two client rects)
    await page.goto(`${ctx.baseUrl}/staff/monitoring/quarantine`);
    const unknown = page
      .getByTestId('quarantine-table')
      .locator('.ant-table-row')
      .filter({ hasText: '888888800000000036032299' });
    await unknown.waitFor({ timeout: 30_000 });
    const lines = (el: Element) => el.getClientRects().length;
    expect((await unknown.locator('code').first().evaluate(lines)) === 1, 'the quarantined MN is on one line');
    // and its times (with their sort arrows beside the headers, "2026-12-06 23:56:36" broke into
    // three lines): a text's line boxes are its range's rects
    const textLines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].filter((r) => r.width > 0).length;
    };
    const seenTimes = await unknown.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/).all();
    expect(seenTimes.length === 2, `the first and last seen times are shown (${seenTimes.length})`);
    for (const time of seenTimes) {
      const n = await time.evaluate(textLines);
      expect(n === 1, `a quarantined logger's time is on one line (${n} lines)`);
    }
    await page.goto(`${ctx.baseUrl}/staff/monitoring`);
    await page.getByTestId('monitoring-stations').getByRole('link', { name: '辊道窑废气排放口' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/staff/monitoring/stations/'), { timeout: 15_000 });
    const mn = page.locator('.ant-descriptions code').first();
    await mn.waitFor({ timeout: 15_000 });
    expect((await mn.evaluate(lines)) === 1, 'the station’s MN is on one line');
    // the chart draws its line in about a second: the screenshot is of the drawn chart
    await page.getByTestId('readings-chart').locator('canvas').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1_500);
    await ctx.screenshot(page, '95-english-station-detail', { window: true });

    // what an alarm saw is said in English too (it was stored in Chinese only); the meters' and
    // standards' own names stay as registered
    await page.goto(`${ctx.baseUrl}/staff/alarms`);
    const firstAlarm = page.locator('.ant-table-row').first();
    await firstAlarm.waitFor({ timeout: 60_000 });
    await firstAlarm.getByRole('link').first().click();
    await page.waitForURL((u) => /^\/staff\/alarms\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    // a bordered list of one column: a table row per item, its label a th and its text a td
    const seen = page.locator('.ant-descriptions-row').filter({ hasText: 'What was seen' });
    await seen.waitFor({ timeout: 15_000 });
    const seenText = (await seen.locator('.ant-descriptions-item-content').textContent()) ?? '';
    expect(
      /hourly average|value|stopped|below|did not start|kept producing|sent no data|No data received|zero since|flagged/.test(
        seenText,
      ),
      `the alarm's detail is in English (${seenText})`,
    );
    await ctx.screenshot(page, '96-english-alarm-detail', { window: true });

    // an enterprise account's long name (the enterprise's, with the officer's role) once pushed the
    // bureau's English name to an ellipsis: the name is capped, the bureau's shown whole
    const ent = await ctx.newPage();
    await ent.setViewportSize({ width: 1280, height: 800 });
    await ctx.login(ent, 'enterprise');
    await ent.waitForURL((u) => u.pathname.startsWith('/enterprise'), { timeout: 15_000 });
    await ent.evaluate(() => localStorage.setItem('qingshan.lang', 'en'));
    await ent.reload();
    const brand = ent.locator('header h1');
    await brand.filter({ hasText: 'Ecology and Environment Bureau' }).waitFor({ timeout: 15_000 });
    const [shown, needed] = await brand.evaluate((h) => [h.clientWidth, h.scrollWidth]);
    expect(needed <= shown, `the bureau's name is whole in the enterprise's header (${needed} > ${shown} px)`);

    // the enterprise's messages (its alarms' reminders) read in English: they were stored in Chinese only
    await ent.goto(`${ctx.baseUrl}/enterprise/inbox`);
    const message = ent.getByTestId('inbox-title').first();
    await message.waitFor({ timeout: 30_000 });
    const titles = await ent.getByTestId('inbox-title').allTextContents();
    expect(
      titles.length > 0 && titles.every((title) => /[A-Za-z]{4,}/.test(title)),
      `the enterprise's messages are titled in English (${titles.join(' | ')})`,
    );
    await ctx.screenshot(ent, '96b-english-enterprise-inbox', { window: true });
  },
};

// On a phone a list is one card a record: the guides' five-column table squeezed into 390 px printed
// a guide's name one character a line, 3,519 px tall. The console's menu folds into a button in the
// header (its 80 px of icons left pages 310 px wide), and no page is wider than the window.
export const listsOnAPhone: Journey = {
  name: 'on a phone lists are cards, the console menu folds into the header, no page scrolls sideways',
  async run(ctx) {
    const PHONE = { width: 390, height: 844 };
    const fits = async (page: import('playwright-core').Page, what: string) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width <= PHONE.width, `${what} fits the phone's width (scrollWidth ${width})`);
    };

    const citizen = await ctx.newPage();
    await citizen.setViewportSize(PHONE);
    // a visitor's page asks nothing that fails: "who is signed in" answered 401, an error in the
    // browser's console on every public page
    const failed: string[] = [];
    citizen.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await citizen.goto(`${ctx.baseUrl}/matters`);
    const guides = citizen.locator('.qs-list-card');
    await guides.first().waitFor({ timeout: 15_000 });
    expect(failed.length === 0, `a visitor's guides page has no failed request (${failed.join(', ')})`);
    expect((await citizen.locator('.ant-table').count()) === 0, 'the guides are cards, not a table');
    expect((await guides.count()) >= 2, 'every guide of the page has its card');
    const labels = await guides.first().locator('dt').allTextContents();
    expect(
      ['办理机关', '办理时限', '申请材料'].every((l) => labels.includes(l)),
      `a card names its facts (${labels.join(', ')})`,
    );
    await fits(citizen, 'the guides list');
    await ctx.screenshot(citizen, '98-phone-guides', { window: true });
    // the table's sort, as a select
    await citizen.getByRole('combobox', { name: '排序' }).click();
    await citizen.getByTitle('更新日期（降序）').click();
    await citizen.waitForURL((u) => u.searchParams.get('sort') === '-updatedAt', { timeout: 10_000 });
    await guides.first().locator('.qs-list-card-head a').click();
    await citizen.waitForURL((u) => /^\/matters\/[a-z-]+$/.test(u.pathname), { timeout: 15_000 });
    await fits(citizen, 'a guide');
    // in English the notices' four tabs are wider than the phone: they scroll inside themselves
    await citizen.evaluate(() => localStorage.setItem('qingshan.lang', 'en'));
    await citizen.goto(`${ctx.baseUrl}/eia/notices`);
    await citizen.locator('.qs-list-card').first().waitFor({ timeout: 15_000 });
    await fits(citizen, 'the EIA notices in English');
    // a notice's card is headed by its project (a link to the notice), its kind a line below
    const noticeHead = citizen.locator('.qs-list-card').first().locator('.qs-list-card-head a');
    expect(
      (await noticeHead.getAttribute('href'))?.startsWith('/eia/notices/') === true,
      'a notice card is headed by its project',
    );
    // the guides' own words are Chinese: in English their limits are printed from the rules
    await citizen.goto(`${ctx.baseUrl}/matters?q=approval`);
    await citizen.locator('.qs-list-card').first().waitFor({ timeout: 15_000 });
    const limits = await citizen.locator('.qs-list-card').allTextContents();
    expect(
      limits.length > 0 && limits.every((c) => /Statutory: \d+ working days/.test(c)),
      `each approval's limits read in English (${limits[0]})`,
    );
    // a filing the national system takes at once has no limit: said so in English
    await citizen.goto(`${ctx.baseUrl}/matters?q=filing`);
    await citizen.locator('.qs-list-card').first().waitFor({ timeout: 15_000 });
    const filing = (await citizen.locator('.qs-list-card').first().textContent()) ?? '';
    expect(filing.includes('No time limit for handling'), `a filing's time limit reads in English (${filing})`);

    const clerk = await ctx.newPage();
    await clerk.setViewportSize(PHONE);
    await ctx.login(clerk, 'clerk');
    await clerk.goto(`${ctx.baseUrl}/staff/worklist`);
    const clocks = clerk.getByTestId('worklist-table').locator('.qs-list-card');
    await clocks.first().waitFor({ timeout: 15_000 });
    expect((await clerk.locator('.ant-table').count()) === 0, 'the worklist is cards, not a table');
    // each card carries its clock's state, as the table's row does (an overdue one is tinted red)
    const states = await clocks.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-state'), getComputedStyle(e).backgroundColor]),
    );
    expect(
      states.every(([s, bg]) => !!s && (s !== 'overdue' || bg === 'rgb(255, 241, 240)')),
      `every card has its clock's state (${states.map((x) => x.join(' ')).join('; ')})`,
    );
    await fits(clerk, 'the worklist');
    const toggle = clerk.getByTestId('menu-toggle');
    expect((await toggle.getAttribute('aria-expanded')) === 'false', 'the menu starts folded');
    const title = await clerk.getByRole('heading', { name: '我的待办' }).boundingBox();
    expect(!!title && title.x < 20, `the page starts at the phone's edge, not after a column of icons (x ${title?.x})`);
    await ctx.screenshot(clerk, '99-phone-worklist', { window: true });
    // a tap on the page beside the open menu folds it
    await toggle.click();
    await clerk.getByTestId('menu-backdrop').click({ position: { x: 370, y: 400 } });
    expect((await toggle.getAttribute('aria-expanded')) === 'false', 'a tap beside the menu folds it');
    // from the keyboard: the open menu has the focus, Escape folds it and gives the focus back
    await toggle.click();
    await clerk.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem', null, {
      timeout: 5_000,
    });
    // Tab walks the menu and the header, never the page the menu covers
    for (let i = 0; i < 30; i++) await clerk.keyboard.press('Tab');
    const wandered = await clerk.evaluate(() => !!document.activeElement?.closest('.ant-layout-content'));
    expect(!wandered, 'Tab does not leave the open menu for the page under it');
    await clerk.keyboard.press('Escape');
    expect((await toggle.getAttribute('aria-expanded')) === 'false', 'Escape folds the menu');
    expect(
      (await clerk.locator('.ant-layout-content').getAttribute('inert')) === null,
      'the page takes the keyboard again once the menu is folded',
    );
    expect(await toggle.evaluate((b) => b === document.activeElement), 'the focus is back on the menu button');
    await toggle.click();
    const item = clerk.getByRole('menuitem', { name: '信访台账' });
    await item.waitFor({ timeout: 5_000 });
    await ctx.screenshot(clerk, '99b-phone-menu', { window: true });
    await item.click();
    await clerk.waitForURL((u) => u.pathname === '/staff/petitions', { timeout: 15_000 });
    await clerk.locator('.qs-list-card').first().waitFor({ timeout: 15_000 });
    expect((await toggle.getAttribute('aria-expanded')) === 'false', 'the menu folds again after a choice');
    await fits(clerk, 'the petitions list');

    // the leader's figures: each heading stays on one line (they printed a character a line) and
    // the table scrolls sideways inside its card
    const leader = await ctx.newPage();
    await leader.setViewportSize(PHONE);
    await ctx.login(leader, 'leader');
    await leader.goto(`${ctx.baseUrl}/staff/period-report/dashboard`);
    const desk = leader.getByTestId('dashboard-sla-desk');
    await desk.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const broken = await desk.locator('thead th').evaluateAll((ths) =>
      ths.flatMap((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return tops.size > 1 ? [th.textContent ?? ''] : [];
      }),
    );
    expect(broken.length === 0, `the figures' headings stay on one line (${broken.join(', ')})`);
    await fits(leader, 'the leader dashboard');
    await ctx.screenshot(leader, '99c-phone-leader-dashboard');
  },
};
