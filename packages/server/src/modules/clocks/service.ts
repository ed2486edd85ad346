import {
  type ClockBinds,
  type ClockExtension,
  type ClockPause,
  type ClockProfile,
  type ClockState,
  clockBinds,
  clockRollsOver,
  evaluateClock,
  type PauseReason,
  type Role,
  shanghaiDateOf,
  type WorkingCalendar,
} from '@qingshan/core';
import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import type { Paged } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { calendarAppError, getCalendar } from '../calendar/service.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import { rules } from '../rules/tables.ts';
import { dueDateHookOf, isOwnedClock } from './due-date-hooks.ts';
import type { ClocksQuery } from './schema.ts';
import { clocks } from './tables.ts';

export type ClockOwner = { ownerType: string; ownerId: string };
export type ClockRow = typeof clocks.$inferSelect;

/** 'lapsed': a party's window closed at its due date because the party did not act. */
export type ClockViewState = ClockState | 'lapsed';

export type ClockView = {
  id: string;
  ownerType: string;
  ownerId: string;
  profileKey: string;
  ruleVersion: number;
  profile: ClockProfile;
  binds: ClockBinds;
  title: string;
  link: string | null;
  /** ISO date-time */
  start: string;
  dueDate: string;
  /** the due date depends on a year without the notice (暂定): bureau duties show the earliest plausible date, party windows the latest */
  provisional: boolean;
  remaining: number;
  state: ClockViewState;
  pausedDays: number;
  pauses: ClockPause[];
  extensions: ClockExtension[];
  completedAt: string | null;
  assigneeUserId: string | null;
  assigneeRole: Role | null;
  enterpriseId: string | null;
  /** changes only through its owner's steps (e.g. a petition's extension needs the head's approval) */
  owned: boolean;
};

export function evaluateRow(row: ClockRow, calendar: WorkingCalendar, now: Date = new Date()): ClockView {
  let ev: ReturnType<typeof evaluateClock>;
  try {
    ev = evaluateClock(
      {
        profile: row.profile,
        start: row.start.toISOString(),
        pauses: row.pauses,
        extensions: row.extensions,
        completedAt: row.completedAt?.toISOString() ?? null,
        binds: row.binds === 'party' ? 'party' : 'bureau',
        rollsOver: clockRollsOver(row.profileKey),
      },
      now.toISOString(),
      calendar,
    );
  } catch (e) {
    calendarAppError(e);
  }
  return {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    profileKey: row.profileKey,
    ruleVersion: row.ruleVersion,
    profile: row.profile,
    binds: row.binds === 'party' ? 'party' : 'bureau',
    title: row.title,
    link: row.link,
    start: row.start.toISOString(),
    dueDate: ev.dueDate,
    provisional: ev.provisional,
    remaining: row.lapsed ? 0 : ev.remaining,
    state: row.lapsed ? 'lapsed' : ev.state,
    pausedDays: ev.pausedDays,
    pauses: row.pauses,
    extensions: row.extensions,
    completedAt: row.completedAt?.toISOString() ?? null,
    assigneeUserId: row.assigneeUserId,
    assigneeRole: (row.assigneeRole as Role | null) ?? null,
    enterpriseId: row.enterpriseId,
    owned: isOwnedClock(row.ownerType),
  };
}

export async function viewOf(db: Tx, row: ClockRow, now?: Date): Promise<ClockView> {
  const view = evaluateRow(row, await getCalendar(db), now);
  // keep the stored flag in step with the evaluation after every write (cheap: only on change)
  if (row.id && view.provisional !== row.provisional) {
    await db.update(clocks).set({ provisional: view.provisional }).where(eq(clocks.id, row.id));
  }
  return view;
}

async function lockClock(tx: Tx, id: string): Promise<ClockRow> {
  const [row] = await tx.select().from(clocks).where(eq(clocks.id, id)).for('update');
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  return row;
}

function openPause(row: ClockRow): ClockPause | undefined {
  return row.pauses.find((p) => !p.to);
}

function conflict(zh: string, en: string): AppError {
  return new AppError('CLOCK_STATE_CONFLICT', { detail: { zh, en } });
}

/** Who is changing a clock: its owner's own step, or the generic clock routes (the worklist). */
export type ClockChangeBy = { byOwner?: boolean };

function refuseOwned(row: ClockRow, by: ClockChangeBy): void {
  if (!by.byOwner && isOwnedClock(row.ownerType)) {
    throw new AppError('CLOCK_OWNED', {
      detail: {
        zh: '该期限属于信访件等业务记录，只能在该记录的办理步骤中变更（如信访延期须经负责人批准）',
        en: "This clock belongs to a case; change it through that case's own steps (a petition extension needs the head's approval)",
      },
    });
  }
}

/** Keeps an owner's copy of the due date in step, in the transaction that changed the clock. */
async function afterChange(tx: Tx, view: ClockView): Promise<void> {
  await dueDateHookOf(view.ownerType)?.(tx, view);
}

// The law fixes the other side's window (e.g. 30 days to request a review); the bureau has no
// power to stop or lengthen it.
function refuseParty(row: ClockRow): void {
  if (row.binds === 'party')
    throw conflict(
      '这是信访人/企业的法定申请期限，本局不能暂停或延长',
      "This is the other party's statutory window; the bureau cannot pause or extend it",
    );
}

/**
 * Starts a statutory clock on a record. The profile comes from the rule registry (the version in
 * force on the start date) and is frozen onto the clock, so a later rule edit does not move it.
 */
export async function startClock(
  tx: Tx,
  actor: Actor,
  input: ClockOwner & {
    profileKey: string;
    start: Date;
    title: string;
    link?: string | null;
    assigneeUserId?: string | null;
    assigneeRole?: Role | null;
    enterpriseId?: string | null;
  },
): Promise<ClockView> {
  const [rule] = await tx.select({ type: rules.type }).from(rules).where(eq(rules.key, input.profileKey));
  if (rule?.type !== 'clock-profile') {
    throw new AppError('CLOCK_PROFILE_UNKNOWN', {
      detail: { zh: `期限规则 ${input.profileKey} 不存在`, en: `No deadline profile ${input.profileKey}` },
    });
  }
  const startDate = shanghaiDateOf(input.start);
  const version = await getRule(tx, input.profileKey, startDate);
  const value = clockProfileValueSchema.parse(version.value);
  const profile: ClockProfile = {
    key: input.profileKey,
    length: value.length,
    unit: value.unit,
    warnBefore: value.warnBefore,
  };
  const values = {
    ownerType: input.ownerType,
    ownerId: input.ownerId,
    profileKey: input.profileKey,
    ruleVersion: version.version,
    profile,
    // the side a period binds is a fact of the law behind the profile, not the caller's choice
    binds: clockBinds(input.profileKey),
    title: input.title,
    link: input.link ?? null,
    start: input.start,
    pauses: [],
    extensions: [],
    assigneeUserId: input.assigneeUserId ?? null,
    assigneeRole: input.assigneeRole ?? null,
    enterpriseId: input.enterpriseId ?? null,
    createdBy: actor.id,
  };
  const calendar = await getCalendar(tx);
  // Evaluate before writing. A due date in a year without the notice is computed provisionally
  // and marked, never refused (信访工作条例 第二十一条: registration is unconditional); only a date
  // outside 2020–2099 is an error.
  const first = evaluateRow(
    {
      ...values,
      id: '',
      completedAt: null,
      lapsed: false,
      provisional: false,
      createdAt: new Date(),
      updatedAt: new Date(),
    },
    calendar,
  );
  const [row] = await tx
    .insert(clocks)
    .values({ ...values, provisional: first.provisional })
    .returning();
  const view = evaluateRow(row!, calendar);
  await recordAudit(tx, actor, {
    action: 'clock.start',
    entityType: 'clock',
    entityId: row!.id,
    after: {
      owner: `${input.ownerType}:${input.ownerId}`,
      profile,
      ruleVersion: version.version,
      start: input.start,
      dueDate: view.dueDate,
      provisional: view.provisional,
    },
  });
  return view;
}

export async function completeClock(tx: Tx, actor: Actor, clockId: string, at: Date = new Date()): Promise<ClockView> {
  const row = await lockClock(tx, clockId);
  if (row.completedAt) throw conflict('该期限已办结', 'The clock is already completed');
  // an open pause ends with the clock
  const pauses = row.pauses.map((p) => (p.to ? p : { ...p, to: at.toISOString() }));
  const [updated] = await tx
    .update(clocks)
    .set({ completedAt: at, pauses, updatedAt: new Date() })
    .where(eq(clocks.id, clockId))
    .returning();
  const view = await viewOf(tx, updated!);
  await afterChange(tx, view);
  await recordAudit(tx, actor, {
    action: 'clock.complete',
    entityType: 'clock',
    entityId: clockId,
    after: { completedAt: at, state: view.state, dueDate: view.dueDate },
  });
  return view;
}

/**
 * Closes a party's window (binds 'party') that passed unused: completed at the end of its due
 * day (Asia/Shanghai) and marked lapsed, so it is neither work for staff nor "met" by anyone.
 * Returns null when there is nothing to do (already closed, a bureau clock, or not yet due).
 */
export async function lapseClock(
  tx: Tx,
  actor: Actor,
  clockId: string,
  now: Date = new Date(),
): Promise<ClockView | null> {
  const row = await lockClock(tx, clockId);
  if (row.completedAt || row.binds !== 'party') return null;
  const calendar = await getCalendar(tx);
  const before = evaluateRow(row, calendar, now);
  if (before.state !== 'overdue') return null;
  const at = new Date(`${before.dueDate}T23:59:59.999+08:00`);
  const [updated] = await tx
    .update(clocks)
    .set({ completedAt: at, lapsed: true, updatedAt: new Date() })
    .where(eq(clocks.id, clockId))
    .returning();
  const view = evaluateRow(updated!, calendar, now);
  await recordAudit(tx, actor, {
    action: 'clock.lapse',
    entityType: 'clock',
    entityId: clockId,
    after: { completedAt: at, state: view.state, dueDate: view.dueDate },
  });
  return view;
}

export async function pauseClock(
  tx: Tx,
  actor: Actor,
  clockId: string,
  p: { reason: PauseReason; note?: string; at?: Date },
  by: ClockChangeBy = {},
): Promise<ClockView> {
  const row = await lockClock(tx, clockId);
  refuseOwned(row, by);
  if (row.completedAt) throw conflict('该期限已办结，不能暂停', 'The clock is completed and cannot be paused');
  refuseParty(row);
  if (openPause(row)) throw conflict('该期限已在暂停中', 'The clock is already paused');
  const at = p.at ?? new Date();
  if (at < row.start) throw conflict('暂停时间早于期限起算时间', 'The pause starts before the clock');
  const pause: ClockPause = { from: at.toISOString(), to: null, reason: p.reason, ...(p.note ? { note: p.note } : {}) };
  const [updated] = await tx
    .update(clocks)
    .set({ pauses: [...row.pauses, pause], updatedAt: new Date() })
    .where(eq(clocks.id, clockId))
    .returning();
  const view = await viewOf(tx, updated!);
  await afterChange(tx, view);
  await recordAudit(tx, actor, { action: 'clock.pause', entityType: 'clock', entityId: clockId, after: pause });
  return view;
}

export async function resumeClock(
  tx: Tx,
  actor: Actor,
  clockId: string,
  at: Date = new Date(),
  by: ClockChangeBy = {},
): Promise<ClockView> {
  const row = await lockClock(tx, clockId);
  refuseOwned(row, by);
  if (row.completedAt) throw conflict('该期限已办结', 'The clock is already completed');
  const open = openPause(row);
  if (!open) throw conflict('该期限未暂停', 'The clock is not paused');
  if (at < new Date(open.from)) throw conflict('恢复时间早于暂停时间', 'Resuming before the pause started');
  const pauses = row.pauses.map((p) => (p === open ? { ...p, to: at.toISOString() } : p));
  const [updated] = await tx
    .update(clocks)
    .set({ pauses, updatedAt: new Date() })
    .where(eq(clocks.id, clockId))
    .returning();
  const view = await viewOf(tx, updated!);
  await afterChange(tx, view);
  await recordAudit(tx, actor, {
    action: 'clock.resume',
    entityType: 'clock',
    entityId: clockId,
    before: open,
    after: { to: at, dueDate: view.dueDate },
  });
  return view;
}

// Extensions limited by law: 信访工作条例 第三十四条 allows at most 30 more days on a resolution,
// and that cap is itself a rule (petition.extension), so an admin edit moves it.
const EXTENSION_CAPS: Record<string, string> = {
  'petition.resolution': 'petition.extension',
  'report.handling': 'report.extension',
};

export async function extendClock(
  tx: Tx,
  actor: Actor,
  clockId: string,
  e: { days: number; reason: string; approvedBy?: string },
  by: ClockChangeBy = {},
): Promise<ClockView> {
  const row = await lockClock(tx, clockId);
  refuseOwned(row, by);
  if (row.completedAt) throw conflict('该期限已办结，不能延期', 'The clock is completed and cannot be extended');
  refuseParty(row);
  const reason = e.reason.trim();
  if (!reason || !Number.isInteger(e.days) || e.days < 1) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        ...(!reason ? [{ path: 'reason', message: { zh: '延期须说明理由', en: 'An extension needs a reason' } }] : []),
        ...(!Number.isInteger(e.days) || e.days < 1
          ? [{ path: 'days', message: { zh: '延期天数须为正整数', en: 'Days must be a positive integer' } }]
          : []),
      ],
    });
  }
  const capKey = EXTENSION_CAPS[row.profileKey];
  if (capKey) {
    const cap = clockProfileValueSchema.parse((await getRule(tx, capKey)).value).length;
    const used = row.extensions.reduce((sum, x) => sum + x.days, 0);
    if (used + e.days > cap) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'days',
            message: {
              zh: `延期合计不得超过 ${cap} 天（已延期 ${used} 天，规则 ${capKey}）`,
              en: `Extensions may total at most ${cap} days (${used} used; rule ${capKey})`,
            },
          },
        ],
      });
    }
  }
  const before = await viewOf(tx, row);
  const ext: ClockExtension = {
    days: e.days,
    approvedBy: e.approvedBy ?? actor.name,
    reason,
    at: new Date().toISOString(),
  };
  const [updated] = await tx
    .update(clocks)
    .set({ extensions: [...row.extensions, ext], updatedAt: new Date() })
    .where(eq(clocks.id, clockId))
    .returning();
  const view = await viewOf(tx, updated!);
  await afterChange(tx, view);
  await recordAudit(tx, actor, {
    action: 'clock.extend',
    entityType: 'clock',
    entityId: clockId,
    before: { dueDate: before.dueDate },
    after: { ...ext, dueDate: view.dueDate },
  });
  return view;
}

/**
 * Moves an open clock's start to a later event when the law counts from the latest of several
 * (a draw's results are due so many working days after its LAST inspection). Only the owner's
 * own step may do it; an earlier start never moves a clock back.
 */
export async function restartClock(
  tx: Tx,
  actor: Actor,
  clockId: string,
  start: Date,
  reason: string,
  by: ClockChangeBy = {},
): Promise<ClockView> {
  const row = await lockClock(tx, clockId);
  refuseOwned(row, by);
  if (row.completedAt) throw conflict('该期限已办结', 'The clock is already completed');
  if (start <= row.start) throw conflict('新的起算时间须晚于原起算时间', 'A clock only moves to a later start');
  const before = await viewOf(tx, row);
  const [updated] = await tx
    .update(clocks)
    .set({ start, updatedAt: new Date() })
    .where(eq(clocks.id, clockId))
    .returning();
  const view = await viewOf(tx, updated!);
  await afterChange(tx, view);
  await recordAudit(tx, actor, {
    action: 'clock.restart',
    entityType: 'clock',
    entityId: clockId,
    before: { start: row.start, dueDate: before.dueDate },
    after: { start, dueDate: view.dueDate, reason },
  });
  return view;
}

export async function clocksOf(db: Tx, owner: ClockOwner): Promise<ClockView[]> {
  const rows = await db
    .select()
    .from(clocks)
    .where(and(eq(clocks.ownerType, owner.ownerType), eq(clocks.ownerId, owner.ownerId)))
    .orderBy(asc(clocks.start), asc(clocks.createdAt));
  const calendar = await getCalendar(db);
  return rows.map((r) => evaluateRow(r, calendar));
}

/**
 * Clocks filtered by owner, state and openness, evaluated and sorted in memory (state and due
 * date are computed, not stored). Enterprises see only their own.
 */
export async function listClocks(db: Tx, user: SessionUser, q: ClocksQuery): Promise<Paged<ClockView>> {
  const { ownerType, ownerId, state, open, sort, page, pageSize } = q;
  if (!isStaff(user) && !user.enterpriseId) throw new AppError('FORBIDDEN_RECORD');
  const conds: (SQL | undefined)[] = [ownScope(user, { enterprise: clocks.enterpriseId })];
  if (ownerType) conds.push(eq(clocks.ownerType, ownerType));
  if (ownerId) conds.push(eq(clocks.ownerId, ownerId));
  if (open === 'true') conds.push(isNull(clocks.completedAt));
  if (open === 'false') conds.push(isNotNull(clocks.completedAt));
  // bounded: a record has a handful of clocks; an unfiltered staff query is capped
  const rows = await db
    .select()
    .from(clocks)
    .where(and(...conds))
    .limit(5000);
  const calendar = await getCalendar(db);
  let items = rows.map((r) => evaluateRow(r, calendar));
  if (state) items = items.filter((i) => i.state === state);
  items.sort(
    (a, b) =>
      (sort === 'due' ? a.dueDate.localeCompare(b.dueDate) : a.start.localeCompare(b.start)) ||
      a.id.localeCompare(b.id),
  );
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

/** Staff read every clock; an enterprise only its own. */
export function assertCanReadClock(user: SessionUser, c: Pick<ClockView, 'enterpriseId'>): void {
  if (isStaff(user)) return;
  if (!user.enterpriseId || c.enterpriseId !== user.enterpriseId) throw new AppError('FORBIDDEN_RECORD');
}

export async function getClock(db: Tx, id: string): Promise<ClockView> {
  const [row] = await db.select().from(clocks).where(eq(clocks.id, id));
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  return viewOf(db, row);
}

/**
 * After the calendar changed (a year added or replaced): re-evaluates every open clock with the
 * old and the new calendar, in the caller's transaction; where the due date or its provisional
 * mark moved, stores the mark, refreshes the owner's copy through its hook and audits it.
 * Returns how many clocks moved.
 */
export async function recalculateOpenClocks(
  tx: Tx,
  actor: Actor,
  oldCalendar: WorkingCalendar,
  newCalendar: WorkingCalendar,
  cause: string,
): Promise<number> {
  const rows = await tx.select().from(clocks).where(isNull(clocks.completedAt)).orderBy(asc(clocks.id)).for('update');
  const now = new Date();
  let changed = 0;
  for (const row of rows) {
    let before: ClockView | undefined;
    try {
      before = evaluateRow(row, oldCalendar, now);
    } catch {
      before = undefined;
    }
    let after: ClockView;
    try {
      after = evaluateRow(row, newCalendar, now);
    } catch {
      continue; // outside 2020–2099 either way: nothing to recompute
    }
    if (before && before.dueDate === after.dueDate && before.provisional === after.provisional) continue;
    changed++;
    await tx.update(clocks).set({ provisional: after.provisional, updatedAt: now }).where(eq(clocks.id, row.id));
    await afterChange(tx, after);
    await recordAudit(tx, actor, {
      action: 'clock.recalculate',
      entityType: 'clock',
      entityId: row.id,
      before: before ? { dueDate: before.dueDate, provisional: before.provisional } : null,
      after: { dueDate: after.dueDate, provisional: after.provisional, cause },
    });
  }
  return changed;
}
