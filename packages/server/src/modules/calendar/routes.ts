import { calendarYearSchema, isoDateSchema } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { addDays, addYear, dayInfo, invalidateCalendar, listVersions, listYears, replaceYear } from './service.ts';

const date = isoDateSchema;
const yearData = {
  year: z.number(),
  source: z.string(),
  holidays: z.array(
    z.object({
      name: z.string(),
      nameEn: z.string(),
      dates: z.array(z.string()),
      /** a 补假 day of a provisional year (第六条), not a statutory day */
      compensation: z.boolean().optional(),
    }),
  ),
  makeupWorkdays: z.array(z.object({ name: z.string(), date: z.string() })),
};
const yearSchema = z.object({
  ...yearData,
  shipped: z.boolean(),
  provisional: z.boolean().meta({ description: '暂定：无国务院办公厅通知，依放假办法推算' }),
  version: z.number(),
  reason: z.string().nullable(),
  createdAt: z.string().nullable(),
});
const changedYearSchema = yearSchema.extend({ clocksChanged: z.number() });
const versionSchema = z.object({
  year: z.number(),
  version: z.number(),
  data: z.object(yearData),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  current: z.boolean(),
});
const changeBody = z.strictObject({ calendar: calendarYearSchema, reason: z.string().trim().min(1).max(1000) });

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
        params: z.object({ date }),
        response: {
          200: z.object({
            date: z.string(),
            workingDay: z.boolean(),
            kind: z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']),
            name: z.string().optional(),
            provisional: z.boolean(),
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
        description:
          '按工作日计算且经过尚无通知的年份时 provisional 为 true（暂定，不含调休上班日）；按自然日计算不读节假日数据，provisional 为 false。',
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
            provisional: z.boolean(),
          }),
          ...problemResponses(400, 422),
        },
      },
    },
    async (request) => {
      const { from, days, unit } = request.query;
      return { from, days, unit, ...(await addDays(db, from, days, unit)) };
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

  app.get(
    '/api/calendar/years/:year/versions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '年度节假日安排的各版本 Versions of a calendar year',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ items: z.array(versionSchema) }), ...problemResponses(400, 404) },
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
        body: changeBody,
        response: { 201: changedYearSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const y = await db.transaction((tx) => addYear(tx, actorOf(request), request.body.calendar, request.body.reason));
      invalidateCalendar(); // after commit too: a reader between invalidation and commit cached the old data
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
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: changeBody,
        response: { 200: changedYearSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const y = await db.transaction((tx) =>
        replaceYear(tx, actorOf(request), request.params.year, request.body.calendar, request.body.reason),
      );
      invalidateCalendar();
      return y;
    },
  );
};
