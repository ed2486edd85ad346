import { addCalendarDays, initialMilestones, PROJECT_MILESTONES, todayInShanghai } from '@qingshan/core';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, countyEnterprises, DEMO_STREAMS, demoRandom, demoUserWithRole } from '../../seed/demo-data.ts';
import { projectContacts, trackedProjects } from './tables.ts';

/**
 * A few major projects the bureau is tracking, each at its milestone, with the contacts kept. Dated
 * from the day the demo is seeded, so they are live projects with next steps to come (one a few days
 * late, as a desk would have), not all overdue as fixed dates would be some years on.
 */
export async function seedProjects(db: Db, ctx: SeedContext, today: string = todayInShanghai()): Promise<void> {
  const day = (n: number) => addCalendarDays(today, n);
  const r = demoRandom(DEMO_STREAMS.projects);
  const all = await countyEnterprises(db);
  const leaderUser = await demoUserWithRole(db, 'leader');
  const approverUser = await demoUserWithRole(db, 'approver');

  const projectSpecs = [
    {
      name: '年产 3000 万块页岩砖技改项目',
      industry: '3031',
      investment: 4800,
      reached: 4,
      next: '竣工环保验收现场核查',
      nextDate: day(8),
    },
    {
      name: '特种陶瓷窑炉天然气改造项目',
      industry: '3073',
      investment: 3200,
      reached: 3,
      next: '督促废气治理设施与主体工程同时施工',
      nextDate: day(-3),
    },
    {
      name: '花炮产业园区集中药物配制中心',
      industry: '2672',
      investment: 12600,
      reached: 2,
      next: '排污许可申领指导',
      nextDate: day(15),
    },
    {
      name: '生猪规模化养殖场粪污处理工程',
      industry: '0313',
      investment: 1500,
      reached: 6,
      next: null,
      nextDate: null,
    },
    {
      name: '石灰石矿山生态修复及扩能项目',
      industry: '1011',
      investment: 6800,
      reached: 1,
      next: '环评报告书编制进度调度',
      nextDate: day(5),
    },
    {
      name: '大米深加工生产线建设项目',
      industry: '1311',
      investment: 2100,
      reached: 5,
      next: '投产后首次执行报告提醒',
      nextDate: day(40),
    },
  ];
  // a milestone reached about every 40 days; the project was taken up 20 days before its first
  const startedDaysAgo = (reached: number, i: number) => reached * 40 + i + 20;
  const projectRows = projectSpecs.map((p, i) => {
    const e = all.find((x) => x.industry === p.industry) ?? all[i]!;
    const ms = initialMilestones().map((m, k) => {
      if (k < p.reached)
        return {
          ...m,
          state: 'done' as const,
          date: day(-(p.reached - k) * 40 - i),
        };
      if (k === p.reached) return { ...m, state: 'in-progress' as const };
      return m;
    });
    return {
      id: crypto.randomUUID(),
      name: p.name,
      enterpriseId: e.id,
      investment: p.investment,
      townCode: e.town,
      officerUserId: approverUser?.id ?? null,
      officerName: approverUser?.name ?? '陈涛',
      milestones: ms,
      nextAction: p.next,
      nextActionDate: p.nextDate,
      status: p.reached >= PROJECT_MILESTONES.length ? 'completed' : 'active',
      createdBy: leaderUser?.id ?? null,
      createdAt: at(day(-startedDaysAgo(p.reached, i))),
    };
  });
  await db.insert(trackedProjects).values(projectRows);
  await db.insert(projectContacts).values(
    projectRows.flatMap((p, i) => {
      const n = 2 + (i % 3);
      const span = startedDaysAgo(projectSpecs[i]!.reached, i);
      // spread between the project's start and last week
      return Array.from({ length: n }, (_, k) => ({
        projectId: p.id,
        date: day(-Math.round(((n - k) / (n + 1)) * span) - 7),
        channel: r.pick(['visit', 'phone', 'meeting'] as const),
        note: r.pick([
          '调度项目环保手续进度',
          '现场查看施工期环保措施',
          '协调解决验收监测问题',
          '告知排污许可申领时限',
        ]),
        byUserId: approverUser?.id ?? null,
        byName: approverUser?.name ?? '陈涛',
      }));
    }),
  );

  ctx.print(`重大项目：${projectRows.length} 个跟踪项目 / tracked projects`);
}
