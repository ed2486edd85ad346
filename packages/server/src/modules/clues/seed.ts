import type { ClueImportBody } from '@qingshan/core/clues';
import { townOutlines } from '@qingshan/core/county-map';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { pngImage } from '../../shared/png.ts';
import type { Actor } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { confirmMatch, importClues, recordOutcome, type UploadedFile } from './service.ts';
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
 * What the drone's camera shows, drawn at seed time (no image ships with the code, none is
 * fetched): fields seen from above, a factory roof, and the finding ringed in red as a patrol
 * marks it. An illustration, named as such in its file name.
 */
export function patrolPhoto(i: number): Buffer {
  const w = 240;
  const h = 180;
  const roof = { x: 30 + (i % 3) * 20, y: 30 + (i % 2) * 25, w: 90, h: 55 };
  const spot = { x: 160 - (i % 4) * 12, y: 120 - (i % 3) * 10, r: 16 + (i % 3) * 3 };
  return pngImage(w, h, (x, y) => {
    const d = Math.hypot(x - spot.x, y - spot.y);
    if (Math.abs(d - spot.r - 6) < 2) return [220, 30, 30];
    if (d < spot.r) return (x + y) % 7 < 3 ? [235, 230, 215] : [150, 110, 70];
    if (x >= roof.x && x < roof.x + roof.w && y >= roof.y && y < roof.y + roof.h)
      return (x - roof.x) % 12 < 1 ? [120, 130, 140] : [170, 180, 190];
    if (Math.abs(y - 100 - Math.round(10 * Math.sin(x / 30))) < 4) return [200, 185, 150];
    const band = Math.floor(x / 40 + y / 60) % 2;
    return band ? [96, 140, 70] : [120, 160, 80];
  });
}

/**
 * A drone patrol over 金山镇 and 桐木镇: findings beside the registered sites that lie in the two
 * towns on the map, two in open country that match no firm, three already verified. Each finding
 * comes with its photo file, as a real import does.
 */
export async function seedClues(db: Db, ctx: SeedContext): Promise<void> {
  const towns = townOutlines().filter((t) => t.code === JINSHAN || t.code === TONGMU);
  const sites = await db
    .select({ id: enterprises.id, lat: enterprises.lat, lng: enterprises.lng })
    .from(enterprises)
    .where(isNotNull(enterprises.lat))
    .orderBy(asc(enterprises.name), asc(enterprises.id));
  // the registered sites that lie in the two towns on the map, four from each
  const near = towns.flatMap((town) =>
    sites
      .filter((s) => s.lng !== null && inside({ lat: s.lat!, lng: s.lng }, town.outline))
      .slice(0, 4)
      .map((s) => ({ ...s, town: town.name })),
  );
  const features: ClueImportBody['geojson']['features'] = near.map((s, i) => {
    const o = offset(i);
    return {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [s.lng! + o.dLng, s.lat! + o.dLat] as [number, number] },
      properties: {
        description: `${s.town}：${FINDINGS[i % FINDINGS.length]!}`,
      },
    };
  });
  // two in open hill country near the town seats: no registered site is near
  for (const town of towns)
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [town.seat.lng - 0.03, town.seat.lat + 0.02] },
      properties: {
        description: `${town.name}山林内发现疑似非法倾倒建筑垃圾点位`,
      },
    });
  // the patrol flew five days before the demo starts, so its clocks are running on the demo's dates
  const started = new Date(Date.now() - 5 * 86_400_000);
  for (const f of features) f.properties.observedAt = new Date(started.getTime() - 86_400_000).toISOString();
  const files: UploadedFile[] = features.map((f, i) => {
    const fileName = `航拍示意-${String(i + 1).padStart(2, '0')}.png`;
    f.properties.photo = fileName;
    return { fileName, content: patrolPhoto(i) };
  });
  const r = await importClues(
    db,
    PATROL,
    { source: 'drone', batchName: '金山镇、桐木镇无人机巡查', geojson: { type: 'FeatureCollection', features } },
    started,
    files,
  );
  // the first three were verified on site
  const outcomes = ['rectification-ordered', 'no-problem', 'problem-found'] as const;
  const notes = [
    '现场核实属实，已下达责令改正通知，限期 15 日清运废药',
    '现场核实为正常生产用水，无外排',
    '现场核实属实，已拍照取证',
  ];
  for (const [i, id] of r.clueIds.slice(0, 3).entries()) {
    const [c] = await db.select().from(clues).where(eq(clues.id, id));
    if (!c?.suggestedEnterpriseId) continue;
    const at = new Date(started.getTime() + (i + 1) * 86_400_000);
    const m = await confirmMatch(db, PATROL, id, { enterpriseId: c.suggestedEnterpriseId, version: c.version }, at);
    await recordOutcome(db, PATROL, id, { outcome: outcomes[i]!, note: notes[i]!, version: m.version }, at);
  }
  ctx.print(
    `线索：金山镇、桐木镇无人机巡查线索 ${r.created} 条（${r.matched} 条已对应企业，照片 ${r.photos} 张）/ drone-patrol clues`,
  );
}

/** Point-in-polygon by ray casting. */
function inside(p: { lat: number; lng: number }, poly: { lat: number; lng: number }[]): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng)
      c = !c;
  }
  return c;
}
