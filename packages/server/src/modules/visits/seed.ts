import { addCalendarDays, type VisitPurpose } from '@qingshan/core';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import {
  at,
  type CountyEnterprise,
  countyEnterprises,
  DEMO_STREAMS,
  demoRandom,
  demoUserWithRole,
} from '../../seed/demo-data.ts';
import { getCalendar } from '../calendar/service.ts';
import { seedVisitsThisYear } from './seed-this-year.ts';
import { campaigns, visitEnterprises, visitFollowUps, visits } from './tables.ts';

/**
 * The door-to-door visits of 2020 as the article counts them (rules.md §6, as of 2020-11-30): 243
 * enterprise-visits (户次) from January to November, 4 concentrated 下沉式 campaigns among them,
 * with their follow-ups; and a few in December, outside the article's period.
 */
export async function seedVisits(db: Db, ctx: SeedContext): Promise<void> {
  const r = demoRandom(DEMO_STREAMS.visits);
  const calendar = await getCalendar(db);
  const all = await countyEnterprises(db);
  const leaderUser = await demoUserWithRole(db, 'leader');
  const clerkUser = await demoUserWithRole(db, 'clerk');
  const inspectorUser = await demoUserWithRole(db, 'inspector');
  const approverUser = await demoUserWithRole(db, 'approver');

  const campaignRows = await db
    .insert(campaigns)
    .values([
      {
        theme: '复工复产环保帮扶集中下沉服务',
        startDate: '2020-03-02',
        endDate: '2020-03-20',
        description: '疫情后复工复产企业逐一上门，提醒治污设施同步运行',
        createdBy: leaderUser?.id ?? null,
      },
      {
        theme: '固定污染源排污许可全覆盖集中服务',
        startDate: '2020-05-11',
        endDate: '2020-05-29',
        description: '帮助企业完成排污许可登记或申领',
        createdBy: leaderUser?.id ?? null,
      },
      {
        theme: '花炮行业环评手续集中办理',
        startDate: '2020-07-13',
        endDate: '2020-07-31',
        description: '花炮企业环评备案、告知承诺制审批上门指导',
        createdBy: leaderUser?.id ?? null,
      },
      {
        theme: '秋冬季大气污染防治帮扶',
        startDate: '2020-10-12',
        endDate: '2020-10-30',
        description: '陶瓷、建材企业废气治理设施检查与指导',
        createdBy: leaderUser?.id ?? null,
      },
    ])
    .returning();
  const STAFF_POOL = [
    { name: '王建平', leader: true, userId: leaderUser?.id },
    { name: '刘志勇', leader: true },
    { name: '彭晓华', leader: true },
    { name: '李强', leader: false, userId: inspectorUser?.id },
    { name: '陈涛', leader: false, userId: approverUser?.id },
    { name: '刘敏', leader: false, userId: clerkUser?.id },
    { name: '黄俊', leader: false },
    { name: '钟慧', leader: false },
  ];
  const PURPOSE_BY_INDUSTRY = (industry: string): VisitPurpose[] =>
    industry === '2672'
      ? ['eia-formalities', 'risk-reminder']
      : industry.startsWith('03')
        ? ['pollution-control', 'policy-briefing']
        : ['permit-application', 'pollution-control'];
  const SOLVED = [
    '指导完成排污许可登记',
    '现场讲解环评告知承诺制办理流程',
    '提醒规范危废贮存间建设',
    '帮助梳理环评备案材料',
    '核实治污设施运行记录',
    '宣讲惠企政策',
    '指导编制突发环境事件应急预案',
  ];

  type PlannedVisit = { date: string; campaignId: string | null; ents: CountyEnterprise[] };
  const planned: PlannedVisit[] = [];
  let remaining = 243;
  // campaigns: 4 rounds of visits with 2–4 enterprises each, about 18 户次 a campaign
  for (const c of campaignRows) {
    let inCampaign = 0;
    let d = c.startDate;
    while (inCampaign < 18) {
      if (calendar.dayInfo(d).workingDay) {
        const n = Math.min(r.int(2, 4), 18 - inCampaign);
        planned.push({ date: d, campaignId: c.id, ents: r.shuffle(all).slice(0, n) });
        inCampaign += n;
      }
      d = addCalendarDays(d, r.int(1, 2));
      if (d > c.endDate) d = c.startDate;
    }
    remaining -= inCampaign;
  }
  // ordinary visits spread over the year, 1–3 enterprises each
  let day = '2020-01-06';
  while (remaining > 0) {
    if (calendar.dayInfo(day).workingDay && r.next() < 0.3) {
      const n = Math.min(r.int(1, 3), remaining);
      planned.push({ date: day, campaignId: null, ents: r.shuffle(all).slice(0, n) });
      remaining -= n;
    }
    day = addCalendarDays(day, 1);
    if (day > '2020-11-27') day = '2020-01-06';
  }
  // a few in December: outside the article's period, so they show the period boundary works
  for (const d of ['2020-12-03', '2020-12-10', '2020-12-17'])
    planned.push({ date: d, campaignId: null, ents: r.shuffle(all).slice(0, 2) });

  const visitRows: (typeof visits.$inferInsert)[] = [];
  const veRows: (typeof visitEnterprises.$inferInsert)[] = [];
  const fuRows: (typeof visitFollowUps.$inferInsert)[] = [];
  for (const v of planned) {
    const id = crypto.randomUUID();
    const team = r.shuffle(STAFF_POOL).slice(0, r.int(2, 3));
    const staff = team.map((s) => ({ ...(s.userId ? { userId: s.userId } : {}), name: s.name, leader: s.leader }));
    const purposes = [...new Set(v.ents.flatMap((e) => PURPOSE_BY_INDUSTRY(e.industry)))].slice(0, 3);
    visitRows.push({
      id,
      date: v.date,
      campaignId: v.campaignId,
      staff,
      ledByLeader: staff.some((s) => s.leader),
      purposes,
      summary: `走访${v.ents.length}家企业，${r.pick(SOLVED)}`,
      createdBy: clerkUser?.id ?? null,
      createdAt: at(v.date, '17:30'),
    });
    for (const e of v.ents) veRows.push({ visitId: id, enterpriseId: e.id, solved: r.pick(SOLVED) });
    if (r.next() < 0.25) {
      const e = r.pick(v.ents);
      const due = addCalendarDays(v.date, 14);
      fuRows.push({
        visitId: id,
        enterpriseId: e.id,
        action: '复查整改落实情况',
        dueDate: due,
        doneAt: due < '2020-12-20' ? at(addCalendarDays(v.date, r.int(5, 13)), '15:00') : null,
        doneNote: due < '2020-12-20' ? '已复查，整改到位' : null,
      });
    }
  }
  for (let i = 0; i < visitRows.length; i += 500) await db.insert(visits).values(visitRows.slice(i, i + 500));
  for (let i = 0; i < veRows.length; i += 500) await db.insert(visitEnterprises).values(veRows.slice(i, i + 500));
  if (fuRows.length) await db.insert(visitFollowUps).values(fuRows);

  ctx.print(
    `走访：${visitRows.length} 次走访（${veRows.length} 户次），${campaignRows.length} 次集中服务 / visits and campaigns`,
  );
  await seedVisitsThisYear(db, ctx);
}
