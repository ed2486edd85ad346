import { stationCreateBody } from '@qingshan/core/monitoring';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { DEMO_STATIONS } from './demo-stations.ts';
import { ensurePartition, monitoringReadings } from './readings.ts';
import { rollUpPeriod } from './rollups.ts';
import { createStation } from './service.ts';
import { demoValue } from './simulator.ts';

const TEN_MINUTES = 600_000;

/** Demo stations of three Shangli enterprises, with the last day of 10-minute data so charts are not empty. */
export async function seedMonitoring(db: Db, ctx: SeedContext): Promise<void> {
  const ents = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      inArray(
        enterprises.name,
        DEMO_STATIONS.map((s) => s.enterpriseName),
      ),
    );
  const byName = new Map(ents.map((e) => [e.name, e.id]));
  const now = Math.floor(Date.now() / TEN_MINUTES) * TEN_MINUTES;
  for (const s of DEMO_STATIONS) {
    const enterpriseId = byName.get(s.enterpriseName);
    if (!enterpriseId) continue;
    const { station } = await createStation(db, SYSTEM_ACTOR, stationCreateBody.parse({ ...s.body, enterpriseId }));
    const rows: (typeof monitoringReadings.$inferInsert)[] = [];
    for (let at = now - 24 * 3_600_000; at < now; at += TEN_MINUTES) {
      for (const f of s.body.factors) {
        const v = s.values[f.code];
        if (!v) continue;
        const value = demoValue(v, at);
        rows.push({
          stationId: station.id,
          factor: f.code,
          dataTime: new Date(at),
          cn: '2051',
          value,
          min: value,
          max: value,
          // the daily zero/span check at 03:00 Beijing time: flagged C (校准), never counted for limits
          flag: new Date(at).getUTCHours() === 19 ? 'C' : 'N',
        });
      }
    }
    for (const at of new Set(rows.map((r) => r.dataTime.getTime())))
      await ensurePartition(db, 'monitoring_readings', new Date(at));
    for (let i = 0; i < rows.length; i += 500) await db.insert(monitoringReadings).values(rows.slice(i, i + 500));
    // the day of history gets its hour and day values, as the rollup job gives live data
    await rollUpPeriod(db, station.id, new Date(now - 24 * 3_600_000), new Date(now));
  }
  ctx.print(`  在线监控: ${DEMO_STATIONS.length} 个演示监控点（模拟数采仪经 HJ 212 网关上报）`);
}
