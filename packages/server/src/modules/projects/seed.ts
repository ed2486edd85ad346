import { initialMilestones, PROJECT_MILESTONES } from '@qingshan/core';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, countyEnterprises, DEMO_STREAMS, demoRandom, demoUserWithRole } from '../../seed/demo-data.ts';
import { projectContacts, trackedProjects } from './tables.ts';

/** A few major projects the bureau tracked through 2020, each at its milestone, with the contacts kept. */
export async function seedProjects(db: Db, ctx: SeedContext): Promise<void> {
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
      nextDate: '2020-12-15',
    },
    {
      name: '特种陶瓷窑炉天然气改造项目',
      industry: '3073',
      investment: 3200,
      reached: 3,
      next: '督促废气治理设施与主体工程同时施工',
      nextDate: '2020-11-20',
    },
    {
      name: '花炮产业园区集中药物配制中心',
      industry: '2672',
      investment: 12600,
      reached: 2,
      next: '排污许可申领指导',
      nextDate: '2020-12-08',
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
      nextDate: '2020-11-25',
    },
    {
      name: '大米深加工生产线建设项目',
      industry: '1311',
      investment: 2100,
      reached: 5,
      next: '投产后首次执行报告提醒',
      nextDate: '2021-01-15',
    },
  ];
  const projectRows = projectSpecs.map((p, i) => {
    const e = all.find((x) => x.industry === p.industry) ?? all[i]!;
    const ms = initialMilestones().map((m, k) => {
      if (k < p.reached)
        return {
          ...m,
          state: 'done' as const,
          date: `2020-${String(2 + k * 2).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`,
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
      createdAt: at('2020-02-20'),
    };
  });
  await db.insert(trackedProjects).values(projectRows);
  await db.insert(projectContacts).values(
    projectRows.flatMap((p, i) =>
      Array.from({ length: 2 + (i % 3) }, (_, k) => ({
        projectId: p.id,
        date: `2020-${String(3 + k * 3).padStart(2, '0')}-${String(12 + i).padStart(2, '0')}`,
        channel: r.pick(['visit', 'phone', 'meeting'] as const),
        note: r.pick([
          '调度项目环保手续进度',
          '现场查看施工期环保措施',
          '协调解决验收监测问题',
          '告知排污许可申领时限',
        ]),
        byUserId: approverUser?.id ?? null,
        byName: approverUser?.name ?? '陈涛',
      })),
    ),
  );

  ctx.print(`重大项目：${projectRows.length} 个跟踪项目 / tracked projects`);
}
