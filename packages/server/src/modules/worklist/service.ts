import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { errorMessageForRecord } from '../../db/errors.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import type { Paged, PageRequest } from '../../shared/paginate.ts';
import { getCalendar } from '../calendar/service.ts';
import { type ClockView, type ClockViewState, evaluateRow } from '../clocks/service.ts';
import { clocks } from '../clocks/tables.ts';
import { unreadCount } from '../notifications/service.ts';
import { WORKLIST_SORTS } from './schema.ts';

export { WORKLIST_SORTS };

/** Open clocks assigned to the user, or to one of the user's roles with no single assignee. */
function assignedTo(user: SessionUser): SQL {
  const conds: SQL[] = [eq(clocks.assigneeUserId, user.id)];
  const roles = user.roles.filter((r) => r !== 'enterprise');
  if (roles.length) conds.push(and(isNull(clocks.assigneeUserId), sql`${clocks.assigneeRole} in ${roles}`)!);
  // an enterprise user's role items are their own enterprise's only
  if (user.roles.includes('enterprise') && user.enterpriseId) {
    conds.push(
      and(
        isNull(clocks.assigneeUserId),
        eq(clocks.assigneeRole, 'enterprise'),
        eq(clocks.enterpriseId, user.enterpriseId),
      )!,
    );
  }
  // a party's window (e.g. the petitioner's 复查 request period) is not staff work
  return and(isNull(clocks.completedAt), eq(clocks.binds, 'bureau'), or(...conds))!;
}

export type WorkItem = ClockView & { evaluationError: string | null };

async function myItems(db: Db, user: SessionUser): Promise<WorkItem[]> {
  const rows = await db.select().from(clocks).where(assignedTo(user));
  const calendar = await getCalendar(db);
  const now = new Date();
  return rows.map((r) => {
    try {
      return { ...evaluateRow(r, calendar, now), evaluationError: null };
    } catch (e) {
      // a clock whose due date walks into a year without holiday data stays visible, flagged
      const view = evaluateRow({ ...r, profile: { ...r.profile, unit: 'calendar' } }, calendar, now);
      return { ...view, evaluationError: errorMessageForRecord(e) };
    }
  });
}

export const OPEN_STATES = ['running', 'paused', 'due-soon', 'overdue'] as const;

export async function worklist(
  db: Db,
  user: SessionUser,
  f: { state?: ClockViewState | undefined; q?: string | undefined; ownerType?: string | undefined },
  sort: (typeof WORKLIST_SORTS)[number],
  { page, pageSize }: PageRequest,
): Promise<Paged<WorkItem>> {
  let items = await myItems(db, user);
  if (f.state) items = items.filter((i) => i.state === f.state);
  if (f.ownerType) items = items.filter((i) => i.ownerType === f.ownerType);
  if (f.q) {
    const q = f.q.toLowerCase();
    items = items.filter((i) => i.title.toLowerCase().includes(q));
  }
  items.sort((a, b) => {
    if (sort === 'start') return a.start.localeCompare(b.start);
    const d = a.dueDate.localeCompare(b.dueDate) || a.remaining - b.remaining || a.id.localeCompare(b.id);
    return sort === '-due' ? -d : d;
  });
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

/** The menu badges: open work by state, and unread notifications. */
export async function worklistCounts(db: Db, user: SessionUser) {
  const items = await myItems(db, user);
  return {
    total: items.length,
    dueSoon: items.filter((i) => i.state === 'due-soon').length,
    overdue: items.filter((i) => i.state === 'overdue').length,
    paused: items.filter((i) => i.state === 'paused').length,
    unread: await unreadCount(db, user.id),
  };
}
