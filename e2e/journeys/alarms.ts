import type { Journey } from '../harness.ts';
import { expect } from './expect.ts';

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
    await ent.getByTestId('alarm-answer-reason').fill('提升泵叶轮磨损，出力下降');
    await ent.getByTestId('alarm-answer-action').fill('已更换叶轮，泵功率恢复至额定值的九成');
    await ctx.screenshot(ent, '40b-enterprise-answer-form');
    await ent.getByTestId('alarm-answer-submit').click();
    await ent.getByText('提升泵叶轮磨损，出力下降').first().waitFor({ timeout: 10_000 });
    await ent.getByTestId('alarm-answer-submit').waitFor({ state: 'detached', timeout: 10_000 });

    const officer = await ctx.newPage();
    await ctx.login(officer, 'monitor');
    await officer.goto(`${ctx.baseUrl}${alarmPath.replace('/enterprise/', '/staff/')}`);
    await officer.getByText('已更换叶轮，泵功率恢复至额定值的九成').first().waitFor({ timeout: 15_000 });
    await officer.getByTestId('alarm-close-note').fill('核对电表曲线，属实；企业已整改');
    await officer.getByTestId('alarm-close-submit').click();
    await officer.getByText('审核关闭', { exact: true }).last().waitFor({ timeout: 10_000 });
    await officer.getByText('已关闭').first().waitFor({ timeout: 10_000 });
    const timeline = (await officer.locator('.ant-timeline').textContent()) ?? '';
    for (const step of ['产生报警', '提醒企业', '企业答复', '审核关闭'])
      expect(timeline.includes(step), `the timeline shows ${step} (${timeline})`);
    await ctx.screenshot(officer, '40c-officer-closed-alarm');

    await officer.goto(`${ctx.baseUrl}/staff/electricity/meters`);
    await officer.getByTestId('power-chart').waitFor({ timeout: 15_000 });
    await ctx.screenshot(officer, '40d-meters-power-chart');
  },
};
