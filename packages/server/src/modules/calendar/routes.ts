import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import {
  calendarChangeBody,
  calendarYearParams,
  calendarYearVersionSchema,
  calendarYearViewSchema,
  changedCalendarYearSchema,
  dayAddQuery,
  dayAddSchema,
  dayInfoSchema,
  dayParams,
  toDayAddView,
} from './schema.ts';
import { addDays, addYearCommitted, dayInfo, listVersions, listYears, replaceYearCommitted } from './service.ts';

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/calendar/days/:date',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '某日是否工作日 Is a date a working day (official holidays and 调休)',
        description:
          '尚无国务院办公厅通知的年份（2020—2099）依《全国年节及纪念日放假办法》推算，provisional 为 true（暂定）；' +
          '2020 年以前或 2099 年以后答 422 CALENDAR_OUT_OF_RANGE。',
        params: dayParams,
        response: {
          200: dayInfoSchema,
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
        description:
          '按工作日计算且经过尚无通知的年份时 provisional 为 true（暂定，不含调休上班日）；按自然日计算不读节假日数据，provisional 为 false。',
        querystring: dayAddQuery,
        response: {
          200: dayAddSchema,
          ...problemResponses(400, 422),
        },
      },
    },
    async (request) => {
      const { from, days, unit } = request.query;
      return toDayAddView(request.query, await addDays(db, from, days, unit));
    },
  );

  app.get(
    '/api/calendar/years',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '节假日安排年份 Calendar years with their State Council notices',
        response: { 200: z.object({ items: z.array(calendarYearViewSchema) }) },
      },
    },
    async () => ({ items: await listYears(db) }),
  );

  app.get(
    '/api/calendar/years/:year/versions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '年度节假日安排的各版本 Versions of a calendar year',
        params: calendarYearParams,
        response: { 200: z.object({ items: z.array(calendarYearVersionSchema) }), ...problemResponses(400, 404) },
      },
    },
    async (request) => ({ items: await listVersions(db, request.params.year) }),
  );

  app.post(
    '/api/calendar/years',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: '新增年度节假日安排 Add a year from the State Council notice',
        body: calendarChangeBody,
        response: { 201: changedCalendarYearSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const y = await addYearCommitted(db, actorOf(request), request.body.calendar, request.body.reason);
      return reply.status(201).send(y);
    },
  );

  app.put(
    '/api/calendar/years/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: '替换年度节假日安排（通知发布或调整）Replace a year when its notice is published or amended',
        description:
          '新版本记录理由与来源（calendar.source 写明通知文号）；同一事务内重算所有未办结期限并刷新业务记录上的期限。',
        params: calendarYearParams,
        body: calendarChangeBody,
        response: { 200: changedCalendarYearSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      replaceYearCommitted(db, actorOf(request), request.params.year, request.body.calendar, request.body.reason),
  );
};
