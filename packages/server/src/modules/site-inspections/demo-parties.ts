import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import { pngImage } from '../../shared/png.ts';
import type { Actor } from '../audit/service.ts';
import type { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';

// Who acts in the demo's inspection records (2020's and this year's seeds): the staff accounts by
// their display names, and a firm answering its orders.

/**
 * The demo's stand-in for a signature drawn on the phone: a pen's wave and underline, dark on
 * white, made by code. A real mark, since completion refuses a signature with no ink (signature.ts).
 */
export const SIGNATURE = pngImage(160, 64, (x, y) => {
  const wave = x > 12 && x < 148 && Math.abs(y - (30 + 14 * Math.sin(x / 9))) < 2;
  const underline = x > 20 && x < 140 && y >= 52 && y <= 53;
  return wave || underline ? [24, 24, 40] : [255, 255, 255];
}).toString('base64');

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
