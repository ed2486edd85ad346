import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { currentSessionSchema, loginBody, passwordChangeBody, sessionSchema, toSessionView } from './schema.ts';
import { changePassword, findMe, login, logout } from './service.ts';

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
        body: loginBody,
        response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 423, 429) },
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
      return toSessionView(await findMe(db, result.userId), result.csrfToken);
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
        response: { 200: sessionSchema, ...problemResponses(401) },
      },
    },
    async (request) => toSessionView(request.user!, request.user!.csrfToken),
  );

  // The public portal asks who is signed in on every page; for a visitor /me's 401 was an error in
  // the browser's console on every page, where "nobody" is an answer, not a failure.
  app.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: '当前会话（未登录为空） Current session, null when signed out',
        response: { 200: currentSessionSchema },
      },
    },
    async (request) => ({
      session: request.user ? toSessionView(request.user, request.user.csrfToken) : null,
    }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: passwordChangeBody,
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
