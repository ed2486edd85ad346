import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
};

// jsonb reorders keys, so the hash is taken over a canonical form (sorted keys) that survives a
// round trip through the database.
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(e: ChainedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: e.seq,
        at: e.at.toISOString(),
        actorId: e.actorId,
        actorName: e.actorName,
        actorRoles: e.actorRoles,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before ?? null,
        after: e.after ?? null,
        ip: e.ip,
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; seq: number; reason: string };

/** Walks entries in seq order; names the first one whose link or content does not hold. */
export function verifyChain(entries: Iterable<ChainedFields & { hash: string }>): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    if (e.seq !== expectedSeq) {
      return { ok: false, count, seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next found: ${e.seq})` };
    }
    if (e.prevHash !== prev) {
      return { ok: false, count, seq: e.seq, reason: `entry ${e.seq} does not link to entry ${e.seq - 1}` };
    }
    if (entryHash(e) !== e.hash) {
      return { ok: false, count, seq: e.seq, reason: `entry ${e.seq} was altered (hash mismatch)` };
    }
    prev = e.hash;
    expectedSeq++;
    count++;
  }
  return { ok: true, count };
}
