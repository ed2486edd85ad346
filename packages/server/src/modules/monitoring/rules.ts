// Monitoring alarm rules wired to the alarms module (rules.md §4). The frame rules run inside the
// transaction that stores the frame (one frame's, or a group commit's batch), so an acked frame has
// been judged exactly once and a retransmit not at all; missing data, which no frame can report, is
// a scheduled job.
import { isMissing } from '@qingshan/core/monitoring';
import {
  type FactorLimits,
  packRuleState,
  RuleFolder,
  type StationRuleState,
  unpackRuleState,
} from '@qingshan/core/monitoring-rules';
import { factorInfo, mapFactor2005 } from '@qingshan/hj212';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { clearAlarm, raiseAlarm, restateAlarm } from '../alarms/service.ts';
import type { JobHandler } from '../scheduler/service.ts';
import { instantArray, textArray } from './pg-arrays.ts';
import { rowsOf } from './readings.ts';
import { LatestAlarms, raiseRecurrences } from './recurrence.ts';

/** Commands whose values the frame rules judge: real-time, minute and the station's hour values. */
const JUDGED_CNS = new Set(['2011', '2051', '2061']);

/** The plain name of a factor code, 2017 or 2005 (表 B.1/B.2); a vendor code stays as sent. */
export function factorName(code: string): string {
  return factorNames(code).name;
}

/** The factor's plain names as the rules' texts use them, Chinese and English. */
export function factorNames(code: string): { name: string; nameEn: string } {
  const mapped = factorInfo(code) ?? factorInfo(mapFactor2005(code) ?? '');
  return { name: mapped?.nameZh ?? code, nameEn: mapped?.nameEn ?? code };
}

export type JudgedStation = { id: string; name: string; enterpriseId: string; rtdIntervalSeconds: number };
export type JudgedValue = { factor: string; value?: number | null | undefined; flag?: string | null | undefined };

/** One stored frame to judge: its station, command, data time, values and when it was received. */
export type JudgedFrame = {
  station: JudgedStation;
  cn: string;
  dataTime: Date;
  values: readonly JudgedValue[];
  now: Date;
};

/** A station's rules as a batch reads them under its row lock: state, missing-data clock, limits. */
export type LoadedRules = { state: StationRuleState; last: number | null; factors: FactorLimits[] };

/**
 * Locks the stations' rows in id order (two writers' batches cannot deadlock) and reads their rule
 * state and limits in the same statement: the lock serialises rule state per station across
 * writers, and taking it with the read saves the batch a round trip. NO KEY UPDATE: the frames'
 * foreign keys take KEY SHARE on the same rows, which it does not conflict with.
 */
export async function lockRuleStates(tx: Tx, stationIds: readonly string[]): Promise<Map<string, LoadedRules>> {
  const rows = rowsOf<{ id: string; state: string | null; last: string | null; factors: Omit<FactorLimits, 'name'>[] }>(
    await tx.execute(sql`
      select s.id::text as id, r.rule_state::text as state, r.last_reading_at::text as last,
             coalesce((select json_agg(json_build_object('code', code, 'upperLimit', upper_limit, 'lowerLimit', lower_limit,
                         'unit', unit, 'standard', standard, 'rangeMax', range_max))
                       from monitoring_factors where station_id = s.id), '[]'::json) as factors
      from monitoring_stations s left join monitoring_rule_states r on r.station_id = s.id
      where s.id = any(${textArray(stationIds)}::uuid[])
      order by s.id for no key update of s`),
  );
  const out = new Map<string, LoadedRules>();
  for (const r of rows)
    out.set(r.id, {
      state: unpackRuleState(r.state === null ? null : JSON.parse(r.state)),
      last: r.last ? Date.parse(r.last) : null,
      factors: (r.factors ?? []).map((f) => ({ ...f, ...factorNames(f.code) })),
    });
  return out;
}

/**
 * Judges stored frames in the order given (a batch of the gateway's group commit): one read of
 * every station's rule state and limits, the frames folded into that state in memory one after
 * another (so two frames of a station in one batch are judged in order, the second seeing the
 * first), one write of the new states, and an alarm raised or cleared only when a rule's verdict
 * changes. `loaded` is what lockRuleStates read for these stations in this transaction (the caller
 * then holds the row locks); without it they are locked and read here.
 */
export async function judgeFrames(
  tx: Tx,
  frames: readonly JudgedFrame[],
  loaded?: Map<string, LoadedRules>,
): Promise<void> {
  const write = await foldFrames(tx, frames, loaded);
  if (write) await tx.execute(write);
}

/**
 * judgeFrames without the final write: alarms are raised and cleared in `tx`, and the statement
 * that writes the new rule states is answered (null when no frame was judged) for the caller to
 * run in the same transaction, on its own or as a part of a statement of its own (ingest.ts sends
 * it with the batch's inserts: one round trip fewer per batch).
 */
export async function foldFrames(
  tx: Tx,
  frames: readonly JudgedFrame[],
  loaded?: Map<string, LoadedRules>,
): Promise<SQL | null> {
  const judged = frames.filter((f) => f.values.length > 0);
  if (judged.length === 0) return null;
  const mem = loaded ?? (await lockRuleStates(tx, [...new Set(judged.map((f) => f.station.id))].sort()));
  // the loaded states are this batch's own copies: folded in place, no copy per frame
  const folders = new Map<string, { folder: RuleFolder; now: Date | null }>();
  const latest = new LatestAlarms();
  for (const { station, cn, dataTime, values, now } of judged) {
    const m = mem.get(station.id);
    if (!m) continue;
    let f = folders.get(station.id);
    if (!f) {
      f = { folder: new RuleFolder(m.factors), now: null };
      folders.set(station.id, f);
    }
    const transitions = JUDGED_CNS.has(cn)
      ? f.folder.fold(
          m.state,
          cn,
          dataTime.getTime(),
          values.map((v) => ({ factor: v.factor, value: v.value ?? null, flag: v.flag ?? null })),
        )
      : [];
    // data again after a silence: the missing-data alarm ends now, not at the job's next pass
    if (isMissing(m.last, now.getTime(), station.rtdIntervalSeconds * 1000))
      await clearAlarm(tx, { sourceKind: 'station', sourceId: station.id, kind: 'missing-data', at: now });
    m.last = now.getTime();
    f.now = now;
    for (const t of transitions) {
      latest.forget(station.id, t.kind);
      if (t.restated)
        // still holding for other factors than the open alarm names: its text says what holds now
        await restateAlarm(tx, {
          sourceKind: 'station',
          sourceId: station.id,
          kind: t.kind,
          detail: t.detail,
          detailEn: t.detailEn,
          evidence: { ...t.evidence, cn, dataTime: dataTime.toISOString() },
          at: now,
        });
      else if (t.active)
        await raiseAlarm(tx, {
          sourceKind: 'station',
          sourceId: station.id,
          sourceName: station.name,
          enterpriseId: station.enterpriseId,
          kind: t.kind,
          detail: t.detail,
          detailEn: t.detailEn,
          evidence: { ...t.evidence, cn, dataTime: dataTime.toISOString() },
          at: now,
          since: new Date(Math.min(t.since, now.getTime())),
        });
      else await clearAlarm(tx, { sourceKind: 'station', sourceId: station.id, kind: t.kind, at: now });
    }
    await raiseRecurrences(tx, station, m.state, m.factors, transitions, cn, dataTime, now, latest);
  }
  const done = [...folders.entries()].flatMap(([id, f]) =>
    f.now ? [{ id, state: JSON.stringify(packRuleState(mem.get(id)!.state)), now: f.now }] : [],
  );
  if (done.length === 0) return null;
  return sql`
    insert into monitoring_rule_states (station_id, rule_state, last_reading_at, updated_at)
    select id, state::json, at, at
    from unnest(${textArray(done.map((d) => d.id))}::uuid[], ${textArray(done.map((d) => d.state))}::text[],
                ${instantArray(done.map((d) => d.now))}::timestamptz[]) as v(id, state, at)
    on conflict (station_id) do update
      set rule_state = excluded.rule_state, last_reading_at = excluded.last_reading_at, updated_at = excluded.updated_at`;
}

/** Judges one stored frame (see judgeFrames). */
export async function judgeFrame(
  tx: Tx,
  station: JudgedStation,
  cn: string,
  dataTime: Date,
  values: readonly JudgedValue[],
  now: Date,
): Promise<void> {
  await judgeFrames(tx, [{ station, cn, dataTime, values, now }]);
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
        detailEn: `No data received since ${shanghai(last)}: more than two reporting intervals (${(2 * s.secs) / 60} minute${2 * s.secs === 60 ? '' : 's'})`,
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
