import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { incidents } from './tables.ts';

const DUTY: Actor = { id: null, name: '应急值守·刘洋', roles: ['monitor'], ip: null };

// Two past incidents of firms not on the 2020 list, both older than the two-year windows, so the
// article's figures, the list and the watch list read as before; they show on the firms' files.
const PAST = [
  {
    name: '上栗县东源煤矸石综合利用有限公司',
    occurredAt: '2023-06-14T05:30:00+08:00',
    level: 'general',
    title: '暴雨致渣场渗滤液溢流',
    description: '连续暴雨后煤矸石渣场截洪沟漫溢，渗滤液经排水沟进入东源河支流约 300 米河段，下游无饮用水取水口。',
    response:
      '企业启动应急预案，封堵排水沟出口并设置两道拦截坝；县局监测站连续 3 天加密监测，pH 与悬浮物于 6 月 16 日恢复正常。',
    reportSource: 'enterprise',
    outcome: '6 月 17 日应急响应终止；企业完成截洪沟扩容与渗滤液收集池建设，另案处理。',
    closedAt: '2023-06-17T18:00:00+08:00',
  },
  {
    name: '上栗县长平烟花爆竹有限公司',
    occurredAt: '2024-08-03T14:10:00+08:00',
    level: 'general',
    title: '废药销毁不当引发冒烟',
    description: '厂区废药集中销毁点违规堆放，高温天气下自燃冒烟，周边群众拨打 12369 反映烟雾异味，无人员伤亡。',
    response: '消防、应急与生态环境部门联合处置，1 小时内明火扑灭；对周边两个村民组开展大气应急监测。',
    reportSource: 'hotline-12369',
    outcome: '当日应急响应终止；企业按规程重新设置销毁场所并培训操作人员。',
    closedAt: '2024-08-03T20:00:00+08:00',
  },
] as const;

export async function seedIncidents(db: Db, ctx: SeedContext): Promise<void> {
  const firms = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      inArray(
        enterprises.name,
        PAST.map((p) => p.name),
      ),
    );
  const byName = new Map(firms.map((f) => [f.name, f.id]));
  let n = 0;
  for (const p of PAST) {
    const enterpriseId = byName.get(p.name);
    if (!enterpriseId) continue;
    const { name: _name, occurredAt, closedAt, ...facts } = p;
    const [row] = await db
      .insert(incidents)
      .values({
        ...facts,
        enterpriseId,
        occurredAt: new Date(occurredAt),
        status: 'closed',
        closedAt: new Date(closedAt),
        closedByName: DUTY.name,
        registeredByName: DUTY.name,
        version: 2,
        createdAt: new Date(occurredAt),
        updatedAt: new Date(closedAt),
      })
      .returning({ id: incidents.id });
    await recordAudit(db, DUTY, {
      action: 'incident.create',
      entityType: 'incident',
      entityId: row!.id,
      after: { enterpriseId, occurredAt, level: p.level, title: p.title, reportSource: p.reportSource },
    });
    n++;
  }
  ctx.print(`突发环境事件：往年事件 ${n} 件 / past incidents`);
}
