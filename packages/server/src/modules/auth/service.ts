import { bilingual, PASSWORD_HISTORY } from '@qingshan/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hashToken, newToken } from '../../plugins/auth.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { sessions, users } from '../users/tables.ts';
import { assertPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './password.ts';

export const MAX_FAILED_LOGINS = 5;

function bilingualMessage(key: Parameters<typeof bilingual>[0]) {
  const m = bilingual(key);
  return { zh: m.message, en: m.messageEn };
}
export const LOCK_MINUTES = 15;

function lockedMessage(until: Date) {
  const t = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const te = until.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
  return {
    zh: `连续 ${MAX_FAILED_LOGINS} 次密码错误，账号锁定至 ${t}（北京时间）。`,
    en: `${MAX_FAILED_LOGINS} wrong passwords in a row: the account is locked until ${te} (Beijing time).`,
  };
}

export async function login(db: Db, username: string, password: string, meta: { ip: string; userAgent?: string }) {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const actorFor = (u: typeof user): Actor => ({
    id: u?.id ?? null,
    name: username,
    roles: u?.roles ?? [],
    ip: meta.ip,
  });
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    await recordAudit(db, actorFor(undefined), {
      action: 'auth.login-failed',
      entityType: 'user',
      after: { username, reason: 'unknown-user' },
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, actorFor(user), {
      action: 'auth.login-failed',
      entityType: 'user',
      entityId: user.id,
      after: { reason: 'locked' },
    });
    throw new AppError('AUTH_LOCKED', { detail: lockedMessage(user.lockedUntil) });
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      const failed = row?.failedLogins ?? 0;
      let lockedUntil: Date | null = null;
      if (failed >= MAX_FAILED_LOGINS) {
        lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
        await tx.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, user.id));
      }
      await recordAudit(tx, actorFor(user), {
        action: lockedUntil ? 'auth.locked' : 'auth.login-failed',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'wrong-password', failedLogins: failed, lockedUntil },
      });
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) {
    await recordAudit(db, actorFor(user), {
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
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, actorFor(user), { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, userId: user.id, mustChangePassword: user.mustChangePassword };
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
