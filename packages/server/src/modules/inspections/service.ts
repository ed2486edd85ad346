import { createHash, randomBytes } from 'node:crypto';
import { todayInShanghai } from '@qingshan/core/calendar';
import {
  DRAW_ALGORITHM,
  type DrawInputs,
  type DrawTarget,
  drawInspection,
  type InspectionObjectBody,
  type InspectionPlanBody,
  type InspectionPlanSort,
  type InspectionResultSort,
  type InspectionResultsBody,
  type InspectorBody,
  type InspectorSort,
  PUBLICATION_CLOCK,
  ratiosForPeriod,
  sameTargets,
  seedFromBytes,
} from '@qingshan/core/inspection-draws';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { type ClockView, clocksOf, completeClock, restartClock, startClock } from '../clocks/service.ts';
import { riskDrawWeights } from '../credit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { listedEnterpriseIds } from '../positive-list/service.ts';
import { getRules } from '../rules/service.ts';
import { RATIO_RULE_KEYS } from './rules.ts';
import {
  type DRAW_SORTS,
  type DrawDetailView,
  type DrawSummaryView,
  type InspectorView,
  type OBJECT_SORTS,
  type ObjectView,
  type PlanView,
  type PublicResultView,
  type ReplayView,
  type TargetView,
  toInspectorView,
  toObjectView,
  toPlanView,
  toPublicResultView,
} from './schema.ts';
import {
  inspectionDraws,
  inspectionLibraryVersions,
  inspectionObjects,
  inspectionPlans,
  inspectionResults,
  inspectors,
} from './tables.ts';

type Library = 'objects' | 'inspectors';

/** Bumps a library's version in the caller's transaction; the row lock serialises concurrent edits. */
async function bumpVersion(tx: Tx, kind: Library): Promise<number> {
  const [row] = await tx
    .insert(inspectionLibraryVersions)
    .values({ kind, version: 1 })
    .onConflictDoUpdate({
      target: inspectionLibraryVersions.kind,
      set: { version: sql`${inspectionLibraryVersions.version} + 1` },
    })
    .returning();
  return row!.version;
}

async function versionOf(tx: Tx, kind: Library): Promise<number> {
  const [row] = await tx.select().from(inspectionLibraryVersions).where(eq(inspectionLibraryVersions.kind, kind));
  return row?.version ?? 0;
}

// ---------------------------------------------------------------------------------------------
// the object library (检查对象名录库)

export type ObjectFilter = {
  class?: string | undefined;
  sort?: (typeof OBJECT_SORTS)[number] | undefined;
};

/** The library's order; a class's firms go by name, and the entry's id settles the rest. */
function objectOrder(sort: ObjectFilter['sort']): SQL[] {
  const o = inspectionObjects;
  switch (sort) {
    case '-class':
      return [desc(o.class), asc(enterprises.name), asc(o.id)];
    case 'enterprise':
      return [asc(enterprises.name), asc(o.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(o.id)];
    case 'updatedAt':
      return [asc(o.updatedAt), asc(o.id)];
    case '-updatedAt':
      return [desc(o.updatedAt), asc(o.id)];
    default:
      return [asc(o.class), asc(enterprises.name), asc(o.id)];
  }
}

export async function listObjects(
  tx: Tx,
  f: ObjectFilter,
  page: PageRequest,
): Promise<Paged<ObjectView> & { version: number }> {
  const where = f.class ? eq(inspectionObjects.class, f.class as never) : undefined;
  const paged = await paginate(
    page,
    async (limit, offset) => {
      const rows = await tx
        .select({ o: inspectionObjects, name: enterprises.name, townCode: enterprises.townCode })
        .from(inspectionObjects)
        .innerJoin(enterprises, eq(enterprises.id, inspectionObjects.enterpriseId))
        .where(where)
        .orderBy(...objectOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => toObjectView(r.o, r.name, r.townCode));
    },
    async () => {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(inspectionObjects).where(where);
      return c?.n ?? 0;
    },
  );
  return { ...paged, version: await versionOf(tx, 'objects') };
}

/** Puts a firm in the library or changes its class; the library's version moves. */
export async function putObject(tx: Tx, actor: Actor, body: InspectionObjectBody): Promise<ObjectView> {
  const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, body.enterpriseId));
  if (!e) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该企业不存在', en: 'No such enterprise' } });
  const [before] = await tx
    .select()
    .from(inspectionObjects)
    .where(eq(inspectionObjects.enterpriseId, body.enterpriseId));
  const [row] = await tx
    .insert(inspectionObjects)
    .values({ ...body, updatedByName: actor.name })
    .onConflictDoUpdate({
      target: inspectionObjects.enterpriseId,
      set: { class: body.class, basis: body.basis, updatedByName: actor.name, updatedAt: new Date() },
    })
    .returning();
  const version = await bumpVersion(tx, 'objects');
  await recordAudit(tx, actor, {
    action: 'inspection-object.put',
    entityType: 'inspection-object',
    entityId: row!.id,
    before: before ? { class: before.class, basis: before.basis } : null,
    after: { enterpriseId: body.enterpriseId, class: body.class, basis: body.basis, libraryVersion: version },
  });
  return toObjectView(row!, e.name, e.townCode);
}

// ---------------------------------------------------------------------------------------------
// the inspector library (执法检查人员名录库)

/** The inspector library's order; the id settles namesakes and changes made at one instant. */
function inspectorOrder(sort: InspectorSort | undefined): SQL[] {
  switch (sort) {
    case '-name':
      return [desc(inspectors.name), desc(inspectors.id)];
    case 'updatedAt':
      return [asc(inspectors.updatedAt), asc(inspectors.id)];
    case '-updatedAt':
      return [desc(inspectors.updatedAt), asc(inspectors.id)];
    default:
      return [asc(inspectors.name), asc(inspectors.id)];
  }
}

export async function listInspectors(
  tx: Tx,
  f: { sort?: InspectorSort | undefined },
  page: PageRequest,
): Promise<Paged<InspectorView> & { version: number }> {
  const paged = await paginate(
    page,
    async (limit, offset) => {
      const rows = await tx
        .select()
        .from(inspectors)
        .orderBy(...inspectorOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return withConflictNames(tx, rows);
    },
    async () => {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(inspectors);
      return c?.n ?? 0;
    },
  );
  return { ...paged, version: await versionOf(tx, 'inspectors') };
}

async function withConflictNames(tx: Tx, rows: (typeof inspectors.$inferSelect)[]): Promise<InspectorView[]> {
  const ids = [...new Set(rows.flatMap((r) => r.conflicts.map((c) => c.enterpriseId)))];
  const names = ids.length
    ? new Map(
        (
          await tx
            .select({ id: enterprises.id, name: enterprises.name })
            .from(enterprises)
            .where(inArray(enterprises.id, ids))
        ).map((e) => [e.id, e.name]),
      )
    : new Map<string, string>();
  return rows.map((r) => toInspectorView(r, names));
}

async function checkConflictFirms(tx: Tx, body: InspectorBody): Promise<void> {
  const ids = [...new Set(body.conflicts.map((c) => c.enterpriseId))];
  if (!ids.length) return;
  const found = await tx.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.id, ids));
  const known = new Set(found.map((f) => f.id));
  const errors = body.conflicts.flatMap((c, i) =>
    known.has(c.enterpriseId)
      ? []
      : [{ path: `conflicts.${i}.enterpriseId`, message: { zh: '该企业不存在', en: 'no such enterprise' } }],
  );
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
}

export async function createInspector(tx: Tx, actor: Actor, body: InspectorBody): Promise<InspectorView> {
  await checkConflictFirms(tx, body);
  const [row] = await tx
    .insert(inspectors)
    .values({ ...body, updatedByName: actor.name })
    .returning();
  const version = await bumpVersion(tx, 'inspectors');
  await recordAudit(tx, actor, {
    action: 'inspector.create',
    entityType: 'inspector',
    entityId: row!.id,
    after: { ...body, libraryVersion: version },
  });
  return (await withConflictNames(tx, [row!]))[0]!;
}

export async function updateInspector(tx: Tx, actor: Actor, id: string, body: InspectorBody): Promise<InspectorView> {
  const [before] = await tx.select().from(inspectors).where(eq(inspectors.id, id)).for('update');
  if (!before) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该执法人员不存在', en: 'No such inspector' } });
  await checkConflictFirms(tx, body);
  const [row] = await tx
    .update(inspectors)
    .set({ ...body, updatedByName: actor.name, updatedAt: new Date() })
    .where(eq(inspectors.id, id))
    .returning();
  const version = await bumpVersion(tx, 'inspectors');
  await recordAudit(tx, actor, {
    action: 'inspector.update',
    entityType: 'inspector',
    entityId: id,
    before: { name: before.name, townCode: before.townCode, active: before.active, conflicts: before.conflicts },
    after: { ...body, libraryVersion: version },
  });
  return (await withConflictNames(tx, [row!]))[0]!;
}

// ---------------------------------------------------------------------------------------------
// plans

const PLAN_RULE_KEYS = [
  ...Object.values(RATIO_RULE_KEYS),
  'inspections.inspectors-per-target',
  'inspections.avoid-own-town',
  'inspections.listed-weight',
] as const;

/** What a plan takes from the rules in force today: the ratios for its period and the rule versions. */
async function planTerms(tx: Tx, period: InspectionPlanBody['period']) {
  const rules = await getRules(tx, PLAN_RULE_KEYS);
  const num = (k: string) => rules.get(k)!.value as number;
  const ratios = ratiosForPeriod(
    {
      a: { ratio: num(RATIO_RULE_KEYS.a), per: 'quarter' },
      b: { ratio: num(RATIO_RULE_KEYS.b), per: 'year' },
      c: { ratio: num(RATIO_RULE_KEYS.c), per: 'year' },
      special: { ratio: num(RATIO_RULE_KEYS.special), per: 'quarter' },
    },
    period,
  );
  return {
    ratios,
    inspectorsPerTarget: num('inspections.inspectors-per-target'),
    avoidOwnTown: num('inspections.avoid-own-town') ? 1 : 0,
    listedWeight: num('inspections.listed-weight'),
    ruleVersions: Object.fromEntries(PLAN_RULE_KEYS.map((k) => [k, rules.get(k)!.version])),
  };
}

/** A plan takes the ratios in force today and records the rule versions they came from. */
export async function createPlan(tx: Tx, actor: Actor, body: InspectionPlanBody): Promise<PlanView> {
  const terms = await planTerms(tx, body.period);
  const [row] = await tx
    .insert(inspectionPlans)
    .values({ ...body, ...terms, createdByName: actor.name })
    .returning();
  await recordAudit(tx, actor, {
    action: 'inspection-plan.create',
    entityType: 'inspection-plan',
    entityId: row!.id,
    after: { ...body, ratios: terms.ratios },
  });
  return toPlanView(row!, false);
}

/**
 * Changes a plan not yet drawn: its name, year and period, taking the rules in force again. A plan
 * that has a draw is fixed: the draw recorded its ratios, and a replay must find them unchanged.
 */
export async function updatePlan(tx: Tx, actor: Actor, id: string, body: InspectionPlanBody): Promise<PlanView> {
  const [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)).for('update');
  if (!plan) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该抽查计划不存在', en: 'No such plan' } });
  const [drawn] = await tx
    .select({ id: inspectionDraws.id })
    .from(inspectionDraws)
    .where(eq(inspectionDraws.planId, id))
    .limit(1);
  if (drawn) throw new AppError('INSPECTION_PLAN_DRAWN');
  const terms = await planTerms(tx, body.period);
  const [row] = await tx
    .update(inspectionPlans)
    .set({ ...body, ...terms })
    .where(eq(inspectionPlans.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'inspection-plan.update',
    entityType: 'inspection-plan',
    entityId: id,
    before: { name: plan.name, year: plan.year, period: plan.period, quarter: plan.quarter, ratios: plan.ratios },
    after: { ...body, ratios: terms.ratios },
  });
  return toPlanView(row!, false);
}

/**
 * The plans' order. By period, a year's plan (no quarter) comes before its quarters when latest
 * first (PostgreSQL puts nulls first in a descending order) and after them when earliest first.
 */
function planOrder(sort: InspectionPlanSort | undefined): SQL[] {
  const p = inspectionPlans;
  switch (sort) {
    case 'period':
      return [asc(p.year), asc(p.quarter), asc(p.createdAt), asc(p.id)];
    case 'name':
      return [asc(p.name), desc(p.createdAt), desc(p.id)];
    case '-name':
      return [desc(p.name), desc(p.createdAt), desc(p.id)];
    case 'createdAt':
      return [asc(p.createdAt), asc(p.id)];
    case '-createdAt':
      return [desc(p.createdAt), desc(p.id)];
    default:
      return [desc(p.year), desc(p.quarter), desc(p.createdAt), desc(p.id)];
  }
}

export async function listPlans(
  tx: Tx,
  f: { sort?: InspectionPlanSort | undefined },
  page: PageRequest,
): Promise<Paged<PlanView>> {
  return paginate(
    page,
    async (limit, offset) =>
      (
        await tx
          .select({
            p: inspectionPlans,
            // qualified by hand: drizzle writes a lone table's columns unqualified, which inside the
            // subquery would name the draw's own id
            drawn: sql<boolean>`exists (select 1 from inspection_draws d where d.plan_id = inspection_plans.id)`,
          })
          .from(inspectionPlans)
          .orderBy(...planOrder(f.sort))
          .limit(limit)
          .offset(offset)
      ).map((r) => toPlanView(r.p, Boolean(r.drawn))),
    async () => {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(inspectionPlans);
      return c?.n ?? 0;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// draws

/** A stable JSON form (keys sorted) so the hash depends on the inputs, not on key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export function inputsHash(seed: string, inputs: DrawInputs): string {
  return createHash('sha256').update(canonical({ seed, inputs })).digest('hex');
}

/** The libraries as they stand now, as the draw's inputs: active inspectors, firms still operating. */
async function gatherInputs(tx: Tx, plan: typeof inspectionPlans.$inferSelect, on: string): Promise<DrawInputs> {
  const objs = await tx
    .select({ id: inspectionObjects.enterpriseId, class: inspectionObjects.class, townCode: enterprises.townCode })
    .from(inspectionObjects)
    .innerJoin(enterprises, eq(enterprises.id, inspectionObjects.enterpriseId))
    .where(sql`${enterprises.status} <> 'closed'`);
  const listed = await listedEnterpriseIds(tx, on);
  const people = await tx.select().from(inspectors).where(eq(inspectors.active, true));
  // each firm's weight from its risk score on the draw day, recorded in the inputs so the draw replays
  const risk = await riskDrawWeights(
    tx,
    objs.map((o) => o.id),
  );
  return {
    algorithm: DRAW_ALGORITHM,
    objects: objs.map((o) => ({
      id: o.id,
      class: o.class,
      townCode: o.townCode,
      listed: listed.has(o.id),
      riskWeight: risk.get(o.id) ?? 1,
    })),
    inspectors: people.map((p) => ({
      id: p.id,
      townCode: p.townCode,
      conflicts: p.conflicts.map((c) => c.enterpriseId),
    })),
    ratios: plan.ratios,
    inspectorsPerTarget: plan.inspectorsPerTarget,
    avoidOwnTown: plan.avoidOwnTown === 1,
    listedWeight: plan.listedWeight,
  };
}

/** Names for targets: firms and inspectors, from the snapshot ids. */
async function targetViews(tx: Tx, targets: readonly DrawTarget[]): Promise<TargetView[]> {
  const firmIds = targets.map((t) => t.objectId);
  const personIds = [...new Set(targets.flatMap((t) => t.inspectorIds))];
  const firms = firmIds.length
    ? await tx
        .select({ id: enterprises.id, name: enterprises.name, townCode: enterprises.townCode })
        .from(enterprises)
        .where(inArray(enterprises.id, firmIds))
    : [];
  const people = personIds.length
    ? await tx
        .select({ id: inspectors.id, name: inspectors.name })
        .from(inspectors)
        .where(inArray(inspectors.id, personIds))
    : [];
  const firm = new Map(firms.map((f) => [f.id, f]));
  const person = new Map(people.map((p) => [p.id, p.name]));
  return targets.map((t) => ({
    enterpriseId: t.objectId,
    enterpriseName: firm.get(t.objectId)?.name ?? t.objectId,
    townCode: firm.get(t.objectId)?.townCode ?? '',
    class: t.class,
    offSiteFirst: t.offSiteFirst,
    inspectors: t.inspectorIds.map((id) => ({ id, name: person.get(id) ?? id })),
  }));
}

export type DrawOptions = { seed?: string; drawnOn?: string; at?: Date };

/**
 * Draws the targets of a plan: a fresh 128-bit seed, the libraries' snapshot and versions, the
 * targets, all recorded together. The audit entry keeps the seed's hash and counts, not the
 * targets: the audit page is read more widely than the secret list.
 */
export async function createDraw(tx: Tx, actor: Actor, planId: string, opts: DrawOptions = {}) {
  const [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  if (!plan) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该抽查计划不存在', en: 'No such plan' } });
  // the libraries cannot move between reading them and recording their versions
  await tx.execute(sql`select 1 from ${inspectionLibraryVersions} for update`);
  // one draw a plan: drawing again until the list suits someone is what 双随机 rules out (the lock
  // above keeps two simultaneous draws of one plan from both passing this check)
  const [earlier] = await tx
    .select({ drawnAt: inspectionDraws.drawnAt })
    .from(inspectionDraws)
    .where(eq(inspectionDraws.planId, planId))
    .limit(1);
  if (earlier) {
    const at = earlier.drawnAt.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
    throw new AppError('INSPECTION_PLAN_DRAWN', {
      detail: {
        zh: `该计划已于 ${at} 抽取，同一计划不能再次抽取；需补充抽查的，请新建抽查计划`,
        en: `This plan was drawn on ${at} and cannot be drawn again; for a further inspection round, make a new plan`,
      },
    });
  }
  const on = opts.drawnOn ?? todayInShanghai();
  const inputs = await gatherInputs(tx, plan, on);
  const seed = opts.seed ?? seedFromBytes(randomBytes(16));
  const result = drawInspection(seed, inputs);
  if (!result.ok) {
    const names = await targetViews(
      tx,
      result.shortages.map((s) => ({ objectId: s.objectId, class: 'c', offSiteFirst: false, inspectorIds: [] })),
    );
    throw new AppError('INSPECTION_DRAW_SHORT', {
      detail: {
        zh: `以下企业回避后可派执法人员不足 ${inputs.inspectorsPerTarget} 人：${names.map((n) => n.enterpriseName).join('、')}`,
        en: `Fewer than ${inputs.inspectorsPerTarget} inspectors free of conflicts for ${names.length} firm(s)`,
      },
      extra: { shortages: result.shortages.map((s, i) => ({ ...s, enterpriseName: names[i]!.enterpriseName })) },
    });
  }
  const people = await tx
    .select({ id: inspectors.id, userId: inspectors.userId })
    .from(inspectors)
    .where(
      inArray(inspectors.id, [
        ...new Set(result.targets.flatMap((t) => t.inspectorIds)),
        '00000000-0000-0000-0000-000000000000',
      ]),
    );
  const team = [...new Set([...(actor.id ? [actor.id] : []), ...people.flatMap((p) => (p.userId ? [p.userId] : []))])];
  const hash = inputsHash(seed, inputs);
  const [row] = await tx
    .insert(inspectionDraws)
    .values({
      planId,
      seed,
      algorithm: DRAW_ALGORITHM,
      inputs,
      inputsHash: hash,
      objectsVersion: await versionOf(tx, 'objects'),
      inspectorsVersion: await versionOf(tx, 'inspectors'),
      targets: result.targets,
      team,
      drawnBy: actor.id,
      drawnByName: actor.name,
      ...(opts.at ? { drawnAt: opts.at } : {}),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'inspection-draw.create',
    entityType: 'inspection-draw',
    entityId: row!.id,
    after: {
      planId,
      inputsHash: hash,
      objectsVersion: row!.objectsVersion,
      inspectorsVersion: row!.inspectorsVersion,
      targetCount: result.targets.length,
    },
  });
  return { id: row!.id, seed, inputsHash: hash, targets: await targetViews(tx, result.targets) };
}

function planLabel(p: typeof inspectionPlans.$inferSelect): string {
  return p.name;
}

/** The draws' order; a draw not yet published has no time published and comes last either way. */
function drawOrder(sort: (typeof DRAW_SORTS)[number] | undefined): SQL[] {
  const d = inspectionDraws;
  const targetCount = sql`jsonb_array_length(${d.targets})`;
  switch (sort) {
    case 'drawnAt':
      return [asc(d.drawnAt), asc(d.id)];
    case 'plan':
      return [asc(inspectionPlans.name), desc(d.drawnAt), asc(d.id)];
    case '-plan':
      return [desc(inspectionPlans.name), desc(d.drawnAt), asc(d.id)];
    case 'targetCount':
      return [asc(targetCount), desc(d.drawnAt), asc(d.id)];
    case '-targetCount':
      return [desc(targetCount), desc(d.drawnAt), asc(d.id)];
    case 'publishedAt':
      return [sql`${d.publishedAt} asc nulls last`, desc(d.drawnAt), asc(d.id)];
    case '-publishedAt':
      return [sql`${d.publishedAt} desc nulls last`, desc(d.drawnAt), asc(d.id)];
    default:
      return [desc(d.drawnAt), asc(d.id)];
  }
}

export async function listDraws(
  tx: Tx,
  f: { sort?: (typeof DRAW_SORTS)[number] | undefined },
  page: PageRequest,
): Promise<Paged<DrawSummaryView>> {
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await tx
        .select({ d: inspectionDraws, p: inspectionPlans })
        .from(inspectionDraws)
        .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
        .orderBy(...drawOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map(({ d, p }) => ({
        id: d.id,
        planId: p.id,
        planName: planLabel(p),
        drawnAt: d.drawnAt.toISOString(),
        drawnByName: d.drawnByName,
        targetCount: d.targets.length,
        status: d.status as DrawSummaryView['status'],
        publishedAt: d.publishedAt?.toISOString() ?? null,
      }));
    },
    async () => {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(inspectionDraws);
      return c?.n ?? 0;
    },
  );
}

async function drawRow(tx: Tx, id: string) {
  const [row] = await tx
    .select({ d: inspectionDraws, p: inspectionPlans })
    .from(inspectionDraws)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
    .where(eq(inspectionDraws.id, id));
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该抽查不存在', en: 'No such draw' } });
  return row;
}

/**
 * Opens a draw. Until publication only its team reads it; every look — allowed or refused — is an
 * audit entry of its own, committed even when the answer is a refusal.
 */
export async function viewDraw(db: Db, user: SessionUser, actor: Actor, id: string): Promise<DrawDetailView> {
  const { d, p } = await drawRow(db, id);
  const allowed = d.status === 'published' || d.team.includes(user.id);
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: allowed ? 'inspection-draw.view' : 'inspection-draw.view-refused',
      entityType: 'inspection-draw',
      entityId: id,
    }),
  );
  if (!allowed) throw new AppError('INSPECTION_DRAW_SECRET');
  const results = await db.select().from(inspectionResults).where(eq(inspectionResults.drawId, id));
  const clock = await publicationClockOf(db, id);
  return {
    id: d.id,
    planId: p.id,
    planName: planLabel(p),
    seed: d.seed,
    algorithm: d.algorithm,
    inputsHash: d.inputsHash,
    objectsVersion: d.objectsVersion,
    inspectorsVersion: d.inspectorsVersion,
    ratios: d.inputs.ratios,
    inspectorsPerTarget: d.inputs.inspectorsPerTarget,
    avoidOwnTown: d.inputs.avoidOwnTown,
    listedWeight: d.inputs.listedWeight,
    poolSize: d.inputs.objects.length,
    inspectorPoolSize: d.inputs.inspectors.length,
    drawnAt: d.drawnAt.toISOString(),
    drawnByName: d.drawnByName,
    status: d.status as DrawDetailView['status'],
    publishDueOn: clock?.dueDate ?? null,
    publication: clock
      ? {
          state: clock.state as NonNullable<DrawDetailView['publication']>['state'],
          remaining: clock.remaining,
          provisional: clock.provisional,
        }
      : null,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    targets: await targetViews(db, d.targets),
    results: results.map((r) => ({
      enterpriseId: r.enterpriseId,
      inspectedOn: r.inspectedOn,
      outcome: r.outcome as DrawDetailView['results'][number]['outcome'],
      summary: r.summary,
    })),
  };
}

/**
 * Runs the draw again from what was recorded: the seed, the stored inputs (both libraries'
 * snapshots) and the algorithm. Reproduced when the inputs still hash to the recorded hash and the
 * targets and inspectors come out the same.
 */
export async function replayDraw(tx: Tx, actor: Actor, id: string): Promise<ReplayView> {
  const { d } = await drawRow(tx, id);
  const hashOk = inputsHash(d.seed, d.inputs) === d.inputsHash;
  const algorithmOk = d.algorithm === DRAW_ALGORITHM && d.inputs.algorithm === DRAW_ALGORITHM;
  const again = algorithmOk ? drawInspection(d.seed, d.inputs) : null;
  const targets = again?.ok ? again.targets : [];
  const reproduced = hashOk && algorithmOk && !!again?.ok && sameTargets(targets, d.targets);
  await recordAudit(tx, actor, {
    action: 'inspection-draw.replay',
    entityType: 'inspection-draw',
    entityId: id,
    after: { reproduced, inputsHashMatches: hashOk, algorithm: d.algorithm },
  });
  return {
    reproduced,
    inputsHashMatches: hashOk,
    seed: d.seed,
    algorithm: d.algorithm,
    inputsHash: d.inputsHash,
    objectsVersion: d.objectsVersion,
    inspectorsVersion: d.inspectorsVersion,
    targets: await targetViews(tx, targets),
  };
}

/**
 * Records the inspection results of every drawn firm and publishes them (一公开). The due day is
 * the rule's working days after the last inspection; the public page says whether it was kept.
 */
export async function publishResults(
  tx: Tx,
  user: { id: string } | null,
  actor: Actor,
  id: string,
  body: InspectionResultsBody,
  at: Date = new Date(),
): Promise<void> {
  const [d] = await tx.select().from(inspectionDraws).where(eq(inspectionDraws.id, id)).for('update');
  if (!d) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该抽查不存在', en: 'No such draw' } });
  if (user && !d.team.includes(user.id)) throw new AppError('INSPECTION_DRAW_SECRET');
  if (d.status === 'published')
    throw new AppError('INSPECTION_DRAW_STATE', { detail: { zh: '该抽查结果已公开', en: 'Already published' } });
  const drawn = new Set(d.targets.map((t) => t.objectId));
  const given = new Set(body.results.map((r) => r.enterpriseId));
  const errors: { path: string; message: { zh: string; en: string } }[] = [];
  body.results.forEach((r, i) => {
    if (!drawn.has(r.enterpriseId))
      errors.push({ path: `results.${i}.enterpriseId`, message: { zh: '该企业不在本次抽查名单内', en: 'not drawn' } });
  });
  if (given.size !== body.results.length)
    errors.push({ path: 'results', message: { zh: '同一企业填写了多次', en: 'a firm is given twice' } });
  const missing = [...drawn].filter((e) => !given.has(e));
  if (missing.length)
    errors.push({
      path: 'results',
      message: {
        zh: `还有 ${missing.length} 家企业没有填写检查结果`,
        en: `${missing.length} drawn firm(s) have no result`,
      },
    });
  const today = todayInShanghai();
  body.results.forEach((r, i) => {
    if (r.inspectedOn > today)
      errors.push({ path: `results.${i}.inspectedOn`, message: { zh: '检查日期不能晚于今天', en: 'in the future' } });
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  const last = body.results
    .map((r) => r.inspectedOn)
    .sort()
    .at(-1)!;
  // results typed in without records start (or move) the clock here; it stops as they go public
  const open = await notePublicationClock(tx, actor, id, last);
  const done = await completeClock(tx, actor, open!.id, at);
  await tx.insert(inspectionResults).values(body.results.map((r) => ({ drawId: id, ...r })));
  await tx.update(inspectionDraws).set({ status: 'published', publishedAt: at }).where(eq(inspectionDraws.id, id));
  await recordAudit(tx, actor, {
    action: 'inspection-draw.publish',
    entityType: 'inspection-draw',
    entityId: id,
    after: { results: body.results.length, publishDueOn: done.dueDate, onTime: done.state === 'met' },
  });
}

// ---------------------------------------------------------------------------------------------
// Publication clock (一公开): one per draw, owned here

const DRAW_OWNER = 'inspection-draw';
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The draw's publication clock, if an inspection of it has been recorded. */
export async function publicationClockOf(tx: Tx, drawId: string): Promise<ClockView | null> {
  return (await clocksOf(tx, { ownerType: DRAW_OWNER, ownerId: drawId })).at(-1) ?? null;
}

/**
 * An inspection of a drawn firm was recorded on `inspectedOn`: the draw's results are due the
 * rule's working days after its latest inspection, so the first one starts the clock and a later
 * one moves it; after publication nothing changes. The clock goes to the inspection team's organiser (the first of the team), whose
 * worklist shows the due date before it runs out; a draw with no team account falls to inspectors.
 */
export async function notePublicationClock(
  tx: Tx,
  actor: Actor,
  drawId: string,
  inspectedOn: string,
): Promise<ClockView | null> {
  const [row] = await tx
    .select({ d: inspectionDraws, p: inspectionPlans })
    .from(inspectionDraws)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
    .where(eq(inspectionDraws.id, drawId))
    .for('update', { of: inspectionDraws });
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该抽查不存在', en: 'No such draw' } });
  const current = await publicationClockOf(tx, drawId);
  // a record added after publication (a follow-up visit) does not reopen it
  if (row.d.status === 'published') return current;
  if (current) {
    if (current.completedAt || dayStart(inspectedOn) <= new Date(current.start)) return current;
    return restartClock(tx, actor, current.id, dayStart(inspectedOn), `检查日期 ${inspectedOn}`, { byOwner: true });
  }
  const organiser = row.d.team[0] ?? null;
  return startClock(tx, actor, {
    ownerType: DRAW_OWNER,
    ownerId: drawId,
    profileKey: PUBLICATION_CLOCK,
    start: dayStart(inspectedOn),
    title: `双随机抽查结果公开：${planLabel(row.p)}`,
    link: `/staff/inspections/draws/${drawId}`,
    assigneeUserId: organiser,
    assigneeRole: organiser ? null : 'inspector',
  });
}

/** The draw keeps the clock's due date only to list public results in one query. */
export async function refreshPublishDueOn(tx: Tx, clock: ClockView): Promise<void> {
  await tx.update(inspectionDraws).set({ publishDueOn: clock.dueDate }).where(eq(inspectionDraws.id, clock.ownerId));
}

/** The public results' order; within one draw, by firm, and the result's id settles namesakes. */
function publicResultOrder(sort: InspectionResultSort | undefined): SQL[] {
  const d = inspectionDraws;
  const r = inspectionResults;
  switch (sort) {
    case 'publishedOn':
      return [asc(d.publishedAt), asc(enterprises.name), asc(r.id)];
    case '-inspectedOn':
      return [desc(r.inspectedOn), asc(enterprises.name), asc(r.id)];
    case 'inspectedOn':
      return [asc(r.inspectedOn), asc(enterprises.name), asc(r.id)];
    case 'enterprise':
      return [asc(enterprises.name), desc(d.publishedAt), asc(r.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(d.publishedAt), desc(r.id)];
    default:
      return [desc(d.publishedAt), asc(enterprises.name), asc(r.id)];
  }
}

/** The published results, by firm, for the public portal. */
export async function listPublicResults(
  tx: Tx,
  f: { year?: number | undefined; sort?: InspectionResultSort | undefined },
  page: PageRequest,
): Promise<Paged<PublicResultView>> {
  const conds: SQL[] = [eq(inspectionDraws.status, 'published')];
  if (f.year) conds.push(eq(inspectionPlans.year, f.year));
  const where = and(...conds);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await tx
        .select({
          r: inspectionResults,
          d: inspectionDraws,
          p: inspectionPlans,
          name: enterprises.name,
          townCode: enterprises.townCode,
        })
        .from(inspectionResults)
        .innerJoin(inspectionDraws, eq(inspectionDraws.id, inspectionResults.drawId))
        .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
        .innerJoin(enterprises, eq(enterprises.id, inspectionResults.enterpriseId))
        .where(where)
        .orderBy(...publicResultOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((x) => toPublicResultView(x.r, x.d, x.p, x.name, x.townCode));
    },
    async () => {
      const [c] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(inspectionResults)
        .innerJoin(inspectionDraws, eq(inspectionDraws.id, inspectionResults.drawId))
        .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
        .where(where);
      return c?.n ?? 0;
    },
  );
}
