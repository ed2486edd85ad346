import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';
import { fillPhoneCode } from './phone-code.ts';

// Issue 5: a citizen books an extended-hours (延时服务) slot from the public portal, without an
// account, and finds the booking again with its code and phone number.
export const citizenBooksExtendedSlot: Journey = {
  name: 'citizen books an extended-hours slot without an account',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.baseUrl}/`);
    await page.getByTestId('home-book').waitFor();
    await ctx.screenshot(page, '00-public-home');
    await page.getByTestId('home-book').getByRole('link').click();
    await page.waitForURL(/\/appointments$/);
    await page.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByText('只看延时服务').click();
    const slot = page.locator('button').filter({ hasText: '延时服务' }).filter({ hasNotText: '只看' }).first();
    await slot.waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '20-public-book-extended-slot');
    await slot.click();
    await page.getByLabel('姓名').fill('张秀英');
    await page.getByLabel('手机号').fill('13979901234');
    await page.getByLabel('办理事项').fill('咨询建设项目环评登记表备案');
    // without the code the form refuses to submit (anonymous bookers must prove the phone)
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByText('请填写 6 位验证码').first().waitFor({ timeout: 10_000 });
    await fillPhoneCode(page, '13979901234');
    await ctx.screenshot(page, '20b-public-book-phone-code');
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByText('预约成功').waitFor({ timeout: 10_000 });
    const body = (await page.textContent('body')) ?? '';
    expect(body.includes('延时服务'), 'the confirmation shows the slot is an extended-hours one');
    await ctx.screenshot(page, '21-public-booked');
  },
};

// Issue 5: at a reception day the clerk records a concern, answers and accepts it (a clock starts),
// then resolves it.
export const clerkResolvesConcern: Journey = {
  name: 'clerk records a reception-day concern, answers it and resolves it',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'clerk');
    const sessions = await page.evaluate(async () =>
      (await fetch('/api/reception/sessions?kind=public&from=2020-01-01&to=2020-12-31&pageSize=50')).json(),
    );
    const session = (sessions.items as { id: string; date: string }[])[0];
    expect(!!session, 'a 2020 public reception day exists in the demo data');
    await page.goto(`${ctx.baseUrl}/staff/reception/sessions/${session!.id}`);
    await page.getByTestId('concern-add').click();
    // antd selects: open, then Enter takes the first (active) option
    await page.getByTestId('concern-raised-by').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('concern-category').click();
    await page.keyboard.press('Enter');
    const text = `反映村口废品收购站焚烧垃圾（测试${Date.now() % 10000}）`;
    await page.getByTestId('concern-description').fill(text);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const row = page.getByTestId('concern-table').locator('.ant-table-row').filter({ hasText: text });
    await row.waitFor({ timeout: 10_000 });

    await row.getByTestId('concern-answer').click();
    await page.getByTestId('concern-answer-text').fill('已转执法大队现场核查，三个工作日内反馈');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByTestId('concern-resolve').waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '30-reception-concern-accepted');

    await row.getByTestId('concern-resolve').click();
    await page.getByTestId('concern-resolution-text').fill('执法大队已责令停止焚烧并清运，群众满意');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText('已解决').waitFor({ timeout: 10_000 });
    await ctx.screenshot(page, '31-reception-concern-resolved');
  },
};

// Issue 5: the dashboard for the article's period (2020-01-01…2020-11-30) shows the article's
// figures because the records are there, and each drills down to the records it counts.
export const dashboardArticleFigures: Journey = {
  name: "leader's dashboard shows the article's figures and drills down to the records",
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'leader');
    // Issue 8 §5: opened without a period, the dashboard shows the latest year with records
    // rather than a page of zeros for an empty current year.
    const thisYear = await page.evaluate(async () => (await fetch('/api/figures')).json());
    const empty = Object.values(thisYear.values as Record<string, number>).every((v) => v === 0);
    await page.goto(`${ctx.baseUrl}/staff/figures`);
    if (empty) {
      await page.getByTestId('figures-fallback').waitFor({ timeout: 20_000 });
      expect(/from=2020-01-01&to=2020-12-31/.test(page.url()), `opened on 2020 (url ${page.url()})`);
      const visits = page.getByTestId('figure-enterpriseVisits').locator('.ant-statistic-content-value');
      expect(Number((await visits.textContent())?.replace(/\D/g, '')) > 0, 'the year opened on has visits');
      await ctx.screenshot(page, '34-figures-latest-year');
    } else {
      await page.getByTestId('figure-enterpriseVisits').waitFor({ timeout: 15_000 });
      expect(!page.url().includes('emptyYear'), 'a year with records is shown as it is');
    }
    await page.getByTestId('figures-article').click();
    await page.waitForURL(/from=2020-01-01&to=2020-11-30/);
    // the cards of the default period (this year) stay until the article period's answer arrives
    await page.getByText('统计期间：2020-01-01 至 2020-11-30').first().waitFor({ timeout: 15_000 });
    await page
      .locator('.ant-spin-spinning')
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => {});
    const value = async (key: string) => {
      const card = page.getByTestId(`figure-${key}`);
      await card.waitFor({ timeout: 15_000 });
      const t = (await card.locator('.ant-statistic-content-value').textContent()) ?? '';
      return Number(t.replace(/[^\d.]/g, ''));
    };
    const enterprises = await value('receptionEnterprises');
    expect(enterprises === 32, `enterprises received = 32 (got ${enterprises})`);
    expect((await value('receptionPeople')) === 86, 'people received = 86');
    expect((await value('receptionConcernsResolved')) === 45, 'concerns accepted and resolved = 45');
    expect((await value('campaigns')) === 4, 'campaigns = 4');
    const visits = await value('enterpriseVisits');
    expect(visits >= 240, `enterprise-visits ≥ 240 (got ${visits})`);
    await ctx.screenshot(page, '32-figures-article-period');

    await page.getByTestId('figure-receptionEnterprises').getByRole('link').click();
    await page.waitForURL(/\/staff\/figures\/receptionEnterprises/);
    const table = page.getByTestId('figure-records');
    await table.locator('.ant-table-row').first().waitFor({ timeout: 10_000 });
    const title =
      (await page.locator('h1, .ant-page-header-heading-title, .qs-page-title').first().textContent()) ?? '';
    const body = (await page.textContent('body')) ?? '';
    expect(/32/.test(title) || body.includes('共 32 条'), `the drill-down counts 32 records (title "${title}")`);
    await page.getByTestId('figure-export').waitFor();
    await ctx.screenshot(page, '33-figures-drill-down');
  },
};

// Issue 5: a citizen books a public reception day without an account; the published list of the
// day's bookings masks the name.
export const citizenBooksPublicDay: Journey = {
  name: 'citizen books a public reception day; the published list masks the name',
  async run(ctx) {
    const page = await ctx.newPage();
    await page.goto(`${ctx.baseUrl}/reception`);
    const book = page.getByTestId('public-book').first();
    await book.waitFor({ timeout: 15_000 });
    await book.click();
    await page.getByTestId('public-name').fill('张建华');
    await page.getByTestId('public-phone').fill('13607991234');
    await page.getByTestId('public-concern').fill('小区旁边搅拌站粉尘较大，希望加强监管');
    await fillPhoneCode(page, '13607991234');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|提\s*交|预\s*约|OK/ })
      .last()
      .click();
    await page
      .getByText(/已预约.*接待日/)
      .first()
      .waitFor({ timeout: 10_000 });
    // the session's line (its title, a button of its own) opens it; the 预约 button beside it does not
    await page.locator('.ant-collapse-header .ant-collapse-title').first().click();
    await page.getByText('张**').first().waitFor({ timeout: 10_000 });
    const body = (await page.textContent('body')) ?? '';
    expect(!body.includes('张建华'), 'the full name is not published');
    expect(!body.includes('13607991234'), 'the phone is not published');
    await ctx.screenshot(page, '34-public-reception-booked');
  },
};

// Issue 14 #9: on a joint visit each enterprise sees only its own part; the overall summary, the
// internal note and the other enterprise's findings stay with the bureau.
export const jointVisitPrivacy: Journey = {
  name: 'enterprise sees only its own part of a joint visit',
  async run(ctx) {
    const staff = await ctx.newPage();
    await ctx.login(staff, 'inspector');
    const mine = ctx.account('enterprise').enterprise!;
    const stamp = Date.now() % 100000;

    // the form names a joint visit's parts by enterprise: they read 本企业情况 1 and 2, and a
    // follow-up's enterprise was offered as the first eight characters of an id
    const otherName = await staff.evaluate(async (mine) => {
      const items = (await (await fetch('/api/enterprises?pageSize=20')).json()).items as { name: string }[];
      return items.find((e) => e.name !== mine)?.name ?? '';
    }, mine);
    await staff.goto(`${ctx.baseUrl}/staff/visits/new`);
    const picker = staff.getByTestId('visit-enterprises');
    for (const name of [mine, otherName]) {
      await picker.click();
      await staff.keyboard.type(name);
      await staff.locator(`.ant-select-item-option[title="${name}"]`).click();
    }
    await staff.keyboard.press('Escape');
    for (const name of [mine, otherName]) await staff.getByText(`${name}的情况`).waitFor({ timeout: 10_000 });
    await staff.getByRole('button', { name: /添加跟进事项/ }).click();
    await staff.locator('form .ant-select').last().click();
    for (const name of [mine, otherName])
      await staff
        .locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${name}"]`)
        .last()
        .waitFor({ timeout: 5_000 });
    await ctx.screenshot(staff, '39-joint-visit-form');
    const created = await staff.evaluate(
      async ({ mine, stamp }) => {
        const me = await (await fetch('/api/auth/me')).json();
        // no helper functions in here: the page has no __name for the bundler's names
        type E = { id: string; name: string };
        const mineList = (await (await fetch(`/api/enterprises?q=${encodeURIComponent(mine)}`)).json()).items as E[];
        const someList = (await (await fetch('/api/enterprises?pageSize=20')).json()).items as E[];
        const own = mineList.find((e) => e.name === mine);
        const other = someList.find((e) => e.name !== mine);
        if (!own || !other) return { status: 0, body: { id: '', own: !!own, other: !!other } };
        const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
        const res = await fetch('/api/visits', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            date: today,
            staff: [{ name: '李强', leader: false }],
            enterprises: [
              { enterpriseId: own.id, findings: `本厂废气收集罩破损，已指导维修 ${stamp}` },
              { enterpriseId: other.id, findings: `邻厂危废台账缺两个月 ${stamp}` },
            ],
            purposes: ['risk-reminder'],
            summary: `联合走访两家企业，邻厂拟列入重点检查 ${stamp}`,
            internalNote: `邻厂负责人态度消极，建议突击检查 ${stamp}`,
            followUps: [{ action: `内部：通报执法大队 ${stamp}`, dueDate: today, internal: true }],
          }),
        });
        return { status: res.status, body: await res.json() };
      },
      { mine, stamp },
    );
    expect(created.status === 201, `the joint visit is recorded (got ${created.status})`);
    await staff.goto(`${ctx.baseUrl}/staff/visits/${created.body.id}`);
    await staff.getByTestId('visit-internal-note').waitFor({ timeout: 15_000 });
    await ctx.screenshot(staff, '40-joint-visit-staff');

    const page = await ctx.newPage();
    await ctx.login(page, 'enterprise');
    await page.goto(`${ctx.baseUrl}/enterprise/visits`);
    await page.getByText(`本厂废气收集罩破损，已指导维修 ${stamp}`).first().waitFor({ timeout: 15_000 });
    const body = (await page.textContent('body')) ?? '';
    expect(!body.includes(`邻厂危废台账缺两个月 ${stamp}`), "the other enterprise's findings are not shown");
    expect(!body.includes(`联合走访两家企业`), 'the overall summary is not shown');
    expect(!body.includes(`建议突击检查 ${stamp}`), 'the internal note is not shown');
    const api = await page.evaluate(async (id) => (await fetch(`/api/visits/${id}`)).text(), created.body.id);
    expect(!api.includes('突击检查') && !api.includes('执法大队'), 'the API gives the enterprise nothing internal');
    await ctx.screenshot(page, '41-joint-visit-enterprise');

    // 好差评: its own part of the joint visit (户次) is its to rate from the list; the neighbour's part
    // stays the neighbour's
    const row = page.locator('tr').filter({ hasText: `本厂废气收集罩破损，已指导维修 ${stamp}` });
    await row.getByRole('button', { name: /评\s*价/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio').nth(4).click();
    await dialog.getByRole('button', { name: /提交评价/ }).click();
    // a good rating has no follow-up to show: the dialog says what was given
    await dialog.getByText(/您已评价/).waitFor({ timeout: 15_000 });
    await ctx.screenshot(page, '41b-enterprise-rates-its-part', { window: true });
    const states = await staff.evaluate(async (id) => {
      const v = await (await fetch(`/api/visits/${id}`)).json();
      const parts = (v.enterprises as { name: string; ratingEventId: string }[]).map((e) => e.ratingEventId);
      const res = await fetch(`/api/ratings/events?eventType=visit&eventIds=${parts.join(',')}`);
      const items = (await res.json()).items as { eventId: string; state: string }[];
      return (v.enterprises as { name: string; ratingEventId: string }[]).map(
        (e) => `${e.name}:${items.find((i) => i.eventId === e.ratingEventId)?.state}`,
      );
    }, created.body.id);
    expect(
      states.filter((s) => s.endsWith(':rated')).length === 1 && states.includes(`${mine}:rated`),
      `only the enterprise's own part is rated (${states.join(' | ')})`,
    );
  },
};

// 复查 (信访工作条例 第三十五条) is decided by the next level up; the petitioner follows it on the
// public tracking page with only the code and phone: what was asked, where the file went, the
// opinion and until when 复核 can be asked for. The clerk's petition page shows the same window.
export const citizenTracksReview: Journey = {
  name: 'citizen tracks a 复查 decided by the next level up and sees the 复核 window',
  async run(ctx) {
    const page = await ctx.newPage();
    await ctx.login(page, 'clerk');
    const phone = '13900002222';
    const code = await page.evaluate(async (ph) => {
      const me = await (await fetch('/api/auth/me')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      const res = await fetch('/api/petitions', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          channel: 'phone',
          type: 'claim',
          title: '搅拌站粉尘扰民',
          content: '反映某搅拌站粉尘扰民，请求核查处理。',
          petitionerName: '周明',
          petitionerPhone: ph,
        }),
      });
      let body = await res.json();
      if (res.status !== 201) return `register ${res.status} ${JSON.stringify(body).slice(0, 200)}`;
      // the server's own day, so the journey also holds under E2E_NOW
      const today = new Date(body.receivedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      for (const step of [
        { action: 'accept' },
        { action: 'reply', text: '经核查，已督促企业整改。' },
        { action: 'record-delivery', date: today },
        { action: 'request-review', date: today },
        { action: 'transmit-review', decidingBody: '萍乡市生态环境局' },
        { action: 'record-review', date: today, referenceNo: '萍环信复〔2026〕9号', text: '维持原处理意见' },
      ]) {
        const r = await fetch(`/api/petitions/${body.id}/actions`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ ...step, version: body.version }),
        });
        const next = await r.json();
        if (r.status !== 200) return `${step.action} ${r.status} ${JSON.stringify(next).slice(0, 200)}`;
        body = next;
      }
      return `OK ${body.code} ${body.id}`;
    }, phone);
    expect(code.startsWith('OK '), `petition walked to a recorded 复查 (${code})`);
    const [, trackingCode, petitionId] = code.split(' ');

    const citizen = await ctx.newPage();
    await citizen.goto(`${ctx.baseUrl}/petitions/track?code=${trackingCode}`);
    await citizen.getByLabel('手机号').fill(phone);
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    const card = citizen.locator('.ant-card').filter({ hasText: '复查与复核' });
    await card.waitFor({ timeout: 10_000 });
    const text = (await card.textContent()) ?? '';
    expect(text.includes('已申请复查'), `the request is shown (${text.slice(0, 300)})`);
    expect(text.includes('移送萍乡市生态环境局'), 'the transmission to the deciding body is shown');
    expect(text.includes('萍环信复〔2026〕9号') && text.includes('维持原处理意见'), 'the opinion is shown');
    expect(text.includes('请求复核'), 'the window to ask for 复核 is shown');
    await ctx.screenshot(citizen, '16-citizen-tracks-review');

    await page.goto(`${ctx.baseUrl}/staff/petitions/${petitionId}`);
    const staffWindow = page.getByTestId('petition-request-window');
    await staffWindow.waitFor({ timeout: 10_000 });
    const due = /(\d{4}-\d{2}-\d{2}) 前向上一级机关请求复核/.exec(text)?.[1];
    const staffText = (await staffWindow.textContent()) ?? '';
    expect(
      !!due && staffText.includes(`${due} 前向上一级机关请求复核`),
      `the clerk sees the petitioner's 复核 window, due ${due} as on the tracking page (${staffText})`,
    );
    await ctx.screenshot(page, '17-clerk-sees-review-window');
  },
};
