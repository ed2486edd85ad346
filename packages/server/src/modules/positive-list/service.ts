import { todayInShanghai } from '@qingshan/core/calendar';
import {
  type ConditionCheck,
  judgeDecision,
  listingValidUntil,
  POSITIVE_LIST_CONDITION_LABELS,
  type PositiveListDecisionBody,
  type PositiveListSort,
  type RemovalTrigger,
} from '@qingshan/core/positive-list';
import { and, asc, desc, eq, gte, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { getRuleNumber } from '../rules/service.ts';
import { POSITIVE_LIST_CHECKERS } from './checkers.ts';
import {
  type EntryDetailView,
  type EntryView,
  type PROPOSAL_SORTS,
  type PROPOSAL_STATUSES,
  type ProposalView,
  type PublicEntryView,
  toEntryView,
  toProposalView,
  toPublicEntryView,
} from './schema.ts';
import { positiveListEntries, positiveListRemovalProposals } from './tables.ts';

/** The look-back of the "in the last 2 years" conditions, from the same day two years before. */
function twoYearsBefore(on: string): Date {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return new Date(
    `${String(y - 2).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00+08:00`,
  );
}

async function enterpriseOrThrow(tx: Tx, id: string, lock = false) {
  const q = tx.select().from(enterprises).where(eq(enterprises.id, id));
  const [e] = lock ? await q.for('update') : await q;
  if (!e) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该企业不存在', en: 'No such enterprise' } });
  return e;
}

/** Runs every named checker on the firm's records as they stand today: the evidence a decision would keep. */
export async function checkConditions(
  tx: Tx,
  enterpriseId: string,
  on: string = todayInShanghai(),
): Promise<ConditionCheck[]> {
  const e = await enterpriseOrThrow(tx, enterpriseId);
  const since = twoYearsBefore(on);
  const out: ConditionCheck[] = [];
  for (const c of POSITIVE_LIST_CHECKERS)
    out.push({ condition: c.condition, ...(await c.check(tx, e, { on, since })) });
  return out;
}

const entrySelect = { p: positiveListEntries, name: enterprises.name, townCode: enterprises.townCode };

/**
 * Lists a firm. The checks run inside the decision's transaction, so the snapshot is what the
 * records said at that moment; a failed condition refuses, and a condition without a source needs
 * the officer's note (判断依据 is theirs, and it is kept beside the check).
 */
export async function decideListing(tx: Tx, actor: Actor, body: PositiveListDecisionBody): Promise<EntryDetailView> {
  // two officers listing the same firm at once: the second waits and finds the first's listing
  await enterpriseOrThrow(tx, body.enterpriseId, true);
  const [standing] = await tx
    .select({ id: positiveListEntries.id })
    .from(positiveListEntries)
    .where(and(eq(positiveListEntries.enterpriseId, body.enterpriseId), eq(positiveListEntries.status, 'listed')));
  const today = todayInShanghai();
  if (standing) {
    const [row] = await tx.select().from(positiveListEntries).where(eq(positiveListEntries.id, standing.id));
    if (row && row.validUntil >= today)
      throw new AppError('POSITIVE_LIST_ALREADY_LISTED', {
        detail: {
          zh: `该企业已在正面清单内（有效期至 ${row.validUntil}）`,
          en: `Already listed until ${row.validUntil}`,
        },
      });
    // an expired listing ends here, so the firm's new listing is its one standing listing
    await tx.update(positiveListEntries).set({ status: 'expired' }).where(eq(positiveListEntries.id, standing.id));
  }
  const checks = await checkConditions(tx, body.enterpriseId, today);
  const verdict = judgeDecision(checks, body.confirmations);
  if (!verdict.ok) {
    const fields = [
      ...verdict.failed.map((c) => ({
        path: `confirmations.${c}`,
        message: {
          zh: `${POSITIVE_LIST_CONDITION_LABELS[c].zh}：不符合`,
          en: `${POSITIVE_LIST_CONDITION_LABELS[c].en}: not met`,
        },
      })),
      ...verdict.unconfirmed.map((c) => ({
        path: `confirmations.${c}`,
        message: {
          zh: `${POSITIVE_LIST_CONDITION_LABELS[c].zh}：尚无数据来源，请人工核实后填写核实情况`,
          en: `${POSITIVE_LIST_CONDITION_LABELS[c].en}: no data source; verify and note how`,
        },
      })),
    ];
    throw new AppError('POSITIVE_LIST_CONDITIONS_NOT_MET', { errors: fields });
  }
  const years = await getRuleNumber(tx, 'positive-list.validity-years');
  const [row] = await tx
    .insert(positiveListEntries)
    .values({
      enterpriseId: body.enterpriseId,
      category: body.category,
      decidedOn: today,
      validUntil: listingValidUntil(today, years),
      checks: verdict.checks,
      reason: body.reason,
      decidedBy: actor.id,
      decidedByName: actor.name,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'positive-list.list',
    entityType: 'positive-list-entry',
    entityId: row!.id,
    after: {
      enterpriseId: body.enterpriseId,
      category: body.category,
      validUntil: row!.validUntil,
      checks: verdict.checks,
      reason: body.reason,
    },
  });
  return getEntry(tx, row!.id);
}

export async function getEntry(tx: Tx, id: string): Promise<EntryDetailView> {
  const [r] = await tx
    .select(entrySelect)
    .from(positiveListEntries)
    .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
    .where(eq(positiveListEntries.id, id));
  if (!r) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该正面清单记录不存在', en: 'No such listing' } });
  const proposals = await tx
    .select()
    .from(positiveListRemovalProposals)
    .where(eq(positiveListRemovalProposals.entryId, id))
    .orderBy(desc(positiveListRemovalProposals.createdAt));
  return {
    ...toEntryView(r.p, r.name, r.townCode, todayInShanghai()),
    checks: r.p.checks,
    reason: r.p.reason,
    proposals: proposals.map((p) => toProposalView(p, r.name)),
  };
}

export type EntryFilter = {
  state?: 'valid' | 'expired' | 'removed' | undefined;
  q?: string | undefined;
  year?: number | undefined;
  sort?: PositiveListSort | undefined;
};

/** The list's order: firms listed the same day go by name, and the entry's id settles the rest. */
function entryOrder(sort: EntryFilter['sort']): SQL[] {
  const p = positiveListEntries;
  switch (sort) {
    case 'decidedOn':
      return [asc(p.decidedOn), asc(enterprises.name), asc(p.id)];
    case 'enterprise':
      return [asc(enterprises.name), desc(p.decidedOn), asc(p.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(p.decidedOn), asc(p.id)];
    case 'validUntil':
      return [asc(p.validUntil), asc(enterprises.name), asc(p.id)];
    case '-validUntil':
      return [desc(p.validUntil), asc(enterprises.name), asc(p.id)];
    default:
      return [desc(p.decidedOn), asc(enterprises.name), asc(p.id)];
  }
}

function entryConditions(f: EntryFilter, today: string): SQL | undefined {
  const conds: SQL[] = [];
  if (f.state === 'removed') conds.push(eq(positiveListEntries.status, 'removed'));
  if (f.state === 'valid')
    conds.push(sql`${positiveListEntries.status} = 'listed' and ${positiveListEntries.validUntil} >= ${today}`);
  if (f.state === 'expired')
    conds.push(
      sql`(${positiveListEntries.status} = 'expired' or (${positiveListEntries.status} = 'listed' and ${positiveListEntries.validUntil} < ${today}))`,
    );
  if (f.q) conds.push(sql`${enterprises.name} ilike ${containsPattern(f.q)}`);
  if (f.year) conds.push(sql`extract(year from ${positiveListEntries.decidedOn}) = ${f.year}`);
  return conds.length ? and(...conds) : undefined;
}

export async function listEntries(tx: Tx, f: EntryFilter, page: PageRequest): Promise<Paged<EntryView>> {
  const today = todayInShanghai();
  const where = entryConditions(f, today);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await tx
        .select(entrySelect)
        .from(positiveListEntries)
        .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
        .where(where)
        .orderBy(...entryOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => toEntryView(r.p, r.name, r.townCode, today));
    },
    async () => {
      const [c] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(positiveListEntries)
        .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
        .where(where);
      return c?.n ?? 0;
    },
  );
}

/** The public list: listings never removed (a removal's reason is not published here), by decision year. */
export async function listPublicEntries(
  tx: Tx,
  f: { year?: number | undefined; q?: string | undefined; sort?: PositiveListSort | undefined },
  page: PageRequest,
): Promise<Paged<PublicEntryView>> {
  const today = todayInShanghai();
  const conds = [sql`${positiveListEntries.status} <> 'removed'`, entryConditions(f, today)].filter(
    (c): c is SQL => c !== undefined,
  );
  const where = and(...conds);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await tx
        .select(entrySelect)
        .from(positiveListEntries)
        .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
        .where(where)
        .orderBy(...entryOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => toPublicEntryView(r.p, r.name, r.townCode, today));
    },
    async () => {
      const [c] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(positiveListEntries)
        .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
        .where(where);
      return c?.n ?? 0;
    },
  );
}

async function lockEntry(tx: Tx, id: string) {
  const [row] = await tx.select().from(positiveListEntries).where(eq(positiveListEntries.id, id)).for('update');
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该正面清单记录不存在', en: 'No such listing' } });
  return row;
}

async function removeLocked(tx: Tx, actor: Actor, row: typeof positiveListEntries.$inferSelect, reason: string) {
  if (row.status !== 'listed')
    throw new AppError('POSITIVE_LIST_STATE', {
      detail: { zh: '该企业已不在正面清单内', en: 'The firm is no longer listed' },
    });
  await tx
    .update(positiveListEntries)
    .set({ status: 'removed', removedAt: new Date(), removalReason: reason, removedByName: actor.name })
    .where(eq(positiveListEntries.id, row.id));
  await recordAudit(tx, actor, {
    action: 'positive-list.remove',
    entityType: 'positive-list-entry',
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'removed', reason },
  });
}

/** An officer removes a firm from the list with a reason (移出正面清单). */
export async function removeListing(tx: Tx, actor: Actor, id: string, reason: string): Promise<EntryDetailView> {
  const row = await lockEntry(tx, id);
  // a listing past its 3 years has ended by itself: marking it removed now would rewrite its history
  if (row.status === 'listed' && row.validUntil < todayInShanghai())
    throw new AppError('POSITIVE_LIST_STATE', {
      detail: {
        zh: `该企业的正面清单已于 ${row.validUntil} 到期，已不在清单内，无需移出`,
        en: `The listing expired on ${row.validUntil}: the firm is off the list already`,
      },
    });
  await removeLocked(tx, actor, row, reason);
  // open proposals on this listing are settled by the removal
  await tx
    .update(positiveListRemovalProposals)
    .set({ status: 'accepted', decisionReason: reason, decidedByName: actor.name, decidedAt: new Date() })
    .where(and(eq(positiveListRemovalProposals.entryId, id), eq(positiveListRemovalProposals.status, 'open')));
  return getEntry(tx, id);
}

export type RemovalTriggerInput = {
  enterpriseId: string;
  trigger: RemovalTrigger;
  /** the record that caused it (a penalty decision, an incident, a verified report, an alarm) */
  sourceType: string;
  sourceId: string;
  summary: string;
};

/**
 * The hook other modules call in their own transaction when a penalty, an incident, a verified
 * complaint or a confirmed alarm concerns a firm: if the firm is listed, a removal proposal waits
 * for an officer. Idempotent per source record. Returns the proposal's id, or null when the firm
 * is not listed.
 */
export async function proposeRemoval(tx: Tx, actor: Actor, input: RemovalTriggerInput): Promise<string | null> {
  // an expired listing has nothing left to remove: the firm is off the list already
  const [entry] = await tx
    .select({ id: positiveListEntries.id })
    .from(positiveListEntries)
    .where(
      and(
        eq(positiveListEntries.enterpriseId, input.enterpriseId),
        eq(positiveListEntries.status, 'listed'),
        gte(positiveListEntries.validUntil, todayInShanghai()),
      ),
    );
  if (!entry) return null;
  const [row] = await tx
    .insert(positiveListRemovalProposals)
    .values({
      entryId: entry.id,
      trigger: input.trigger,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      summary: input.summary,
    })
    .onConflictDoNothing()
    .returning({ id: positiveListRemovalProposals.id });
  if (!row) return null;
  await recordAudit(tx, actor, {
    action: 'positive-list.propose-removal',
    entityType: 'positive-list-entry',
    entityId: entry.id,
    after: { proposalId: row.id, ...input },
  });
  return row.id;
}

/**
 * The record behind open proposals was revoked (a penalty decision set aside on review or in
 * court): they no longer have a basis, so they are withdrawn with the reason, in the revoking
 * transaction. Proposals already decided stay as decided: undoing a removal is a new decision.
 */
export async function withdrawProposalsFrom(
  tx: Tx,
  actor: Actor,
  source: { sourceType: string; sourceId: string; reason: string },
): Promise<string[]> {
  const rows = await tx
    .update(positiveListRemovalProposals)
    .set({
      status: 'withdrawn',
      decisionReason: source.reason,
      decidedByName: actor.name,
      decidedAt: new Date(),
      version: sql`${positiveListRemovalProposals.version} + 1`,
    })
    .where(
      and(
        eq(positiveListRemovalProposals.sourceType, source.sourceType),
        eq(positiveListRemovalProposals.sourceId, source.sourceId),
        eq(positiveListRemovalProposals.status, 'open'),
      ),
    )
    .returning({ id: positiveListRemovalProposals.id, entryId: positiveListRemovalProposals.entryId });
  for (const r of rows)
    await recordAudit(tx, actor, {
      action: 'positive-list.proposal-withdraw',
      entityType: 'positive-list-entry',
      entityId: r.entryId,
      before: { status: 'open' },
      after: { proposalId: r.id, status: 'withdrawn', reason: source.reason },
    });
  return rows.map((r) => r.id);
}

export type ProposalFilter = {
  status?: (typeof PROPOSAL_STATUSES)[number] | undefined;
  sort?: (typeof PROPOSAL_SORTS)[number] | undefined;
};

/** The list's order; the proposal's id settles proposals raised at the same moment. */
function proposalOrder(sort: ProposalFilter['sort']): SQL[] {
  const p = positiveListRemovalProposals;
  switch (sort) {
    case 'createdAt':
      return [asc(p.createdAt), asc(p.id)];
    case 'enterprise':
      return [asc(enterprises.name), desc(p.createdAt), asc(p.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(p.createdAt), asc(p.id)];
    default:
      return [desc(p.createdAt), asc(p.id)];
  }
}

export async function listProposals(tx: Tx, f: ProposalFilter, page: PageRequest): Promise<Paged<ProposalView>> {
  const where = f.status ? eq(positiveListRemovalProposals.status, f.status) : undefined;
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await tx
        .select({ p: positiveListRemovalProposals, name: enterprises.name })
        .from(positiveListRemovalProposals)
        .innerJoin(positiveListEntries, eq(positiveListEntries.id, positiveListRemovalProposals.entryId))
        .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
        .where(where)
        .orderBy(...proposalOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => toProposalView(r.p, r.name));
    },
    async () => {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(positiveListRemovalProposals).where(where);
      return c?.n ?? 0;
    },
  );
}

/** The officer's decision on a proposal: accepting removes the firm; both need a reason. */
export async function decideProposal(
  tx: Tx,
  actor: Actor,
  id: string,
  body: { accept: boolean; reason: string },
): Promise<EntryDetailView> {
  const [p] = await tx
    .select()
    .from(positiveListRemovalProposals)
    .where(eq(positiveListRemovalProposals.id, id))
    .for('update');
  if (!p) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该移出建议不存在', en: 'No such proposal' } });
  if (p.status !== 'open')
    throw new AppError('POSITIVE_LIST_STATE', {
      detail: { zh: '该移出建议已处理', en: 'The proposal is already decided' },
    });
  const entry = await lockEntry(tx, p.entryId);
  if (body.accept) await removeLocked(tx, actor, entry, body.reason);
  await tx
    .update(positiveListRemovalProposals)
    .set({
      status: body.accept ? 'accepted' : 'rejected',
      decisionReason: body.reason,
      decidedByName: actor.name,
      decidedAt: new Date(),
      version: p.version + 1,
    })
    .where(eq(positiveListRemovalProposals.id, id));
  await recordAudit(tx, actor, {
    action: body.accept ? 'positive-list.proposal-accept' : 'positive-list.proposal-reject',
    entityType: 'positive-list-entry',
    entityId: entry.id,
    after: { proposalId: id, reason: body.reason },
  });
  return getEntry(tx, entry.id);
}

/** Firms listed and valid on a day: the draw weights them lower and checks them off-site first. */
export async function listedEnterpriseIds(tx: Tx, on: string): Promise<Set<string>> {
  const rows = await tx
    .select({ id: positiveListEntries.enterpriseId })
    .from(positiveListEntries)
    .where(
      sql`${positiveListEntries.status} = 'listed' and ${positiveListEntries.decidedOn} <= ${on} and ${positiveListEntries.validUntil} >= ${on}`,
    );
  return new Set(rows.map((r) => r.id));
}
