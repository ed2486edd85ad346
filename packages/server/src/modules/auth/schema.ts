import { ALL_ROLES, type Role } from '@qingshan/core';
import { z } from 'zod';

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ALL_ROLES)),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  /** true: the password was issued by an admin; only changing it is allowed until then */
  mustChangePassword: z.boolean(),
});
export type MeView = z.infer<typeof meSchema>;

export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionView = z.infer<typeof sessionSchema>;
/** Who is signed in, or null: what the web app asks on every page, a visitor included. */
export const currentSessionSchema = z.object({ session: sessionSchema.nullable() });

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

/** The signed-in user as the session answer shows them (a session user or a freshly read row). */
export type MeSource = {
  id: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  enterpriseId: string | null;
  enterpriseName: string | null;
  mustChangePassword: boolean;
};

export function toMeView(u: MeSource): MeView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: [...u.roles],
    enterpriseId: u.enterpriseId,
    enterpriseName: u.enterpriseName,
    mustChangePassword: u.mustChangePassword,
  };
}

export function toSessionView(u: MeSource, csrfToken: string): SessionView {
  return { user: toMeView(u), csrfToken };
}
