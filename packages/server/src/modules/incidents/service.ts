import { shanghaiDateOf } from '@qingshan/core';
import {
  INCIDENT_LEVEL_LABELS,
  type IncidentCloseBody,
  type IncidentCreateBody,
  type IncidentPatchBody,
} from '@qingshan/core/incidents';
import { and, asc, count, desc, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { proposeRemoval } from '../positive-list/service.ts';
import type { IncidentsQuery } from './schema.ts';
import { incidents } from './tables.ts';

export type IncidentRow = typeof incidents.$inferSelect;
type Named = IncidentRow & { enterpriseName: string };

const notFound = () =>
  new AppError('RECORD_NOT_FOUND', { detail: { zh: '该突发环境事件不存在', en: 'No such incident' } });

function refuseFuture(occurredAt: string, now: Date) {
  if (Date.parse(occurredAt) > now.getTime())
    throw new AppError('INCIDENT_TIME', {
      errors: [{ path: 'occurredAt', message: { zh: '发生时间不能晚于现在', en: 'cannot be in the future' } }],
    });
}

/**
 * Registers an incident. In the same transaction a firm on the positive list gets a removal
 * proposal (reason 'incident') for an officer to decide: 《指导意见》 names 突发环境事件 as a cause
 * of removal, and the officer, not the platform, removes.
 */
export async function createIncident(
  db: Db,
  actor: Actor,
  body: IncidentCreateBody,
  now = new Date(),
): Promise<{ id: string; removalProposalId: string | null }> {
  refuseFuture(body.occurredAt, now);
  return db.transaction(async (tx) => {
    const [e] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, body.enterpriseId));
    if (!e)
      throw new AppError('RECORD_NOT_FOUND', {
        detail: { zh: '该企业不存在', en: 'No such enterprise' },
        errors: [{ path: 'enterpriseId', message: { zh: '该企业不存在', en: 'No such enterprise' } }],
      });
    const [row] = await tx
      .insert(incidents)
      .values({
        enterpriseId: body.enterpriseId,
        occurredAt: new Date(body.occurredAt),
        level: body.level,
        title: body.title,
        description: body.description,
        response: body.response,
        reportSource: body.reportSource,
        registeredBy: actor.id,
        registeredByName: actor.name,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const removalProposalId = await proposeRemoval(tx, actor, {
      enterpriseId: body.enterpriseId,
      trigger: 'incident',
      sourceType: 'incident',
      sourceId: row!.id,
      summary: `${INCIDENT_LEVEL_LABELS[body.level].zh}：${body.title}（${shanghaiDateOf(new Date(body.occurredAt))}）`,
    });
    await recordAudit(tx, actor, {
      action: 'incident.create',
      entityType: 'incident',
      entityId: row!.id,
      after: { ...body, removalProposalId },
    });
    return { id: row!.id, removalProposalId };
  });
}

async function visibleIncident(db: Tx, user: SessionUser | null, id: string, lock = false): Promise<Named> {
  const q = db
    .select({ i: incidents, enterpriseName: enterprises.name })
    .from(incidents)
    .innerJoin(enterprises, eq(enterprises.id, incidents.enterpriseId))
    .where(eq(incidents.id, id));
  const [r] = lock ? await q.for('update', { of: incidents }) : await q;
  if (!r) throw notFound();
  const scope = ownScope(user, { enterprise: incidents.enterpriseId });
  if (scope) {
    const [mine] = await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.id, id), scope));
    if (!mine) throw new AppError('FORBIDDEN_RECORD');
  }
  return { ...r.i, enterpriseName: r.enterpriseName };
}

export async function getIncident(db: Tx, user: SessionUser | null, id: string): Promise<Named> {
  return visibleIncident(db, user, id);
}

async function lockOpen(tx: Tx, user: SessionUser | null, id: string, version: number): Promise<Named> {
  const row = await visibleIncident(tx, user, id, true);
  if (row.version !== version) throw new AppError('RECORD_CHANGED');
  if (row.status === 'closed') throw new AppError('INCIDENT_CLOSED');
  return row;
}

const FACTS = ['occurredAt', 'level', 'title', 'description', 'response', 'reportSource'] as const;

/** Corrects the facts of an open incident; the audit keeps each changed fact before and after. */
export async function updateIncident(
  db: Db,
  user: SessionUser | null,
  actor: Actor,
  id: string,
  body: IncidentPatchBody,
  now = new Date(),
): Promise<Named> {
  if (body.occurredAt) refuseFuture(body.occurredAt, now);
  return db.transaction(async (tx) => {
    const row = await lockOpen(tx, user, id, body.version);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Partial<typeof incidents.$inferInsert> = {};
    for (const k of FACTS) {
      const v = body[k];
      if (v === undefined) continue;
      const old = k === 'occurredAt' ? row.occurredAt.toISOString() : row[k];
      const next = k === 'occurredAt' ? new Date(v).toISOString() : v;
      if (old === next) continue;
      before[k] = old;
      after[k] = next;
      if (k === 'occurredAt') set.occurredAt = new Date(v);
      else (set as Record<string, unknown>)[k] = v;
    }
    if (!Object.keys(set).length) return row;
    await tx
      .update(incidents)
      .set({ ...set, version: row.version + 1, updatedAt: now })
      .where(eq(incidents.id, id));
    await recordAudit(tx, actor, { action: 'incident.update', entityType: 'incident', entityId: id, before, after });
    return visibleIncident(tx, user, id);
  });
}

/** Records that the response has ended (应急响应终止) and how; the record is then kept as it is. */
export async function closeIncident(
  db: Db,
  user: SessionUser | null,
  actor: Actor,
  id: string,
  body: IncidentCloseBody,
  now = new Date(),
): Promise<Named> {
  return db.transaction(async (tx) => {
    const row = await lockOpen(tx, user, id, body.version);
    await tx
      .update(incidents)
      .set({
        status: 'closed',
        outcome: body.outcome,
        closedAt: now,
        closedByName: actor.name,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(incidents.id, id));
    await recordAudit(tx, actor, {
      action: 'incident.close',
      entityType: 'incident',
      entityId: id,
      before: { status: row.status },
      after: { status: 'closed', outcome: body.outcome, closedAt: now.toISOString() },
    });
    return visibleIncident(tx, user, id);
  });
}

// the grading order, most serious last, so a sort by level reads 一般 → 特别重大
const levelRank = sql`case ${incidents.level} when 'general' then 1 when 'larger' then 2 when 'major' then 3 else 4 end`;

export async function listIncidents(
  db: Tx,
  user: SessionUser | null,
  f: Omit<IncidentsQuery, 'page' | 'pageSize'>,
  page: PageRequest,
): Promise<Paged<Named>> {
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: incidents.enterpriseId })];
  if (f.enterpriseId) conds.push(eq(incidents.enterpriseId, f.enterpriseId));
  if (f.level) conds.push(eq(incidents.level, f.level));
  if (f.status) conds.push(eq(incidents.status, f.status));
  if (f.q) {
    const pattern = containsPattern(f.q);
    const caseless = f.q.toLowerCase() === f.q.toUpperCase();
    const m = caseless ? like : ilike;
    conds.push(or(m(incidents.title, pattern), m(enterprises.name, pattern)));
  }
  const where = and(...conds);
  const order = {
    '-occurredAt': [desc(incidents.occurredAt)],
    occurredAt: [asc(incidents.occurredAt)],
    '-level': [desc(levelRank), desc(incidents.occurredAt)],
    level: [asc(levelRank), desc(incidents.occurredAt)],
  }[f.sort];
  return paginate(
    page,
    async (limit, offset) =>
      (
        await db
          .select({ i: incidents, enterpriseName: enterprises.name })
          .from(incidents)
          .innerJoin(enterprises, eq(enterprises.id, incidents.enterpriseId))
          .where(where)
          .orderBy(...order, asc(incidents.id))
          .limit(limit)
          .offset(offset)
      ).map((r) => ({ ...r.i, enterpriseName: r.enterpriseName })),
    async () => {
      const [r] = await db
        .select({ n: count() })
        .from(incidents)
        .innerJoin(enterprises, eq(enterprises.id, incidents.enterpriseId))
        .where(where);
      return Number(r?.n ?? 0);
    },
  );
}
