import {
  MATTER_NAME_PAIRS,
  type MatterContent,
  type MatterEditBody,
  type MatterSort,
  SHIPPED_MATTERS,
} from '@qingshan/core';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError, type Lang } from '../../errors.ts';
import { type Paged, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { getRules } from '../rules/service.ts';
import { type MatterDetailView, type MatterVersionView, toMatterDetailView, toMatterVersionView } from './schema.ts';
import { matters, matterVersions } from './tables.ts';

const SHIPPED_REASON = '系统默认值 / shipped default';

/**
 * Loads the shipped matters that are missing, on every start (not only in demo mode): a county
 * installing the platform gets the real guides at once, and a guide an admin has edited is never
 * overwritten — the same as the rules' defaults. Idempotent; returns how many were added.
 */
export async function loadShippedMatters(db: Db): Promise<number> {
  let added = 0;
  for (const m of SHIPPED_MATTERS) {
    const { code, ...content } = m;
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(matters)
        .values({ code, name: content.name, decidingAuthority: content.decidingAuthority, currentVersion: 1 })
        .onConflictDoNothing()
        .returning({ code: matters.code });
      if (!row) return;
      await tx
        .insert(matterVersions)
        .values({ matterCode: code, version: 1, content, reason: SHIPPED_REASON, createdByName: SYSTEM_ACTOR.name });
      added++;
    });
  }
  return added;
}

const currentVersion = and(
  eq(matterVersions.matterCode, matters.code),
  eq(matterVersions.version, matters.currentVersion),
);

/**
 * The name a reader of `lang` sees (matterName in core): in English a shipped matter's English
 * name while its stored name is still the shipped one, else the stored name.
 */
function shownName(lang: Lang): SQL {
  if (lang !== 'en') return sql`${matters.name}`;
  const whens = MATTER_NAME_PAIRS.map(
    (p) => sql`when ${matters.code} = ${p.code} and ${matters.name} = ${p.zh} then ${p.en}::text`,
  );
  return sql`(case ${sql.join(whens, sql` `)} else ${matters.name} end)`;
}

/** The code settles a tie: two guides may share a name or a day. */
function matterOrder(sort: MatterSort | undefined, lang: Lang): SQL[] {
  const name = shownName(lang);
  switch (sort) {
    case '-name':
      return [desc(name), desc(matters.code)];
    case 'updatedAt':
      return [asc(matters.updatedAt), asc(matters.code)];
    case '-updatedAt':
      return [desc(matters.updatedAt), asc(matters.code)];
    default:
      return [asc(name), asc(matters.code)];
  }
}

export async function listMatters(
  db: Tx,
  f: { q?: string | undefined; decidingAuthority?: string | undefined; sort?: MatterSort | undefined },
  page: { page: number; pageSize: number },
  lang: Lang = 'zh',
): Promise<Paged<MatterDetailView>> {
  const conds = [];
  if (f.q) {
    const like = containsPattern(f.q);
    // the whole guide is searched: a citizen types 环评 or a material's name, not the matter's title;
    // in English the name shown too (the guide's content is Chinese)
    conds.push(
      or(
        ilike(matters.name, like),
        ilike(matters.code, like),
        sql`${matterVersions.content}::text ilike ${like}`,
        ...(lang === 'en' ? [ilike(shownName(lang), like)] : []),
      ),
    );
  }
  if (f.decidingAuthority) conds.push(eq(matters.decidingAuthority, f.decidingAuthority));
  const where = and(...conds);
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select({ m: matters, v: matterVersions })
        .from(matters)
        .innerJoin(matterVersions, currentVersion)
        .where(where)
        .orderBy(...matterOrder(f.sort, lang))
        .limit(limit)
        .offset(offset);
      // each guide's limits as the rules in force define them, as its page shows them (the English
      // list prints them: the guide's own words are Chinese)
      const rules = await getRules(db, [...new Set(rows.flatMap((r) => profileKeys(r.v.content as MatterContent)))]);
      return rows.map((r) => toMatterDetailView(r.m, r.v, rules));
    },
    async () => {
      const [c] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(matters)
        .innerJoin(matterVersions, currentVersion)
        .where(where);
      return c?.n ?? 0;
    },
  );
}

async function current(db: Tx, code: string) {
  const [row] = await db
    .select({ m: matters, v: matterVersions })
    .from(matters)
    .innerJoin(matterVersions, currentVersion)
    .where(eq(matters.code, code));
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该事项不存在', en: `No matter ${code}` } });
  return row;
}

function profileKeys(c: MatterContent): string[] {
  const { statutoryProfile, promisedProfile, incompleteNoticeProfile } = c.timeLimits;
  return [statutoryProfile, promisedProfile, incompleteNoticeProfile].filter((k): k is string => k !== null);
}

/** A guide with its time limits as the rules in force define them today. */
export async function getMatter(db: Tx, code: string): Promise<MatterDetailView> {
  const { m, v } = await current(db, code);
  const rules = await getRules(db, profileKeys(v.content as MatterContent));
  return toMatterDetailView(m, v, rules);
}

export async function listMatterVersions(db: Tx, code: string): Promise<MatterVersionView[]> {
  await current(db, code);
  const rows = await db
    .select()
    .from(matterVersions)
    .where(eq(matterVersions.matterCode, code))
    .orderBy(desc(matterVersions.version));
  return rows.map(toMatterVersionView);
}

/** An admin's edit: a new version with the reason; the old one is kept. Audited in the same transaction. */
export async function updateMatter(
  tx: Tx,
  actor: Actor,
  code: string,
  edit: MatterEditBody,
): Promise<MatterDetailView> {
  // two admins saving at once: the second waits, then finds the version it edited superseded
  await tx.select({ code: matters.code }).from(matters).where(eq(matters.code, code)).for('update');
  const { m, v } = await current(tx, code);
  if (edit.version !== m.currentVersion) throw new AppError('RECORD_CHANGED', { extra: { version: m.currentVersion } });
  const next = m.currentVersion + 1;
  await tx.insert(matterVersions).values({
    matterCode: code,
    version: next,
    content: edit.content,
    reason: edit.reason,
    createdBy: actor.id,
    createdByName: actor.name,
  });
  await tx
    .update(matters)
    .set({
      name: edit.content.name,
      decidingAuthority: edit.content.decidingAuthority,
      currentVersion: next,
      updatedAt: new Date(),
    })
    .where(eq(matters.code, code));
  await recordAudit(tx, actor, {
    action: 'matter.update',
    entityType: 'matter',
    entityId: code,
    before: { version: v.version, content: v.content },
    after: { version: next, content: edit.content, reason: edit.reason },
  });
  return getMatter(tx, code);
}
