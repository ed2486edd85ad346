import {
  type CampaignCreate,
  type CampaignSort,
  todayInShanghai,
  type VisitCreate,
  visitFitsCampaign,
} from '@qingshan/core';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import { paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { trackedProjects } from '../projects/tables.ts';
import { receptionConcerns } from '../reception/tables.ts';
import { toVisitCandidateView, type VISIT_SORTS, type VisitCandidateRow, type VisitEnterpriseView } from './schema.ts';
import { campaigns, visitAttachments, visitEnterprises, visitFollowUps, visits } from './tables.ts';

export type VisitRow = typeof visits.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type VisitFollowUpRow = typeof visitFollowUps.$inferSelect;

function notFound(zh: string, en: string): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh, en } });
}

export async function createCampaign(db: Db, actor: Actor, input: CampaignCreate): Promise<CampaignRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        theme: input.theme,
        startDate: input.startDate,
        endDate: input.endDate,
        description: input.description ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'campaign.create', entityType: 'campaign', entityId: row!.id, after: row });
    return row!;
  });
}

/** By theme, the latest campaign first within one theme either way: a yearly campaign's last round. */
function campaignOrder(sort: CampaignSort | undefined): SQL[] {
  switch (sort) {
    case 'startDate':
      return [asc(campaigns.startDate), asc(campaigns.id)];
    case 'theme':
      return [asc(campaigns.theme), desc(campaigns.startDate), asc(campaigns.id)];
    case '-theme':
      return [desc(campaigns.theme), desc(campaigns.startDate), asc(campaigns.id)];
    default:
      return [desc(campaigns.startDate), asc(campaigns.id)];
  }
}

export async function listCampaigns(
  db: Db,
  f: { from?: string | undefined; to?: string | undefined; q?: string | undefined; sort?: CampaignSort | undefined },
  page: number,
  pageSize: number,
) {
  const where: SQL[] = [];
  if (f.from) where.push(gte(campaigns.endDate, f.from));
  if (f.to) where.push(lte(campaigns.startDate, f.to));
  if (f.q) where.push(sql`${campaigns.theme} ilike ${containsPattern(f.q)}`);
  const cond = where.length ? and(...where) : undefined;
  return paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select({
          c: campaigns,
          visits: sql<number>`(select count(*)::int from visits v where v.campaign_id = campaigns.id)`,
          enterpriseVisits: sql<number>`(select count(*)::int from visit_enterprises ve join visits v on v.id = ve.visit_id where v.campaign_id = campaigns.id)`,
        })
        .from(campaigns)
        .where(cond)
        .orderBy(...campaignOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(campaigns).where(cond))[0]?.n ?? 0,
  );
}

export async function getCampaignWithCounts(db: Db, id: string) {
  const [row] = await db
    .select({
      c: campaigns,
      visits: sql<number>`(select count(*)::int from visits v where v.campaign_id = campaigns.id)`,
      enterpriseVisits: sql<number>`(select count(*)::int from visit_enterprises ve join visits v on v.id = ve.visit_id where v.campaign_id = campaigns.id)`,
    })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  if (!row) throw notFound('集中服务活动不存在', 'No such campaign');
  return row;
}

export async function getCampaign(db: Tx, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw notFound('集中服务活动不存在', 'No such campaign');
  return row;
}

/** Records a visit after it happened: its enterprises (each one 户次), what was solved, follow-ups. */
export async function createVisit(db: Db, actor: Actor, input: VisitCreate, now: Date = new Date()): Promise<VisitRow> {
  if (input.date > todayInShanghai(now)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        { path: 'date', message: { zh: '走访日期不能晚于今天', en: 'a visit is recorded after it took place' } },
      ],
    });
  }
  const refused: { path: string; message: { zh: string; en: string } }[] = [];
  // a follow-up due before the visit would be overdue the moment it is written
  for (const [i, f] of input.followUps.entries()) {
    if (f.dueDate < input.date) {
      refused.push({
        path: `followUps.${i}.dueDate`,
        message: { zh: '跟进期限不能早于走访日期', en: 'a follow-up falls due on or after the visit' },
      });
    }
  }
  // the same person twice is a slip of the form, and would read as two people on the record
  const seen = new Set<string>();
  for (const [i, s] of input.staff.entries()) {
    const who = s.userId ?? `name:${s.name}`;
    if (seen.has(who)) {
      refused.push({
        path: `staff.${i}.name`,
        message: { zh: '走访人员重复', en: 'this person is listed twice' },
      });
    }
    seen.add(who);
  }
  if (refused.length) throw new AppError('VALIDATION_FAILED', { errors: refused });
  return db.transaction(async (tx) => {
    if (input.campaignId) {
      const c = await getCampaign(tx, input.campaignId);
      if (!visitFitsCampaign(input.date, c)) {
        throw new AppError('VISIT_CAMPAIGN_PERIOD', {
          detail: {
            zh: `活动期间为 ${c.startDate} 至 ${c.endDate}`,
            en: `The campaign runs ${c.startDate} to ${c.endDate}`,
          },
        });
      }
    }
    const ids = input.enterprises.map((e) => e.enterpriseId);
    const found = await tx.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.id, ids));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) {
      throw new AppError('VALIDATION_FAILED', {
        errors: missing.map((id) => ({
          path: `enterprises.${ids.indexOf(id)}.enterpriseId`,
          message: { zh: '企业不存在', en: 'no such enterprise' },
        })),
      });
    }
    const [row] = await tx
      .insert(visits)
      .values({
        date: input.date,
        campaignId: input.campaignId ?? null,
        staff: input.staff,
        ledByLeader: input.staff.some((s) => s.leader),
        purposes: input.purposes,
        summary: input.summary,
        internalNote: input.internalNote ?? null,
        createdBy: actor.id,
        // when it was recorded opens its rating window (ratable.ts): the service's clock, not the database's
        createdAt: now,
      })
      .returning();
    await tx.insert(visitEnterprises).values(
      input.enterprises.map((e) => ({
        visitId: row!.id,
        enterpriseId: e.enterpriseId,
        solved: e.solved ?? null,
        findings: e.findings ?? null,
      })),
    );
    if (input.followUps.length) {
      await tx.insert(visitFollowUps).values(
        input.followUps.map((f) => ({
          visitId: row!.id,
          enterpriseId: f.enterpriseId ?? null,
          action: f.action,
          dueDate: f.dueDate,
          internal: f.internal,
        })),
      );
    }
    await recordAudit(tx, actor, {
      action: 'visit.create',
      entityType: 'visit',
      entityId: row!.id,
      after: { ...row, enterprises: input.enterprises, followUps: input.followUps },
    });
    return row!;
  });
}

export type VisitFilter = {
  from?: string | undefined;
  to?: string | undefined;
  enterpriseId?: string | undefined;
  campaignId?: string | undefined;
  purpose?: string | undefined;
  leader?: boolean | undefined;
  townCode?: string | undefined;
};

function visitConditions(user: SessionUser | null, f: VisitFilter): SQL | undefined {
  const where: SQL[] = [];
  // a visit belongs to every enterprise visited on it
  const own = ownScope(user, { enterprise: visitEnterprises.enterpriseId });
  const visited = (cond: SQL | undefined) =>
    sql`exists (select 1 from ${visitEnterprises} where ${and(eq(visitEnterprises.visitId, visits.id), cond)})`;
  if (own) where.push(visited(own));
  else if (f.enterpriseId) where.push(visited(eq(visitEnterprises.enterpriseId, f.enterpriseId)));
  if (f.townCode) {
    // an enterprise filters by its own town only, or the filter would tell where the others on a
    // joint visit are
    where.push(
      sql`exists (select 1 from ${visitEnterprises} join ${enterprises} on ${enterprises.id} = ${visitEnterprises.enterpriseId} where ${and(eq(visitEnterprises.visitId, visits.id), eq(enterprises.townCode, f.townCode), own)})`,
    );
  }
  if (f.from) where.push(gte(visits.date, f.from));
  if (f.to) where.push(lte(visits.date, f.to));
  if (f.campaignId) where.push(eq(visits.campaignId, f.campaignId));
  if (f.purpose) where.push(sql`${f.purpose} = any(${visits.purposes})`);
  if (f.leader !== undefined) where.push(eq(visits.ledByLeader, f.leader));
  return where.length ? and(...where) : undefined;
}

async function enterprisesOf(db: Tx, visitIds: string[]): Promise<Map<string, VisitEnterpriseView[]>> {
  const out = new Map<string, VisitEnterpriseView[]>();
  if (!visitIds.length) return out;
  const rows = await db
    .select({
      visitId: visitEnterprises.visitId,
      enterpriseId: visitEnterprises.enterpriseId,
      name: enterprises.name,
      townCode: enterprises.townCode,
      solved: visitEnterprises.solved,
      findings: visitEnterprises.findings,
      ratingEventId: visitEnterprises.id,
    })
    .from(visitEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, visitEnterprises.enterpriseId))
    .where(inArray(visitEnterprises.visitId, visitIds))
    .orderBy(asc(enterprises.name));
  for (const r of rows) {
    const list = out.get(r.visitId) ?? [];
    list.push({
      enterpriseId: r.enterpriseId,
      name: r.name,
      townCode: r.townCode,
      solved: r.solved,
      findings: r.findings,
      ratingEventId: r.ratingEventId,
    });
    out.set(r.visitId, list);
  }
  return out;
}

export async function listVisits(
  db: Db,
  user: SessionUser | null,
  f: VisitFilter,
  sort: (typeof VISIT_SORTS)[number],
  page: number,
  pageSize: number,
) {
  const cond = visitConditions(user, f);
  const paged = await paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select({ v: visits, campaignTheme: campaigns.theme })
        .from(visits)
        .leftJoin(campaigns, eq(campaigns.id, visits.campaignId))
        .where(cond)
        .orderBy(sort === 'date' ? asc(visits.date) : desc(visits.date), asc(visits.id))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(visits).where(cond))[0]?.n ?? 0,
  );
  const ents = await enterprisesOf(
    db,
    paged.items.map((r) => r.v.id),
  );
  return {
    ...paged,
    items: paged.items.map((r) => enterprisePart(user, { ...r, enterprises: ents.get(r.v.id) ?? [] })),
  };
}

/**
 * What an enterprise sees of a visit: only itself among the visited (not who else was on a joint
 * visit), as summary its own part (findings) — the visit's summary only when it was the only one
 * visited — and never the bureau's internal note. Staff see everything.
 */
function enterprisePart<T extends { v: VisitRow; enterprises: VisitEnterpriseView[] }>(user: SessionUser | null, r: T) {
  if (isStaff(user)) return { ...r, summary: r.v.summary as string | null, internalNote: r.v.internalNote };
  const own = r.enterprises.filter((e) => e.enterpriseId === user?.enterpriseId);
  const summary = own[0]?.findings ?? (r.enterprises.length === 1 ? r.v.summary : null);
  return { ...r, enterprises: own, summary, internalNote: null };
}

/**
 * Whether an enterprise may see a follow-up or an attachment of a visit: never an internal one;
 * its own; one of the visit as a whole only when it was the only enterprise visited.
 */
function enterpriseMaySee(
  user: SessionUser | null,
  item: { enterpriseId: string | null; internal: boolean },
  enterprisesVisited: number,
): boolean {
  if (isStaff(user)) return true;
  if (item.internal) return false;
  if (item.enterpriseId) return item.enterpriseId === user?.enterpriseId;
  return enterprisesVisited === 1;
}

export async function getVisit(db: Db, user: SessionUser | null, id: string) {
  const [row] = await db
    .select({ v: visits, campaignTheme: campaigns.theme })
    .from(visits)
    .leftJoin(campaigns, eq(campaigns.id, visits.campaignId))
    .where(eq(visits.id, id));
  if (!row) throw notFound('走访记录不存在', 'No such visit');
  const ents = (await enterprisesOf(db, [id])).get(id) ?? [];
  if (!isStaff(user) && !ents.some((e) => e.enterpriseId === user?.enterpriseId))
    throw new AppError('FORBIDDEN_RECORD');
  const followUps = await db
    .select({ f: visitFollowUps, enterpriseName: enterprises.name })
    .from(visitFollowUps)
    .leftJoin(enterprises, eq(enterprises.id, visitFollowUps.enterpriseId))
    .where(eq(visitFollowUps.visitId, id))
    .orderBy(asc(visitFollowUps.dueDate));
  const attachments = await db
    .select({
      id: visitAttachments.id,
      fileName: visitAttachments.fileName,
      contentType: visitAttachments.contentType,
      size: visitAttachments.size,
      enterpriseId: visitAttachments.enterpriseId,
      internal: visitAttachments.internal,
      createdAt: visitAttachments.createdAt,
    })
    .from(visitAttachments)
    .where(eq(visitAttachments.visitId, id))
    .orderBy(asc(visitAttachments.createdAt));
  return {
    ...enterprisePart(user, { ...row, enterprises: ents }),
    followUps: followUps.filter((x) => enterpriseMaySee(user, x.f, ents.length)),
    attachments: attachments
      .filter((a) => enterpriseMaySee(user, a, ents.length))
      .map((a) => ({ ...a, enterpriseName: ents.find((e) => e.enterpriseId === a.enterpriseId)?.name ?? null })),
  };
}

export async function completeFollowUp(db: Db, actor: Actor, id: string, note: string, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(visitFollowUps).where(eq(visitFollowUps.id, id)).for('update');
    if (!before) throw notFound('跟进事项不存在', 'No such follow-up');
    if (before.doneAt)
      throw new AppError('CONCERN_STATE', { detail: { zh: '该跟进事项已完成', en: 'The follow-up is already done' } });
    const [after] = await tx
      .update(visitFollowUps)
      .set({ doneAt: now, doneNote: note })
      .where(eq(visitFollowUps.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'visit.follow-up.done',
      entityType: 'visit',
      entityId: before.visitId,
      before,
      after,
    });
    return after!;
  });
}

/** An attachment without its content, as lists and uploads answer it. */
export type VisitAttachmentSummary = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  enterpriseId: string | null;
  internal: boolean;
  createdAt: Date;
};

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_LIMIT = 5 * 1024 * 1024;

/** The file of an upload: the raw request body, of one of the accepted types. */
export function uploadedFile(
  body: unknown,
  contentType: string | undefined,
  name: string,
): { name: string; type: string; content: Buffer } {
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (!Buffer.isBuffer(body) || !(ATTACHMENT_TYPES as readonly string[]).includes(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { zh: '只接受 JPEG、PNG、WebP 图片或 PDF', en: 'Only JPEG, PNG, WebP images or PDF' },
    });
  }
  return { name, type, content: body };
}

export async function addAttachment(
  db: Db,
  actor: Actor,
  visitId: string,
  file: { name: string; type: string; content: Buffer },
  part: { enterpriseId?: string | undefined; internal?: boolean | undefined } = {},
) {
  return db.transaction(async (tx) => {
    const [v] = await tx.select({ id: visits.id }).from(visits).where(eq(visits.id, visitId));
    if (!v) throw notFound('走访记录不存在', 'No such visit');
    if (part.enterpriseId) {
      const [on] = await tx
        .select({ id: visitEnterprises.enterpriseId })
        .from(visitEnterprises)
        .where(and(eq(visitEnterprises.visitId, visitId), eq(visitEnterprises.enterpriseId, part.enterpriseId)));
      if (!on) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [
            {
              path: 'enterpriseId',
              message: { zh: '该企业不在这次走访中', en: 'that enterprise was not visited on this visit' },
            },
          ],
        });
      }
    }
    const [row] = await tx
      .insert(visitAttachments)
      .values({
        visitId,
        fileName: file.name,
        contentType: file.type,
        size: file.content.length,
        content: file.content,
        enterpriseId: part.enterpriseId ?? null,
        internal: part.internal ?? false,
        createdBy: actor.id,
      })
      .returning({
        id: visitAttachments.id,
        fileName: visitAttachments.fileName,
        contentType: visitAttachments.contentType,
        size: visitAttachments.size,
        enterpriseId: visitAttachments.enterpriseId,
        internal: visitAttachments.internal,
        createdAt: visitAttachments.createdAt,
      });
    await recordAudit(tx, actor, {
      action: 'visit.attachment.add',
      entityType: 'visit',
      entityId: visitId,
      after: {
        id: row!.id,
        fileName: file.name,
        size: file.content.length,
        enterpriseId: row!.enterpriseId,
        internal: row!.internal,
      },
    });
    return row!;
  });
}

export async function getAttachment(db: Db, user: SessionUser | null, visitId: string, attachmentId: string) {
  const visit = await getVisit(db, user, visitId);
  // another enterprise's or an internal file answers as if it did not exist
  if (!visit.attachments.some((a) => a.id === attachmentId)) throw notFound('附件不存在', 'No such attachment');
  const [row] = await db
    .select()
    .from(visitAttachments)
    .where(and(eq(visitAttachments.id, attachmentId), eq(visitAttachments.visitId, visitId)));
  if (!row) throw notFound('附件不存在', 'No such attachment');
  return row;
}

/**
 * Enterprises that need a visit: open reception concerns, follow-ups past due, tracked projects
 * whose next action is overdue. Each with its reasons and the date of its last visit.
 */
export async function visitCandidates(db: Db, today = todayInShanghai()) {
  const rows = await db.execute<VisitCandidateRow>(sql`
    with reasons as (
      select enterprise_id, count(*)::int as open_concerns, 0 as overdue_follow_ups, 0 as overdue_projects
        from ${receptionConcerns} where status = 'open' and enterprise_id is not null group by enterprise_id
      union all
      select enterprise_id, 0, count(*)::int, 0
        from ${visitFollowUps} where done_at is null and due_date < ${today} and enterprise_id is not null group by enterprise_id
      union all
      select enterprise_id, 0, 0, count(*)::int
        from ${trackedProjects} where status = 'active' and next_action_date < ${today} group by enterprise_id
    )
    select r.enterprise_id, e.name, e.town_code,
           sum(r.open_concerns)::int as open_concerns,
           sum(r.overdue_follow_ups)::int as overdue_follow_ups,
           sum(r.overdue_projects)::int as overdue_projects,
           (select max(v.date)::text from visit_enterprises ve join visits v on v.id = ve.visit_id where ve.enterprise_id = r.enterprise_id) as last_visit
      from reasons r join ${enterprises} e on e.id = r.enterprise_id
     group by r.enterprise_id, e.name, e.town_code
     order by sum(r.overdue_projects + r.overdue_follow_ups) desc, sum(r.open_concerns) desc, e.name
     limit 200`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return (list as VisitCandidateRow[]).map(toVisitCandidateView);
}
