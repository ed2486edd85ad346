import { todayInShanghai } from '@qingshan/core/calendar';
import {
  type MyPolicySort,
  POLICY_ATTACHMENT_MAX,
  POLICY_KIND_LABELS,
  type PolicyBody,
  type PolicyKind,
  type PolicySort,
  type PolicySubscription,
  type PolicyUpdate,
  reachShare,
  subscriptionMatches,
} from '@qingshan/core/policies';
import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify } from '../notifications/service.ts';
import { deliveries, notifications } from '../notifications/tables.ts';
import { users } from '../users/tables.ts';
import { policies, policyAttachments, policyPushes, policyQuestions, policySubscriptions } from './tables.ts';

export type PolicyRow = typeof policies.$inferSelect;
export type AttachmentRow = Omit<typeof policyAttachments.$inferSelect, 'content'>;
export type QuestionRow = typeof policyQuestions.$inferSelect;

function conflict(zh: string, en: string): AppError {
  return new AppError('POLICY_STATE_CONFLICT', { detail: { zh, en } });
}
const notFound = () => new AppError('RECORD_NOT_FOUND', { detail: { zh: '政策文件不存在', en: 'No such policy' } });

function fieldsOf(b: PolicyBody) {
  return {
    kind: b.kind,
    title: b.title,
    summary: b.summary,
    body: b.body,
    issuer: b.issuer,
    documentNo: b.documentNo ?? null,
    industries: [...new Set(b.industries)],
    towns: [...new Set(b.towns)],
    topics: [...new Set(b.topics)],
    validFrom: b.validFrom,
    validTo: b.validTo ?? null,
    forCitizens: b.forCitizens,
    qaOpen: b.qaOpen,
  };
}

export async function createPolicy(tx: Tx, actor: Actor, body: PolicyBody): Promise<PolicyRow> {
  const [row] = await tx
    .insert(policies)
    .values({ ...fieldsOf(body), createdBy: actor.id })
    .returning();
  await recordAudit(tx, actor, { action: 'policy.create', entityType: 'policy', entityId: row!.id, after: row });
  return row!;
}

async function lockPolicy(tx: Tx, id: string): Promise<PolicyRow> {
  const [row] = await tx.select().from(policies).where(eq(policies.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

/** An edit of a draft or of a published policy (a correction: it is not pushed again). */
export async function updatePolicy(tx: Tx, actor: Actor, id: string, body: PolicyUpdate): Promise<PolicyRow> {
  const before = await lockPolicy(tx, id);
  if (body.version !== before.version) throw new AppError('RECORD_CHANGED');
  if (before.status === 'withdrawn') throw conflict('已撤回的政策文件不能修改', 'A withdrawn policy cannot be edited');
  const [after] = await tx
    .update(policies)
    .set({ ...fieldsOf(body), updatedAt: new Date(), version: before.version + 1 })
    .where(eq(policies.id, id))
    .returning();
  await recordAudit(tx, actor, { action: 'policy.update', entityType: 'policy', entityId: id, before, after });
  return after!;
}

/**
 * Whether a firm is concerned by a policy, in SQL over the policy's industries and towns (jsonb
 * arrays; empty means all) and the firm's columns: a closed firm never is, an industry matches by
 * code prefix. The one rule the push, the per-policy reach and the dashboard figures apply.
 */
export function concernsSql(
  policy: { industries: SQL; towns: SQL },
  firm: { status: SQL; industryCode: SQL; townCode: SQL },
): SQL {
  return sql`(${firm.status} <> 'closed'
    and (jsonb_array_length(${policy.industries}) = 0 or exists (
      select 1 from jsonb_array_elements_text(${policy.industries}) pi(code) where ${firm.industryCode} like pi.code || '%'))
    and (jsonb_array_length(${policy.towns}) = 0 or exists (
      select 1 from jsonb_array_elements_text(${policy.towns}) pt(code) where pt.code = ${firm.townCode})))`;
}

export function concernedCondition(p: Pick<PolicyRow, 'industries' | 'towns'>): SQL {
  return concernsSql(
    { industries: sql`${JSON.stringify(p.industries)}::jsonb`, towns: sql`${JSON.stringify(p.towns)}::jsonb` },
    {
      status: sql`${enterprises.status}`,
      industryCode: sql`${enterprises.industryCode}`,
      townCode: sql`${enterprises.townCode}`,
    },
  );
}

type Recipient = { userId: string; enterpriseId: string | null; reason: 'concerned' | 'subscribed' };

async function recipientsOf(tx: Tx, p: PolicyRow): Promise<Recipient[]> {
  const out = new Map<string, Recipient>();
  const concerned = await tx
    .select({ userId: users.id, enterpriseId: users.enterpriseId })
    .from(users)
    .innerJoin(enterprises, eq(users.enterpriseId, enterprises.id))
    .where(and(eq(users.disabled, false), concernedCondition(p)));
  for (const r of concerned) out.set(r.userId, { userId: r.userId, enterpriseId: r.enterpriseId, reason: 'concerned' });
  const subs = await tx
    .select({ s: policySubscriptions, enterpriseId: users.enterpriseId, roles: users.roles })
    .from(policySubscriptions)
    .innerJoin(users, eq(users.id, policySubscriptions.userId))
    .where(eq(users.disabled, false));
  for (const { s, enterpriseId, roles } of subs) {
    if (out.has(s.userId)) continue;
    const isEnterprise = enterpriseId !== null && roles.includes('enterprise');
    // citizens are sent notices the bureau marked for them, never enterprise measures
    if (!isEnterprise && !(roles.includes('citizen') && p.forCitizens)) continue;
    if (!subscriptionMatches(s, p)) continue;
    out.set(s.userId, { userId: s.userId, enterpriseId: isEnterprise ? enterpriseId : null, reason: 'subscribed' });
  }
  return [...out.values()];
}

// enterprise accounts read it in their portal; citizens on the public page (signed in, it marks the read)
const portalLink = (id: string, enterprise = true) => (enterprise ? `/enterprise/policies/${id}` : `/policies/${id}`);

/**
 * Publishes a draft and pushes it, in one transaction: an in-app message to every account of the
 * concerned enterprises and every subscriber it matches, queued on each one's own channels
 * (e-mail, webhook, WeChat) by the notifications module. Each push is a row the reach counts.
 */
export async function publishPolicy(db: Db, actor: Actor, id: string, version: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockPolicy(tx, id);
    if (version !== before.version) throw new AppError('RECORD_CHANGED');
    if (before.status !== 'draft') throw conflict('只有草稿可以发布', 'Only a draft can be published');
    const [after] = await tx
      .update(policies)
      .set({ status: 'published', publishedAt: now, updatedAt: now, version: before.version + 1 })
      .where(eq(policies.id, id))
      .returning();
    const recipients = await recipientsOf(tx, after!);
    const kind = POLICY_KIND_LABELS[after!.kind as PolicyKind];
    for (const r of recipients) {
      const link = portalLink(id, r.enterpriseId !== null);
      await notify(tx, {
        userId: r.userId,
        kind: 'policy.published',
        title: `【${kind.zh}】${after!.title}`,
        body: after!.summary,
        // the policy's own title and summary are the bureau's document: only the kind is translated
        en: { title: `[${kind.en}] ${after!.title}`, body: after!.summary },
        link,
      });
      // the message notify just wrote: its read mark and deliveries count towards the reach
      const [n] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, r.userId),
            eq(notifications.kind, 'policy.published'),
            eq(notifications.link, link),
          ),
        )
        .orderBy(desc(notifications.createdAt))
        .limit(1);
      await tx
        .insert(policyPushes)
        .values({
          policyId: id,
          userId: r.userId,
          enterpriseId: r.enterpriseId,
          notificationId: n?.id ?? null,
          reason: r.reason,
          pushedAt: now,
        })
        .onConflictDoNothing();
    }
    await recordAudit(tx, actor, {
      action: 'policy.publish',
      entityType: 'policy',
      entityId: id,
      before: { status: before.status },
      after: { status: 'published', publishedAt: now, pushed: recipients.length },
    });
    return { policy: after!, pushed: recipients.length };
  });
}

export async function withdrawPolicy(tx: Tx, actor: Actor, id: string, version: number, reason: string) {
  const before = await lockPolicy(tx, id);
  if (version !== before.version) throw new AppError('RECORD_CHANGED');
  if (before.status !== 'published')
    throw conflict('只有已发布的政策文件可以撤回', 'Only a published policy can be withdrawn');
  const now = new Date();
  const [after] = await tx
    .update(policies)
    .set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now, version: before.version + 1 })
    .where(eq(policies.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'policy.withdraw',
    entityType: 'policy',
    entityId: id,
    before: { status: before.status },
    after: { status: 'withdrawn', reason },
  });
  return after!;
}

export async function getPolicy(db: Tx, id: string): Promise<PolicyRow> {
  const [row] = await db.select().from(policies).where(eq(policies.id, id));
  if (!row) throw notFound();
  return row;
}

/** A policy the public may read: published only; a draft or a withdrawn one answers as absent. */
export async function getPublishedPolicy(db: Tx, id: string): Promise<PolicyRow> {
  const row = await getPolicy(db, id);
  if (row.status !== 'published') throw notFound();
  return row;
}

export type PolicyFilter = {
  kind?: string | undefined;
  topic?: string | undefined;
  q?: string | undefined;
  status?: string | undefined;
  /** only those in force today */
  inForce?: boolean | undefined;
  sort?: PolicySort | undefined;
};

/**
 * The list's order. A draft is not published yet, so it counts as the latest: on top newest
 * first, at the bottom oldest first; drafts among themselves go by when they were written.
 */
function policyOrder(sort: PolicyFilter['sort']): SQL[] {
  const p = policies;
  switch (sort) {
    case 'publishedAt':
      return [sql`${p.publishedAt} asc nulls last`, asc(p.createdAt), desc(p.id)];
    case 'title':
      return [asc(p.title), asc(p.id)];
    case '-title':
      return [desc(p.title), desc(p.id)];
    case 'validFrom':
      return [asc(p.validFrom), asc(p.id)];
    case '-validFrom':
      return [desc(p.validFrom), desc(p.id)];
    default:
      return [sql`${p.publishedAt} desc nulls first`, desc(p.createdAt), asc(p.id)];
  }
}

function filterConds(f: PolicyFilter): SQL[] {
  const where: SQL[] = [];
  if (f.status) where.push(eq(policies.status, f.status));
  if (f.kind) where.push(eq(policies.kind, f.kind));
  if (f.topic) where.push(sql`${policies.topics} @> ${JSON.stringify([f.topic])}::jsonb`);
  if (f.q) {
    const p = containsPattern(f.q);
    where.push(or(ilike(policies.title, p), ilike(policies.summary, p), ilike(policies.documentNo, p))!);
  }
  if (f.inForce) {
    const today = todayInShanghai();
    where.push(
      sql`${policies.validFrom} <= ${today} and (${policies.validTo} is null or ${policies.validTo} >= ${today})`,
    );
  }
  return where;
}

export async function listPolicies(db: Tx, f: PolicyFilter, page: PageRequest): Promise<Paged<PolicyRow>> {
  const where = and(...filterConds(f));
  return paginate(
    page,
    (limit, offset) =>
      db
        .select()
        .from(policies)
        .where(where)
        .orderBy(...policyOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(policies).where(where))[0]?.n ?? 0,
  );
}

/** The newest published policies for the Atom feed. */
export async function latestPublished(db: Tx, limit: number): Promise<PolicyRow[]> {
  return db
    .select()
    .from(policies)
    .where(eq(policies.status, 'published'))
    .orderBy(desc(policies.publishedAt), asc(policies.id))
    .limit(limit);
}

// ---- attachments ------------------------------------------------------------------------------

const attachmentColumns = {
  id: policyAttachments.id,
  policyId: policyAttachments.policyId,
  fileName: policyAttachments.fileName,
  contentType: policyAttachments.contentType,
  size: policyAttachments.size,
  createdBy: policyAttachments.createdBy,
  createdAt: policyAttachments.createdAt,
};

export async function attachmentsOf(db: Tx, policyId: string): Promise<AttachmentRow[]> {
  return db
    .select(attachmentColumns)
    .from(policyAttachments)
    .where(eq(policyAttachments.policyId, policyId))
    .orderBy(asc(policyAttachments.createdAt), asc(policyAttachments.id));
}

export async function addPolicyAttachment(
  db: Db,
  actor: Actor,
  policyId: string,
  file: { name: string; type: string; content: Buffer },
): Promise<AttachmentRow> {
  return db.transaction(async (tx) => {
    const p = await lockPolicy(tx, policyId);
    if (p.status === 'withdrawn')
      throw conflict('已撤回的政策文件不能添加附件', 'A withdrawn policy takes no attachments');
    const [c] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(policyAttachments)
      .where(eq(policyAttachments.policyId, policyId));
    if ((c?.n ?? 0) >= POLICY_ATTACHMENT_MAX) {
      throw conflict(
        `每份政策文件最多 ${POLICY_ATTACHMENT_MAX} 个附件`,
        `At most ${POLICY_ATTACHMENT_MAX} attachments per policy`,
      );
    }
    const [row] = await tx
      .insert(policyAttachments)
      .values({
        policyId,
        fileName: file.name,
        contentType: file.type,
        size: file.content.length,
        content: file.content,
        createdBy: actor.id,
      })
      .returning(attachmentColumns);
    await recordAudit(tx, actor, {
      action: 'policy-attachment.add',
      entityType: 'policy',
      entityId: policyId,
      after: { fileName: file.name, contentType: file.type, size: file.content.length },
    });
    return row!;
  });
}

export async function deletePolicyAttachment(tx: Tx, actor: Actor, policyId: string, attachmentId: string) {
  await lockPolicy(tx, policyId);
  const [row] = await tx
    .delete(policyAttachments)
    .where(and(eq(policyAttachments.id, attachmentId), eq(policyAttachments.policyId, policyId)))
    .returning(attachmentColumns);
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '附件不存在', en: 'No such attachment' } });
  await recordAudit(tx, actor, {
    action: 'policy-attachment.delete',
    entityType: 'policy',
    entityId: policyId,
    before: { fileName: row.fileName, size: row.size },
  });
}

/** An attachment's file; the public reach it only while its policy is published. */
export async function getPolicyAttachment(db: Tx, user: SessionUser | null, policyId: string, attachmentId: string) {
  if (isStaff(user)) await getPolicy(db, policyId);
  else await getPublishedPolicy(db, policyId);
  const [row] = await db
    .select()
    .from(policyAttachments)
    .where(and(eq(policyAttachments.id, attachmentId), eq(policyAttachments.policyId, policyId)));
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '附件不存在', en: 'No such attachment' } });
  return row;
}

// ---- reach -----------------------------------------------------------------------------------

export type Reach = {
  pushed: number;
  read: number;
  deliveriesSent: number;
  deliveriesFailed: number;
  deliveriesPending: number;
  concerned: number;
  concernedDelivered: number;
  concernedReached: number;
  share: number | null;
};

// Inside a subquery a column of the outer single-table select must be qualified by hand: drizzle
// renders it bare ("id"), which the subquery would take for its own.
const ENTERPRISE_ID = sql.raw('"enterprises"."id"');

// A push counts as read when the account opened the policy or marked its message read.
const readExpr = sql`(${policyPushes.readAt} is not null or ${notifications.readAt} is not null)`;

/**
 * The policy's reach: accounts pushed to and accounts that read it; external deliveries by state;
 * and of the enterprises it concerns, how many received it and how many read it (reached).
 */
export async function policyReach(db: Tx, id: string): Promise<Reach> {
  const p = await getPolicy(db, id);
  const [pushes] = await db
    .select({ pushed: sql<number>`count(*)::int`, read: sql<number>`count(*) filter (where ${readExpr})::int` })
    .from(policyPushes)
    .leftJoin(notifications, eq(notifications.id, policyPushes.notificationId))
    .where(eq(policyPushes.policyId, id));
  const byStatus = await db
    .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
    .from(deliveries)
    .innerJoin(policyPushes, eq(policyPushes.notificationId, deliveries.notificationId))
    .where(eq(policyPushes.policyId, id))
    .groupBy(deliveries.status);
  const count = (s: string[]) => byStatus.filter((r) => s.includes(r.status)).reduce((a, r) => a + r.n, 0);
  const [ent] = await db
    .select({
      concerned: sql<number>`count(*)::int`,
      delivered: sql<number>`count(*) filter (where exists (select 1 from ${policyPushes} where ${policyPushes.policyId} = ${id} and ${policyPushes.enterpriseId} = ${ENTERPRISE_ID}))::int`,
      reached: sql<number>`count(*) filter (where ${reachedExists(id)})::int`,
    })
    .from(enterprises)
    .where(concernedCondition(p));
  const concerned = ent?.concerned ?? 0;
  const reached = ent?.reached ?? 0;
  return {
    pushed: pushes?.pushed ?? 0,
    read: pushes?.read ?? 0,
    deliveriesSent: count(['sent']),
    deliveriesFailed: count(['failed']),
    deliveriesPending: count(['pending', 'sending']),
    concerned,
    concernedDelivered: ent?.delivered ?? 0,
    concernedReached: reached,
    share: reachShare(reached, concerned),
  };
}

function reachedExists(policyId: string): SQL {
  return sql`exists (select 1 from ${policyPushes} pp left join ${notifications} nn on nn.id = pp.notification_id
    where pp.policy_id = ${policyId} and pp.enterprise_id = ${ENTERPRISE_ID} and (pp.read_at is not null or nn.read_at is not null))`;
}

export type ConcernedEnterpriseRow = {
  id: string;
  name: string;
  townCode: string;
  industryCode: string;
  delivered: boolean;
  reached: boolean;
};

/** The drill-down of the share: the concerned enterprises, reached or not, paged in SQL. */
export async function reachEnterprises(
  db: Tx,
  id: string,
  reached: boolean | undefined,
  page: PageRequest,
): Promise<Paged<ConcernedEnterpriseRow>> {
  const p = await getPolicy(db, id);
  const r = reachedExists(id);
  const where = and(concernedCondition(p), reached === undefined ? undefined : reached ? r : sql`not ${r}`);
  return paginate(
    page,
    (limit, offset) =>
      db
        .select({
          id: enterprises.id,
          name: enterprises.name,
          townCode: enterprises.townCode,
          industryCode: enterprises.industryCode,
          delivered: sql<boolean>`exists (select 1 from ${policyPushes} where ${policyPushes.policyId} = ${id} and ${policyPushes.enterpriseId} = ${ENTERPRISE_ID})`,
          reached: sql<boolean>`${r}`,
        })
        .from(enterprises)
        .where(where)
        .orderBy(asc(enterprises.name), asc(enterprises.id))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where))[0]?.n ?? 0,
  );
}

// ---- the portal: pushed policies, read marks, subscriptions --------------------------------------

export type MyPolicyRow = { policy: PolicyRow; pushedAt: Date; readAt: Date | null };

/** Within one title the latest push first either way; the push's id settles the rest. */
function myPolicyOrder(sort: MyPolicySort | undefined): SQL[] {
  const p = policyPushes;
  switch (sort) {
    case 'pushedAt':
      return [asc(p.pushedAt), desc(p.id)];
    case 'title':
      return [asc(policies.title), desc(p.pushedAt), asc(p.id)];
    case '-title':
      return [desc(policies.title), desc(p.pushedAt), asc(p.id)];
    default:
      return [desc(p.pushedAt), asc(p.id)];
  }
}

export async function myPolicies(
  db: Tx,
  user: SessionUser,
  f: { sort?: MyPolicySort | undefined },
  page: PageRequest,
): Promise<Paged<MyPolicyRow>> {
  const where = and(eq(policyPushes.userId, user.id), eq(policies.status, 'published'));
  return paginate(
    page,
    async (limit, offset) => {
      const rows = await db
        .select({
          policy: policies,
          pushedAt: policyPushes.pushedAt,
          readAt: policyPushes.readAt,
          nRead: notifications.readAt,
        })
        .from(policyPushes)
        .innerJoin(policies, eq(policies.id, policyPushes.policyId))
        .leftJoin(notifications, eq(notifications.id, policyPushes.notificationId))
        .where(where)
        .orderBy(...myPolicyOrder(f.sort))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({ policy: r.policy, pushedAt: r.pushedAt, readAt: r.readAt ?? r.nRead }));
    },
    async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(policyPushes)
          .innerJoin(policies, eq(policies.id, policyPushes.policyId))
          .where(where)
      )[0]?.n ?? 0,
  );
}

/**
 * The account opened a policy pushed to it: the push (and its inbox message) read, once. A policy
 * not pushed to the account is still readable on the public page; nothing is recorded then.
 */
export async function markPolicyRead(db: Db, user: SessionUser, id: string, now = new Date()): Promise<Date | null> {
  await getPublishedPolicy(db, id);
  return db.transaction(async (tx) => {
    const [push] = await tx
      .select()
      .from(policyPushes)
      .where(and(eq(policyPushes.policyId, id), eq(policyPushes.userId, user.id)))
      .for('update');
    if (!push) return null;
    if (push.readAt) return push.readAt;
    await tx.update(policyPushes).set({ readAt: now }).where(eq(policyPushes.id, push.id));
    if (push.notificationId) {
      await tx
        .update(notifications)
        .set({ readAt: now })
        .where(and(eq(notifications.id, push.notificationId), isNull(notifications.readAt)));
    }
    return now;
  });
}

const EMPTY_SUBSCRIPTION: PolicySubscription = { industries: [], towns: [], topics: [], kinds: [] };

export async function getSubscription(db: Tx, userId: string): Promise<PolicySubscription & { subscribed: boolean }> {
  const [row] = await db.select().from(policySubscriptions).where(eq(policySubscriptions.userId, userId));
  if (!row) return { ...EMPTY_SUBSCRIPTION, subscribed: false };
  return {
    industries: row.industries,
    towns: row.towns,
    topics: row.topics as PolicySubscription['topics'],
    kinds: row.kinds as PolicySubscription['kinds'],
    subscribed: true,
  };
}

export async function setSubscription(tx: Tx, actor: Actor, userId: string, s: PolicySubscription) {
  const before = await getSubscription(tx, userId);
  const values = {
    industries: [...new Set(s.industries)],
    towns: [...new Set(s.towns)],
    topics: [...new Set(s.topics)],
    kinds: [...new Set(s.kinds)],
  };
  await tx
    .insert(policySubscriptions)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: policySubscriptions.userId, set: { ...values, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: 'policy-subscription.update',
    entityType: 'user',
    entityId: userId,
    before,
    after: values,
  });
  return getSubscription(tx, userId);
}

export async function deleteSubscription(tx: Tx, actor: Actor, userId: string) {
  const before = await getSubscription(tx, userId);
  await tx.delete(policySubscriptions).where(eq(policySubscriptions.userId, userId));
  await recordAudit(tx, actor, { action: 'policy-subscription.delete', entityType: 'user', entityId: userId, before });
}

// ---- Q&A and FAQ ------------------------------------------------------------------------------

/** The published answers: the policy's FAQ on its public page. */
export async function faqOf(db: Tx, policyId: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(policyQuestions)
    .where(
      and(
        eq(policyQuestions.policyId, policyId),
        eq(policyQuestions.published, true),
        isNotNull(policyQuestions.answer),
      ),
    )
    .orderBy(asc(policyQuestions.answeredAt), asc(policyQuestions.id));
}

export async function askQuestion(db: Db, actor: Actor, user: SessionUser, policyId: string, question: string) {
  if (!hasRole(user, 'enterprise') || !user.enterpriseId) {
    throw new AppError('FORBIDDEN_ROLE', {
      detail: { zh: '政策答疑面向企业账号', en: 'Policy Q&A is for enterprise accounts' },
    });
  }
  return db.transaction(async (tx) => {
    const p = await getPublishedPolicy(tx, policyId);
    if (!p.qaOpen) throw conflict('该政策文件未开放答疑', 'Q&A is closed on this policy');
    const [row] = await tx
      .insert(policyQuestions)
      .values({ policyId, enterpriseId: user.enterpriseId, askedBy: user.id, question })
      .returning();
    await recordAudit(tx, actor, {
      action: 'policy-question.create',
      entityType: 'policy',
      entityId: policyId,
      after: { questionId: row!.id, question },
    });
    // the desk learns of the question from whoever wrote the policy: nobody watches every policy's thread
    if (p.createdBy) {
      await notify(tx, {
        userId: p.createdBy,
        kind: 'policy.question',
        title: `企业就政策提问：${p.title}`,
        body: question.slice(0, 200),
        en: { title: `An enterprise asked about a policy: ${p.title}`, body: question.slice(0, 200) },
        link: `/staff/policies/${policyId}`,
      });
    }
    return row!;
  });
}

/** Questions on a policy: staff see all; an enterprise sees its own and the published FAQ. */
export async function listQuestions(
  db: Tx,
  user: SessionUser,
  policyId: string,
  page: PageRequest,
): Promise<Paged<QuestionRow>> {
  if (isStaff(user)) await getPolicy(db, policyId);
  else await getPublishedPolicy(db, policyId);
  const own = ownScope(user, { enterprise: policyQuestions.enterpriseId, person: policyQuestions.askedBy });
  const visible = own ? or(own, eq(policyQuestions.published, true)) : undefined;
  const where = and(eq(policyQuestions.policyId, policyId), visible);
  return paginate(
    page,
    (limit, offset) =>
      db
        .select()
        .from(policyQuestions)
        .where(where)
        .orderBy(desc(policyQuestions.createdAt), asc(policyQuestions.id))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(policyQuestions).where(where))[0]?.n ?? 0,
  );
}

export async function answerQuestion(
  tx: Tx,
  actor: Actor,
  policyId: string,
  questionId: string,
  a: { answer: string; publish: boolean },
): Promise<QuestionRow> {
  const [before] = await tx
    .select()
    .from(policyQuestions)
    .where(and(eq(policyQuestions.id, questionId), eq(policyQuestions.policyId, policyId)))
    .for('update');
  if (!before) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '问题不存在', en: 'No such question' } });
  const [after] = await tx
    .update(policyQuestions)
    .set({
      answer: a.answer,
      published: a.publish,
      answeredBy: actor.id,
      answeredByName: actor.name,
      answeredAt: new Date(),
    })
    .where(eq(policyQuestions.id, questionId))
    .returning();
  await recordAudit(tx, actor, {
    action: 'policy-question.answer',
    entityType: 'policy',
    entityId: policyId,
    before: { questionId, answer: before.answer, published: before.published },
    after: { questionId, answer: a.answer, published: a.publish },
  });
  const p = await getPolicy(tx, policyId);
  await notify(tx, {
    userId: before.askedBy,
    kind: 'policy.answered',
    title: `您的政策咨询已答复：${p.title}`,
    body: a.answer.slice(0, 200),
    en: { title: `Your question about a policy has been answered: ${p.title}`, body: a.answer.slice(0, 200) },
    link: portalLink(policyId),
  });
  return after!;
}
