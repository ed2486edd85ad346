import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    phone: text('phone'),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    // An admin-issued or reset password is known to someone else: it opens only the change form.
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    // argon2 hashes of the last few passwords, newest first, so a change cannot go back to one.
    previousPasswordHashes: text('previous_password_hashes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Bumped by every profile edit (not by sign-ins): an edit made from a stale form is refused.
    version: integer('version').notNull().default(1),
  },
  (t) => [index('users_enterprise_idx').on(t.enterpriseId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie token: a leaked table does not give working sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per account name and client address. Keyed by both so that strangers guessing
 * a well-known account name slow down only themselves: the real holder, from their own address,
 * is never locked out by them. The name is the typed one, so unknown names are throttled alike and
 * the table does not tell which accounts exist.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    username: text('username').notNull(),
    client: text('client').notNull(),
    failures: integer('failures').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.client] }), index('login_throttle_updated_idx').on(t.updatedAt)],
);
