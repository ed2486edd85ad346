import {
  attendanceCreateSchema,
  concernAnswerSchema,
  concernCreateSchema,
  concernPublishSchema,
  concernResolveSchema,
  enterpriseBookingSchema,
  publicBookingSchema,
  receptionSessionCreateSchema,
  receptionSessionPatchSchema,
  STAFF_ROLES,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  attendancesRecordedView,
  bookingCancelledView,
  bookingCreatedView,
  caseListQuery,
  caseView,
  concernListQuery,
  concernPetitionView,
  concernToPetitionBody,
  concernView,
  myBookingsView,
  noContent,
  receptionIdParams,
  sessionDetailView,
  sessionListQuery,
  sessionSummaryView,
  sessionView,
  toCaseView,
  toConcernView,
  toMyBookingView,
  toSessionDetailView,
  toSessionSummaryView,
  toSessionView,
} from './schema.ts';
import {
  answerConcern,
  bookEnterprise,
  bookPublic,
  cancelBooking,
  convertToPetition,
  createSession,
  deleteAttendance,
  getConcern,
  listCases,
  listConcerns,
  listSessions,
  myBookings,
  patchSession,
  publishConcern,
  raiseConcern,
  recordAttendance,
  resolveConcern,
  sessionDetail,
} from './service.ts';

export const RECEPTION_WRITE = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const CONCERN_READ = [...STAFF_ROLES, 'enterprise'] as const;

export const receptionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/reception/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reception'],
        summary: '接待日列表 Reception days',
        querystring: sessionListQuery,
        response: {
          200: pageOf(sessionSummaryView),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const paged = await listSessions(db, f, sort, page, pageSize);
      return { ...paged, items: paged.items.map(toSessionSummaryView) };
    },
  );

  app.post(
    '/api/reception/sessions',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '安排接待日 Schedule a reception day',
        body: receptionSessionCreateSchema,
        response: { 201: sessionView, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toSessionView(await createSession(db, actorOf(request), request.body))),
  );

  app.get(
    '/api/reception/sessions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reception'],
        summary: '接待日详情（预约名单公开，群众姓名脱敏） A reception day with its published bookings',
        params: receptionIdParams,
        response: {
          200: sessionDetailView,
          ...problemResponses(404),
        },
      },
    },
    async (request) => toSessionDetailView(await sessionDetail(db, request.user, request.params.id)),
  );

  app.patch(
    '/api/reception/sessions/:id',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '修改接待日 Update a reception day',
        params: receptionIdParams,
        body: receptionSessionPatchSchema,
        response: { 200: sessionView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toSessionView(await patchSession(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/reception/sessions/:id/bookings',
    {
      config: { access: [...RECEPTION_WRITE, 'enterprise'] },
      schema: {
        tags: ['reception'],
        summary: '企业预约接待日 Book an enterprise reception day',
        params: receptionIdParams,
        body: enterpriseBookingSchema,
        response: { 201: bookingCreatedView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await bookEnterprise(db, request.user!, actorOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  app.post(
    '/api/reception/sessions/:id/public-bookings',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['reception'],
        summary: '群众预约接待日（无需账号） Book a public reception day (no account needed)',
        params: receptionIdParams,
        body: publicBookingSchema,
        response: { 201: bookingCreatedView, ...problemResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const row = await bookPublic(db, request.user, actorOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  app.post(
    '/api/reception/bookings/:id/cancel',
    {
      config: { access: [...RECEPTION_WRITE, 'enterprise', 'citizen'] },
      schema: {
        tags: ['reception'],
        summary: '取消预约 Cancel a booking',
        params: receptionIdParams,
        response: { 200: bookingCancelledView, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const b = await cancelBooking(db, request.user!, actorOf(request), request.params.id);
      return { id: b.id, status: b.status };
    },
  );

  app.get(
    '/api/reception/my-bookings',
    {
      config: { access: ['enterprise', 'citizen'] },
      schema: {
        tags: ['reception'],
        summary: '我的接待日预约 My reception bookings',
        response: {
          200: myBookingsView,
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => ({ items: (await myBookings(db, request.user!)).map(toMyBookingView) }),
  );

  app.post(
    '/api/reception/sessions/:id/attendances',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '登记到场人员（含现场来访） Record who came (walk-ins too)',
        params: receptionIdParams,
        body: attendanceCreateSchema,
        response: { 201: attendancesRecordedView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const rows = await recordAttendance(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send({ ids: rows.map((r) => r.id) });
    },
  );

  app.delete(
    '/api/reception/attendances/:id',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '删除到场登记 Delete an attendance entry',
        params: receptionIdParams,
        response: { 204: noContent, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteAttendance(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/reception/sessions/:id/concerns',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '记录接待日诉求 Record a concern raised at the session',
        params: receptionIdParams,
        body: concernCreateSchema,
        response: { 201: concernView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await raiseConcern(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send(toConcernView(await getConcern(db, request.user, row.id)));
    },
  );

  app.get(
    '/api/reception/concerns',
    {
      config: { access: CONCERN_READ },
      schema: {
        tags: ['reception'],
        summary: '接待日诉求列表 Reception-day concerns',
        querystring: concernListQuery,
        response: {
          200: pageOf(concernView),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, overdue, ...f } = request.query;
      const paged = await listConcerns(db, request.user, { ...f, overdue: overdue === 'true' }, sort, page, pageSize);
      return { ...paged, items: paged.items.map(toConcernView) };
    },
  );

  app.get(
    '/api/reception/concerns/:id',
    {
      config: { access: CONCERN_READ },
      schema: {
        tags: ['reception'],
        summary: '诉求详情 A concern',
        params: receptionIdParams,
        response: { 200: concernView, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => toConcernView(await getConcern(db, request.user, request.params.id)),
  );

  app.post(
    '/api/reception/concerns/:id/answer',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '答复诉求（受理或不予受理） Answer a concern (accept or not)',
        params: receptionIdParams,
        body: concernAnswerSchema,
        response: { 200: concernView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await answerConcern(db, actorOf(request), request.params.id, request.body);
      return toConcernView(await getConcern(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/reception/concerns/:id/resolve',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '诉求办结 Resolve a concern',
        params: receptionIdParams,
        body: concernResolveSchema,
        response: { 200: concernView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await resolveConcern(db, actorOf(request), request.params.id, request.body);
      return toConcernView(await getConcern(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/reception/concerns/:id/publish',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '作为案例公开（或撤回） Publish as a case (or withdraw)',
        params: receptionIdParams,
        body: concernPublishSchema,
        response: { 200: concernView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await publishConcern(db, actorOf(request), request.params.id, request.body);
      return toConcernView(await getConcern(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/reception/concerns/:id/petition',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '诉求转为信访件（保留关联） Convert a concern into a petition, keeping the link',
        params: receptionIdParams,
        body: concernToPetitionBody,
        response: {
          201: concernPetitionView,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const p = await convertToPetition(db, actorOf(request), request.params.id, request.body);
      const concern = toConcernView(await getConcern(db, request.user, request.params.id));
      return reply.status(201).send({ petitionId: p.id, petitionCode: p.code, concern });
    },
  );

  app.get(
    '/api/reception/cases',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reception'],
        summary: '接待日答复案例 Published cases',
        querystring: caseListQuery,
        response: {
          200: pageOf(caseView),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const paged = await listCases(db, f, page, pageSize);
      return { ...paged, items: paged.items.map(toCaseView) };
    },
  );
};
