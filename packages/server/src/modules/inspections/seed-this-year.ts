import { addCalendarDays, todayInShanghai } from '@qingshan/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, daysOfThisYearSoFar, demoRandom, THIS_YEAR_STREAMS } from '../../seed/demo-data.ts';
import type { Actor } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { users } from '../users/tables.ts';
import { createDraw, createPlan } from './service.ts';
import { inspectionPlans } from './tables.ts';
import { drawCycleFinished } from './this-year.ts';

// Where each quarter's draw falls: Q1 after the Spring Festival holidays, the others early in the
// quarter's first month (after Qingming and National Day), so that the round of inspections and
// the publication finish within the quarter.
const QUARTER_DRAWS = ['02-24', '04-07', '07-06', '10-12'];
const QUARTER_NAMES = '一二三四';

/**
 * This year's quarterly plans and their draws, for the quarters whose round (inspections, results
 * published, rectification orders due) is finished before today. The leader makes the plan, the
 * enforcement brigade's 李强 draws it and organises the round; the inspection records and the
 * published results are site-inspections' (seedSiteInspectionsThisYear), entered as the firms are
 * inspected. Plan names say "一季度", not "第一季度": the browser journey makes its own "第四季度" plan.
 */
export async function seedInspectionsThisYear(db: Db, ctx: SeedContext): Promise<void> {
  const today = todayInShanghai();
  if (!daysOfThisYearSoFar(today).length) return;
  const year = Number(today.slice(0, 4));
  const r = demoRandom(THIS_YEAR_STREAMS.inspections);
  const calendar = await getCalendar(db);
  const [leaderUser] = await db.select().from(users).where(eq(users.username, 'leader'));
  const [inspectorUser] = await db.select().from(users).where(eq(users.username, 'inspector'));
  const leader: Actor = { id: leaderUser?.id ?? null, name: '王局长', roles: ['leader'], ip: null };
  const brigade: Actor = {
    id: inspectorUser?.id ?? null,
    name: inspectorUser?.displayName ?? '执法·李强',
    ...(inspectorUser ? { account: inspectorUser.username } : {}),
    roles: ['inspector'],
    ip: null,
  };
  let draws = 0;
  let targets = 0;
  for (const [i, start] of QUARTER_DRAWS.entries()) {
    // drawn whether or not the quarter is kept, so a quarter's day does not depend on today
    const shift = r.int(0, 3);
    let first = `${year}-${start}`;
    while (!calendar.isWorkingDay(first)) first = addCalendarDays(first, 1);
    const drawnOn = calendar.addDays(first, shift, 'working');
    if (!(await drawCycleFinished(db, calendar, drawnOn, today))) continue;
    const plan = await createPlan(db, leader, {
      name: `${year} 年${QUARTER_NAMES[i]}季度双随机抽查计划`,
      year,
      period: 'quarter',
      quarter: i + 1,
    });
    // the plan was made a week before its draw, not on the day the demo was seeded
    await db
      .update(inspectionPlans)
      .set({ createdAt: at(addCalendarDays(drawnOn, -7)) })
      .where(eq(inspectionPlans.id, plan.id));
    const draw = await createDraw(db, brigade, plan.id, {
      seed: `shangli-${year}-q${i + 1}`,
      drawnOn,
      at: at(drawnOn, '09:30'),
    });
    draws++;
    targets += draw.targets.length;
  }
  ctx.print(`双随机：${year} 年已完成 ${draws} 个季度的抽查，抽中 ${targets} 家次`);
}
