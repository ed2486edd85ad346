import { localizeIssues, todayInShanghai } from '@qingshan/core';
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { registry } from '../../platform/registry.ts';
import { type Paged, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import type { RuleDefault } from './defaults.ts';
import {
  RULE_SORTS,
  RULE_TYPES,
  type RuleDetailView,
  type RuleType,
  type RuleVersionView,
  type RuleView,
  toRuleVersionView,
  toRuleView,
} from './schema.ts';
import { rules, ruleVersions } from './tables.ts';

export { RULE_SORTS, RULE_TYPES, type RuleDetailView, type RuleType, type RuleVersionView, type RuleView };

export const clockProfileValueSchema = z.strictObject({
  length: z.number().int().min(1).max(3650),
  unit: z.enum(['working', 'calendar']),
  warnBefore: z.number().int().min(0).max(365),
  direction: z.enum(['after-start', 'before-anchor']).default('after-start'),
});
export type ClockProfileValue = z.infer<typeof clockProfileValueSchema>;

const VALUE_SCHEMAS: Record<RuleType, z.ZodType> = {
  'clock-profile': clockProfileValueSchema,
  integer: z.number().int(),
  number: z.number().finite(),
  ratio: z.number().min(0).max(1),
  list: z.array(z.string().trim().min(1).max(200)).max(500),
  text: z.string().trim().min(1).max(2000),
};

/** The defaults every installed module ships (its clock profiles and other rules). */
export function defaultRules(): readonly RuleDefault[] {
  return registry().rules;
}

const SEED_EFFECTIVE_FROM = '2020-01-01';

/** Loads the defaults that are missing; never overwrites a rule an admin has edited. Idempotent. */
export async function seedDefaultRules(db: Db): Promise<number> {
  let added = 0;
  for (const r of defaultRules()) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(rules)
        .values({ key: r.key, type: r.type, labelZh: r.labelZh, labelEn: r.labelEn, note: r.note ?? null })
        .onConflictDoNothing()
        .returning({ key: rules.key });
      if (!row) return;
      await tx.insert(ruleVersions).values({
        ruleKey: r.key,
        version: 1,
        value: r.value,
        source: r.source,
        effectiveFrom: SEED_EFFECTIVE_FROM,
        reason: '系统默认值 / shipped default',
        createdByName: SYSTEM_ACTOR.name,
      });
      added++;
    });
  }
  await refreshShippedCitations(db);
  await refreshShippedNotes(db);
  return added;
}

/**
 * Rules get today's shipped note (e.g. "borrowed from another place's practice"), also over an
 * earlier release's wording (notes once held both languages in one text): a note is the platform's
 * explanation, which no admin edits (an edit adds a version), and its English is given only while
 * the stored note is today's.
 */
async function refreshShippedNotes(db: Db): Promise<void> {
  for (const r of defaultRules()) {
    if (!r.note) continue;
    await db
      .update(rules)
      .set({ note: r.note })
      .where(and(eq(rules.key, r.key), sql`${rules.note} is distinct from ${r.note}`));
  }
}

/** Citations of the project's own notes that earlier releases shipped as a rule's source. */
const INTERNAL_CITATION = /(rules|reference)\.md/;

/**
 * Earlier releases shipped some defaults citing the project's own notes ("reference.md §1.2")
 * instead of the real origin. A shipped version 1 that nobody replaced gets the corrected
 * citation of today's default (its value is untouched); a rule an admin edited keeps its history.
 */
async function refreshShippedCitations(db: Db): Promise<void> {
  for (const r of defaultRules()) {
    await db
      .update(ruleVersions)
      .set({ source: r.source })
      .where(
        and(
          eq(ruleVersions.ruleKey, r.key),
          eq(ruleVersions.version, 1),
          eq(ruleVersions.createdByName, SYSTEM_ACTOR.name),
          sql`${ruleVersions.source} ~ ${INTERNAL_CITATION.source}`,
        ),
      );
  }
}

/** The version in force on `on` (default today): the newest one whose effective-from has come. */
function inForce(versions: (typeof ruleVersions.$inferSelect)[], on: string) {
  const started = versions.filter((v) => v.effectiveFrom <= on);
  const pool = started.length ? started : versions;
  return [...pool].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
}

/**
 * The rule version in force today (or on `on`). Other modules read their thresholds with it, e.g.
 * `(await getRule(db, 'reception.max-enterprises-per-day')).value as number`.
 */
export async function getRule(db: Tx, key: string, on: string = todayInShanghai()): Promise<RuleVersionView> {
  const versions = await db.select().from(ruleVersions).where(eq(ruleVersions.ruleKey, key));
  const v = inForce(versions, on);
  if (!v) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: `规则 ${key} 不存在`, en: `No rule ${key}` } });
  return toRuleVersionView(v);
}

/** Several rules in force today (or on `on`) in one query, by key. */
export async function getRules(
  db: Tx,
  keys: readonly string[],
  on: string = todayInShanghai(),
): Promise<Map<string, RuleVersionView>> {
  const versions = await db
    .select()
    .from(ruleVersions)
    .where(inArray(ruleVersions.ruleKey, [...keys]));
  const out = new Map<string, RuleVersionView>();
  for (const key of keys) {
    const v = inForce(
      versions.filter((x) => x.ruleKey === key),
      on,
    );
    if (!v) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: `规则 ${key} 不存在`, en: `No rule ${key}` } });
    out.set(key, toRuleVersionView(v));
  }
  return out;
}

/** A number rule's value in force today. */
export async function getRuleNumber(db: Tx, key: string): Promise<number> {
  const v = (await getRule(db, key)).value;
  if (typeof v !== 'number') throw new Error(`rule ${key} is not a number`);
  return v;
}

export async function getRuleVersion(db: Tx, key: string, version: number): Promise<RuleVersionView> {
  const [v] = await db
    .select()
    .from(ruleVersions)
    .where(and(eq(ruleVersions.ruleKey, key), eq(ruleVersions.version, version)));
  if (!v) throw new AppError('RECORD_NOT_FOUND');
  return toRuleVersionView(v);
}

export async function listRules(
  db: Tx,
  f: { q?: string | undefined; type?: RuleType | undefined },
  sort: (typeof RULE_SORTS)[number],
  page: number,
  pageSize: number,
): Promise<Paged<RuleView>> {
  const conds = [];
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(rules.key, like), ilike(rules.labelZh, like), ilike(rules.labelEn, like)));
  }
  if (f.type) conds.push(eq(rules.type, f.type));
  const where = conds.length ? and(...conds) : undefined;
  const paged = await paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select()
        .from(rules)
        .where(where)
        .orderBy(sort === 'updated' ? desc(rules.updatedAt) : asc(rules.key), asc(rules.key))
        .limit(limit)
        .offset(offset),
    async () => {
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(rules).where(where);
      return count?.n ?? 0;
    },
  );
  const keys = paged.items.map((r) => r.key);
  const versions = keys.length
    ? await db.select().from(ruleVersions).where(sql`${ruleVersions.ruleKey} in ${keys}`)
    : [];
  const today = todayInShanghai();
  const items = paged.items.map((r) =>
    ruleViewOn(
      r,
      versions.filter((v) => v.ruleKey === r.key),
      today,
    ),
  );
  return { ...paged, items };
}

function ruleViewOn(
  r: typeof rules.$inferSelect,
  versions: (typeof ruleVersions.$inferSelect)[],
  today: string,
): RuleView {
  const current = inForce(versions, today);
  if (!current) throw new Error(`rule ${r.key} has no version`);
  return toRuleView(r, versions, current);
}

export async function getRuleDetail(db: Tx, key: string): Promise<RuleDetailView> {
  const [r] = await db.select().from(rules).where(eq(rules.key, key));
  if (!r) throw new AppError('RECORD_NOT_FOUND');
  const versions = await db
    .select()
    .from(ruleVersions)
    .where(eq(ruleVersions.ruleKey, key))
    .orderBy(desc(ruleVersions.version));
  return { ...ruleViewOn(r, versions, todayInShanghai()), history: versions.map(toRuleVersionView) };
}

export type RuleEdit = { value: unknown; source: string; effectiveFrom: string; reason: string };

/** Adds a version; earlier versions stay, and clocks keep the version they started under. */
export async function updateRule(tx: Tx, actor: Actor, key: string, edit: RuleEdit): Promise<RuleDetailView> {
  const [r] = await tx.select().from(rules).where(eq(rules.key, key)).for('update');
  if (!r) throw new AppError('RECORD_NOT_FOUND');
  const typed = VALUE_SCHEMAS[r.type as RuleType].safeParse(edit.value);
  const keySchema = defaultRules().find((r) => r.key === key)?.valueSchema;
  const parsed = typed.success && keySchema ? keySchema.safeParse(typed.data) : typed;
  if (!parsed.success) {
    throw new AppError('RULE_VALUE_INVALID', {
      errors: localizeIssues(parsed.error.issues).map((zh, n) => ({
        path: ['value', zh.path].filter(Boolean).join('.'),
        message: { zh: zh.message, en: localizeIssues(parsed.error.issues, 'en')[n]?.message ?? zh.message },
      })),
    });
  }
  const before = await getRule(tx, key);
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${ruleVersions.version}), 0)::int + 1` })
    .from(ruleVersions)
    .where(eq(ruleVersions.ruleKey, key));
  await tx.insert(ruleVersions).values({
    ruleKey: key,
    version: next,
    value: parsed.data,
    source: edit.source,
    effectiveFrom: edit.effectiveFrom,
    reason: edit.reason,
    createdBy: actor.id,
    createdByName: actor.name,
  });
  await tx.update(rules).set({ updatedAt: new Date() }).where(eq(rules.key, key));
  await recordAudit(tx, actor, {
    action: 'rule.update',
    entityType: 'rule',
    entityId: key,
    before: { version: before.version, value: before.value, source: before.source },
    after: {
      version: next,
      value: parsed.data,
      source: edit.source,
      effectiveFrom: edit.effectiveFrom,
      reason: edit.reason,
    },
  });
  return getRuleDetail(tx, key);
}
