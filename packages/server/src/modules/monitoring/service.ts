import { createHash } from 'node:crypto';
import { TOWNS } from '@qingshan/core';
import { isOnline, type StationCreateBody, type StationPatchBody } from '@qingshan/core/monitoring';
import {
  FRAME_RULE_KINDS,
  type FrameRuleKind,
  holdingNow,
  packRuleState,
  unpackRuleState,
  withoutFactors,
} from '@qingshan/core/monitoring-rules';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { type PageRequest, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { closeObsoleteAlarms, restateAlarm } from '../alarms/service.ts';
import { alarms } from '../alarms/tables.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { electricityMeters } from '../electricity/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { pageFrames } from './frames.ts';
import { replayQuarantined, type StationRow } from './ingest.ts';
import { LONG_CNS, monitoringReadings, monitoringReadingsLong, rowsOf } from './readings.ts';
import { stationChanged } from './registry-events.ts';
import { factorName, factorNames } from './rules.ts';
import { monitoringFactors, monitoringQuarantine, monitoringRuleStates, monitoringStations } from './tables.ts';

export type FactorRow = typeof monitoringFactors.$inferSelect;
export type QuarantineRow = typeof monitoringQuarantine.$inferSelect;
export type StationListRow = StationRow & { enterpriseName: string; townCode: string; factorCount: number };

const notFound = () =>
  new AppError('RECORD_NOT_FOUND', { detail: { zh: '该监控点不存在', en: 'No such monitoring station' } });

/** The audit view of a station: never its password. */
function auditView(s: StationRow, factors: readonly { code: string; upperLimit?: number | null }[]) {
  const { password: _p, lastFrameAt: _f, lastDataTime: _d, createdAt: _c, ...rest } = s;
  return { ...rest, factors: factors.map((f) => ({ code: f.code, upperLimit: f.upperLimit ?? null })) };
}

/**
 * Registers a station with its factors. An MN already sending (in quarantine) is registered by
 * the same call: its quarantine entry closes and its archived frames become readings.
 */
export async function createStation(
  db: Db,
  actor: Actor,
  input: StationCreateBody,
): Promise<{ station: StationRow; replayed: number }> {
  const station = await db.transaction(async (tx) => {
    const [ent] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.enterpriseId));
    if (!ent)
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'enterpriseId', message: { zh: '该企业不存在', en: 'No such enterprise' } }],
      });
    const [dup] = await tx
      .select({ id: monitoringStations.id })
      .from(monitoringStations)
      .where(eq(monitoringStations.mn, input.mn));
    if (dup)
      throw new AppError('DUPLICATE_RECORD', {
        detail: { zh: `数采仪 MN ${input.mn} 已登记`, en: `A station with MN ${input.mn} is already registered` },
      });
    // a logger reporting electricity meters (electricity/hj212-meters.ts) would lose its frames to the station
    const [meter] = await tx
      .select({ name: electricityMeters.name })
      .from(electricityMeters)
      .where(eq(electricityMeters.hj212Mn, input.mn))
      .limit(1);
    if (meter)
      throw new AppError('DUPLICATE_RECORD', {
        errors: [
          { path: 'mn', message: { zh: `该 MN 已用于电表“${meter.name}”的 HJ 212 接入`, en: 'MN reports a meter' } },
        ],
      });
    const [row] = await tx
      .insert(monitoringStations)
      .values({
        enterpriseId: input.enterpriseId,
        name: input.name,
        mn: input.mn,
        password: input.password,
        edition: input.edition,
        outletKind: input.outletKind,
        outletCode: input.outletCode ?? null,
        outletName: input.outletName ?? null,
        outletLocation: input.outletLocation ?? null,
        rtdIntervalSeconds: input.rtdIntervalSeconds,
        minIntervalMinutes: input.minIntervalMinutes,
        crcModes: input.crcModes,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const factors = input.factors.map((f) => ({
      stationId: row.id,
      code: f.code,
      upperLimit: f.upperLimit ?? null,
      lowerLimit: f.lowerLimit ?? null,
      unit: f.unit ?? null,
      standard: f.standard ?? null,
      rangeMax: f.rangeMax ?? null,
    }));
    await tx.insert(monitoringFactors).values(factors);
    await tx
      .update(monitoringQuarantine)
      .set({ state: 'registered', decidedBy: actor.id, decidedAt: new Date() })
      .where(and(eq(monitoringQuarantine.mn, input.mn), eq(monitoringQuarantine.state, 'open')));
    await recordAudit(tx, actor, {
      action: 'monitoring-station.create',
      entityType: 'monitoring-station',
      entityId: row.id,
      after: auditView(row, factors),
    });
    return row;
  });
  // the ingest journal sent this MN's frames to quarantine; from now on it journals them
  stationChanged(station.mn);
  const replayed = await replayQuarantined(db, station);
  return { station, replayed };
}

export type StationFilter = {
  q?: string | undefined;
  townCode?: string | undefined;
  state?: 'online' | 'offline' | undefined;
  sort?: 'enterprise' | '-enterprise' | 'lastFrameAt' | '-lastFrameAt' | undefined;
};

/** The list's order; a station that never sent counts as the oldest (first going up, last coming down). */
function stationOrder(sort: StationFilter['sort']): SQL[] {
  const s = monitoringStations;
  switch (sort) {
    case 'lastFrameAt':
      return [sql`${s.lastFrameAt} asc nulls first`, asc(s.id)];
    case '-lastFrameAt':
      return [sql`${s.lastFrameAt} desc nulls last`, asc(s.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(s.name), desc(s.id)];
    default:
      return [asc(enterprises.name), asc(s.name), asc(s.id)];
  }
}

/** Online state in SQL, the same rule as core's isOnline (three real-time intervals, at least 5 minutes). */
function onlineSql(now: Date): SQL {
  return sql`(${monitoringStations.lastFrameAt} is not null and ${monitoringStations.lastFrameAt} >= ${now.toISOString()}::timestamptz - make_interval(secs => greatest(3 * ${monitoringStations.rtdIntervalSeconds}, 300)))`;
}

export async function listStations(
  db: Db,
  user: SessionUser | null,
  filter: StationFilter,
  page: PageRequest,
  now = new Date(),
) {
  const where = and(
    ownScope(user, { enterprise: monitoringStations.enterpriseId }),
    filter.q
      ? or(
          ilike(monitoringStations.name, containsPattern(filter.q)),
          ilike(monitoringStations.mn, containsPattern(filter.q)),
          ilike(enterprises.name, containsPattern(filter.q)),
        )
      : undefined,
    filter.townCode ? eq(enterprises.townCode, filter.townCode) : undefined,
    filter.state === 'online' ? onlineSql(now) : filter.state === 'offline' ? sql`not ${onlineSql(now)}` : undefined,
  );
  return paginate(
    page,
    (limit, offset) =>
      db
        .select({
          station: monitoringStations,
          enterpriseName: enterprises.name,
          townCode: enterprises.townCode,
          factorCount: sql<number>`(select count(*)::int from ${monitoringFactors} f where f.station_id = ${monitoringStations.id})`,
        })
        .from(monitoringStations)
        .innerJoin(enterprises, eq(enterprises.id, monitoringStations.enterpriseId))
        .where(where)
        .orderBy(...stationOrder(filter.sort))
        .limit(limit)
        .offset(offset)
        .then((rows) =>
          rows.map(
            (r): StationListRow => ({
              ...r.station,
              enterpriseName: r.enterpriseName,
              townCode: r.townCode,
              factorCount: Number(r.factorCount),
            }),
          ),
        ),
    async () => {
      const [r] = await db
        .select({ n: count() })
        .from(monitoringStations)
        .innerJoin(enterprises, eq(enterprises.id, monitoringStations.enterpriseId))
        .where(where);
      return r?.n ?? 0;
    },
  );
}

/** A station the caller may see (staff: any; an enterprise: its own), with its factors. */
export async function getStation(db: Db, user: SessionUser | null, id: string) {
  const [row] = await db
    .select({ station: monitoringStations, enterpriseName: enterprises.name, townCode: enterprises.townCode })
    .from(monitoringStations)
    .innerJoin(enterprises, eq(enterprises.id, monitoringStations.enterpriseId))
    .where(and(eq(monitoringStations.id, id), ownScope(user, { enterprise: monitoringStations.enterpriseId })));
  if (!row) throw notFound();
  const factors = await db
    .select()
    .from(monitoringFactors)
    .where(eq(monitoringFactors.stationId, id))
    .orderBy(asc(monitoringFactors.code));
  return {
    ...row.station,
    enterpriseName: row.enterpriseName,
    townCode: row.townCode,
    factorCount: factors.length,
    factors,
    version: stationVersion(row.station, factors),
  };
}

/**
 * The version an edit is checked against. monitoring_stations has no version or updated-at column
 * (tables.ts is not this change's to alter, and a column bumped by every frame would be useless:
 * ingest writes lastFrameAt several times a minute), so the version is a digest of exactly what
 * staff can edit: the registry fields and the factors in code order. Two different registrations
 * give different digests; a frame arriving does not change it.
 */
export function stationVersion(s: StationRow, factors: readonly FactorRow[]): string {
  const sorted = [...factors].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const editable = [
    s.name,
    s.password,
    s.edition,
    s.outletKind,
    s.outletCode,
    s.outletName,
    s.outletLocation,
    s.rtdIntervalSeconds,
    s.minIntervalMinutes,
    s.crcModes,
    sorted.map((f) => [f.code, f.upperLimit, f.lowerLimit, f.unit, f.standard, f.rangeMax]),
  ];
  return createHash('sha256').update(JSON.stringify(editable)).digest('hex').slice(0, 16);
}

type FactorAudit = Omit<FactorRow, 'stationId'>;
/** Before/after of an edit: the registry fields and every factor column; the password only as "changed". */
function editAuditView(s: StationRow, factors: readonly FactorAudit[]) {
  const { password: _p, lastFrameAt: _f, lastDataTime: _d, createdAt: _c, id: _i, enterpriseId: _e, ...rest } = s;
  return {
    ...rest,
    factors: [...factors]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((f) => ({
        code: f.code,
        upperLimit: f.upperLimit,
        lowerLimit: f.lowerLimit,
        unit: f.unit,
        standard: f.standard,
        rangeMax: f.rangeMax,
      })),
  };
}

/**
 * Staff correct a registered station: its registry fields and its factors (the whole new list:
 * left out = removed, a new code = added). The station's row is locked first, which also waits for
 * a frame being written for it (ingest locks the same row), so the next frame judged reads the new
 * limits: the rules read monitoring_factors inside each frame's transaction and cache nothing.
 */
export async function updateStation(db: Db, actor: Actor, id: string, input: StationPatchBody): Promise<StationRow> {
  const updated = await updateStationTx(db, actor, id, input);
  // the ingest journal checks frames against its copy of the registry: it must read the new password at once
  stationChanged(updated.mn);
  return updated;
}

function updateStationTx(db: Db, actor: Actor, id: string, input: StationPatchBody): Promise<StationRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(monitoringStations).where(eq(monitoringStations.id, id)).for('update');
    if (!row) throw notFound();
    const before = await tx.select().from(monitoringFactors).where(eq(monitoringFactors.stationId, id));
    if (stationVersion(row, before) !== input.version)
      throw new AppError('RECORD_CHANGED', {
        detail: {
          zh: '该监控点已被他人修改，请刷新后重试',
          en: 'This station was changed by someone else; reload and try again',
        },
      });
    const set: Partial<typeof monitoringStations.$inferInsert> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.clearPassword) set.password = '';
    else if (input.password) set.password = input.password;
    if (input.edition !== undefined) set.edition = input.edition;
    if (input.outletKind !== undefined) set.outletKind = input.outletKind;
    // an emptied text field is cleared, not stored as ''
    if (input.outletCode !== undefined) set.outletCode = input.outletCode || null;
    if (input.outletName !== undefined) set.outletName = input.outletName || null;
    if (input.outletLocation !== undefined) set.outletLocation = input.outletLocation || null;
    if (input.rtdIntervalSeconds !== undefined) set.rtdIntervalSeconds = input.rtdIntervalSeconds;
    if (input.minIntervalMinutes !== undefined) set.minIntervalMinutes = input.minIntervalMinutes;
    if (input.crcModes !== undefined) set.crcModes = [...new Set(input.crcModes)];
    const updated =
      Object.keys(set).length > 0
        ? (await tx.update(monitoringStations).set(set).where(eq(monitoringStations.id, id)).returning())[0]
        : row;
    if (!updated) throw new Error('update returned nothing');
    let after: FactorAudit[] = before;
    if (input.factors) {
      after = input.factors.map((f) => ({
        code: f.code,
        upperLimit: f.upperLimit ?? null,
        lowerLimit: f.lowerLimit ?? null,
        unit: f.unit || null,
        standard: f.standard || null,
        rangeMax: f.rangeMax ?? null,
      }));
      const codes = after.map((f) => f.code);
      await tx
        .delete(monitoringFactors)
        .where(and(eq(monitoringFactors.stationId, id), notInArray(monitoringFactors.code, codes)));
      for (const f of after)
        await tx
          .insert(monitoringFactors)
          .values({ stationId: id, ...f })
          .onConflictDoUpdate({
            target: [monitoringFactors.stationId, monitoringFactors.code],
            set: {
              upperLimit: f.upperLimit,
              lowerLimit: f.lowerLimit,
              unit: f.unit,
              standard: f.standard,
              rangeMax: f.rangeMax,
            },
          });
      const removed = before.map((f) => f.code).filter((c) => !codes.includes(c));
      if (removed.length > 0) await forgetRemovedFactors(tx, actor, id, removed, after);
    }
    const b = editAuditView(row, before);
    const a = editAuditView(updated, after);
    const passwordChanged = updated.password !== row.password;
    // nothing changed: nothing to audit (a form saved twice is not two corrections)
    if (!passwordChanged && JSON.stringify(a) === JSON.stringify(b)) return updated;
    await recordAudit(tx, actor, {
      action: 'monitoring-station.update',
      entityType: 'monitoring-station',
      entityId: id,
      before: passwordChanged ? { ...b, password: '（原密码）' } : b,
      after: passwordChanged ? { ...a, password: updated.password === '' ? '（已清空）' : '（已更改）' } : a,
    });
    return updated;
  });
}

/** The reason an alarm on a removed factor is closed with, as the enterprise and officers read it. */
export const FACTOR_REMOVED_REASON = '因子已从监测点删除';

/**
 * Factors left out of an edit take their alarm state with them, in the edit's transaction (the
 * station row is locked, so no frame is judged meanwhile): the rule state forgets them — else a rule
 * they alone held would stay "active" and a remaining factor going over later would raise nothing —
 * and their open alarms are closed with the plain reason, which also ends the enterprise's duty to
 * answer and the 2 h escalation. An active alarm closes when its rule holds for no remaining factor;
 * a cleared one awaiting review when every factor it names was removed. An alarm a remaining factor
 * still holds stays open.
 */
async function forgetRemovedFactors(
  tx: Tx,
  actor: Actor,
  stationId: string,
  removed: readonly string[],
  remaining: readonly FactorAudit[],
): Promise<void> {
  const [rs] = await tx
    .select({ state: monitoringRuleStates.ruleState })
    .from(monitoringRuleStates)
    .where(eq(monitoringRuleStates.stationId, stationId))
    .for('update');
  let ended: readonly string[] = [];
  let held: ((kind: FrameRuleKind) => ReturnType<typeof holdingNow>) | null = null;
  if (rs) {
    const limits = remaining.map((f) => ({ ...f, ...factorNames(f.code) }));
    const next = withoutFactors(unpackRuleState(rs.state), removed, limits);
    ended = next.ended;
    held = (kind) => holdingNow(next.state, limits, kind);
    await tx
      .update(monitoringRuleStates)
      .set({ ruleState: packRuleState(next.state), updatedAt: new Date() })
      .where(eq(monitoringRuleStates.stationId, stationId));
  }
  const open = await tx
    .select({ id: alarms.id, kind: alarms.kind, state: alarms.state, evidence: alarms.evidence })
    .from(alarms)
    .where(
      and(
        eq(alarms.sourceKind, 'station'),
        eq(alarms.sourceId, stationId),
        inArray(alarms.state, ['active', 'cleared']),
        inArray(alarms.kind, [...FRAME_RULE_KINDS]),
      ),
    );
  const gone = new Set(removed);
  const onlyRemoved = (evidence: unknown) => {
    const named = ((evidence as { factors?: { code?: unknown }[] }).factors ?? []).map((f) => String(f.code));
    return named.length > 0 && named.every((c) => gone.has(c));
  };
  const ids = open
    .filter((a) =>
      a.state === 'active' ? ended.includes(a.kind) || (!rs && onlyRemoved(a.evidence)) : onlyRemoved(a.evidence),
    )
    .map((a) => a.id);
  // an active alarm a remaining factor still holds stays open, but its text named a removed one too:
  // it now says what still holds, by the staff member whose edit changed it
  const namesRemoved = (evidence: unknown) =>
    ((evidence as { factors?: { code?: unknown }[] }).factors ?? []).some((f) => gone.has(String(f.code)));
  for (const a of open) {
    if (a.state !== 'active' || ids.includes(a.id) || !held || !namesRemoved(a.evidence)) continue;
    const now = held(a.kind as FrameRuleKind);
    if (!now) continue;
    const { judgedAt: _j, ...t } = now;
    await restateAlarm(tx, {
      sourceKind: 'station',
      sourceId: stationId,
      kind: a.kind as FrameRuleKind,
      detail: t.detail,
      detailEn: t.detailEn,
      evidence: { ...(a.evidence as Record<string, unknown>), ...t.evidence },
      actor,
    });
  }
  if (ids.length === 0) return;
  const names = removed.map((c) => `${factorName(c)}（${c}）`).join('、');
  const namesEn = removed.map((c) => `${factorNames(c).nameEn} (${c})`).join(', ');
  await closeObsoleteAlarms(
    tx,
    actor,
    ids,
    `${FACTOR_REMOVED_REASON}：${names}`,
    `Factor removed from the station: ${namesEn}`,
  );
}

export const MAX_READING_PERIOD_DAYS = 31;
export const MAX_ROLLUP_PERIOD_DAYS = 366;

export type ReadingQuery = {
  from: Date;
  to: Date;
  factor?: string | undefined;
  cn?: string | undefined;
  source?: 'station' | 'platform' | undefined;
};

/** Readings of one station in a bounded period, oldest first (a chart's order), paged. */
export async function listReadings(db: Db, user: SessionUser | null, id: string, q: ReadingQuery, page: PageRequest) {
  await getStation(db, user, id);
  const long = q.cn !== undefined && LONG_CNS.has(q.cn);
  if (long) {
    const t = monitoringReadingsLong;
    const where = and(
      eq(t.stationId, id),
      gte(t.dataTime, q.from),
      lt(t.dataTime, q.to),
      q.factor ? eq(t.factor, q.factor) : undefined,
      eq(t.cn, q.cn as string),
      q.source ? eq(t.source, q.source) : undefined,
    );
    return paginate(
      page,
      (limit, offset) =>
        db
          .select({
            dataTime: t.dataTime,
            cn: t.cn,
            factor: t.factor,
            value: t.value,
            min: t.min,
            max: t.max,
            flag: t.flag,
            source: t.source,
          })
          .from(t)
          .where(where)
          .orderBy(asc(t.dataTime), asc(t.factor), asc(t.source))
          .limit(limit)
          .offset(offset),
      async () => {
        const [r] = await db.select({ n: count() }).from(t).where(where);
        return r?.n ?? 0;
      },
    );
  }
  const t = monitoringReadings;
  const where = and(
    eq(t.stationId, id),
    gte(t.dataTime, q.from),
    lt(t.dataTime, q.to),
    q.factor ? eq(t.factor, q.factor) : undefined,
    q.cn ? eq(t.cn, q.cn) : undefined,
  );
  return paginate(
    page,
    (limit, offset) =>
      db
        .select({
          dataTime: t.dataTime,
          cn: t.cn,
          factor: t.factor,
          value: t.value,
          min: t.min,
          max: t.max,
          flag: t.flag,
        })
        .from(t)
        .where(where)
        .orderBy(asc(t.dataTime), asc(t.factor), asc(t.cn))
        .limit(limit)
        .offset(offset),
    async () => {
      const [r] = await db.select({ n: count() }).from(t).where(where);
      return r?.n ?? 0;
    },
  );
}

/** Raw frames of a station, newest first: the evidence behind its readings; optionally of a window of receipt. */
export async function listFrames(
  db: Db,
  user: SessionUser | null,
  id: string,
  page: PageRequest,
  window?: { from: Date; to: Date },
) {
  await getStation(db, user, id);
  return pageFrames(db, { stationId: id }, page, window);
}

export const QUARANTINE_SORTS = [
  '-lastSeenAt',
  'lastSeenAt',
  '-firstSeenAt',
  'firstSeenAt',
  '-frameCount',
  'frameCount',
] as const;

export type QuarantineFilter = {
  state?: 'open' | 'registered' | 'rejected' | undefined;
  sort?: (typeof QUARANTINE_SORTS)[number] | undefined;
};

/** The list's order: last heard from by default; by first seen, or by frames sent (the busiest unknown logger). */
function quarantineOrder(sort: QuarantineFilter['sort']): SQL[] {
  const q = monitoringQuarantine;
  switch (sort) {
    case 'lastSeenAt':
      return [asc(q.lastSeenAt), asc(q.id)];
    case '-firstSeenAt':
      return [desc(q.firstSeenAt), asc(q.id)];
    case 'firstSeenAt':
      return [asc(q.firstSeenAt), asc(q.id)];
    case '-frameCount':
      return [desc(q.frameCount), desc(q.lastSeenAt), asc(q.id)];
    case 'frameCount':
      return [asc(q.frameCount), desc(q.lastSeenAt), asc(q.id)];
    default:
      return [desc(q.lastSeenAt), asc(q.id)];
  }
}

export async function listQuarantine(db: Db, filter: QuarantineFilter, page: PageRequest) {
  const where = filter.state ? eq(monitoringQuarantine.state, filter.state) : undefined;
  return paginate(
    page,
    (limit, offset) =>
      db
        .select()
        .from(monitoringQuarantine)
        .where(where)
        .orderBy(...quarantineOrder(filter.sort))
        .limit(limit)
        .offset(offset),
    async () => {
      const [r] = await db.select({ n: count() }).from(monitoringQuarantine).where(where);
      return r?.n ?? 0;
    },
  );
}

/** Staff reject an unknown logger: its frames are refused from now on (not stored, not acked). */
export async function rejectQuarantined(db: Db, actor: Actor, id: string): Promise<QuarantineRow> {
  const row = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(monitoringQuarantine).where(eq(monitoringQuarantine.id, id)).for('update');
    if (!row)
      throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该待认领记录不存在', en: 'No such quarantine entry' } });
    if (row.state !== 'open')
      throw new AppError('RECORD_CHANGED', {
        detail: { zh: '该数采仪已被处理', en: 'This logger has already been registered or rejected' },
      });
    const [updated] = await tx
      .update(monitoringQuarantine)
      .set({ state: 'rejected', decidedBy: actor.id, decidedAt: new Date() })
      .where(eq(monitoringQuarantine.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'monitoring-quarantine.reject',
      entityType: 'monitoring-quarantine',
      entityId: id,
      before: { mn: row.mn, state: row.state },
      after: { mn: row.mn, state: 'rejected' },
    });
    if (!updated) throw new Error('update returned nothing');
    return updated;
  });
  // a bus gateway caches a rejected MN as one to refuse
  stationChanged(row.mn);
  return row;
}

/** Staff overview: stations online and offline, by town, and the loggers waiting in quarantine. */
export async function overview(db: Db, now = new Date()) {
  const rows = await db
    .select({
      townCode: enterprises.townCode,
      stations: count(),
      online: sql<number>`count(*) filter (where ${onlineSql(now)})::int`,
      lastFrameAt: sql<string | null>`max(${monitoringStations.lastFrameAt})::text`,
    })
    .from(monitoringStations)
    .innerJoin(enterprises, eq(enterprises.id, monitoringStations.enterpriseId))
    .groupBy(enterprises.townCode);
  const [q] = await db.select({ n: count() }).from(monitoringQuarantine).where(eq(monitoringQuarantine.state, 'open'));
  // open = not yet closed by an officer's review (active, or cleared but not reviewed)
  const open = rowsOf<{ town_code: string; n: number }>(
    await db.execute(sql`
      select e.town_code, count(*)::int as n
      from alarms a
      join monitoring_stations s on a.source_kind = 'station' and a.source_id = s.id::text
      join enterprises e on e.id = s.enterprise_id
      where a.state <> 'closed'
      group by e.town_code`),
  );
  const byTown = TOWNS.map((t) => {
    const r = rows.find((x) => x.townCode === t.code);
    return {
      townCode: t.code,
      stations: r?.stations ?? 0,
      online: Number(r?.online ?? 0),
      openAlarms: open.find((x) => x.town_code === t.code)?.n ?? 0,
      lastFrameAt: r?.lastFrameAt ? new Date(r.lastFrameAt) : null,
    };
  }).filter((t) => t.stations > 0);
  const stations = byTown.reduce((a, t) => a + t.stations, 0);
  const online = byTown.reduce((a, t) => a + t.online, 0);
  const openAlarms = byTown.reduce((a, t) => a + t.openAlarms, 0);
  return { stations, online, offline: stations - online, openAlarms, quarantineOpen: q?.n ?? 0, byTown };
}

export function stationOnline(s: StationRow, now = Date.now()): boolean {
  return isOnline(s.lastFrameAt?.getTime() ?? null, now, s.rtdIntervalSeconds);
}
