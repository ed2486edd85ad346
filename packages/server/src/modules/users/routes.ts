import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  passwordView,
  userCreateBody,
  userCreatedView,
  userIdParams,
  userListQuery,
  userUpdateBody,
  userView,
} from './schema.ts';
import { clearSignInWaits, createUser, listUsers, resetPassword, updateUser } from './service.ts';

const ADMIN = ['admin'] as const;

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '用户列表 List users, by username unless sorted',
        querystring: userListQuery,
        response: {
          200: pageOf(userView),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      return listUsers(db, f, page, pageSize);
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '新建用户（返回一次性初始密码） Create a user; returns a one-time initial password',
        body: userCreateBody,
        response: {
          201: userCreatedView,
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
        params: userIdParams,
        body: userUpdateBody,
        response: { 200: userView, ...problemResponses(400, 401, 403, 404, 409) },
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
        params: userIdParams,
        response: { 200: passwordView, ...problemResponses(401, 403, 404) },
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
        params: userIdParams,
        response: { 200: userView, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => clearSignInWaits(db, actorOf(request), request.params.id),
  );
};
