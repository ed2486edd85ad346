import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ALL_ROLES, type Role, STAFF_ROLES, type StaffRole } from '@qingshan/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';

export { ALL_ROLES, type Role, STAFF_ROLES, type StaffRole };

/**
 * Who may call a route. Every /api route must declare one (the app refuses to start otherwise),
 * and access.test.ts holds the expected route × role matrix.
 * - 'public': anyone, signed in or not;
 * - 'authenticated': any signed-in user;
 * - a list of roles: a user holding at least one of them.
 * Record-level rules (an enterprise sees only its own records) live in the services.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export const SESSION_COOKIE = 'qs_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Absolute session lifetimes, however active the session: 12 h covers a working day with overtime. */
export type SessionLifetimes = { staffMs: number; otherMs: number };
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { staffMs: 12 * 3_600_000, otherMs: 12 * 3_600_000 };
const TOUCH_EVERY_MS = 60 * 1000;

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  enterpriseId: string | null;
  enterpriseName: string | null;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
};

/** A stored session with its user, and what decides whether it still holds. */
export type StoredSession = SessionUser & { lastSeenAt: Date; createdAt: Date; disabled: boolean };

/**
 * Where sessions are kept (the auth module's tables). The plugin decides who is signed in and
 * when a session ends; the store only reads and writes, so this plumbing knows no table.
 */
export type SessionStore = {
  /** the session whose token has this SHA-256 hash, with its user */
  find(tokenHash: string): Promise<StoredSession | null>;
  /** records activity on the session */
  touch(sessionId: string, at: Date): Promise<void>;
  /** removes the session: it expired, or its user was disabled */
  end(sessionId: string): Promise<void>;
};

// What a user whose password an admin issued may still do: learn who they are, change it, leave.
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isStaff(user: { roles: readonly string[] } | null): boolean {
  return !!user && user.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
}

export function hasRole(user: { roles: readonly string[] } | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => (roles as string[]).includes(r));
}

/**
 * The actor of a request. Every module writes `actor.name` where a record says who decided, answered
 * or saved it, so this is the one place that makes those the person's display name; the audit trail
 * keeps the login name (`account`).
 */
export function actorOf(request: FastifyRequest): Actor {
  const u = request.user;
  if (!u) return { id: null, name: 'anonymous', roles: [], ip: request.ip };
  return { id: u.id, name: u.displayName || u.username, account: u.username, roles: u.roles, ip: request.ip };
}

function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionLifetimeMs(roles: readonly string[], lifetimes: SessionLifetimes): number {
  return isStaff({ roles }) ? lifetimes.staffMs : lifetimes.otherMs;
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { sessions: SessionStore; lifetimes?: SessionLifetimes }) => {
    const { sessions } = opts;
    const lifetimes = opts.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
    app.decorateRequest('user', null);

    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
        throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      const access = request.routeOptions.config?.access;
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const row = await sessions.find(hashToken(token));
        const now = Date.now();
        if (!row || row.disabled) {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (row) await sessions.end(row.sessionId);
          if (access && access !== 'public') throw new AppError('AUTH_REQUIRED');
        } else if (
          now - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS ||
          // an absolute end too: a stolen cookie kept busy would otherwise live for ever
          now - row.createdAt.getTime() > sessionLifetimeMs(row.roles, lifetimes)
        ) {
          await sessions.end(row.sessionId);
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (access && access !== 'public') throw new AppError('AUTH_SESSION_EXPIRED');
        } else {
          if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
            await sessions.touch(row.sessionId, new Date(now));
          }
          request.user = {
            id: row.id,
            username: row.username,
            displayName: row.displayName,
            roles: row.roles,
            enterpriseId: row.enterpriseId,
            enterpriseName: row.enterpriseName,
            sessionId: row.sessionId,
            csrfToken: row.csrfToken,
            mustChangePassword: row.mustChangePassword,
          };
        }
      }
      if (!access) return; // static files, docs
      // A cookie-authenticated mutation must carry the token we handed out (double submit).
      if (request.user && !SAFE_METHODS.has(request.method)) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameToken(header, request.user.csrfToken)) {
          throw new AppError('CSRF_INVALID');
        }
      }
      if (access === 'public') return;
      if (!request.user) throw new AppError('AUTH_REQUIRED');
      if (request.user.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED');
      }
      if (access === 'authenticated') return;
      if (!hasRole(request.user, ...access)) throw new AppError('FORBIDDEN_ROLE');
    });
  },
);
