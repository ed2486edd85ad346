import type { Role } from '@qingshan/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SessionStore } from '../../plugins/auth.ts';
import { enterprises } from '../enterprises/tables.ts';
import { sessions, users } from '../users/tables.ts';

/** The sessions table behind the auth plugin: a session with its user and the user's enterprise. */
export function sessionStore(db: Db): SessionStore {
  return {
    async find(tokenHash) {
      const [row] = await db
        .select({
          sessionId: sessions.id,
          csrfToken: sessions.csrfToken,
          lastSeenAt: sessions.lastSeenAt,
          createdAt: sessions.createdAt,
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          roles: users.roles,
          enterpriseId: users.enterpriseId,
          enterpriseName: enterprises.name,
          disabled: users.disabled,
          mustChangePassword: users.mustChangePassword,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
        .where(eq(sessions.id, tokenHash))
        .limit(1);
      return row ? { ...row, roles: row.roles as Role[] } : null;
    },
    async touch(sessionId, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
    },
    async end(sessionId) {
      await db.delete(sessions).where(eq(sessions.id, sessionId));
    },
  };
}
