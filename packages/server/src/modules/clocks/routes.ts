import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  clockExtendBody,
  clockIdParams,
  clockPauseBody,
  clockResumeBody,
  clocksQuery,
  clockViewSchema,
} from './schema.ts';
import { assertCanReadClock, extendClock, getClock, listClocks, pauseClock, resumeClock } from './service.ts';

const READ = [...STAFF_ROLES, 'enterprise'] as const;
const MANAGE = ['leader', 'approver', 'clerk'] as const;

export const clockRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/clocks',
    {
      config: { access: READ },
      schema: {
        tags: ['clocks'],
        summary: '期限列表 Clocks of a record (or all, filtered); enterprises see only their own',
        querystring: clocksQuery,
        response: {
          200: pageOf(clockViewSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => listClocks(db, request.user!, request.query),
  );

  app.get(
    '/api/clocks/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['clocks'],
        summary: '期限详情 One clock with its due date and state',
        params: clockIdParams,
        response: { 200: clockViewSchema, ...problemResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const c = await getClock(db, request.params.id);
      assertCanReadClock(request.user!, c);
      return c;
    },
  );

  app.post(
    '/api/clocks/:id/pause',
    {
      config: { access: MANAGE },
      schema: {
        tags: ['clocks'],
        summary: '暂停计时（补正、专家评审、听证） Pause a clock',
        params: clockIdParams,
        body: clockPauseBody,
        response: { 200: clockViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      db.transaction((tx) =>
        pauseClock(tx, actorOf(request), request.params.id, {
          reason: request.body.reason,
          ...(request.body.note ? { note: request.body.note } : {}),
        }),
      ),
  );

  app.post(
    '/api/clocks/:id/resume',
    {
      config: { access: MANAGE },
      schema: {
        tags: ['clocks'],
        summary: '恢复计时 Resume a paused clock',
        params: clockIdParams,
        body: clockResumeBody,
        response: { 200: clockViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => db.transaction((tx) => resumeClock(tx, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/clocks/:id/extend',
    {
      config: { access: MANAGE },
      schema: {
        tags: ['clocks'],
        summary: '延长期限（须说明理由） Extend a clock; a reason is required',
        params: clockIdParams,
        body: clockExtendBody,
        response: { 200: clockViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => db.transaction((tx) => extendClock(tx, actorOf(request), request.params.id, request.body)),
  );
};
