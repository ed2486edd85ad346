import { bilingual, PASSWORD_HISTORY, type Role, STAFF_ROLES } from '@qingshan/core';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hashToken, IDLE_TIMEOUT_MS, newToken, type SessionLifetimes } from '../../plugins/auth.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { loginThrottle, sessions, users } from '../users/tables.ts';
import { assertPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './password.ts';

/** Wrong passwords per account name and client address before the waits begin. */
export const FREE_FAILURES = 5;
/** The first wait; each further failure doubles it, up to MAX_WAIT_MS. */
export const FIRST_WAIT_MS = 60_000;
export const MAX_WAIT_MS = 15 * 60_000;
/** A day without attempts forgets the failures. */
export const FORGET_AFTER_MS = 24 * 3_600_000;

function bilingualMessage(key: Parameters<typeof bilingual>[0]) {
  const m = bilingual(key);
  return { zh: m.message, en: m.messageEn };
}

function waitMessage(until: Date) {
  const t = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const te = until.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
  return {
    zh: `密码错误次数过多，请于 ${t}（北京时间）后再试；如忘记密码，请联系系统管理员重置。`,
    en: `Too many wrong passwords: try again after ${te} (Beijing time), or ask an administrator to reset the password.`,
  };
}

function waitAfter(failures: number): number {
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(20, failures - FREE_FAILURES));
}

/**
 * Admits one sign-in attempt for (name, client) or refuses it, before any password is checked.
 * The row is locked and the attempt counted as a failure in one transaction, so parallel attempts
 * are counted one after another: of 12 parallel wrong passwords exactly FREE_FAILURES are checked.
 * A successful sign-in removes the row again. Keyed by the client too, so strangers guessing
 * the admin's name only make themselves wait; the waits are bounded (MAX_WAIT_MS), never a lock.
 */
async function admitAttempt(db: Db, username: string, client: string, now: Date): Promise<Date | null> {
  return db.transaction(async (tx) => {
    await tx.insert(loginThrottle).values({ username, client, failures: 0, updatedAt: now }).onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(loginThrottle)
      .where(and(eq(loginThrottle.username, username), eq(loginThrottle.client, client)))
      .for('update');
    if (row?.blockedUntil && row.blockedUntil > now) return row.blockedUntil;
    const before = row && now.getTime() - row.updatedAt.getTime() < FORGET_AFTER_MS ? row.failures : 0;
    const failures = before + 1;
    await tx
      .update(loginThrottle)
      .set({
        failures,
        blockedUntil: failures >= FREE_FAILURES ? new Date(now.getTime() + waitAfter(failures)) : null,
        updatedAt: now,
      })
      .where(and(eq(loginThrottle.username, username), eq(loginThrottle.client, client)));
    return null;
  });
}

/**
 * An audit entry on its own: recordAudit's chain lock is transaction-scoped, so outside a
 * transaction (on a PostgreSQL pool) parallel failed sign-ins collided on the chain's sequence.
 */
function auditAlone(db: Db, actor: Actor, input: Parameters<typeof recordAudit>[2]) {
  return db.transaction((tx) => recordAudit(tx, actor, input));
}

export async function login(db: Db, username: string, password: string, meta: { ip: string; userAgent?: string }) {
  const now = new Date();
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const actorFor = (u: typeof user): Actor => ({
    id: u?.id ?? null,
    name: username,
    roles: u?.roles ?? [],
    ip: meta.ip,
  });
  const waitUntil = await admitAttempt(db, username, meta.ip, now);
  if (waitUntil) {
    await auditAlone(db, actorFor(user), {
      action: 'auth.throttled',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { username, until: waitUntil },
    });
    throw new AppError('AUTH_LOCKED', { detail: waitMessage(waitUntil), extra: { retryAt: waitUntil.toISOString() } });
  }
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    await auditAlone(db, actorFor(undefined), {
      action: 'auth.login-failed',
      entityType: 'user',
      after: { username, reason: 'unknown-user' },
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    await auditAlone(db, actorFor(user), {
      action: 'auth.login-failed',
      entityType: 'user',
      entityId: user.id,
      after: { reason: 'wrong-password' },
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) {
    await auditAlone(db, actorFor(user), {
      action: 'auth.login-failed',
      entityType: 'user',
      entityId: user.id,
      after: { reason: 'disabled' },
    });
    throw new AppError('AUTH_DISABLED');
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300),
      // the idle check compares with the application's clock, so the session starts on it too
      // (the database's now() can differ from it, e.g. under a test's fixed clock on PostgreSQL)
      createdAt: now,
      lastSeenAt: now,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await tx.delete(loginThrottle).where(and(eq(loginThrottle.username, username), eq(loginThrottle.client, meta.ip)));
    await recordAudit(tx, actorFor(user), { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, userId: user.id, mustChangePassword: user.mustChangePassword };
}

/** The user who just signed in, with their enterprise's name. */
export async function findMe(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      enterpriseId: users.enterpriseId,
      enterpriseName: enterprises.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('AUTH_REQUIRED');
  return { ...row, roles: row.roles as Role[] };
}

export async function logout(db: Db, sessionId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id });
  });
}

export async function changePassword(db: Db, actor: Actor, sessionId: string, current: string, next: string) {
  if (!actor.id) throw new AppError('AUTH_REQUIRED');
  const [user] = await db.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new AppError('AUTH_REQUIRED');
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('PASSWORD_WRONG', {
      errors: [{ path: 'currentPassword', message: { zh: '当前密码不正确', en: 'The current password is wrong' } }],
    });
  }
  assertPasswordPolicy(next, 'newPassword', { username: user.username });
  const recent = [user.passwordHash, ...user.previousPasswordHashes].slice(0, PASSWORD_HISTORY);
  for (const old of recent) {
    if (await verifyPassword(old, next)) {
      throw new AppError('PASSWORD_POLICY', {
        errors: [{ path: 'newPassword', message: bilingualMessage('password.reused') }],
      });
    }
  }
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, previousPasswordHashes: recent, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    // The user's other sessions end: a changed password must lock out whoever knew the old one.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)));
    await recordAudit(tx, actor, { action: 'user.password-changed', entityType: 'user', entityId: user.id });
  });
}

/** Forgets throttle rows nobody has touched for a day (their failures are forgotten anyway). */
export async function purgeLoginThrottle(db: Db, now: Date = new Date()): Promise<number> {
  const rows = await db
    .delete(loginThrottle)
    .where(lt(loginThrottle.updatedAt, new Date(now.getTime() - FORGET_AFTER_MS)))
    .returning({ username: loginThrottle.username });
  return rows.length;
}

/**
 * Deletes sessions that can no longer be used: idle past IDLE_TIMEOUT_MS or older than their
 * absolute lifetime (staff / others). The request check refuses them already; this keeps the
 * table from keeping every session ever opened (and their addresses) for ever.
 */
export async function purgeExpiredSessions(
  db: Db,
  lifetimes: SessionLifetimes,
  now: Date = new Date(),
): Promise<number> {
  const idleCut = new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString();
  const staffCut = new Date(now.getTime() - lifetimes.staffMs).toISOString();
  const otherCut = new Date(now.getTime() - lifetimes.otherMs).toISOString();
  const staff = sql.join(
    STAFF_ROLES.map((r) => sql`${r}`),
    sql`, `,
  );
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      delete from sessions s using users u
       where u.id = s.user_id
         and (s.last_seen_at < ${idleCut}::timestamptz
              or s.created_at < (case when u.roles && array[${staff}]::text[]
                                      then ${staffCut}::timestamptz else ${otherCut}::timestamptz end))
      returning s.user_id`);
    const rows = Array.isArray(res) ? res : (res as { rows: unknown[] }).rows;
    if (rows.length > 0) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'session.purge',
        entityType: 'session',
        after: { purged: rows.length },
      });
    }
    return rows.length;
  });
}
