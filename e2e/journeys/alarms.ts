import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';
import { datesBrokenIn } from './layout.ts';

// 分表计电 → 报警 → 企业答复 → 审核关闭 (rules.md §4): the demo fireworks plant's wastewater pump has
// run below half its rated power while the line runs (R3). The enterprise finds the reminder in its
// alarms, answers with the reason and the action; a monitoring officer reads the answer on the
// alarm's timeline and closes it as confirmed.
export const alarmAnsweredAndClosed: Journey = {
  name: 'sub-metering alarm: enterprise answers, officer reviews and closes',
  async run(ctx) {
    const ent = await ctx.newPage();
    await ctx.login(ent, 'enterprise');
    await ent.goto(`${ctx.baseUrl}/enterprise/alarms?answered=false`);
    const row = ent.locator('.ant-table-row').filter({ hasText: '废水处理提升泵' });
    await row.waitFor({ timeout: 15_000 });
    expect(((await row.textContent()) ?? '').includes('治污设施功率低于额定功率'), 'the R3 kind is shown in Chinese');
    await ctx.screenshot(ent, '40a-enterprise-alarms');
    await row.getByRole('link').click();
    await ent.waitForURL((u) => /^\/enterprise\/alarms\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const alarmPath = new URL(ent.url()).pathname;
    await ent.getByText('用电监控（分表计电）监管规则').first().waitFor({ timeout: 10_000 });
    // the answer form says by when, as a time, not only "within 2 hours"
    const due = (await ent.getByTestId('alarm-answer-due').textContent()) ?? '';
    expect(/请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前/.test(due), `the answer's due time is shown (${due})`);

    // before the answer, the officer's review says why "confirmed" cannot be chosen yet
    const officer = await ctx.newPage();
    await ctx.login(officer, 'monitor');
    const staffPath = alarmPath.replace('/enterprise/', '/staff/');
    await officer.goto(`${ctx.baseUrl}${staffPath}`);
    await officer.getByText('企业答复后才能确认报警').first().waitFor({ timeout: 15_000 });

    await ent.getByTestId('alarm-answer-reason').fill('提升泵叶轮磨损，出力下降');
    await ent.getByTestId('alarm-answer-action').fill('已更换叶轮，泵功率恢复至额定值的九成');
    await ctx.screenshot(ent, '40b-enterprise-answer-form');
    await ent.getByTestId('alarm-answer-submit').click();
    await ent.getByText('提升泵叶轮磨损，出力下降').first().waitFor({ timeout: 10_000 });
    await ent.getByTestId('alarm-answer-submit').waitFor({ state: 'detached', timeout: 10_000 });

    await officer.goto(`${ctx.baseUrl}${staffPath}`);
    await officer.getByText('已更换叶轮，泵功率恢复至额定值的九成').first().waitFor({ timeout: 15_000 });
    expect((await officer.getByText('企业答复后才能确认报警').count()) === 0, 'once answered, the hint is gone');
    await officer.getByTestId('alarm-close-note').fill('核对电表曲线，属实；企业已整改');
    await officer.getByTestId('alarm-close-submit').click();
    await officer.getByText('审核关闭', { exact: true }).last().waitFor({ timeout: 10_000 });
    await officer.getByText('已关闭').first().waitFor({ timeout: 10_000 });
    const timeline = (await officer.locator('.ant-timeline').textContent()) ?? '';
    for (const step of ['产生报警', '提醒企业', '企业答复', '审核关闭'])
      expect(timeline.includes(step), `the timeline shows ${step} (${timeline})`);
    // what the alarm saw and its timeline keep their dates whole ("2026-12-" over "07 06:39" once)
    const dates = await datesBrokenIn(officer, '.ant-descriptions-item-content, .ant-timeline-item-content');
    expect(dates.checked > 0, 'the alarm page shows dates');
    expect(dates.broken.length === 0, `no date on the alarm page breaks over two lines (${dates.broken.join(', ')})`);
    await ctx.screenshot(officer, '40c-officer-closed-alarm');

    // the staff list: every tag (state, answer) on one line, beside the answer's due time
    await officer.goto(`${ctx.baseUrl}/staff/alarms`);
    await officer.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const wrapped = await officer
      .locator('.ant-table-row .ant-tag')
      .evaluateAll((tags) =>
        tags
          .filter((el) => el.getBoundingClientRect().height > 1.5 * Number.parseFloat(getComputedStyle(el).lineHeight))
          .map((el) => el.textContent),
      );
    expect(wrapped.length === 0, `no tag in the alarm list wraps (${wrapped.join(', ')})`);
    // and a tag keeps its distance from what follows it on the line (未答复 beside its due time;
    // antd 6 gives tags no margin of their own), looked at wide enough for the two to share a line
    await officer.setViewportSize({ width: 1600, height: 900 });
    await officer.reload();
    await officer.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const gaps = await officer.locator('.ant-table-row .ant-tag').evaluateAll((tags) =>
      tags.flatMap((el) => {
        const next = el.nextElementSibling;
        if (!next) return [];
        const a = el.getBoundingClientRect();
        const b = next.getBoundingClientRect();
        return Math.abs(a.top - b.top) < a.height
          ? [{ text: `${el.textContent}|${next.textContent}`, gap: b.left - a.right }]
          : [];
      }),
    );
    expect(gaps.length > 0, 'an unanswered alarm shows its due time beside its tag');
    const touching = gaps.filter((g) => g.gap < 4);
    expect(touching.length === 0, `tags keep apart from what follows them (${touching.map((g) => g.text).join(', ')})`);

    await officer.goto(`${ctx.baseUrl}/staff/electricity/meters`);
    await officer.getByTestId('power-chart').waitFor({ timeout: 15_000 });
    await ctx.screenshot(officer, '40d-meters-power-chart');
  },
};

// 分表计电 over HJ 212: the demo ceramics plant's kiln reports through a data logger (seeded binding,
// frames from the demo logger). An officer binds the fireworks plant's dust-collector fan to a
// logger too: a code with '-' is refused in Chinese beside the field, a valid one shows in the list.
// Then the kiln's raw frames open from its row and one is decoded in the browser.
export const officerBindsMeterToHj212: Journey = {
  name: 'sub-metering: an officer binds a meter to an HJ 212 logger',
  async run(ctx) {
    const officer = await ctx.newPage();
    await ctx.login(officer, 'monitor');
    await officer.goto(`${ctx.baseUrl}/staff/electricity/meters`);
    const kiln = officer.locator('.ant-table-row').filter({ hasText: 'JS-L1' });
    await kiln.waitFor({ timeout: 15_000 });
    expect(
      ((await kiln.textContent()) ?? '').includes('888888800000000036032281 · ele01'),
      'the demo kiln shows its HJ 212 logger and code',
    );
    const fan = officer.locator('.ant-table-row').filter({ hasText: 'JH-F1' });
    expect(((await fan.textContent()) ?? '').includes('仅 MQTT'), 'the fan reports over MQTT only');
    await fan.getByRole('button', { name: '编辑' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('数采仪 MN').fill('36032200000077');
    await dialog.getByLabel('因子编码').fill('ele-3');
    await dialog.getByLabel('访问密码（PW）').fill('123456');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.getByText('因子编码为 1–24 位字母、数字或下划线').first().waitFor({ timeout: 10_000 });
    await ctx.screenshot(officer, '41a-meter-hj212-refused');
    await dialog.getByLabel('因子编码').fill('ele03');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await fan.getByText('36032200000077 · ele03').waitFor({ timeout: 10_000 });
    await ctx.screenshot(officer, '41b-meter-hj212-bound');

    // the kiln's raw frames, as its logger sent them, decoded in the browser like a station's
    await kiln.getByRole('button', { name: '原始报文' }).click();
    const frames = officer.getByTestId('meter-frames');
    await frames.waitFor({ timeout: 10_000 });
    const row = frames.locator('.ant-table-row').first();
    // the demo logger reports on connect and then every minute
    await row.waitFor({ timeout: 40_000 });
    await row.locator('.ant-table-row-expand-icon').click();
    const decoded = officer.getByTestId('decoded-frame').first();
    await decoded.waitFor({ timeout: 10_000 });
    const text = (await decoded.textContent()) ?? '';
    expect(text.includes('888888800000000036032281'), `the decoded header shows the logger's MN (${text})`);
    expect(text.includes('ele01-Rtd'), `the decoded data area shows the kiln's code (${text})`);
    await ctx.screenshot(officer, '41c-meter-raw-frames');
  },
};
