import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  alarmAnswerBody,
  alarmCloseBody,
  alarmDetailSchema,
  alarmIdParams,
  alarmsQuery,
  alarmViewSchema,
  toAlarmDetailView,
  toAlarmView,
} from './schema.ts';
import { answerAlarm, closeAlarm, getAlarm, getAlarmAttachment, listAlarms } from './service.ts';

const READERS = [...STAFF_ROLES, 'enterprise'] as const;
/** officers who review and close an alarm */
export const ALARM_REVIEWERS = ['admin', 'leader', 'monitor', 'inspector'] as const;

export const alarmRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/alarms',
    {
      config: { access: READERS },
      schema: {
        tags: ['alarms'],
        summary: '报警列表 Alarms, newest first unless sorted; an enterprise sees its own',
        querystring: alarmsQuery,
        response: { 200: pageOf(alarmViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const res = await listAlarms(db, request.user, f, { page, pageSize });
      return { ...res, items: res.items.map(toAlarmView) };
    },
  );

  app.get(
    '/api/alarms/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['alarms'],
        summary: '报警详情 An alarm with its timeline and the answer’s attachment',
        params: alarmIdParams,
        response: { 200: alarmDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toAlarmDetailView(await getAlarm(db, request.user, request.params.id)),
  );

  app.get(
    '/api/alarms/:id/attachment',
    {
      config: { access: READERS },
      schema: {
        tags: ['alarms'],
        summary: '下载答复附件 Download the file attached to the enterprise’s answer',
        params: alarmIdParams,
        response: { 200: z.any().describe('the attached file'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const a = await getAlarmAttachment(db, request.user, request.params.id);
      const ext = a.contentType === 'application/pdf' ? 'pdf' : a.contentType === 'image/png' ? 'png' : 'jpg';
      return reply
        .type(a.contentType)
        .header(
          'content-disposition',
          `attachment; filename="alarm-attachment.${ext}"; filename*=UTF-8''${encodeURIComponent(a.name)}`,
        )
        .send(a.content);
    },
  );

  app.post(
    '/api/alarms/:id/answer',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['alarms'],
        summary: '企业答复报警 The enterprise answers: reason, action taken, optional file (PDF, JPEG, PNG; 2 MB)',
        params: alarmIdParams,
        body: alarmAnswerBody,
        response: { 200: alarmDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toAlarmDetailView(
        await db.transaction((tx) => answerAlarm(tx, actorOf(request), request.user!, request.params.id, request.body)),
      ),
  );

  app.post(
    '/api/alarms/:id/close',
    {
      config: { access: ALARM_REVIEWERS },
      schema: {
        tags: ['alarms'],
        summary: '审核关闭报警 An officer reviews and closes: confirmed (evidence) or dismissed (false alarm)',
        params: alarmIdParams,
        body: alarmCloseBody,
        response: { 200: alarmDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toAlarmDetailView(
        await db.transaction((tx) => closeAlarm(tx, actorOf(request), request.user!, request.params.id, request.body)),
      ),
  );
};
