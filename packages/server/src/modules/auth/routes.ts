import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { ALL_ROLES, actorOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';
import { changePassword, login, logout } from './service.ts';

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
const sessionResponse = z.object({ user: meSchema, csrfToken: z.string() });

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; loginRateLimit: number }> = async (
  app,
  { db, loginRateLimit },
) => {
  app.post(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: sessionResponse, ...problemResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await login(db, username, password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
      });
      const me = await loadMe(db, result.userId);
      return { user: me, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: z.null(), ...problemResponses(401, 403) } },
    },
    async (request, reply) => {
      await logout(db, request.user!.sessionId, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '当前用户 Current user',
        response: { 200: sessionResponse, ...problemResponses(401) },
      },
    },
    async (request) => {
      const u = request.user!;
      return {
        user: {
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          roles: u.roles,
          enterpriseId: u.enterpriseId,
          enterpriseName: u.enterpriseName,
          mustChangePassword: u.mustChangePassword,
        },
        csrfToken: u.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 422) },
        description: '新密码：至少 8 位、4 类字符中至少 3 类，不是常见弱密码、不含用户名，也不是最近 5 次用过的密码。',
      },
    },
    async (request, reply) => {
      await changePassword(
        db,
        actorOf(request),
        request.user!.sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
};

async function loadMe(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      enterpriseId: users.enterpriseId,
      enterpriseName: enterprises.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('AUTH_REQUIRED');
  return { ...row, roles: row.roles as (typeof ALL_ROLES)[number][] };
}
