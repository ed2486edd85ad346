// Monitoring alarm rules wired to the alarms module (rules.md §4). The frame rules run inside the
// frame's own transaction (so an acked frame has been judged exactly once, and a retransmit not at
// all); missing data, which no frame can report, is a scheduled job.
import { isMissing } from '@qingshan/core/monitoring';
import {
  EMPTY_RULE_STATE,
  evaluateFrame,
  type FactorLimits,
  type StationRuleState,
} from '@qingshan/core/monitoring-rules';
import { factorInfo, mapFactor2005 } from '@qingshan/hj212';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { clearAlarm, raiseAlarm } from '../alarms/service.ts';
import type { JobHandler } from '../scheduler/service.ts';
import { rowsOf } from './readings.ts';
import { raiseRecurrences } from './recurrence.ts';
import { monitoringRuleStates } from './tables.ts';

/** Commands whose values the frame rules judge: real-time, minute and the station's hour values. */
const JUDGED_CNS = new Set(['2011', '2051', '2061']);

/** The plain name of a factor code, 2017 or 2005 (表 B.1/B.2); a vendor code stays as sent. */
export function factorName(code: string): string {
  const mapped = factorInfo(code) ?? factorInfo(mapFactor2005(code) ?? '');
  return mapped?.nameZh ?? code;
}

export type JudgedStation = { id: string; name: string; enterpriseId: string; rtdIntervalSeconds: number };
export type JudgedValue = { factor: string; value?: number | null | undefined; flag?: string | null | undefined };

type Loaded = { state: StationRuleState | null; last: string | null; factors: Omit<FactorLimits, 'name'>[] };

/**
 * Judges one stored frame: one read (the rule state and the factors' limits together) and one
 * write (the new state), plus an alarm raised or cleared only when a rule's verdict changes. The
 * caller holds the station's row lock, which serialises two writers judging the same station.
 */
export async function judgeFrame(
  tx: Tx,
  station: JudgedStation,
  cn: string,
  dataTime: Date,
  values: readonly JudgedValue[],
  now: Date,
): Promise<void> {
  if (values.length === 0) return;
  const [loaded] = rowsOf<Loaded>(
    await tx.execute(sql`
      select (select rule_state from monitoring_rule_states where station_id = ${station.id}) as state,
             (select last_reading_at::text from monitoring_rule_states where station_id = ${station.id}) as last,
             coalesce((select json_agg(json_build_object('code', code, 'upperLimit', upper_limit, 'lowerLimit', lower_limit,
                         'unit', unit, 'standard', standard, 'rangeMax', range_max))
                       from monitoring_factors where station_id = ${station.id}), '[]'::json) as factors`),
  );
  const prev = loaded?.state ?? EMPTY_RULE_STATE;
  const factors: FactorLimits[] = (loaded?.factors ?? []).map((f) => ({ ...f, name: factorName(f.code) }));
  const { state, transitions } = JUDGED_CNS.has(cn)
    ? evaluateFrame(
        prev,
        factors,
        cn,
        dataTime.getTime(),
        values.map((v) => ({ factor: v.factor, value: v.value ?? null, flag: v.flag ?? null })),
      )
    : { state: prev, transitions: [] };
  await tx
    .insert(monitoringRuleStates)
    .values({ stationId: station.id, ruleState: state, lastReadingAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: monitoringRuleStates.stationId,
      set: { ruleState: state, lastReadingAt: now, updatedAt: now },
    });
  // data again after a silence: the missing-data alarm ends now, not at the job's next pass
  const last = loaded?.last ? Date.parse(loaded.last) : null;
  if (isMissing(last, now.getTime(), station.rtdIntervalSeconds * 1000))
    await clearAlarm(tx, { sourceKind: 'station', sourceId: station.id, kind: 'missing-data', at: now });
  for (const t of transitions) {
    if (t.active)
      await raiseAlarm(tx, {
        sourceKind: 'station',
        sourceId: station.id,
        sourceName: station.name,
        enterpriseId: station.enterpriseId,
        kind: t.kind,
        detail: t.detail,
        evidence: { ...t.evidence, cn, dataTime: dataTime.toISOString() },
        at: now,
        since: new Date(Math.min(t.since, now.getTime())),
      });
    else await clearAlarm(tx, { sourceKind: 'station', sourceId: station.id, kind: t.kind, at: now });
  }
  await raiseRecurrences(tx, station, state, factors, transitions, cn, dataTime, now);
}

const shanghai = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

/** Bounded per pass: a county has hundreds of stations; a backlog is taken over the next passes. */
const MISSING_BATCH = 500;

/**
 * 数据缺失: a station with no readings for more than two expected (real-time) intervals gets an
 * alarm; one whose data came back has it cleared. A station that never sent counts from its
 * registration. Each station in its own transaction, so one failure does not hold back the rest.
 */
export async function checkMissingData(db: Db, now = new Date()): Promise<{ raised: number; cleared: number }> {
  const iso = now.toISOString();
  const silent = rowsOf<{ id: string; name: string; enterprise_id: string; last: string; secs: number }>(
    await db.execute(sql`
      select s.id::text as id, s.name, s.enterprise_id::text as enterprise_id, s.rtd_interval_seconds as secs,
             coalesce(r.last_reading_at, s.created_at)::text as last
      from monitoring_stations s left join monitoring_rule_states r on r.station_id = s.id
      where coalesce(r.last_reading_at, s.created_at) < ${iso}::timestamptz - make_interval(secs => 2 * s.rtd_interval_seconds)
        and not exists (select 1 from alarms a where a.source_kind = 'station' and a.source_id = s.id::text
                        and a.kind = 'missing-data' and a.state = 'active')
      order by s.id limit ${MISSING_BATCH}`),
  );
  let raised = 0;
  for (const s of silent) {
    const last = new Date(s.last);
    const r = await db.transaction((tx) =>
      raiseAlarm(tx, {
        sourceKind: 'station',
        sourceId: s.id,
        sourceName: s.name,
        enterpriseId: s.enterprise_id,
        kind: 'missing-data',
        detail: `自 ${shanghai(last)} 起未收到监测数据，已超过两个上报周期（${(2 * s.secs) / 60} 分钟）`,
        evidence: { lastReadingAt: last.toISOString(), rtdIntervalSeconds: s.secs },
        at: now,
        since: last,
      }),
    );
    if (r.created) raised++;
  }
  const back = rowsOf<{ id: string }>(
    await db.execute(sql`
      select s.id::text as id from alarms a
      join monitoring_stations s on s.id::text = a.source_id
      join monitoring_rule_states r on r.station_id = s.id
      where a.source_kind = 'station' and a.kind = 'missing-data' and a.state = 'active'
        and r.last_reading_at >= ${iso}::timestamptz - make_interval(secs => 2 * s.rtd_interval_seconds)
      order by s.id limit ${MISSING_BATCH}`),
  );
  let cleared = 0;
  for (const s of back)
    if (
      await db.transaction((tx) =>
        clearAlarm(tx, { sourceKind: 'station', sourceId: s.id, kind: 'missing-data', at: now }),
      )
    )
      cleared++;
  return { raised, cleared };
}

export const missingDataJob: JobHandler = async ({ db }) => void (await checkMissingData(db));
