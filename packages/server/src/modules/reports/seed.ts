import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, demoStaff, FAMILY_NAMES } from '../../seed/demo-data.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { actOnReport, createReport } from './service.ts';

/** Three 12369 reports of 2020: their own case type (环境保护部令第15号), not petitions; all closed in 2020. */
export async function seedReports(db: Db, ctx: SeedContext): Promise<void> {
  const actor = (await demoStaff(db, 'clerk', 'clerk')) ?? SYSTEM_ACTOR;
  const REPORTS = [
    {
      title: '桐木镇某烟花厂夜间异味',
      location: '桐木镇某村',
      received: '2020-04-02',
      accept: '2020-04-03',
      reply: '2020-05-10',
    },
    {
      title: '赤山镇河沟水体发黑',
      location: '赤山镇某村河沟',
      received: '2020-07-14',
      accept: '2020-07-15',
      reply: '2020-09-20',
    },
    { title: '上栗镇餐饮店油烟直排', location: '上栗镇某街', received: '2020-09-01', transfer: '2020-09-03' },
  ];
  for (const [i, rp] of REPORTS.entries()) {
    const row = await db.transaction((tx) =>
      createReport(
        tx,
        actor,
        {
          channel: 'phone-12369',
          title: rp.title,
          content: `${rp.title}，请求查处。`,
          location: rp.location,
          anonymous: i === 1,
          ...(i === 1
            ? {}
            : {
                reporterName: `${FAMILY_NAMES[(i * 3) % FAMILY_NAMES.length]}先生`,
                reporterPhone: `1360799${4000 + i}`,
              }),
          receivedAt: at(rp.received, '09:00').toISOString(),
        },
        { now: at(rp.received, '09:10') },
      ),
    );
    if (rp.transfer) {
      await actOnReport(
        db,
        actor,
        row.id,
        { action: 'transfer', text: '上栗县城市管理局（餐饮油烟）' },
        at(rp.transfer),
      );
      continue;
    }
    await actOnReport(db, actor, row.id, { action: 'accept' }, at(rp.accept!));
    await actOnReport(
      db,
      actor,
      row.id,
      { action: 'reply', text: '经现场检查，已责令整改并依法立案查处。' },
      at(rp.reply!),
    );
  }

  ctx.print(`环保举报：${REPORTS.length} 件 12369 举报 / 12369 reports`);
}
