import {
  type ClueImportBody,
  type ClueMatchBody,
  type ClueOutcome,
  type ClueOutcomeBody,
  type ClueSource,
  type ClueStatus,
  distanceMetres,
  featurePoint,
  type VideoClueBody,
  type VideoPointBody,
} from '@qingshan/core/clues';
import { and, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { type ClockView, clocksOf, completeClock, evaluateRow, startClock } from '../clocks/service.ts';
import { clocks } from '../clocks/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { proposeRemoval } from '../positive-list/service.ts';
import { receptionConcerns } from '../reception/tables.ts';
import { reports } from '../reports/tables.ts';
import { getRuleNumber } from '../rules/service.ts';
import { type ClueEvidence, clueBatches, clues, videoPoints } from './tables.ts';

export type ClueRow = typeof clues.$inferSelect;
type Point = { lat: number; lng: number };
export type Nearest = { id: string; name: string; distanceM: number };

const link = (id: string) => `/staff/clues/${id}`;
const notFound = (zh: string, en: string) => new AppError('RECORD_NOT_FOUND', { detail: { zh, en } });

/**
 * The registered site nearest to a point, within the match radius. The SQL orders by an
 * equirectangular distance (exact enough to rank within a county); the metres shown are haversine.
 */
export async function nearestEnterprise(tx: Tx, p: Point, radiusM?: number): Promise<Nearest | null> {
  const radius = radiusM ?? (await getRuleNumber(tx, 'clues.match-radius-m'));
  const k = Math.cos((p.lat * Math.PI) / 180);
  const [row] = await tx
    .select({ id: enterprises.id, name: enterprises.name, lat: enterprises.lat, lng: enterprises.lng })
    .from(enterprises)
    .where(and(isNotNull(enterprises.lat), isNotNull(enterprises.lng)))
    .orderBy(sql`(${enterprises.lat} - ${p.lat}) ^ 2 + ((${enterprises.lng} - ${p.lng}) * ${k}) ^ 2`, enterprises.id)
    .limit(1);
  if (!row || row.lat === null || row.lng === null) return null;
  const distanceM = Math.round(distanceMetres(p, { lat: row.lat, lng: row.lng }));
  return distanceM <= radius ? { id: row.id, name: row.name, distanceM } : null;
}

type NewClue = {
  source: ClueSource;
  sourceRef: string;
  sourceIndex?: number;
  description: string;
  point: Point | null;
  evidence: ClueEvidence;
  /** a report or concern already names its enterprise: suggested at distance 0 */
  namedEnterpriseId?: string | null;
};

/** Places a clue: suggests the nearest site, starts its verification clock. The caller audits. */
async function placeClue(tx: Tx, actor: Actor, input: NewClue, radiusM: number, now: Date): Promise<ClueRow> {
  let suggestedEnterpriseId: string | null = input.namedEnterpriseId ?? null;
  let suggestedDistanceM: number | null = input.namedEnterpriseId ? 0 : null;
  if (!suggestedEnterpriseId && input.point) {
    const near = await nearestEnterprise(tx, input.point, radiusM);
    suggestedEnterpriseId = near?.id ?? null;
    suggestedDistanceM = near?.distanceM ?? null;
  }
  const [row] = await tx
    .insert(clues)
    .values({
      source: input.source,
      sourceRef: input.sourceRef,
      sourceIndex: input.sourceIndex ?? 0,
      description: input.description,
      lat: input.point?.lat ?? null,
      lng: input.point?.lng ?? null,
      evidence: input.evidence,
      suggestedEnterpriseId,
      suggestedDistanceM,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await startClock(tx, actor, {
    ownerType: 'clue',
    ownerId: row!.id,
    profileKey: 'clue.verification',
    start: now,
    title: `线索核查：${input.description.slice(0, 40)}`,
    link: link(row!.id),
    assigneeRole: 'inspector',
  });
  return row!;
}

/**
 * Imports a drone-patrol or remote-sensing batch. The body was validated feature by feature
 * before this runs (each bad feature is reported with its index and nothing is saved), and the
 * whole batch is one transaction: a failure half-way leaves nothing behind.
 */
export async function importClues(
  tx: Tx,
  actor: Actor,
  body: ClueImportBody,
  now = new Date(),
): Promise<{ batchId: string; created: number; matched: number; clueIds: string[] }> {
  const radius = await getRuleNumber(tx, 'clues.match-radius-m');
  const [batch] = await tx
    .insert(clueBatches)
    .values({
      source: body.source,
      batchName: body.batchName,
      features: body.geojson.features.length,
      importedByName: actor.name,
      createdAt: now,
    })
    .returning();
  const ids: string[] = [];
  let matched = 0;
  for (const [i, f] of body.geojson.features.entries()) {
    const row = await placeClue(
      tx,
      actor,
      {
        source: body.source,
        sourceRef: batch!.id,
        sourceIndex: i,
        description: f.properties.description,
        point: featurePoint(f),
        evidence: {
          photos: f.properties.photos ?? [],
          observedAt: f.properties.observedAt ?? null,
          origin: `${body.batchName}（第 ${i + 1} 处）`,
        },
      },
      radius,
      now,
    );
    ids.push(row.id);
    if (row.suggestedEnterpriseId) matched += 1;
  }
  await recordAudit(tx, actor, {
    action: 'clue.import',
    entityType: 'clue-batch',
    entityId: batch!.id,
    after: { source: body.source, batchName: body.batchName, features: ids.length, clueIds: ids },
  });
  return { batchId: batch!.id, created: ids.length, matched, clueIds: ids };
}

async function refuseDuplicate(tx: Tx, source: ClueSource, ref: string) {
  const [dup] = await tx
    .select({ id: clues.id })
    .from(clues)
    .where(and(eq(clues.source, source), eq(clues.sourceRef, ref)));
  if (dup)
    throw new AppError('CLUE_EXISTS', {
      detail: { zh: '该记录已转为线索', en: 'Already a clue' },
      // the client opens the existing clue instead
      extra: { clueId: dup.id },
    });
}

async function pointOfEnterprise(tx: Tx, id: string | null): Promise<Point | null> {
  if (!id) return null;
  const [e] = await tx
    .select({ lat: enterprises.lat, lng: enterprises.lng })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return e?.lat != null && e.lng != null ? { lat: e.lat, lng: e.lng } : null;
}

async function audited(tx: Tx, actor: Actor, row: ClueRow): Promise<ClueRow> {
  await recordAudit(tx, actor, {
    action: 'clue.create',
    entityType: 'clue',
    entityId: row.id,
    after: {
      source: row.source,
      sourceRef: row.sourceRef,
      description: row.description,
      lat: row.lat,
      lng: row.lng,
      suggestedEnterpriseId: row.suggestedEnterpriseId,
      suggestedDistanceM: row.suggestedDistanceM,
    },
  });
  return row;
}

/** A 12369 report becomes a clue: placed at the reported enterprise's site when it names one. */
export async function clueFromReport(tx: Tx, actor: Actor, reportId: string, now = new Date()): Promise<ClueRow> {
  const [r] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
  if (!r) throw notFound('举报件不存在', 'No such report');
  await refuseDuplicate(tx, 'report', r.id);
  const radius = await getRuleNumber(tx, 'clues.match-radius-m');
  const row = await placeClue(
    tx,
    actor,
    {
      source: 'report',
      sourceRef: r.id,
      description: `${r.title}：${r.content}`.slice(0, 1000),
      point: await pointOfEnterprise(tx, r.subjectEnterpriseId),
      evidence: { photos: [], observedAt: r.receivedAt.toISOString(), origin: `12369 举报 ${r.code}（${r.location}）` },
      namedEnterpriseId: r.subjectEnterpriseId,
    },
    radius,
    now,
  );
  return audited(tx, actor, row);
}

/** A reception-day concern becomes a clue (a pollution problem raised at the reception desk). */
export async function clueFromConcern(tx: Tx, actor: Actor, concernId: string, now = new Date()): Promise<ClueRow> {
  const [c] = await tx.select().from(receptionConcerns).where(eq(receptionConcerns.id, concernId)).for('update');
  if (!c) throw notFound('诉求不存在', 'No such concern');
  await refuseDuplicate(tx, 'reception', c.id);
  const radius = await getRuleNumber(tx, 'clues.match-radius-m');
  const row = await placeClue(
    tx,
    actor,
    {
      source: 'reception',
      sourceRef: c.id,
      description: c.description.slice(0, 1000),
      point: await pointOfEnterprise(tx, c.enterpriseId),
      evidence: { photos: [], observedAt: c.createdAt.toISOString(), origin: `接待日诉求（${c.raisedBy}）` },
      namedEnterpriseId: c.enterpriseId,
    },
    radius,
    now,
  );
  return audited(tx, actor, row);
}

export async function createVideoPoint(tx: Tx, actor: Actor, body: VideoPointBody) {
  if (body.enterpriseId) {
    const [e] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, body.enterpriseId));
    if (!e)
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'enterpriseId', message: { zh: '该企业不存在', en: 'No such enterprise' } }],
      });
  }
  const [row] = await tx
    .insert(videoPoints)
    .values({ ...body, enterpriseId: body.enterpriseId ?? null })
    .returning();
  await recordAudit(tx, actor, {
    action: 'video-point.create',
    entityType: 'video-point',
    entityId: row!.id,
    after: body,
  });
  return row!;
}

export async function listVideoPoints(db: Tx) {
  return db.select().from(videoPoints).orderBy(videoPoints.name).limit(1000);
}

/** The registry as the desk reads it: each point with the name of the firm it watches, if any. */
export async function listVideoPointsNamed(db: Tx, id?: string) {
  const rows = await db
    .select({ v: videoPoints, enterpriseName: enterprises.name })
    .from(videoPoints)
    .leftJoin(enterprises, eq(enterprises.id, videoPoints.enterpriseId))
    .where(id ? eq(videoPoints.id, id) : undefined)
    .orderBy(videoPoints.name)
    .limit(1000);
  return rows.map((r) => ({ ...r.v, enterpriseName: r.enterpriseName }));
}

/** What a camera saw becomes a clue at the camera's place, its snapshot the evidence. */
export async function clueFromVideo(tx: Tx, actor: Actor, pointId: string, body: VideoClueBody, now = new Date()) {
  const [p] = await tx.select().from(videoPoints).where(eq(videoPoints.id, pointId));
  if (!p) throw notFound('视频点位不存在', 'No such video point');
  const radius = await getRuleNumber(tx, 'clues.match-radius-m');
  // one camera sees many things: each clue from it gets the next index
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(clues)
    .where(and(eq(clues.source, 'video'), eq(clues.sourceRef, p.id)));
  const row = await placeClue(
    tx,
    actor,
    {
      source: 'video',
      sourceRef: p.id,
      sourceIndex: n,
      description: body.description,
      point: { lat: p.lat, lng: p.lng },
      evidence: {
        photos: [body.snapshotUrl ?? p.snapshotUrl],
        observedAt: now.toISOString(),
        origin: `视频点位：${p.name}`,
      },
      namedEnterpriseId: p.enterpriseId,
    },
    radius,
    now,
  );
  return audited(tx, actor, row);
}

async function lockClue(tx: Tx, id: string, version: number): Promise<ClueRow> {
  const [row] = await tx.select().from(clues).where(eq(clues.id, id)).for('update');
  if (!row) throw notFound('线索不存在', 'No such clue');
  if (row.version !== version) throw new AppError('RECORD_CHANGED');
  if (row.status !== 'pending')
    throw new AppError('CLUE_STATE', { detail: { zh: '线索已核查完毕', en: 'The clue is already verified' } });
  return row;
}

/** The officer confirms which enterprise the clue is about (or that none is). */
export async function confirmMatch(tx: Tx, actor: Actor, id: string, body: ClueMatchBody, now = new Date()) {
  const before = await lockClue(tx, id, body.version);
  if (body.enterpriseId) {
    const [e] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, body.enterpriseId));
    if (!e)
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'enterpriseId', message: { zh: '该企业不存在', en: 'No such enterprise' } }],
      });
  }
  const [row] = await tx
    .update(clues)
    .set({
      enterpriseId: body.enterpriseId,
      matchConfirmedAt: now,
      matchConfirmedByName: actor.name,
      version: before.version + 1,
      updatedAt: now,
    })
    .where(eq(clues.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'clue.match',
    entityType: 'clue',
    entityId: id,
    before: { enterpriseId: before.enterpriseId },
    after: { enterpriseId: body.enterpriseId, suggestedEnterpriseId: before.suggestedEnterpriseId },
  });
  return row!;
}

/** Records the verification's outcome and completes the clock; "on time" is the clock's verdict. */
export async function recordOutcome(tx: Tx, actor: Actor, id: string, body: ClueOutcomeBody, now = new Date()) {
  const before = await lockClue(tx, id, body.version);
  if (body.outcome !== 'no-problem' && body.outcome !== 'transferred' && !before.enterpriseId)
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'outcome',
          message: {
            zh: '发现问题或责令整改前，请先确认线索对应的企业',
            en: 'Confirm the enterprise before recording a problem or a rectification order',
          },
        },
      ],
    });
  const own = await clocksOf(tx, { ownerType: 'clue', ownerId: id });
  const running = own.find((c) => c.profileKey === 'clue.verification' && !c.completedAt);
  const done = running ? await completeClock(tx, actor, running.id, now) : null;
  const [row] = await tx
    .update(clues)
    .set({
      status: 'verified',
      outcome: body.outcome,
      outcomeNote: body.note,
      verifiedAt: now,
      verifiedByName: actor.name,
      closedOnTime: done ? done.state === 'met' : null,
      version: before.version + 1,
      updatedAt: now,
    })
    .where(eq(clues.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'clue.outcome',
    entityType: 'clue',
    entityId: id,
    before: { status: before.status },
    after: { status: 'verified', outcome: body.outcome, outcomeNote: body.note, closedOnTime: row!.closedOnTime },
  });
  // a complaint (12369 report, reception concern) found true is a reason to take the firm off the
  // positive list: proposed here, decided by an officer (positive-list module)
  const complaint = before.source === 'report' || before.source === 'reception';
  const found = body.outcome === 'problem-found' || body.outcome === 'rectification-ordered';
  if (complaint && found && before.enterpriseId)
    await proposeRemoval(tx, actor, {
      enterpriseId: before.enterpriseId,
      trigger: 'verified-complaint',
      sourceType: 'clue',
      sourceId: id,
      summary: `信访举报经核查属实：${before.description.slice(0, 80)}`,
    });
  return row!;
}

export type ClueListFilter = {
  status?: 'pending' | 'verified' | undefined;
  source?: ClueSource | undefined;
  enterpriseId?: string | undefined;
  q?: string | undefined;
  sort?: '-createdAt' | 'createdAt' | undefined;
};

export type ClueWithNames = ClueRow & {
  enterpriseName: string | null;
  suggestedEnterpriseName: string | null;
  dueDate: string | null;
};

const suggested = sql<string | null>`(select name from enterprises s where s.id = ${clues.suggestedEnterpriseId})`;
const confirmedName = sql<string | null>`(select name from enterprises c where c.id = ${clues.enterpriseId})`;
export async function listClues(db: Tx, f: ClueListFilter, page: PageRequest): Promise<Paged<ClueWithNames>> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(clues.status, f.status));
  if (f.source) where.push(eq(clues.source, f.source));
  if (f.enterpriseId) where.push(eq(clues.enterpriseId, f.enterpriseId));
  if (f.q) where.push(sql`${clues.description} ilike ${containsPattern(f.q)}`);
  const cond = where.length ? and(...where) : undefined;
  const result = await paginate(
    page,
    (limit, offset) =>
      db
        .select({ c: clues, enterpriseName: confirmedName, suggestedEnterpriseName: suggested })
        .from(clues)
        .where(cond)
        .orderBy(...(f.sort === 'createdAt' ? [clues.createdAt, clues.id] : [desc(clues.createdAt), clues.id]))
        .limit(limit)
        .offset(offset),
    async () => {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(clues).where(cond);
      return r?.n ?? 0;
    },
  );
  const due = await dueDates(
    db,
    result.items.map((i) => i.c.id),
  );
  return {
    ...result,
    items: result.items.map((i) => ({
      ...i.c,
      enterpriseName: i.enterpriseName,
      suggestedEnterpriseName: i.suggestedEnterpriseName,
      dueDate: due.get(i.c.id) ?? null,
    })),
  };
}

/** The due dates of the verification clocks of many clues, in one query (the clocks own them). */
async function dueDates(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(clocks)
    .where(and(eq(clocks.ownerType, 'clue'), inArray(clocks.ownerId, ids)));
  const calendar = await getCalendar(db);
  for (const r of rows) if (r.profileKey === 'clue.verification') out.set(r.ownerId, evaluateRow(r, calendar).dueDate);
  return out;
}

export type ClueDetail = { clue: ClueWithNames; clocks: ClockView[] };

export async function getClue(db: Tx, id: string): Promise<ClueDetail> {
  const [r] = await db
    .select({ c: clues, enterpriseName: confirmedName, suggestedEnterpriseName: suggested })
    .from(clues)
    .where(eq(clues.id, id));
  if (!r) throw notFound('线索不存在', 'No such clue');
  const own = await clocksOf(db, { ownerType: 'clue', ownerId: id });
  const v = own.find((c) => c.profileKey === 'clue.verification');
  return {
    clue: {
      ...r.c,
      enterpriseName: r.enterpriseName,
      suggestedEnterpriseName: r.suggestedEnterpriseName,
      dueDate: v?.dueDate ?? null,
    },
    clocks: own,
  };
}

export const MAP_LIMITS = { enterprises: 3000, clues: 1000 } as const;

/** What the county map draws: registered sites, clues (pending first, then the latest verified), video points. */
export async function mapData(db: Tx) {
  const sites = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      townCode: enterprises.townCode,
      lat: enterprises.lat,
      lng: enterprises.lng,
    })
    .from(enterprises)
    .where(and(isNotNull(enterprises.lat), isNotNull(enterprises.lng)))
    .orderBy(enterprises.name)
    .limit(MAP_LIMITS.enterprises);
  const points = await db
    .select({
      id: clues.id,
      source: clues.source,
      status: clues.status,
      outcome: clues.outcome,
      lat: clues.lat,
      lng: clues.lng,
      description: clues.description,
    })
    .from(clues)
    .where(and(isNotNull(clues.lat), isNotNull(clues.lng)))
    .orderBy(desc(sql`${clues.status} = 'pending'`), desc(clues.createdAt), clues.sourceIndex, clues.id)
    .limit(MAP_LIMITS.clues);
  const cameras = await listVideoPoints(db);
  return {
    enterprises: sites.map((s) => ({ ...s, lat: s.lat!, lng: s.lng! })),
    clues: points.map((c) => ({
      ...c,
      source: c.source as ClueSource,
      status: c.status as ClueStatus,
      outcome: c.outcome as ClueOutcome | null,
      lat: c.lat!,
      lng: c.lng!,
    })),
    videoPoints: cameras.map((v) => ({ id: v.id, name: v.name, lat: v.lat, lng: v.lng, snapshotUrl: v.snapshotUrl })),
  };
}
