import { addCalendarDays } from '@qingshan/core/calendar';
import type { InspectionClass, InspectionOutcome } from '@qingshan/core/inspection-draws';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { Actor } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';
import { seedInspectionsThisYear } from './seed-this-year.ts';
import { createDraw, createInspector, createPlan, publishResults, putObject } from './service.ts';
import { inspectionPlans } from './tables.ts';

// Inspectors of the county's enforcement brigade (执法大队); 李强 has the demo 'inspector' account.
const INSPECTORS: { name: string; town: string | null; username?: string }[] = [
  { name: '执法·李强', town: '360322101', username: 'inspector' },
  { name: '执法·周文斌', town: '360322102' },
  { name: '执法·黄海燕', town: '360322103' },
  { name: '执法·刘志远', town: '360322104' },
  { name: '执法·彭小兰', town: null },
  { name: '执法·钟伟', town: '360322106' },
  { name: '执法·易建军', town: '360322201' },
  { name: '执法·陈丽', town: null },
];

// class by what the register says: key dischargers are class a; the livelihood and employment
// firms b; the rest c; a suspended firm that was penalised is a special source
function classOf(
  e: { tags: string[]; status: string; industryCode: string },
  i: number,
): { cls: InspectionClass; basis: string } {
  if (e.status === 'suspended') return { cls: 'special', basis: '上年度受到环境行政处罚（停产整治中）' };
  if (e.tags.includes('key-polluter')) return { cls: 'a', basis: '列入萍乡市重点排污单位名录' };
  if (e.industryCode === '2672' && i % 3 === 0) return { cls: 'b', basis: '花炮生产企业，涉药工序' };
  if (e.tags.length) return { cls: 'b', basis: '一般排污单位，纳入排污许可简化管理' };
  return { cls: 'c', basis: '排污登记管理单位' };
}

const QUARTERS = [
  { q: 1, drawnOn: '2020-02-24', inspected: '2020-03-12', published: '2020-04-01' },
  { q: 2, drawnOn: '2020-04-20', inspected: '2020-05-28', published: '2020-06-17' },
  { q: 3, drawnOn: '2020-07-20', inspected: '2020-08-26', published: '2020-09-15' },
  { q: 4, drawnOn: '2020-10-19', inspected: '2020-11-25', published: '2020-12-15' },
];

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

/** The two libraries, the four quarterly plans of 2020, their draws (fixed seeds) and published results. */
export async function seedInspections(db: Db, ctx: SeedContext): Promise<void> {
  const [leaderUser] = await db.select().from(users).where(eq(users.username, 'leader'));
  const leader: Actor = { id: leaderUser?.id ?? null, name: '王局长', roles: ['leader'], ip: null };
  const firms = await db.select().from(enterprises).orderBy(asc(enterprises.name));
  for (const [i, e] of firms.entries()) {
    if (e.status === 'closed') continue;
    const { cls, basis } = classOf(e, i);
    await putObject(db, leader, { enterpriseId: e.id, class: cls, basis });
  }
  const byName = new Map(firms.map((f) => [f.name, f.id]));
  for (const p of INSPECTORS) {
    const [u] = p.username ? await db.select().from(users).where(eq(users.username, p.username)) : [];
    const conflicts =
      p.name === '执法·周文斌'
        ? [
            {
              enterpriseId: byName.get('上栗县桐木引线有限公司')!,
              kind: 'kin' as const,
              note: '其兄在该企业任生产主管',
            },
          ]
        : p.name === '执法·彭小兰'
          ? [
              {
                enterpriseId: byName.get('上栗县彭高水泥有限公司')!,
                kind: 'former-employer' as const,
                note: '2016 年前在该企业任环保专员',
              },
            ]
          : [];
    await createInspector(db, leader, {
      userId: u?.id ?? null,
      name: p.name,
      townCode: p.town,
      active: true,
      conflicts: conflicts.filter((c) => c.enterpriseId),
    });
  }
  for (const q of QUARTERS) {
    const plan = await createPlan(db, leader, {
      name: `2020 年第${'一二三四'[q.q - 1]}季度双随机抽查计划`,
      year: 2020,
      period: 'quarter',
      quarter: q.q,
    });
    // the plan was made a week before its draw, not on the day the demo was seeded
    await db
      .update(inspectionPlans)
      .set({ createdAt: at(addCalendarDays(q.drawnOn, -7)) })
      .where(eq(inspectionPlans.id, plan.id));
    const draw = await createDraw(db, leader, plan.id, {
      seed: `shangli-2020-q${q.q}`,
      drawnOn: q.drawnOn,
      at: at(q.drawnOn),
    });
    const results = draw.targets.map((t, k) => {
      const outcome: InspectionOutcome = k % 5 === 2 ? 'problems-found' : 'no-problem';
      return {
        enterpriseId: t.enterpriseId,
        inspectedOn: q.inspected,
        outcome,
        summary:
          outcome === 'problems-found'
            ? '危废贮存间标识不全、台账记录不完整，已下达责令改正通知'
            : t.offSiteFirst
              ? '正面清单企业，先行非现场检查（在线监控与台账），未发现问题'
              : '治污设施正常运行，台账齐全，未发现环境违法行为',
      };
    });
    await publishResults(db, null, leader, draw.id, { results }, at(q.published, '16:00'));
  }
  ctx.print('双随机：2020 年四个季度抽查已抽取并公开结果');
  await seedInspectionsThisYear(db, ctx);
}
