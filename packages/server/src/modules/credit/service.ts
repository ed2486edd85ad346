import { CREDIT_GRADE_LABELS, CREDIT_GRADES, type CreditGrade, shanghaiDateOf, todayInShanghai } from '@qingshan/core';
import {
  type CreditProposalDecisionBody,
  type CreditProposalSort,
  type CreditRecordBody,
  type CreditSort,
  creditWeightKey,
  drawWeightOf,
  RISK_FACTOR_LABELS,
  type RiskContribution,
  type RiskFactor,
  riskWeightKey,
  scoreOf,
} from '@qingshan/core/credit';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, type Lang } from '../../errors.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { rowsOf } from '../figures/registry.ts';
import { getRule, getRuleNumber } from '../rules/service.ts';
import type { WATCH_SORTS } from './schema.ts';
import { creditProposals, creditRecords } from './tables.ts';

export type CreditRow = typeof creditRecords.$inferSelect;

async function enterpriseOrThrow(tx: Tx, id: string, lock = false) {
  const q = tx.select().from(enterprises).where(eq(enterprises.id, id));
  const [e] = lock ? await q.for('update') : await q;
  if (!e) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该企业不存在', en: 'No such enterprise' } });
  return e;
}

/** The firm's grade: its latest evaluation by date (then by entry). */
async function latestGrade(tx: Tx, enterpriseId: string): Promise<CreditRow | undefined> {
  const [r] = await tx
    .select()
    .from(creditRecords)
    .where(eq(creditRecords.enterpriseId, enterpriseId))
    .orderBy(desc(creditRecords.ratedOn), desc(creditRecords.createdAt))
    .limit(1);
  return r;
}

/** Records an evaluation; the register's copy of the grade follows the latest one, in the same transaction. */
export async function recordCredit(
  tx: Tx,
  actor: Actor,
  body: CreditRecordBody,
): Promise<CreditRow & { enterpriseName: string }> {
  const e = await enterpriseOrThrow(tx, body.enterpriseId, true);
  const today = todayInShanghai();
  const errors = [];
  if (body.ratedOn > today)
    errors.push({ path: 'ratedOn', message: { zh: '评价日期不能晚于今天', en: 'cannot be in the future' } });
  if (body.validUntil && body.validUntil < body.ratedOn)
    errors.push({ path: 'validUntil', message: { zh: '有效期不能早于评价日期', en: 'cannot be before the rating' } });
  if (errors.length) throw new AppError('CREDIT_DATES', { errors });
  const [row] = await tx
    .insert(creditRecords)
    .values({
      enterpriseId: body.enterpriseId,
      grade: body.grade,
      basis: body.basis,
      ratedOn: body.ratedOn,
      validUntil: body.validUntil ?? null,
      recordedByName: actor.name,
      createdBy: actor.id,
    })
    .returning();
  const latest = await latestGrade(tx, body.enterpriseId);
  if (latest && latest.grade !== e.creditGrade)
    await tx
      .update(enterprises)
      .set({ creditGrade: latest.grade, updatedAt: new Date(), version: e.version + 1 })
      .where(eq(enterprises.id, e.id));
  await recordAudit(tx, actor, {
    action: 'credit.record',
    entityType: 'credit-record',
    entityId: row!.id,
    before: { previousGrade: e.creditGrade },
    after: {
      enterpriseId: body.enterpriseId,
      grade: body.grade,
      basis: body.basis,
      ratedOn: body.ratedOn,
      validUntil: body.validUntil ?? null,
    },
  });
  return { ...row!, enterpriseName: e.name };
}

/** A grade's place from green to red, as CREDIT_GRADES lists them. */
const gradeRank = sql`case ${creditRecords.grade} ${sql.join(
  CREDIT_GRADES.map((g, i) => sql`when ${g} then ${sql.raw(String(i))}`),
  sql` `,
)} end`;

/** The register's order; by grade or enterprise, the latest rated first within one, as by default. */
function creditOrder(sort: CreditSort | undefined): SQL[] {
  const latest = [desc(creditRecords.ratedOn), desc(creditRecords.createdAt), asc(creditRecords.id)];
  switch (sort) {
    case 'ratedOn':
      return [asc(creditRecords.ratedOn), asc(creditRecords.createdAt), asc(creditRecords.id)];
    case 'grade':
      return [asc(gradeRank), ...latest];
    case '-grade':
      return [desc(gradeRank), ...latest];
    case 'enterprise':
      return [asc(enterprises.name), ...latest];
    case '-enterprise':
      return [desc(enterprises.name), ...latest];
    default:
      return latest;
  }
}

export async function listCredit(
  db: Tx,
  f: { enterpriseId?: string | undefined; grade?: CreditGrade | undefined; sort?: CreditSort | undefined },
  page: PageRequest,
): Promise<Paged<CreditRow & { enterpriseName: string }>> {
  const where: SQL[] = [];
  if (f.enterpriseId) where.push(eq(creditRecords.enterpriseId, f.enterpriseId));
  if (f.grade) where.push(eq(creditRecords.grade, f.grade));
  const cond = where.length ? and(...where) : undefined;
  return paginate(
    page,
    async (limit, offset) =>
      (
        await db
          .select({ r: creditRecords, name: enterprises.name })
          .from(creditRecords)
          .innerJoin(enterprises, eq(enterprises.id, creditRecords.enterpriseId))
          .where(cond)
          .orderBy(...creditOrder(f.sort))
          .limit(limit)
          .offset(offset)
      ).map((x) => ({ ...x.r, enterpriseName: x.name })),
    async () => {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(creditRecords).where(cond);
      return r?.n ?? 0;
    },
  );
}

export type CreditProposalRow = typeof creditProposals.$inferSelect;

/**
 * The hook a penalty decision calls in its own transaction: a credit change waits for an officer,
 * with the decision (and its number) as the basis. Idempotent per source record; returns its id.
 * Raised when the decision was made (`at`, now unless the caller records a past decision).
 */
export async function proposeCreditChange(
  tx: Tx,
  actor: Actor,
  input: { enterpriseId: string; sourceType: string; sourceId: string; basis: string },
  at: Date = new Date(),
): Promise<string | null> {
  const [row] = await tx
    .insert(creditProposals)
    .values({ ...input, createdAt: at })
    .onConflictDoNothing()
    .returning({ id: creditProposals.id });
  if (!row) return null;
  await recordAudit(tx, actor, {
    action: 'credit.propose',
    entityType: 'credit-proposal',
    entityId: row.id,
    after: input,
  });
  return row.id;
}

/**
 * The officer's decision: confirming records the grade as a credit evaluation rated today, its
 * basis the decision number and the officer's reason (so the firm's grade follows it); dismissing
 * keeps the grade. Either way the proposal is closed with the reason, in one transaction.
 */
export async function decideCreditProposal(
  tx: Tx,
  actor: Actor,
  id: string,
  body: CreditProposalDecisionBody,
  /** when the officer decided; the demo's seed passes a past day, the routes leave it to now */
  at = new Date(),
): Promise<CreditProposalRow> {
  const [p] = await tx.select().from(creditProposals).where(eq(creditProposals.id, id)).for('update');
  if (!p) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该信用调整建议不存在', en: 'No such proposal' } });
  if (p.version !== body.version) throw new AppError('RECORD_CHANGED');
  if (p.status !== 'open') throw new AppError('CREDIT_PROPOSAL_DECIDED');
  const record =
    body.confirm && body.grade
      ? await recordCredit(tx, actor, {
          enterpriseId: p.enterpriseId,
          grade: body.grade,
          basis: `${p.basis}；${body.reason}`.slice(0, 1000),
          ratedOn: shanghaiDateOf(at),
        })
      : null;
  const [row] = await tx
    .update(creditProposals)
    .set({
      status: body.confirm ? 'confirmed' : 'dismissed',
      creditRecordId: record?.id ?? null,
      decisionReason: body.reason,
      decidedByName: actor.name,
      decidedAt: at,
      version: p.version + 1,
    })
    .where(eq(creditProposals.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'credit.decide-proposal',
    entityType: 'credit-proposal',
    entityId: id,
    before: { status: p.status },
    after: {
      status: row!.status,
      confirm: body.confirm,
      grade: body.grade ?? null,
      decisionReason: body.reason,
      creditRecordId: record?.id ?? null,
    },
  });
  return row!;
}

/** The penalty behind open credit proposals was revoked: they are withdrawn with the reason. */
export async function withdrawCreditProposalsFrom(
  tx: Tx,
  actor: Actor,
  source: { sourceType: string; sourceId: string; reason: string },
): Promise<string[]> {
  const rows = await tx
    .update(creditProposals)
    .set({
      status: 'withdrawn',
      decisionReason: source.reason,
      decidedByName: actor.name,
      decidedAt: new Date(),
      version: sql`${creditProposals.version} + 1`,
    })
    .where(
      and(
        eq(creditProposals.sourceType, source.sourceType),
        eq(creditProposals.sourceId, source.sourceId),
        eq(creditProposals.status, 'open'),
      ),
    )
    .returning({ id: creditProposals.id });
  for (const r of rows)
    await recordAudit(tx, actor, {
      action: 'credit.withdraw-proposal',
      entityType: 'credit-proposal',
      entityId: r.id,
      before: { status: 'open' },
      after: { status: 'withdrawn', decisionReason: source.reason },
    });
  return rows.map((r) => r.id);
}

export async function getCreditProposal(db: Tx, id: string): Promise<CreditProposalRow & { enterpriseName: string }> {
  const [r] = await db
    .select({ p: creditProposals, name: enterprises.name })
    .from(creditProposals)
    .innerJoin(enterprises, eq(enterprises.id, creditProposals.enterpriseId))
    .where(eq(creditProposals.id, id));
  if (!r) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '该信用调整建议不存在', en: 'No such proposal' } });
  return { ...r.p, enterpriseName: r.name };
}

/** The proposals' order; one not decided yet has no day decided and comes last either way. */
function creditProposalOrder(sort: CreditProposalSort | undefined): SQL[] {
  const p = creditProposals;
  switch (sort) {
    case 'createdAt':
      return [asc(p.createdAt), asc(p.id)];
    case '-decidedAt':
      return [sql`${p.decidedAt} desc nulls last`, desc(p.createdAt), asc(p.id)];
    case 'decidedAt':
      return [sql`${p.decidedAt} asc nulls last`, desc(p.createdAt), asc(p.id)];
    case 'enterprise':
      return [asc(enterprises.name), desc(p.createdAt), asc(p.id)];
    case '-enterprise':
      return [desc(enterprises.name), desc(p.createdAt), asc(p.id)];
    default:
      return [desc(p.createdAt), asc(p.id)];
  }
}

export async function listCreditProposals(
  db: Tx,
  f: { enterpriseId?: string | undefined; status?: string | undefined; sort?: CreditProposalSort | undefined },
  page: PageRequest,
): Promise<Paged<CreditProposalRow & { enterpriseName: string }>> {
  const where: SQL[] = [];
  if (f.enterpriseId) where.push(eq(creditProposals.enterpriseId, f.enterpriseId));
  if (f.status) where.push(eq(creditProposals.status, f.status));
  const cond = where.length ? and(...where) : undefined;
  return paginate(
    page,
    async (limit, offset) =>
      (
        await db
          .select({ p: creditProposals, name: enterprises.name })
          .from(creditProposals)
          .innerJoin(enterprises, eq(enterprises.id, creditProposals.enterpriseId))
          .where(cond)
          .orderBy(...creditProposalOrder(f.sort))
          .limit(limit)
          .offset(offset)
      ).map((x) => ({ ...x.p, enterpriseName: x.name })),
    async () => {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(creditProposals).where(cond);
      return r?.n ?? 0;
    },
  );
}

type Weights = Record<Exclude<RiskFactor, 'credit'>, number> & Record<`credit-${CreditGrade}`, number>;
type Sources = Record<RiskFactor, string>;

async function weights(db: Tx, lang: Lang = 'zh'): Promise<{ w: Weights; sources: Sources }> {
  const w = {
    alarms: await getRuleNumber(db, riskWeightKey('alarms')),
    complaints: await getRuleNumber(db, riskWeightKey('complaints')),
    findings: await getRuleNumber(db, riskWeightKey('findings')),
    'inspection-findings': await getRuleNumber(db, riskWeightKey('inspection-findings')),
    penalties: await getRuleNumber(db, riskWeightKey('penalties')),
    incidents: await getRuleNumber(db, riskWeightKey('incidents')),
    'positive-list': await getRuleNumber(db, riskWeightKey('positive-list')),
    'credit-green': await getRuleNumber(db, creditWeightKey('green')),
    'credit-blue': await getRuleNumber(db, creditWeightKey('blue')),
    'credit-yellow': await getRuleNumber(db, creditWeightKey('yellow')),
    'credit-red': await getRuleNumber(db, creditWeightKey('red')),
  };
  const src = async (k: string) => {
    const rule = await getRule(db, k);
    return lang === 'en' ? (rule.sourceEn ?? rule.source) : rule.source;
  };
  const sources: Sources = {
    alarms: await src(riskWeightKey('alarms')),
    complaints: await src(riskWeightKey('complaints')),
    findings: await src(riskWeightKey('findings')),
    'inspection-findings': await src(riskWeightKey('inspection-findings')),
    penalties: await src(riskWeightKey('penalties')),
    incidents: await src(riskWeightKey('incidents')),
    credit: await src(creditWeightKey('red')),
    'positive-list': await src(riskWeightKey('positive-list')),
  };
  return { w, sources };
}

/** The look-back windows: alarms, complaints and findings over 12 months, penalties over 24. */
const since = (months: number) => sql`now() - make_interval(months => ${months}::int)`;

export type RiskView = {
  enterpriseId: string;
  enterpriseName: string;
  score: number;
  drawWeight: number;
  onWatchList: boolean;
  contributions: RiskContribution[];
};

/**
 * One firm's score with every contribution and the records behind it. The records' own wording
 * (罚款 … 元, 有效期至) and the weights' sources follow `lang`; factor names stay Chinese (the web names
 * them from the code).
 */
export async function riskOf(db: Tx, enterpriseId: string, lang: Lang = 'zh'): Promise<RiskView> {
  const word = (zh: string, en: string) => sql`${lang === 'en' ? en : zh}::text`;
  const e = await enterpriseOrThrow(db, enterpriseId);
  const { w, sources } = await weights(db, lang);
  const alarms = await rowsOf<{ id: string; label: string }>(
    db,
    sql`select a.id::text as id, to_char(a.raised_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || ' ' || a.source_name || '：' || a.detail as label
      from alarms a where a.enterprise_id = ${enterpriseId}::uuid and a.outcome = 'confirmed' and a.raised_at >= ${since(12)}
      order by a.raised_at desc limit 50`,
  );
  const complaints = await rowsOf<{ id: string; label: string }>(
    db,
    sql`select r.id::text as id, to_char(r.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || ' ' || r.title as label
      from reports r where r.subject_enterprise_id = ${enterpriseId}::uuid and r.received_at >= ${since(12)}
      order by r.received_at desc limit 50`,
  );
  const findings = await rowsOf<{ id: string; label: string }>(
    db,
    sql`select c.id::text as id, to_char(c.verified_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || ' ' || left(c.description, 60) as label
      from clues c where c.enterprise_id = ${enterpriseId}::uuid and c.outcome in ('problem-found', 'rectification-ordered')
        and c.verified_at >= ${since(12)}
      order by c.verified_at desc limit 50`,
  );
  // problems written down by on-site and off-site inspections (completed records), whether minor or serious
  const inspectionFindings = await rowsOf<{ id: string; label: string; link: string }>(
    db,
    sql`select f.id::text as id, '/staff/site-inspections/' || i.id::text as link, i.inspected_on::text || ' ' || left(f.description, 60) as label
      from inspection_findings f join site_inspections i on i.id = f.inspection_id
      where i.enterprise_id = ${enterpriseId}::uuid and i.status = 'completed' and i.inspected_on >= (${since(12)})::date
      order by i.inspected_on desc, f.position limit 50`,
  );
  const penalties = await rowsOf<{ id: string; label: string }>(
    db,
    sql`select k.id::text as id, k.decided_on::text || ' ' || k.decision_number || ${word('，罚款 ', ', fine ')} || k.penalty_amount::text || ${word(' 元', ' yuan')} as label
      from enforcement_cases k where k.enterprise_id = ${enterpriseId}::uuid and k.decided_on is not null and k.revoked_at is null
        and k.decided_on >= (${since(24)})::date
      order by k.decided_on desc limit 50`,
  );
  const incidentRows = await rowsOf<{ id: string; label: string }>(
    db,
    sql`select i.id::text as id, to_char(i.occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') || ' ' || i.title as label
      from incidents i where i.enterprise_id = ${enterpriseId}::uuid and i.occurred_at >= ${since(24)}
      order by i.occurred_at desc limit 50`,
  );
  const listed = await rowsOf<{ id: string; label: string }>(
    db,
    sql`select p.id::text as id, ${word('有效期至 ', 'valid until ')} || p.valid_until::text as label from positive_list_entries p
      where p.enterprise_id = ${enterpriseId}::uuid and p.status = 'listed' and p.valid_until >= ${todayInShanghai()}::date limit 1`,
  );
  const credit = await latestGrade(db, enterpriseId);
  // the register's grade counts until the firm has a graded record here (imported firms carry one)
  const grade = (credit?.grade ?? e.creditGrade) as CreditGrade | null;
  const counted = (
    factor: Exclude<RiskFactor, 'credit'>,
    rows: { id: string; label: string; link?: string }[],
    linkOf: (id: string) => string,
    count = rows.length,
  ): RiskContribution => ({
    factor,
    label: RISK_FACTOR_LABELS[factor].zh,
    count,
    weight: w[factor],
    points: count * w[factor],
    source: sources[factor],
    hasSource: true,
    records: rows.map((r) => ({ type: factor, id: r.id, label: r.label, link: r.link ?? linkOf(r.id) })),
  });
  const contributions: RiskContribution[] = [
    counted('alarms', alarms, (id) => `/staff/alarms/${id}`, await countOf(db, 'alarms', enterpriseId)),
    counted('complaints', complaints, (id) => `/staff/reports/${id}`, await countOf(db, 'complaints', enterpriseId)),
    counted('findings', findings, (id) => `/staff/clues/${id}`, await countOf(db, 'findings', enterpriseId)),
    counted(
      'inspection-findings',
      inspectionFindings,
      // a finding has no page of its own: each row carries its inspection's
      (id) => `/staff/site-inspections/${id}`,
      await countOf(db, 'inspection-findings', enterpriseId),
    ),
    counted(
      'penalties',
      penalties,
      (id) => `/staff/enforcement-cases/${id}`,
      await countOf(db, 'penalties', enterpriseId),
    ),
    counted('incidents', incidentRows, (id) => `/staff/incidents/${id}`, await countOf(db, 'incidents', enterpriseId)),
    {
      factor: 'credit',
      label: grade
        ? `${RISK_FACTOR_LABELS.credit.zh}：${CREDIT_GRADE_LABELS[grade].zh}`
        : `${RISK_FACTOR_LABELS.credit.zh}：未评价`,
      count: grade ? 1 : 0,
      weight: grade ? w[`credit-${grade}`] : 0,
      points: grade ? w[`credit-${grade}`] : 0,
      source: sources.credit,
      hasSource: true,
      records: credit
        ? [{ type: 'credit', id: credit.id, label: `${credit.ratedOn} ${credit.basis}`.slice(0, 120), link: null }]
        : [],
    },
    counted('positive-list', listed, (id) => `/staff/positive-list/${id}`),
  ];
  const score = scoreOf(contributions);
  const threshold = await getRuleNumber(db, 'risk.watch-threshold');
  const step = await getRuleNumber(db, 'risk.draw-step');
  return {
    enterpriseId,
    enterpriseName: e.name,
    score,
    drawWeight: drawWeightOf(score, step, 5),
    onWatchList: score >= threshold,
    contributions,
  };
}

async function countOf(
  db: Tx,
  factor: 'alarms' | 'complaints' | 'findings' | 'inspection-findings' | 'penalties' | 'incidents',
  id: string,
): Promise<number> {
  const q = {
    alarms: sql`select count(*)::int as n from alarms a where a.enterprise_id = ${id}::uuid and a.outcome = 'confirmed' and a.raised_at >= ${since(12)}`,
    complaints: sql`select count(*)::int as n from reports r where r.subject_enterprise_id = ${id}::uuid and r.received_at >= ${since(12)}`,
    findings: sql`select count(*)::int as n from clues c where c.enterprise_id = ${id}::uuid
      and c.outcome in ('problem-found', 'rectification-ordered') and c.verified_at >= ${since(12)}`,
    'inspection-findings': sql`select count(*)::int as n from inspection_findings f join site_inspections i on i.id = f.inspection_id
      where i.enterprise_id = ${id}::uuid and i.status = 'completed' and i.inspected_on >= (${since(12)})::date`,
    penalties: sql`select count(*)::int as n from enforcement_cases k where k.enterprise_id = ${id}::uuid
      and k.decided_on is not null and k.revoked_at is null and k.decided_on >= (${since(24)})::date`,
    incidents: sql`select count(*)::int as n from incidents i where i.enterprise_id = ${id}::uuid and i.occurred_at >= ${since(24)}`,
  }[factor];
  const [r] = await rowsOf<{ n: number }>(db, q);
  return Number(r?.n ?? 0);
}

/** Every firm's score as one SQL expression over the same counts and weights riskOf lists. */
function scoresSql(): SQL {
  return sql`select e.id as enterprise_id, e.name, e.town_code,
      (select count(*) from alarms a where a.enterprise_id = e.id and a.outcome = 'confirmed' and a.raised_at >= ${since(12)})::int as alarms,
      (select count(*) from reports r where r.subject_enterprise_id = e.id and r.received_at >= ${since(12)})::int as complaints,
      (select count(*) from clues c where c.enterprise_id = e.id and c.outcome in ('problem-found', 'rectification-ordered')
        and c.verified_at >= ${since(12)})::int as findings,
      (select count(*) from inspection_findings f join site_inspections i on i.id = f.inspection_id
        where i.enterprise_id = e.id and i.status = 'completed' and i.inspected_on >= (${since(12)})::date)::int as inspection_findings,
      (select count(*) from enforcement_cases k where k.enterprise_id = e.id and k.decided_on is not null and k.revoked_at is null
        and k.decided_on >= (${since(24)})::date)::int as penalties,
      (select count(*) from incidents i where i.enterprise_id = e.id and i.occurred_at >= ${since(24)})::int as incidents,
      coalesce((select cr.grade from credit_records cr where cr.enterprise_id = e.id order by cr.rated_on desc, cr.created_at desc limit 1), e.credit_grade) as grade,
      exists (select 1 from positive_list_entries p where p.enterprise_id = e.id and p.status = 'listed'
        and p.valid_until >= ${todayInShanghai()}::date) as listed
    from enterprises e`;
}

function pointsSql(w: Weights): SQL {
  return sql`greatest(0, s.alarms * ${w.alarms}::int + s.complaints * ${w.complaints}::int + s.findings * ${w.findings}::int
    + s.inspection_findings * ${w['inspection-findings']}::int + s.penalties * ${w.penalties}::int
    + s.incidents * ${w.incidents}::int
    + case s.grade when 'green' then ${w['credit-green']}::int when 'blue' then ${w['credit-blue']}::int
        when 'yellow' then ${w['credit-yellow']}::int when 'red' then ${w['credit-red']}::int else 0 end
    + case when s.listed then ${w['positive-list']}::int else 0 end)`;
}

export type WatchRow = {
  enterpriseId: string;
  enterpriseName: string;
  townCode: string;
  score: number;
  alarms: number;
  complaints: number;
  findings: number;
  inspectionFindings: number;
  grade: string | null;
  listed: boolean;
};

export type WatchFilter = {
  townCode?: string | undefined;
  minScore?: number | undefined;
  sort?: (typeof WATCH_SORTS)[number] | undefined;
};

/** What each sort of the watch list orders by: the score is the select's own column. */
const WATCH_ORDER_COLUMNS = {
  score: sql`score`,
  alarms: sql`s.alarms`,
  complaints: sql`s.complaints`,
  findings: sql`s.findings`,
  inspectionFindings: sql`s.inspection_findings`,
} as const;

/** The watch list's order; firms level on the sorted count go by name, and the firm's id settles the rest. */
function watchOrder(sort: WatchFilter['sort'] = '-score'): SQL {
  const dir = sql.raw(sort.startsWith('-') ? 'desc' : 'asc');
  const field = sort.replace(/^-/, '') as 'enterprise' | keyof typeof WATCH_ORDER_COLUMNS;
  if (field === 'enterprise') return sql`s.name ${dir}, s.enterprise_id ${dir}`;
  return sql`${WATCH_ORDER_COLUMNS[field]} ${dir}, s.name, s.enterprise_id`;
}

/** The watch list: firms whose score reaches the threshold rule, highest first unless sorted, paged in SQL. */
export async function watchList(
  db: Tx,
  f: WatchFilter,
  page: PageRequest,
): Promise<Paged<WatchRow> & { threshold: number }> {
  const { w } = await weights(db);
  const threshold = f.minScore ?? (await getRuleNumber(db, 'risk.watch-threshold'));
  const town = f.townCode ? sql`and s.town_code = ${f.townCode}` : sql``;
  const base = sql`from (${scoresSql()}) s where ${pointsSql(w)} >= ${threshold}::int ${town}`;
  const r = await paginate(
    page,
    (limit, offset) =>
      rowsOf<WatchRow>(
        db,
        sql`select s.enterprise_id::text as "enterpriseId", s.name as "enterpriseName", s.town_code as "townCode",
          ${pointsSql(w)} as score, s.alarms, s.complaints, s.findings,
          s.inspection_findings as "inspectionFindings", s.grade, s.listed
          ${base} order by ${watchOrder(f.sort)} limit ${limit} offset ${offset}`,
      ),
    async () => Number((await rowsOf<{ n: number }>(db, sql`select count(*)::int as n ${base}`))[0]?.n ?? 0),
  );
  return { ...r, items: r.items.map((i) => ({ ...i, score: Number(i.score) })), threshold };
}

/**
 * The draw weights of many firms from their risk scores (1 + one per `risk.draw-step` points,
 * at most 5). For the inspections draw: a weight it records with the draw's inputs, so a replay
 * reads the recorded weight rather than today's score.
 */
export async function riskDrawWeights(db: Tx, enterpriseIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!enterpriseIds.length) return out;
  const { w } = await weights(db);
  const step = await getRuleNumber(db, 'risk.draw-step');
  const rows = await rowsOf<{ id: string; score: number }>(
    db,
    sql`select s.enterprise_id::text as id, ${pointsSql(w)} as score from (${scoresSql()}) s
      where s.enterprise_id = any(${sql.param([...enterpriseIds])}::uuid[])`,
  );
  for (const r of rows) out.set(r.id, drawWeightOf(Number(r.score), step, 5));
  return out;
}
