import { type AnyColumn, eq, type SQL, sql } from 'drizzle-orm';
import { hasRole, isStaff, type SessionUser } from '../plugins/auth.ts';

/**
 * The columns that tie a record to whoever may see it outside the bureau: the enterprise it
 * belongs to, and/or the signed-in person (a citizen, or a rater) who filed it.
 */
export type OwnerColumns = { enterprise?: AnyColumn; person?: AnyColumn };

/**
 * "Only your own records": the one place where record scoping is decided. Staff see every record
 * (undefined: no condition); an enterprise user sees its enterprise's records; anyone else sees
 * the records they filed themselves; a caller the columns cannot place sees nothing.
 * A later organisation scope (county branches under one city bureau) is a change here.
 */
export function ownScope(user: SessionUser | null, columns: OwnerColumns): SQL | undefined {
  if (isStaff(user)) return undefined;
  if (user?.enterpriseId && columns.enterprise) return eq(columns.enterprise, user.enterpriseId);
  if (user && columns.person) return eq(columns.person, user.id);
  return sql`false`;
}

/**
 * The same decision for one record already read: staff, the person who filed it, or a user of the
 * enterprise it belongs to. Services refuse with their own plain words when this is false.
 */
export function ownsRecord(
  user: SessionUser | null,
  owner: { enterpriseId: string | null; personId: string | null },
): boolean {
  if (isStaff(user)) return true;
  if (!user) return false;
  if (owner.personId && owner.personId === user.id) return true;
  return hasRole(user, 'enterprise') && !!user.enterpriseId && owner.enterpriseId === user.enterpriseId;
}
