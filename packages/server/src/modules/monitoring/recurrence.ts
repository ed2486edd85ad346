// An alarm an officer closed while its condition still held (rules.md §4: closing is a review, not
// proof the condition ended). The frame rules only speak on a change of verdict, and the verdict
// did not change, so without this the condition would go on unreported. Kept apart from the
// per-frame judging so the write path stays one call longer and no more.
import {
  type FactorLimits,
  FRAME_RULE_KINDS,
  holdingNow,
  type RuleTransition,
  type StationRuleState,
} from '@qingshan/core/monitoring-rules';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { raiseAlarm } from '../alarms/service.ts';
import { alarms } from '../alarms/tables.ts';
import type { JudgedStation } from './rules.ts';

/** A station rule's latest alarm, as raiseRecurrences reads it. */
type LatestAlarm = {
  id: string;
  state: string;
  clearedAt: Date | null;
  closedAt: Date | null;
  evidence: unknown;
};

/**
 * The latest alarm of each (station, rule) a batch has read, so a station whose rule holds is read
 * once a batch rather than once a frame (a station in alarm sends every frame of a blast through
 * here). Whoever writes an alarm of the station and rule in the batch's transaction forgets it.
 */
export class LatestAlarms {
  readonly #rows = new Map<string, LatestAlarm | null>();

  async get(tx: Tx, stationId: string, kind: string): Promise<LatestAlarm | null> {
    const key = `${stationId}/${kind}`;
    const known = this.#rows.get(key);
    if (known !== undefined) return known;
    const [last] = await tx
      .select({
        id: alarms.id,
        state: alarms.state,
        clearedAt: alarms.clearedAt,
        closedAt: alarms.closedAt,
        evidence: alarms.evidence,
      })
      .from(alarms)
      .where(and(eq(alarms.sourceKind, 'station'), eq(alarms.sourceId, stationId), eq(alarms.kind, kind)))
      .orderBy(desc(alarms.raisedAt))
      .limit(1);
    this.#rows.set(key, last ?? null);
    return last ?? null;
  }

  forget(stationId: string, kind: string): void {
    this.#rows.delete(`${stationId}/${kind}`);
  }
}

/**
 * For each rule that holds without a change this frame: if its latest alarm was closed by an
 * officer while active and a verdict on newer data still finds the condition, a new alarm
 * linked to the closed one is raised (and the enterprise reminded again). Reads only for rules
 * that hold — a compliant station pays nothing — and each (station, rule) once a batch (`latest`).
 */
export async function raiseRecurrences(
  tx: Tx,
  station: JudgedStation,
  state: StationRuleState,
  factors: readonly FactorLimits[],
  transitions: readonly RuleTransition[],
  cn: string,
  dataTime: Date,
  now: Date,
  latest: LatestAlarms,
): Promise<number> {
  let raised = 0;
  for (const kind of FRAME_RULE_KINDS) {
    // a restatement is no change of verdict: an alarm closed meanwhile is still this function's
    if (!state.active[kind] || transitions.some((t) => t.kind === kind && !t.restated)) continue;
    const holding = holdingNow(state, factors, kind);
    if (!holding) continue;
    const last = await latest.get(tx, station.id, kind);
    if (last?.state !== 'closed' || last.clearedAt || !last.closedAt) continue;
    // data time against data time: only a verdict resting on newer data than the closed alarm's
    // says the condition went on after it (the same hour's verdict is not news)
    const ev = last.evidence as { judgedAt?: unknown; dataTime?: unknown };
    const raisedOn = Date.parse(String(ev.judgedAt ?? ev.dataTime ?? ''));
    if (!Number.isFinite(raisedOn) || holding.judgedAt <= raisedOn) continue;
    const r = await raiseAlarm(tx, {
      sourceKind: 'station',
      sourceId: station.id,
      sourceName: station.name,
      enterpriseId: station.enterpriseId,
      kind,
      detail: holding.detail,
      detailEn: holding.detailEn,
      evidence: { ...holding.evidence, cn, dataTime: dataTime.toISOString() },
      at: now,
      since: new Date(Math.min(holding.since, now.getTime())),
      recurrenceOf: last.id,
    });
    latest.forget(station.id, kind);
    if (r.created) raised++;
  }
  return raised;
}
