import { calendarYearSchema } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { addDays, addYear, dayInfo, listYears } from './service.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'common.date');
const yearSchema = z.object({
  year: z.number(),
  source: z.string(),
  holidays: z.array(z.object({ name: z.string(), nameEn: z.string(), dates: z.array(z.string()) })),
  makeupWorkdays: z.array(z.object({ name: z.string(), date: z.string() })),
  shipped: z.boolean(),
  createdAt: z.string().nullable(),
});

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/calendar/days/:date',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '某日是否工作日 Is a date a working day (official holidays and 调休)',
        params: z.object({ date }),
        response: {
          200: z.object({
            date: z.string(),
            workingDay: z.boolean(),
            kind: z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']),
            name: z.string().optional(),
          }),
          ...problemResponses(400, 422),
        },
      },
    },
    async (request) => dayInfo(db, request.params.date),
  );

  app.get(
    '/api/calendar/add',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '期限计算 The n-th working (or calendar) day after a date',
        querystring: z.object({
          from: date,
          days: z.coerce.number().int().min(0).max(3650),
          unit: z.enum(['working', 'calendar']).default('working'),
        }),
        response: {
          200: z.object({
            from: z.string(),
            days: z.number(),
            unit: z.enum(['working', 'calendar']),
            date: z.string(),
          }),
          ...problemResponses(400, 422),
        },
      },
    },
    async (request) => {
      const { from, days, unit } = request.query;
      return { from, days, unit, date: await addDays(db, from, days, unit) };
    },
  );

  app.get(
    '/api/calendar/years',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '节假日安排年份 Calendar years with their State Council notices',
        response: { 200: z.object({ items: z.array(yearSchema) }) },
      },
    },
    async () => ({ items: await listYears(db) }),
  );

  app.post(
    '/api/calendar/years',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: '新增年度节假日安排 Add a year from the State Council notice',
        body: z.strictObject({ calendar: calendarYearSchema, reason: z.string().trim().min(1).max(1000) }),
        response: { 201: yearSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const y = await db.transaction((tx) => addYear(tx, actorOf(request), request.body.calendar, request.body.reason));
      return reply.status(201).send(y);
    },
  );
};
