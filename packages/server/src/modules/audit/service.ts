import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import type { Actor } from '../../shared/actor.ts';
import { paginate } from '../../shared/paginate.ts';
import { entryHash, GENESIS_HASH, type VerifyResult, verifyChain } from './chain.ts';
import { auditEntries } from './tables.ts';

export type { Actor };

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', roles: ['system'], ip: null };

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const AUDIT_LOCK = 2120002;

/**
 * Appends one entry inside the caller's transaction, so the change and its record commit or roll
 * back together. The advisory lock serialises appenders so the chain has one head.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor.id,
    actorName: actor.account ?? actor.name,
    actorRoles: actor.roles,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: jsonSafe(input.before),
    after: jsonSafe(input.after),
    ip: actor.ip,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEntries).values({ ...row, hash: entryHash(row) });
}

// Dates become ISO strings and undefined disappears, exactly as jsonb will store them.
function jsonSafe(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

export type AuditFilter = {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

export async function listAudit(db: Db, f: AuditFilter, page: number, pageSize: number) {
  const where: SQL[] = [];
  if (f.actor) where.push(sql`${auditEntries.actorName} ilike ${containsPattern(f.actor)}`);
  if (f.action) where.push(eq(auditEntries.action, f.action));
  if (f.entityType) {
    // Browsing the whole log (admins only: everyone else names one record with entityId), the
    // filter may name several types read as one word (环境信用: credit-record,credit-proposal).
    const types = f.entityId ? [f.entityType] : f.entityType.split(',').map((s) => s.trim());
    where.push(
      types.length === 1 ? eq(auditEntries.entityType, f.entityType) : inArray(auditEntries.entityType, types),
    );
  }
  if (f.entityId) where.push(eq(auditEntries.entityId, f.entityId));
  if (f.from) where.push(gte(auditEntries.at, f.from));
  if (f.to) where.push(lte(auditEntries.at, f.to));
  const cond = where.length ? and(...where) : undefined;
  return paginate(
    { page, pageSize },
    (limit, offset) =>
      db.select().from(auditEntries).where(cond).orderBy(desc(auditEntries.seq)).limit(limit).offset(offset),
    async () => {
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEntries).where(cond);
      return count?.n ?? 0;
    },
  );
}

/** Reads the whole log in seq order in pages and verifies the chain. */
export async function verifyAuditLog(db: Db): Promise<VerifyResult> {
  const pageSize = 5000;
  let after = 0;
  const all: (typeof auditEntries.$inferSelect)[] = [];
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(sql`${auditEntries.seq} > ${after}`)
      .orderBy(auditEntries.seq)
      .limit(pageSize);
    all.push(...rows);
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.seq;
  }
  return verifyChain(all);
}
