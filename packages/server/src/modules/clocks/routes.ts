import { PAUSE_REASONS } from '@qingshan/core';
import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, isStaff, type SessionUser, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { getCalendar } from '../calendar/service.ts';
import { CLOCK_STATES, clockViewSchema } from './schema.ts';
import { type ClockView, evaluateRow, extendClock, getClock, pauseClock, resumeClock } from './service.ts';
import { clocks } from './tables.ts';

const READ = [...STAFF_ROLES, 'enterprise'] as const;
const MANAGE = ['leader', 'approver', 'clerk'] as const;
const idParams = z.object({ id: z.uuid() });

function assertCanRead(user: SessionUser, c: Pick<ClockView, 'enterpriseId'>): void {
  if (isStaff(user)) return;
  if (!user.enterpriseId || c.enterpriseId !== user.enterpriseId) throw new AppError('FORBIDDEN_RECORD');
}

export const clockRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/clocks',
    {
      config: { access: READ },
      schema: {
        tags: ['clocks'],
        summary: '期限列表 Clocks of a record (or all, filtered); enterprises see only their own',
        querystring: z.object({
          ownerType: z.string().max(60).optional(),
          ownerId: z.string().max(100).optional(),
          state: z.enum(CLOCK_STATES).optional(),
          open: z.enum(['true', 'false']).optional(),
          sort: z.enum(['due', 'start']).default('start'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: pageOf(clockViewSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const user = request.user!;
      const { ownerType, ownerId, state, open, sort, page, pageSize } = request.query;
      const conds: SQL[] = [];
      if (ownerType) conds.push(eq(clocks.ownerType, ownerType));
      if (ownerId) conds.push(eq(clocks.ownerId, ownerId));
      if (open === 'true') conds.push(isNull(clocks.completedAt));
      if (open === 'false') conds.push(isNotNull(clocks.completedAt));
      if (!isStaff(user)) {
        if (!user.enterpriseId) throw new AppError('FORBIDDEN_RECORD');
        conds.push(eq(clocks.enterpriseId, user.enterpriseId));
      }
      // bounded: a record has a handful of clocks; an unfiltered staff query is capped
      const rows = await db
        .select()
        .from(clocks)
        .where(and(...conds))
        .limit(5000);
      const calendar = await getCalendar(db);
      let items = rows.map((r) => evaluateRow(r, calendar));
      if (state) items = items.filter((i) => i.state === state);
      items.sort(
        (a, b) =>
          (sort === 'due' ? a.dueDate.localeCompare(b.dueDate) : a.start.localeCompare(b.start)) ||
          a.id.localeCompare(b.id),
      );
      return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
    },
  );

  app.get(
    '/api/clocks/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['clocks'],
        summary: '期限详情 One clock with its due date and state',
        params: idParams,
        response: { 200: clockViewSchema, ...problemResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const c = await getClock(db, request.params.id);
      assertCanRead(request.user!, c);
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
        params: idParams,
        body: z.strictObject({ reason: z.enum(PAUSE_REASONS), note: z.string().trim().max(500).optional() }),
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
        params: idParams,
        body: z.strictObject({}).optional(),
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
        params: idParams,
        body: z.strictObject({ days: z.number().int().min(1).max(365), reason: z.string().trim().min(1).max(500) }),
        response: { 200: clockViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => db.transaction((tx) => extendClock(tx, actorOf(request), request.params.id, request.body)),
  );
};
