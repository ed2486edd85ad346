import { ALARM_KIND_LABELS, type AlarmKind, type AlarmSourceKind } from '@qingshan/core/alarms';
import {
  DEFAULT_FACILITY_THRESHOLDS,
  type ElectricityRule,
  evaluatePlant,
  type FacilityThresholds,
  type Finding,
  type MeterCreateBody,
  type MeterHj212Body,
  type MeterInput,
  type RestrictionOrderBody,
} from '@qingshan/core/electricity';
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { clearAlarm, raiseAlarm } from '../alarms/service.ts';
import { alarms } from '../alarms/tables.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { registryChanged } from '../monitoring/registry-events.ts';
import { monitoringQuarantine, monitoringStations } from '../monitoring/tables.ts';
import { electricityMeters, electricityReadings, restrictionOrders } from './tables.ts';

export type MeterRow = typeof electricityMeters.$inferSelect;

const notFound = (what: string) =>
  new AppError('RECORD_NOT_FOUND', { detail: { zh: `${what}不存在`, en: `No such ${what}` } });
const invalid = (path: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { errors: [{ path, message: { zh, en } }] });

export async function createMeter(tx: Tx, actor: Actor, body: MeterCreateBody): Promise<MeterRow> {
  const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, body.enterpriseId));
  if (!ent) throw invalid('enterpriseId', '企业不存在', 'No such enterprise');
  if (body.role === 'facility') {
    const [line] = await tx.select().from(electricityMeters).where(eq(electricityMeters.id, body.servesMeterId!));
    if (line?.role !== 'line' || line.enterpriseId !== body.enterpriseId)
      throw invalid(
        'servesMeterId',
        '须为本企业的生产线电表',
        'Must be a production-line meter of the same enterprise',
      );
  }
  const [dup] = await tx
    .select({ id: electricityMeters.id })
    .from(electricityMeters)
    .where(eq(electricityMeters.code, body.code));
  if (dup)
    throw new AppError('DUPLICATE_RECORD', {
      errors: [{ path: 'code', message: { zh: '电表编号已登记', en: 'code already registered' } }],
    });
  const thresholds: FacilityThresholds | null =
    body.role === 'facility' ? { ...DEFAULT_FACILITY_THRESHOLDS, ...body.thresholds } : null;
  const [row] = await tx
    .insert(electricityMeters)
    .values({
      enterpriseId: body.enterpriseId,
      code: body.code,
      name: body.name,
      role: body.role,
      ratedKw: body.ratedKw,
      servesMeterId: body.role === 'facility' ? body.servesMeterId! : null,
      thresholds,
      createdAt: new Date(),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'meter.create',
    entityType: 'meter',
    entityId: row!.id,
    after: auditMeter(row!),
  });
  return body.hj212 ? bindHj212(tx, actor, row!.id, body.hj212) : row!;
}

export type MeterFilter = {
  enterpriseId?: string | undefined;
  role?: string | undefined;
  sort?: 'enterprise' | '-enterprise' | undefined;
};

/** The list's order; the code is unique, so it settles every tie. */
function meterOrder(sort: MeterFilter['sort']): SQL[] {
  const m = electricityMeters;
  return sort === '-enterprise'
    ? [desc(enterprises.name), desc(m.role), desc(m.code)]
    : [asc(enterprises.name), asc(m.role), asc(m.code)];
}

export async function listMeters(
  db: Db,
  user: SessionUser | null,
  f: MeterFilter,
  paging: PageRequest,
): Promise<Paged<MeterRow & { enterpriseName: string }>> {
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: electricityMeters.enterpriseId })];
  if (f.enterpriseId) conds.push(eq(electricityMeters.enterpriseId, f.enterpriseId));
  if (f.role) conds.push(eq(electricityMeters.role, f.role));
  const where = and(...conds);
  return paginate(
    paging,
    async (limit, offset) =>
      (
        await db
          .select({ m: electricityMeters, enterpriseName: enterprises.name })
          .from(electricityMeters)
          .innerJoin(enterprises, eq(enterprises.id, electricityMeters.enterpriseId))
          .where(where)
          .orderBy(...meterOrder(f.sort))
          .limit(limit)
          .offset(offset)
      ).map((r) => ({ ...r.m, enterpriseName: r.enterpriseName })),
    async () => {
      const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(electricityMeters).where(where);
      return c?.n ?? 0;
    },
  );
}

export async function getMeter(db: Tx, user: SessionUser | null, id: string): Promise<MeterRow> {
  const [row] = await db.select().from(electricityMeters).where(eq(electricityMeters.id, id));
  if (!row) throw notFound('电表');
  if (ownScope(user, { enterprise: electricityMeters.enterpriseId }) && row.enterpriseId !== user?.enterpriseId)
    throw new AppError('FORBIDDEN_RECORD');
  return row;
}

/** Readings of one meter in a period (at most 2 days: a chart, not an export), oldest first. */
export const SERIES_MAX_MS = 2 * 86_400_000;
export async function meterSeries(db: Db, user: SessionUser | null, id: string, from: Date, to: Date) {
  const meter = await getMeter(db, user, id);
  const rows = await db
    .select({ at: electricityReadings.at, kw: electricityReadings.kw })
    .from(electricityReadings)
    .where(and(eq(electricityReadings.meterId, id), gte(electricityReadings.at, from), lt(electricityReadings.at, to)))
    .orderBy(asc(electricityReadings.at))
    .limit(3000);
  return { meter, points: rows };
}

export type ReadingInput = { code: string; at: Date; kw: number; kwh?: number | undefined };

/**
 * Stores one reading by meter code. Unknown codes are refused (returned as 'unknown-meter', not
 * thrown: a broker delivers whatever is published, and one stray publisher must not stop the
 * subscriber). A repeated instant is ignored; the meter's newest reading moves forward only.
 */
export async function recordReading(db: Db, r: ReadingInput): Promise<'stored' | 'duplicate' | 'unknown-meter'> {
  return db.transaction(async (tx) => {
    const [meter] = await tx
      .select({ id: electricityMeters.id })
      .from(electricityMeters)
      .where(eq(electricityMeters.code, r.code));
    if (!meter) return 'unknown-meter';
    return storeReading(tx, meter.id, r);
  });
}

/**
 * The one way a reading enters the electricity tables, whether it came over MQTT or in an HJ 212
 * frame (hj212-meters.ts), inside the caller's transaction: R1–R5 (evaluateElectricity) then judge
 * both alike. A repeated instant is ignored; the meter's newest reading moves forward only.
 */
export async function storeReading(
  tx: Tx,
  meterId: string,
  r: { at: Date; kw: number; kwh?: number | null | undefined },
): Promise<'stored' | 'duplicate'> {
  const inserted = await tx
    .insert(electricityReadings)
    .values({ meterId, at: r.at, kw: r.kw, kwh: r.kwh ?? null, receivedAt: new Date() })
    .onConflictDoNothing()
    .returning({ at: electricityReadings.at });
  if (inserted.length === 0) return 'duplicate';
  await tx
    .update(electricityMeters)
    .set({ lastSeenAt: r.at, lastKw: r.kw })
    .where(
      and(
        eq(electricityMeters.id, meterId),
        sql`(${electricityMeters.lastSeenAt} is null or ${electricityMeters.lastSeenAt} < ${r.at.toISOString()}::timestamptz)`,
      ),
    );
  return 'stored';
}

// ---- HJ 212 binding (hj212-meters.ts receives the frames) ----

/** The audit view of a meter: never the logger's password. */
export function auditMeter(m: MeterRow) {
  const { hj212Password, lastSeenAt: _s, lastKw: _k, createdAt: _c, ...rest } = m;
  return { ...rest, hj212Password: hj212Password ? '（已设置）' : null };
}

/**
 * Binds a meter to an HJ 212 logger (MN, password) and the factor code carrying its power. The MN
 * must not be a monitoring station's (the gateway would take the frames as the station's); a
 * logger serves one enterprise; a code names one meter per logger. The password belongs to the
 * logger: given, it is set on every meter of that MN (each audited); left out, the meter takes the
 * one its logger already has. An MN waiting in quarantine is registered by the same call.
 */
export async function bindHj212(
  tx: Tx,
  actor: Actor,
  meterId: string,
  body: MeterHj212Body,
  /** where the fields sit in the request body: nested in a registration, top level in the edit */
  at: '' | 'hj212.' = 'hj212.',
): Promise<MeterRow> {
  const [meter] = await tx.select().from(electricityMeters).where(eq(electricityMeters.id, meterId)).for('update');
  if (!meter) throw notFound('电表');
  const [station] = await tx
    .select({ name: monitoringStations.name })
    .from(monitoringStations)
    .where(eq(monitoringStations.mn, body.mn));
  if (station)
    throw invalid(`${at}mn`, `该 MN 已登记为在线监测站点“${station.name}”`, 'MN belongs to a monitoring station');
  const siblings = await tx
    .select()
    .from(electricityMeters)
    .where(and(eq(electricityMeters.hj212Mn, body.mn), sql`${electricityMeters.id} <> ${meterId}`))
    .for('update');
  if (siblings.some((m) => m.enterpriseId !== meter.enterpriseId))
    throw invalid(`${at}mn`, '该数采仪已接入其他企业的电表', 'This logger reports meters of another enterprise');
  const taken = siblings.find((m) => m.hj212Code === body.code);
  if (taken)
    throw new AppError('DUPLICATE_RECORD', {
      errors: [
        {
          path: `${at}code`,
          message: { zh: `该数采仪的因子编码 ${body.code} 已对应电表“${taken.name}”`, en: 'code already bound' },
        },
      ],
    });
  const known = siblings[0]?.hj212Password ?? (meter.hj212Mn === body.mn ? meter.hj212Password : null);
  const password = body.password ?? known;
  if (password === null || password === undefined)
    throw invalid(`${at}password`, '首次接入该数采仪须填写访问密码', 'The first meter of a logger needs its password');
  const [row] = await tx
    .update(electricityMeters)
    .set({ hj212Mn: body.mn, hj212Code: body.code, hj212Password: password })
    .where(eq(electricityMeters.id, meterId))
    .returning();
  await recordAudit(tx, actor, {
    action: 'meter.hj212-bind',
    entityType: 'meter',
    entityId: meterId,
    before: auditMeter(meter),
    after: auditMeter(row!),
  });
  for (const s of siblings) {
    if (s.hj212Password === password) continue;
    const [u] = await tx
      .update(electricityMeters)
      .set({ hj212Password: password })
      .where(eq(electricityMeters.id, s.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'meter.hj212-bind',
      entityType: 'meter',
      entityId: s.id,
      before: auditMeter(s),
      after: auditMeter(u!),
    });
  }
  await tx
    .update(monitoringQuarantine)
    .set({ state: 'registered', decidedBy: actor.id, decidedAt: new Date() })
    .where(and(eq(monitoringQuarantine.mn, body.mn), inArray(monitoringQuarantine.state, ['open', 'rejected'])));
  // the logger it left and the one it joined (a password set here applies to all its meters)
  registryChanged([meter.hj212Mn, body.mn]);
  return row!;
}

export async function unbindHj212(tx: Tx, actor: Actor, meterId: string): Promise<MeterRow> {
  const [meter] = await tx.select().from(electricityMeters).where(eq(electricityMeters.id, meterId)).for('update');
  if (!meter) throw notFound('电表');
  if (!meter.hj212Mn) return meter;
  const [row] = await tx
    .update(electricityMeters)
    .set({ hj212Mn: null, hj212Code: null, hj212Password: null })
    .where(eq(electricityMeters.id, meterId))
    .returning();
  await recordAudit(tx, actor, {
    action: 'meter.hj212-unbind',
    entityType: 'meter',
    entityId: meterId,
    before: auditMeter(meter),
    after: auditMeter(row!),
  });
  registryChanged([meter.hj212Mn]);
  return row!;
}

export async function createRestrictionOrder(tx: Tx, actor: Actor, body: RestrictionOrderBody) {
  const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, body.enterpriseId));
  if (!ent) throw invalid('enterpriseId', '企业不存在', 'No such enterprise');
  const [row] = await tx
    .insert(restrictionOrders)
    .values({
      enterpriseId: body.enterpriseId,
      kind: body.kind,
      maxLoadPercent: body.kind === 'limit' ? (body.maxLoadPercent ?? null) : null,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      documentNo: body.documentNo,
      reason: body.reason,
      createdBy: actor.id,
      createdAt: new Date(),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'restriction-order.create',
    entityType: 'restriction-order',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export async function listRestrictionOrders(
  db: Db,
  user: SessionUser | null,
  f: { enterpriseId?: string | undefined; sort?: '-startsAt' | 'startsAt' | undefined },
  paging: PageRequest,
) {
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: restrictionOrders.enterpriseId })];
  if (f.enterpriseId) conds.push(eq(restrictionOrders.enterpriseId, f.enterpriseId));
  const where = and(...conds);
  return paginate(
    paging,
    async (limit, offset) =>
      (
        await db
          .select({ o: restrictionOrders, enterpriseName: enterprises.name })
          .from(restrictionOrders)
          .innerJoin(enterprises, eq(enterprises.id, restrictionOrders.enterpriseId))
          .where(where)
          .orderBy(
            ...(f.sort === 'startsAt'
              ? [asc(restrictionOrders.startsAt), asc(restrictionOrders.id)]
              : [desc(restrictionOrders.startsAt), desc(restrictionOrders.id)]),
          )
          .limit(limit)
          .offset(offset)
      ).map((r) => ({ ...r.o, enterpriseName: r.enterpriseName })),
    async () => {
      const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(restrictionOrders).where(where);
      return c?.n ?? 0;
    },
  );
}

// ---- the rules, run by the scheduler ----

/** R1–R5 look back this far: long enough for t₁/t₂ runs, short enough to stay a small query. */
export const EVALUATION_WINDOW_MS = 6 * 3_600_000;

const RULE_KIND: Record<ElectricityRule, { kind: AlarmKind; sourceKind: AlarmSourceKind }> = {
  r1: { kind: 'r1-control-off', sourceKind: 'facility' },
  r2: { kind: 'r2-control-lag', sourceKind: 'facility' },
  r3: { kind: 'r3-control-low-power', sourceKind: 'facility' },
  r4: { kind: 'r4-restriction-order', sourceKind: 'meter' },
  r5: { kind: 'r5-meter-offline', sourceKind: 'meter' },
};

// 2026-12-04 10:05 in Beijing time, whatever the server's zone
const hm = (ms: number) => new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

/** What a finding says, in Chinese and in English (meter and line names are the enterprise's own, as registered). */
function describe(f: Finding, meter: MeterRow, line: MeterRow | undefined): { zh: string; en: string } {
  const mins = Math.round(f.minutes);
  const span = `${hm(f.from)}起${f.ongoing ? '至今' : `至${hm(f.to)}`}，持续约${mins}分钟`;
  const spanEn = `from ${hm(f.from)} ${f.ongoing ? 'until now' : `to ${hm(f.to)}`}, about ${mins} minutes`;
  const lineZh = line?.name ?? '生产线';
  const lineEn = line?.name ?? 'the production line';
  switch (f.rule) {
    case 'r1':
      return {
        zh: `${lineZh}运行期间，${meter.name}停运：${span}`,
        en: `${meter.name} stopped while ${lineEn} was running: ${spanEn}`,
      };
    case 'r2':
      return {
        zh: `${meter.name}与${lineZh}启停不同步（相差约${mins}分钟）：${span}`,
        en: `${meter.name} did not start or stop with ${lineEn} (about ${mins} minutes apart): ${spanEn}`,
      };
    case 'r3': {
      const pct = meter.thresholds?.pPercent ?? DEFAULT_FACILITY_THRESHOLDS.pPercent;
      return {
        zh: `${lineZh}运行期间，${meter.name}功率低于额定功率的${pct}%：${span}`,
        en: `${meter.name} ran below ${pct}% of its rated power while ${lineEn} was running: ${spanEn}`,
      };
    }
    case 'r4':
      return {
        zh: `限产停产令执行期间，${meter.name}仍在生产：${span}`,
        en: `${meter.name} kept producing during a production restriction order: ${spanEn}`,
      };
    case 'r5':
      return {
        zh: `${meter.name}（${meter.code}）无数据上传：${span}`,
        en: `${meter.name} (${meter.code}) sent no data: ${spanEn}`,
      };
  }
}

const RULE_OF_KIND = new Map(
  (Object.entries(RULE_KIND) as [ElectricityRule, { kind: AlarmKind }][]).map(([rule, k]) => [k.kind, rule]),
);

/**
 * The run an active alarm stood for, now that it holds no longer: the rule's ended run that overlaps
 * the alarm, or else the alarm's own period (from when the condition began to when it was last seen
 * holding) — a run can leave the window unseen when readings were corrected or a meter re-registered.
 */
function endedRun(
  a: { kind: string; sourceId: string; firstSeenAt: Date; lastSeenAt: Date },
  run: Finding | undefined,
): Finding {
  if (run && run.to >= a.firstSeenAt.getTime()) return run;
  const from = a.firstSeenAt.getTime();
  const to = Math.max(a.lastSeenAt.getTime(), from);
  return {
    rule: RULE_OF_KIND.get(a.kind as AlarmKind)!,
    meterId: a.sourceId,
    from,
    to,
    ongoing: false,
    minutes: (to - from) / 60_000,
  };
}

/**
 * Evaluates every enterprise's meters at `now`: a finding still holding raises (or refreshes) its
 * alarm; one that ended since the last pass raises and clears at once, unless an alarm already
 * covers that run; a (meter, rule) with nothing holding clears its active alarm.
 */
export async function evaluateElectricity(db: Db, now = new Date()): Promise<{ raised: number; cleared: number }> {
  const from = now.getTime() - EVALUATION_WINDOW_MS;
  const plants = await db.selectDistinct({ id: electricityMeters.enterpriseId }).from(electricityMeters);
  let raised = 0;
  let cleared = 0;
  for (const { id: enterpriseId } of plants) {
    const meters = await db.select().from(electricityMeters).where(eq(electricityMeters.enterpriseId, enterpriseId));
    const ids = meters.map((m) => m.id);
    const rows = await db
      .select({ meterId: electricityReadings.meterId, at: electricityReadings.at, kw: electricityReadings.kw })
      .from(electricityReadings)
      .where(
        and(
          inArray(electricityReadings.meterId, ids),
          gte(electricityReadings.at, new Date(from - EVALUATION_WINDOW_MS)),
          lte(electricityReadings.at, now),
        ),
      )
      .orderBy(asc(electricityReadings.meterId), asc(electricityReadings.at));
    const samples = new Map<string, { at: number; kw: number }[]>();
    for (const r of rows) {
      const list = samples.get(r.meterId) ?? [];
      list.push({ at: r.at.getTime(), kw: r.kw });
      samples.set(r.meterId, list);
    }
    const input = (m: MeterRow): MeterInput => ({
      id: m.id,
      ratedKw: m.ratedKw,
      // the window plus the one reading before it, which holds into the window
      samples: (() => {
        const s = samples.get(m.id) ?? [];
        const firstIn = s.findIndex((x) => x.at >= from);
        return firstIn <= 0 ? (firstIn === -1 ? s.slice(-1) : s) : s.slice(firstIn - 1);
      })(),
      lastSeenAt: m.lastSeenAt ? Math.min(m.lastSeenAt.getTime(), now.getTime()) : null,
      registeredAt: m.createdAt.getTime(),
    });
    const orders = await db
      .select()
      .from(restrictionOrders)
      .where(
        and(
          eq(restrictionOrders.enterpriseId, enterpriseId),
          lt(restrictionOrders.startsAt, now),
          gt(restrictionOrders.endsAt, new Date(from)),
        ),
      );
    const findings = evaluatePlant({
      lines: meters.filter((m) => m.role === 'line').map(input),
      facilities: meters
        .filter((m) => m.role === 'facility' && m.servesMeterId)
        .map((m) => ({
          ...input(m),
          servesLineId: m.servesMeterId!,
          thresholds: { ...DEFAULT_FACILITY_THRESHOLDS, ...(m.thresholds ?? {}) },
        })),
      orders: orders.map((o) => ({
        kind: o.kind as 'limit' | 'halt',
        maxLoadPercent: o.maxLoadPercent,
        from: o.startsAt.getTime(),
        to: o.endsAt.getTime(),
      })),
      from,
      to: now.getTime(),
    });
    const byId = new Map(meters.map((m) => [m.id, m]));
    const holding = new Set<string>();
    // each (source, rule)'s latest ended run: the period an active alarm ending now tells of
    const ended = new Map<string, Finding>();
    await db.transaction(async (tx) => {
      // runs still holding first: an ended run of the same (meter, rule) must not clear their alarm
      for (const f of [...findings].sort((a, b) => Number(b.ongoing) - Number(a.ongoing))) {
        const meter = byId.get(f.meterId)!;
        const { kind, sourceKind } = RULE_KIND[f.rule];
        const line = meter.servesMeterId ? byId.get(meter.servesMeterId) : undefined;
        const said = describe(f, meter, line);
        const base = {
          sourceKind,
          sourceId: meter.id,
          sourceName: meter.name,
          enterpriseId,
          kind,
          detail: said.zh,
          detailEn: said.en,
          evidence: {
            rule: f.rule.toUpperCase(),
            from: new Date(f.from).toISOString(),
            to: new Date(f.to).toISOString(),
            minutes: Math.round(f.minutes),
            meterCode: meter.code,
            source: ALARM_KIND_LABELS[kind].source,
          },
          since: new Date(f.from),
        };
        if (f.ongoing) {
          holding.add(`${sourceKind}|${meter.id}|${kind}`);
          const r = await raiseAlarm(tx, { ...base, at: now });
          if (r.created) raised++;
          continue;
        }
        const key = `${sourceKind}|${meter.id}|${kind}`;
        if (f.to > (ended.get(key)?.to ?? -Infinity)) ended.set(key, f);
        // an ended run: raise it once, as cleared evidence, unless an alarm already covers it
        const [covered] = await tx
          .select({ id: alarms.id })
          .from(alarms)
          .where(
            and(
              eq(alarms.sourceKind, sourceKind),
              eq(alarms.sourceId, meter.id),
              eq(alarms.kind, kind),
              lte(alarms.firstSeenAt, new Date(f.to)),
              gte(alarms.lastSeenAt, new Date(f.from)),
            ),
          )
          .limit(1);
        if (covered || holding.has(`${sourceKind}|${meter.id}|${kind}`)) continue;
        const r = await raiseAlarm(tx, { ...base, at: new Date(f.to) });
        if (r.created) raised++;
        await clearAlarm(tx, { sourceKind, sourceId: meter.id, kind, at: new Date(f.to) });
      }
      const active = await tx
        .select({
          sourceKind: alarms.sourceKind,
          sourceId: alarms.sourceId,
          kind: alarms.kind,
          firstSeenAt: alarms.firstSeenAt,
          lastSeenAt: alarms.lastSeenAt,
          evidence: alarms.evidence,
        })
        .from(alarms)
        .where(
          and(
            eq(alarms.enterpriseId, enterpriseId),
            eq(alarms.state, 'active'),
            inArray(alarms.sourceId, ids),
            inArray(
              alarms.kind,
              Object.values(RULE_KIND).map((k) => k.kind),
            ),
          ),
        );
      for (const a of active) {
        const key = `${a.sourceKind}|${a.sourceId}|${a.kind}`;
        if (holding.has(key)) continue;
        const meter = byId.get(a.sourceId)!;
        const f = endedRun(a, ended.get(key));
        const said = describe(f, meter, meter.servesMeterId ? byId.get(meter.servesMeterId) : undefined);
        if (
          await clearAlarm(tx, {
            sourceKind: a.sourceKind as AlarmSourceKind,
            sourceId: a.sourceId,
            kind: a.kind as AlarmKind,
            at: now,
            // the text said "…起至今" while the run held; cleared, it says until when
            detail: said.zh,
            detailEn: said.en,
            evidence: {
              ...(a.evidence as Record<string, unknown>),
              to: new Date(f.to).toISOString(),
              minutes: Math.round(f.minutes),
            },
          })
        )
          cleared++;
      }
    });
  }
  return { raised, cleared };
}
