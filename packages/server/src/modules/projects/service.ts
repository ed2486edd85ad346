import {
  addCalendarDays,
  currentMilestone,
  initialMilestones,
  type ProjectCreate,
  type ProjectMilestone,
  todayInShanghai,
} from '@qingshan/core';
import { and, asc, count, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import { paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { completeClock, startClock } from '../clocks/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { getRule } from '../rules/service.ts';
import { rules } from '../rules/tables.ts';
import type { PROJECT_SORTS } from './schema.ts';
import { projectContacts, trackedProjects } from './tables.ts';

export type ProjectRow = typeof trackedProjects.$inferSelect;
export type ProjectContactRow = typeof projectContacts.$inferSelect;

function notFound(): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh: '跟踪项目不存在', en: 'No such tracked project' } });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const NEXT_ACTION_PROFILE = 'project.next-action';

/**
 * Keeps the project's next-action clock in step: the old one is completed, a new one is due on
 * the next action's date, so an overdue next action shows in the officer's worklist. The clock
 * profile is a rule like the others ('project.next-action', calendar days); while that rule does
 * not exist the project keeps its date without a clock (and GET /api/projects?overdue=true still
 * lists it).
 */
async function syncNextActionClock(tx: Tx, actor: Actor, p: ProjectRow): Promise<ProjectRow> {
  if (p.clockId) {
    try {
      await completeClock(tx, actor, p.clockId);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CLOCK_STATE_CONFLICT')) throw e;
    }
  }
  let clockId: string | null = null;
  const [rule] = await tx.select({ type: rules.type }).from(rules).where(eq(rules.key, NEXT_ACTION_PROFILE));
  if (rule && p.status === 'active' && p.nextAction && p.nextActionDate) {
    const v = (await getRule(tx, NEXT_ACTION_PROFILE)).value as { length: number; unit: string };
    if (v.unit === 'calendar') {
      const clock = await startClock(tx, actor, {
        ownerType: 'tracked-project',
        ownerId: p.id,
        profileKey: NEXT_ACTION_PROFILE,
        // the profile counts `length` calendar days from the start: start that many days before
        start: new Date(`${addCalendarDays(p.nextActionDate, -v.length)}T12:00:00+08:00`),
        title: `重大项目下一步：${p.name}——${p.nextAction}`,
        link: `/staff/projects/${p.id}`,
        assigneeUserId: p.officerUserId,
        assigneeRole: p.officerUserId ? null : 'leader',
        enterpriseId: p.enterpriseId,
      });
      clockId = clock.id;
    }
  }
  if (clockId === p.clockId) return p;
  const [row] = await tx.update(trackedProjects).set({ clockId }).where(eq(trackedProjects.id, p.id)).returning();
  return row!;
}

export async function createProject(db: Db, actor: Actor, input: ProjectCreate): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const [ent] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.enterpriseId));
    if (!ent) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'enterpriseId', message: { zh: '企业不存在', en: 'no such enterprise' } }],
      });
    }
    const [row] = await tx
      .insert(trackedProjects)
      .values({
        name: input.name,
        enterpriseId: input.enterpriseId,
        investment: input.investment,
        townCode: input.townCode,
        officerUserId: input.officerUserId ?? null,
        officerName: input.officerName,
        milestones: initialMilestones(),
        nextAction: input.nextAction,
        nextActionDate: input.nextActionDate,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'project.create',
      entityType: 'tracked-project',
      entityId: row!.id,
      after: row,
    });
    return syncNextActionClock(tx, actor, row!);
  });
}

async function lockProject(tx: Tx, id: string, version: number) {
  const [row] = await tx.select().from(trackedProjects).where(eq(trackedProjects.id, id)).for('update');
  if (!row) throw notFound();
  if (row.version !== version) throw new AppError('RECORD_CHANGED');
  return row;
}

export async function patchProject(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    officerUserId?: string | null | undefined;
    officerName?: string | undefined;
    nextAction?: string | undefined;
    nextActionDate?: string | undefined;
    status?: 'active' | 'completed' | 'suspended' | undefined;
    version: number;
  },
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const before = await lockProject(tx, id, input.version);
    const { version: _v, ...set } = input;
    const [after] = await tx
      .update(trackedProjects)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(trackedProjects.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'project.update',
      entityType: 'tracked-project',
      entityId: id,
      before,
      after,
    });
    const moved =
      after!.nextAction !== before.nextAction ||
      after!.nextActionDate !== before.nextActionDate ||
      after!.status !== before.status ||
      after!.officerUserId !== before.officerUserId;
    return moved ? syncNextActionClock(tx, actor, after!) : after!;
  });
}

export async function updateMilestone(
  db: Db,
  actor: Actor,
  id: string,
  key: ProjectMilestone,
  input: {
    state: 'pending' | 'in-progress' | 'done';
    date?: string | null | undefined;
    note?: string | null | undefined;
    version: number;
  },
  now: Date = new Date(),
): Promise<ProjectRow> {
  if (input.state === 'done' && !input.date) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'date', message: { zh: '请填写完成日期', en: 'the date it was done is required' } }],
    });
  }
  if (input.state === 'done' && input.date && input.date > todayInShanghai(now)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        { path: 'date', message: { zh: '完成日期不能晚于今天', en: 'the date done cannot be later than today' } },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const before = await lockProject(tx, id, input.version);
    const milestones = before.milestones.map((m) =>
      m.key === key ? { key, state: input.state, date: input.date ?? null, note: input.note ?? m.note } : m,
    );
    // through its last milestone, a project is complete and leaves the tracking list
    const status =
      currentMilestone(milestones) === null ? 'completed' : before.status === 'completed' ? 'active' : before.status;
    const [after] = await tx
      .update(trackedProjects)
      .set({ milestones, status, version: before.version + 1, updatedAt: new Date() })
      .where(eq(trackedProjects.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'project.milestone',
      entityType: 'tracked-project',
      entityId: id,
      before: before.milestones.find((m) => m.key === key),
      after: milestones.find((m) => m.key === key),
    });
    return after!.status !== before.status ? syncNextActionClock(tx, actor, after!) : after!;
  });
}

export async function addContact(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: { date: string; channel: string; note: string },
  now: Date = new Date(),
) {
  // the log records contacts that took place; a planned one is the next action, not a contact
  if (input.date > todayInShanghai(now)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'date',
          message: { zh: '联系日期不能晚于今天', en: 'the contact date cannot be later than today' },
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: trackedProjects.id }).from(trackedProjects).where(eq(trackedProjects.id, id));
    if (!p) throw notFound();
    const [row] = await tx
      .insert(projectContacts)
      .values({
        projectId: id,
        date: input.date,
        channel: input.channel,
        note: input.note,
        byUserId: user.id,
        byName: user.displayName,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'project.contact',
      entityType: 'tracked-project',
      entityId: id,
      after: row,
    });
    return row!;
  });
}

export type ProjectFilter = {
  status?: string | undefined;
  townCode?: string | undefined;
  enterpriseId?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
};

function conditions(user: SessionUser | null, f: ProjectFilter, today: string): SQL | undefined {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: trackedProjects.enterpriseId });
  if (own) where.push(own);
  if (f.status) where.push(eq(trackedProjects.status, f.status));
  if (f.townCode) where.push(eq(trackedProjects.townCode, f.townCode));
  if (f.enterpriseId) where.push(eq(trackedProjects.enterpriseId, f.enterpriseId));
  if (f.overdue) where.push(and(eq(trackedProjects.status, 'active'), lt(trackedProjects.nextActionDate, today))!);
  if (f.q) where.push(sql`${trackedProjects.name} ilike ${containsPattern(f.q)}`);
  return where.length ? and(...where) : undefined;
}

/** The list's order; a project without a next action date comes last either way. */
function projectOrder(sort: (typeof PROJECT_SORTS)[number]): SQL[] {
  const p = trackedProjects;
  switch (sort) {
    case '-nextActionDate':
      return [sql`${p.nextActionDate} desc nulls last`, asc(p.id)];
    case 'name':
      return [asc(p.name), asc(p.id)];
    case '-name':
      return [desc(p.name), desc(p.id)];
    case 'investment':
      return [asc(p.investment), asc(p.id)];
    case '-investment':
      return [desc(p.investment), asc(p.id)];
    default:
      return [sql`${p.nextActionDate} asc nulls last`, asc(p.id)];
  }
}

export async function listProjects(
  db: Db,
  user: SessionUser | null,
  f: ProjectFilter,
  sort: (typeof PROJECT_SORTS)[number],
  page: number,
  pageSize: number,
  today = todayInShanghai(),
) {
  const cond = conditions(user, f, today);
  return paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select({ p: trackedProjects, enterpriseName: enterprises.name })
        .from(trackedProjects)
        .innerJoin(enterprises, eq(enterprises.id, trackedProjects.enterpriseId))
        .where(cond)
        .orderBy(...projectOrder(sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(trackedProjects).where(cond))[0]?.n ?? 0,
  );
}

export async function getProject(db: Db, user: SessionUser | null, id: string) {
  const [row] = await db
    .select({ p: trackedProjects, enterpriseName: enterprises.name })
    .from(trackedProjects)
    .innerJoin(enterprises, eq(enterprises.id, trackedProjects.enterpriseId))
    .where(eq(trackedProjects.id, id));
  if (!row) throw notFound();
  if (!isStaff(user) && row.p.enterpriseId !== user?.enterpriseId) throw new AppError('FORBIDDEN_RECORD');
  const contacts = await db
    .select()
    .from(projectContacts)
    .where(eq(projectContacts.projectId, id))
    .orderBy(desc(projectContacts.date), desc(projectContacts.createdAt));
  return { ...row, contacts };
}
