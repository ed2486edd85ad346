import { ALL_ROLES, type MessageTable, maskPhone, type Role } from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { UserRow } from './service.ts';

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ALL_ROLES)),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  disabled: z.boolean(),
  // sign-in waits from login_throttle: the latest wait still running over all client addresses
  signInBlockedUntil: z.string().nullable(),
  recentSignInFailures: z.number(),
  lastLoginAt: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number(),
});
export type UserView = z.infer<typeof userView>;

/** What the account form's fields refuse; a bare sentence as a zod message would reach the user as "格式不正确". */
export const USER_MESSAGES = {
  'users.username.format': {
    zh: '用户名为 3–32 位字母、数字、下划线、点或连字符',
    en: 'a username has 3–32 letters, digits, underscores, dots or hyphens',
  },
} as const satisfies MessageTable;

const phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: 'contact.phone.invalid' });

export const userIdParams = z.object({ id: z.uuid() });

export const userListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ALL_ROLES).optional(),
  /** by username (the default) or display name, either way; or by last sign-in, oldest first finds the unused accounts */
  sort: z
    .enum(['username', '-username', 'displayName', '-displayName', 'lastLoginAt', '-lastLoginAt'])
    .default('username'),
  ...paging,
});

export const userCreateBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { error: 'users.username.format' }),
  displayName: z.string().trim().min(1).max(50),
  roles: z.array(z.enum(ALL_ROLES)).min(1),
  enterpriseId: z.uuid().nullable().optional(),
  phone: phone.nullable().optional(),
});

export const userCreatedView = z.object({ user: userView, initialPassword: z.string() });

export const userUpdateBody = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  roles: z.array(z.enum(ALL_ROLES)).min(1).optional(),
  disabled: z.boolean().optional(),
  phone: phone.nullable().optional(),
  version: z.number().int().min(1),
});

export const passwordView = z.object({ password: z.string() });

/**
 * How sign-in is being slowed down for an account, from its login_throttle rows (one per client
 * address): the latest wait still running and the failures not yet forgotten. The user row itself
 * no longer records failures, so this is the only true answer.
 */
export interface SignInWait {
  signInBlockedUntil: string | null;
  recentSignInFailures: number;
}
export const NO_WAIT: SignInWait = { signInBlockedUntil: null, recentSignInFailures: 0 };

export function toUserView(r: UserRow & { enterpriseName?: string | null }, wait: SignInWait = NO_WAIT): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    roles: r.roles as Role[],
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName ?? null,
    disabled: r.disabled,
    ...wait,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    phone: r.phone ? maskPhone(r.phone) : null,
    version: r.version,
  };
}
