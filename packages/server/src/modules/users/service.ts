import type { Role } from '@qingshan/core';
import { and, asc, desc, eq, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { isStaff } from '../../plugins/auth.ts';
import { type Paged, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { hashPassword, randomPassword } from '../auth/password.ts';
import { FORGET_AFTER_MS } from '../auth/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { NO_WAIT, type SignInWait, toUserView, type UserView } from './schema.ts';
import { loginThrottle, sessions, users } from './tables.ts';

export type UserRow = typeof users.$inferSelect;

async function signInWaits(db: Tx, usernames: string[], now = new Date()): Promise<Map<string, SignInWait>> {
  const out = new Map<string, SignInWait>();
  if (!usernames.length) return out;
  const rows = await db
    .select({
      username: loginThrottle.username,
      blockedUntil: sql<Date | string | null>`max(${loginThrottle.blockedUntil})`,
      failures: sql<number>`coalesce(sum(${loginThrottle.failures}), 0)::int`,
    })
    .from(loginThrottle)
    .where(
      and(
        inArray(loginThrottle.username, usernames),
        gt(loginThrottle.updatedAt, new Date(now.getTime() - FORGET_AFTER_MS)),
      ),
    )
    .groupBy(loginThrottle.username);
  for (const r of rows) {
    // an aggregate bypasses drizzle's column mapping: PGlite and node-postgres hand back a string
    const until = r.blockedUntil ? new Date(r.blockedUntil) : null;
    out.set(r.username, {
      signInBlockedUntil: until && until > now ? until.toISOString() : null,
      recentSignInFailures: Number(r.failures),
    });
  }
  return out;
}

async function signInWaitOf(db: Tx, username: string): Promise<SignInWait> {
  return (await signInWaits(db, [username])).get(username) ?? NO_WAIT;
}

function auditView(r: UserRow) {
  const { passwordHash: _p, previousPasswordHashes: _h, updatedAt: _u, ...rest } = r;
  return rest;
}

/** An enterprise account belongs to exactly one enterprise, a staff or citizen account to none. */
function checkRoles(roles: Role[], enterpriseId: string | null | undefined) {
  const enterprise = roles.includes('enterprise');
  const citizen = roles.includes('citizen');
  const staff = isStaff({ roles });
  if ((enterprise && (citizen || staff)) || (citizen && staff)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'roles',
          message: {
            zh: '企业用户、群众和工作人员角色不能混用',
            en: 'Enterprise, citizen and staff roles cannot be mixed',
          },
        },
      ],
    });
  }
  if (enterprise !== !!enterpriseId) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'enterpriseId',
          message: enterprise
            ? { zh: '企业用户必须绑定一家企业', en: 'An enterprise user must be bound to an enterprise' }
            : { zh: '只有企业用户可以绑定企业', en: 'Only an enterprise user is bound to an enterprise' },
        },
      ],
    });
  }
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: { username: string; displayName: string; roles: Role[]; enterpriseId?: string | null; phone?: string | null },
  chosenPassword?: string,
  options: { mustChangePassword?: boolean } = {},
) {
  checkRoles(input.roles, input.enterpriseId);
  const password = chosenPassword ?? randomPassword();
  // A generated password passes through the admin's hands, so by default it only opens the change form.
  const mustChangePassword = options.mustChangePassword ?? chosenPassword === undefined;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) {
      throw new AppError('USERNAME_TAKEN', {
        errors: [{ path: 'username', message: { zh: '用户名已被使用', en: 'username is taken' } }],
      });
    }
    if (input.enterpriseId) {
      const [e] = await tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(eq(enterprises.id, input.enterpriseId));
      if (!e) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'enterpriseId', message: { zh: '企业不存在', en: 'no such enterprise' } }],
        });
      }
    }
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        roles: input.roles,
        enterpriseId: input.enterpriseId ?? null,
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      after: auditView(row!),
    });
    return { user: toUserView(row!), password };
  });
}

export type UserFilter = {
  q?: string | undefined;
  role?: string | undefined;
  sort?: 'username' | '-username' | 'displayName' | '-displayName' | 'lastLoginAt' | '-lastLoginAt' | undefined;
};

/**
 * The list's order, ties broken by the username (unique); an account never signed in counts as
 * the oldest sign-in (first going up, last coming down).
 */
function userOrder(sort: UserFilter['sort']): SQL[] {
  switch (sort) {
    case '-username':
      return [desc(users.username)];
    case 'displayName':
      return [asc(users.displayName), asc(users.username)];
    case '-displayName':
      return [desc(users.displayName), desc(users.username)];
    case 'lastLoginAt':
      return [sql`${users.lastLoginAt} asc nulls first`, asc(users.username)];
    case '-lastLoginAt':
      return [sql`${users.lastLoginAt} desc nulls last`, asc(users.username)];
    default:
      return [asc(users.username)];
  }
}

export async function listUsers(db: Db, f: UserFilter, page: number, pageSize: number): Promise<Paged<UserView>> {
  const where: SQL[] = [];
  if (f.q) where.push(or(ilike(users.username, containsPattern(f.q)), ilike(users.displayName, containsPattern(f.q)))!);
  if (f.role) where.push(sql`${f.role} = any(${users.roles})`);
  const cond = where.length ? and(...where) : undefined;
  const paged = await paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select({ u: users, enterpriseName: enterprises.name })
        .from(users)
        .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
        .where(cond)
        .orderBy(...userOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(users).where(cond))[0]?.n ?? 0,
  );
  const waits = await signInWaits(
    db,
    paged.items.map((r) => r.u.username),
  );
  return {
    ...paged,
    items: paged.items.map((r) => toUserView({ ...r.u, enterpriseName: r.enterpriseName }, waits.get(r.u.username))),
  };
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: {
    displayName?: string | undefined;
    roles?: Role[] | undefined;
    disabled?: boolean | undefined;
    phone?: string | null | undefined;
  },
  /** The version the editor loaded; another edit since then refuses this one. */
  expectedVersion: number,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw new AppError('RECORD_NOT_FOUND');
    if (before.version !== expectedVersion) throw new AppError('RECORD_CHANGED');
    if (patch.roles) checkRoles(patch.roles, before.enterpriseId);
    if (actor.id === id && (patch.disabled || (patch.roles && !patch.roles.includes('admin')))) {
      throw new AppError('VALIDATION_FAILED', {
        detail: {
          zh: '不能停用自己的账号或撤销自己的管理员角色',
          en: 'You cannot disable your own account or drop your own admin role',
        },
      });
    }
    const [after] = await tx
      .update(users)
      .set({ ...patch, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(users.id, id))
      .returning();
    // Disabling or changing roles ends the user's sessions, so the change takes effect at once.
    if (patch.disabled || patch.roles) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: patch.disabled === true ? 'user.disable' : patch.disabled === false ? 'user.enable' : 'user.update',
      entityType: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return toUserView(after!, await signInWaitOf(tx, after!.username));
  });
}

/**
 * A new random password that must be changed at the next sign-in; the account is unlocked and its
 * sessions end. `where` is the user's id (admin page) or username (the reset command on the server).
 */
export async function resetPassword(db: Db, actor: Actor, who: string | { username: string }) {
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  const where = typeof who === 'string' ? eq(users.id, who) : eq(users.username, who.username);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where(where)
      .returning({ id: users.id, username: users.username });
    if (!row) throw new AppError('RECORD_NOT_FOUND');
    await tx.delete(sessions).where(eq(sessions.userId, row.id));
    // the holder signs in with the new password at once, from wherever the failures came
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, row.username));
    await recordAudit(tx, actor, { action: 'user.reset-password', entityType: 'user', entityId: row.id });
    return row.id;
  });
  return { id, password };
}

/**
 * Ends the sign-in waits of an account from every client address, without touching its password:
 * for the holder who mistyped too often and is sure of the password again.
 */
export async function clearSignInWaits(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id));
    if (!row) throw new AppError('RECORD_NOT_FOUND');
    const before = await signInWaitOf(tx, row.username);
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, row.username));
    await recordAudit(tx, actor, {
      action: 'user.clear-sign-in-waits',
      entityType: 'user',
      entityId: id,
      before: { ...before },
      after: { ...NO_WAIT },
    });
    return toUserView(row, NO_WAIT);
  });
}
