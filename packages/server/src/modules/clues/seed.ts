import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { Actor } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { confirmMatch, importClues, recordOutcome } from './service.ts';
import { clues } from './tables.ts';

const PATROL: Actor = { id: null, name: '执法·王磊', roles: ['inspector'], ip: null };
const JINSHAN = '360322103';
const TONGMU = '360322102';

// What a drone sees near a fireworks or building-materials site in these two towns.
const FINDINGS = [
  '厂区东侧露天堆放疑似烟花爆竹废药、废纸筒，未见防雨防渗措施',
  '排水沟出口有黄褐色浑浊废水流入农田灌渠',
  '厂房屋顶排气筒无收集处理设施，巡查时可见明显烟尘',
  '厂区后山新开挖裸露土方约 2 亩，未苫盖',
  '废包装物、废油桶混堆于围墙外空地',
];

const offset = (i: number) => ({ dLat: 0.0012 * ((i % 3) - 1), dLng: 0.0015 * (((i + 1) % 3) - 1) || 0.001 });

/**
 * A drone patrol over 金山镇 and 桐木镇 (November of the demo year): findings beside registered
 * firms, one in open country that matches no firm, a few already verified with their outcomes.
 */
export async function seedClues(db: Db, ctx: SeedContext): Promise<void> {
  const sites = await db
    .select({ id: enterprises.id, townCode: enterprises.townCode, lat: enterprises.lat, lng: enterprises.lng })
    .from(enterprises)
    .where(and(inArray(enterprises.townCode, [JINSHAN, TONGMU]), isNotNull(enterprises.lat)))
    .orderBy(asc(enterprises.name))
    .limit(8);
  if (sites.length === 0) return;
  const features = sites.map((s, i) => {
    const o = offset(i);
    return {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [s.lng! + o.dLng, s.lat! + o.dLat] as [number, number] },
      properties: {
        description: `${s.townCode === JINSHAN ? '金山镇' : '桐木镇'}：${FINDINGS[i % FINDINGS.length]!}`,
        photos: [`/demo/drone/2026-11-${String(10 + i).padStart(2, '0')}-${i + 1}.jpg`],
        observedAt: `2026-11-${String(10 + (i % 5)).padStart(2, '0')}T10:${String(10 + i).padStart(2, '0')}:00+08:00`,
      },
    };
  });
  // one patch in open hill country between the towns: no registered site is near
  features.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [113.66, 28.1] },
    properties: {
      description: '金山镇与桐木镇交界山林内发现疑似非法倾倒建筑垃圾点位',
      photos: ['/demo/drone/2026-11-14-boundary.jpg'],
      observedAt: '2026-11-14T11:05:00+08:00',
    },
  });
  const started = new Date('2026-11-16T09:00:00+08:00');
  const r = await importClues(
    db,
    PATROL,
    {
      source: 'drone',
      batchName: '2026 年 11 月金山镇、桐木镇无人机巡查',
      geojson: { type: 'FeatureCollection', features },
    },
    started,
  );
  // the first three were verified on site
  const outcomes = ['rectification-ordered', 'no-problem', 'problem-found'] as const;
  for (const [i, id] of r.clueIds.slice(0, 3).entries()) {
    const [c] = await db.select().from(clues).where(eq(clues.id, id));
    if (!c?.suggestedEnterpriseId) continue;
    const at = new Date(started.getTime() + (i + 2) * 86_400_000);
    const m = await confirmMatch(db, PATROL, id, { enterpriseId: c.suggestedEnterpriseId, version: c.version }, at);
    await recordOutcome(
      db,
      PATROL,
      id,
      {
        outcome: outcomes[i]!,
        note: [
          '现场核实属实，已下达责令改正通知，限期 15 日清运废药',
          '现场核实为正常生产用水，无外排',
          '现场核实属实，已拍照取证',
        ][i]!,
        version: m.version,
      },
      at,
    );
  }
  ctx.print(`clues: ${r.created} drone-patrol clues around 金山镇 and 桐木镇 (${r.matched} matched to a site)`);
}
