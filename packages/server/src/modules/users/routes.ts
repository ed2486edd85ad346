import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ALL_ROLES, actorOf } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import { clearSignInWaits, createUser, listUsers, resetPassword, updateUser } from './service.ts';

const userSchema = z.object({
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
const phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: '手机号或固定电话格式不正确' });
const idParams = z.object({ id: z.uuid() });
const ADMIN = ['admin'] as const;

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '用户列表 List users',
        querystring: z.object({
          q: z.string().trim().max(64).optional(),
          role: z.enum(ALL_ROLES).optional(),
          ...paging,
        }),
        response: {
          200: pageOf(userSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      return { ...(await listUsers(db, f, page, pageSize)), page, pageSize };
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '新建用户（返回一次性初始密码） Create a user; returns a one-time initial password',
        body: z.strictObject({
          username: z
            .string()
            .trim()
            .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { error: '用户名为 3–32 位字母、数字、下划线、点或连字符' }),
          displayName: z.string().trim().min(1).max(50),
          roles: z.array(z.enum(ALL_ROLES)).min(1),
          enterpriseId: z.uuid().nullable().optional(),
          phone: phone.nullable().optional(),
        }),
        response: {
          201: z.object({ user: userSchema, initialPassword: z.string() }),
          ...problemResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const { user, password } = await createUser(db, actorOf(request), request.body);
      return reply.status(201).send({ user, initialPassword: password });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '修改用户（角色、停用） Update a user (roles, disable)',
        params: idParams,
        body: z.strictObject({
          displayName: z.string().trim().min(1).max(50).optional(),
          roles: z.array(z.enum(ALL_ROLES)).min(1).optional(),
          disabled: z.boolean().optional(),
          phone: phone.nullable().optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: userSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return updateUser(db, actorOf(request), request.params.id, patch, version);
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '重置密码（返回一次性密码） Reset a password; returns a one-time password',
        params: idParams,
        response: { 200: z.object({ password: z.string() }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => ({ password: (await resetPassword(db, actorOf(request), request.params.id)).password }),
  );

  app.post(
    '/api/users/:id/clear-sign-in-waits',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '解除登录等待（不改密码） Clear sign-in waits without changing the password',
        params: idParams,
        response: { 200: userSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => clearSignInWaits(db, actorOf(request), request.params.id),
  );
};
