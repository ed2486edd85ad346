import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import type { Actor } from '../audit/service.ts';
import type { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';

// Who acts in the demo's inspection records (2020's and this year's seeds): the staff accounts by
// their display names, and a firm answering its orders.

/** a 1×1 PNG: the demo's stand-in for a signature drawn on the phone */
export const SIGNATURE =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The demo account `username` as an actor under its display name; `fallbackName` when it is gone. */
export async function demoStaffActor(db: Db, username: string, role: string, fallbackName: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return {
    id: u?.id ?? null,
    name: u?.displayName ?? fallbackName,
    ...(u ? { account: u.username } : {}),
    roles: [role],
    ip: null,
  };
}

/** A firm answering its rectification orders: the session the service checks and the audit's actor. */
export function firmParties(firm: typeof enterprises.$inferSelect): { enterpriseUser: SessionUser; firmActor: Actor } {
  return {
    enterpriseUser: {
      id: '00000000-0000-0000-0000-000000000000',
      roles: ['enterprise'],
      enterpriseId: firm.id,
    } as unknown as SessionUser,
    firmActor: { id: null, name: `${firm.name}（企业）`, roles: ['enterprise'], ip: null },
  };
}
