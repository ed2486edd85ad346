import {
  attendanceCreateSchema,
  CONCERN_CATEGORIES,
  CONCERN_STATUSES,
  concernAnswerSchema,
  concernCreateSchema,
  concernPublishSchema,
  concernResolveSchema,
  enterpriseBookingSchema,
  isChinesePhone,
  isoDateSchema,
  PETITION_TYPES,
  publicBookingSchema,
  RECEPTION_KINDS,
  receptionSessionCreateSchema,
  receptionSessionPatchSchema,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf, isStaff, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import {
  answerConcern,
  bookEnterprise,
  bookPublic,
  CONCERN_SORTS,
  type ConcernRow,
  cancelBooking,
  convertToPetition,
  createSession,
  deleteAttendance,
  getConcern,
  getSessionRow,
  listCases,
  listConcerns,
  listSessions,
  myBookings,
  patchSession,
  publishConcern,
  raiseConcern,
  recordAttendance,
  resolveConcern,
  type SessionRow,
  sessionAttendances,
  sessionBookings,
  sessionConcerns,
} from './service.ts';

export const RECEPTION_WRITE = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const CONCERN_READ = [...STAFF_ROLES, 'enterprise'] as const;

const idParams = z.object({ id: z.uuid() });
const isoDate = isoDateSchema;
const sessionSchema = z.object({
  id: z.string(),
  kind: z.enum(RECEPTION_KINDS),
  date: z.string(),
  leaderName: z.string(),
  sections: z.array(z.string()),
  location: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
const sessionSummarySchema = sessionSchema.extend({
  bookings: z.number(),
  bookedEnterprises: z.number(),
  people: z.number(),
  enterprisesReceived: z.number(),
  concerns: z.number(),
});
const bookingSchema = z.object({
  id: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  people: z.array(z.string()),
  peopleCount: z.number(),
  concern: z.string().nullable(),
  status: z.enum(['booked', 'cancelled']),
  createdAt: z.string(),
});
const attendanceSchema = z.object({
  id: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  bookingId: z.string().nullable(),
  personName: z.string(),
  phone: z.string().nullable(),
  walkIn: z.boolean(),
});
export const concernSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionDate: z.string(),
  sessionKind: z.enum(RECEPTION_KINDS),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  raisedBy: z.string(),
  category: z.enum(CONCERN_CATEGORIES),
  description: z.string(),
  answer: z.string().nullable(),
  accepted: z.boolean().nullable(),
  answeredAt: z.string().nullable(),
  followUpUserId: z.string().nullable(),
  followUpName: z.string().nullable(),
  dueDate: z.string().nullable(),
  clockId: z.string().nullable(),
  status: z.enum(CONCERN_STATUSES),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  petitionId: z.string().nullable(),
  published: z.boolean(),
  caseTitle: z.string().nullable(),
  version: z.number(),
});
const caseSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(CONCERN_CATEGORIES),
  sessionDate: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  resolution: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

function sessionOut(s: SessionRow) {
  return {
    id: s.id,
    kind: s.kind as 'enterprise' | 'public',
    date: s.date,
    leaderName: s.leaderName,
    sections: s.sections,
    location: s.location,
    note: s.note,
    version: s.version,
  };
}

type ConcernJoined = { c: ConcernRow; sessionDate: string; sessionKind: string; enterpriseName: string | null };
export function concernOut({ c, sessionDate, sessionKind, enterpriseName }: ConcernJoined) {
  return {
    id: c.id,
    sessionId: c.sessionId,
    sessionDate,
    sessionKind: sessionKind as 'enterprise' | 'public',
    enterpriseId: c.enterpriseId,
    enterpriseName,
    raisedBy: c.raisedBy,
    category: c.category as (typeof CONCERN_CATEGORIES)[number],
    description: c.description,
    answer: c.answer,
    accepted: c.accepted,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    followUpUserId: c.followUpUserId,
    followUpName: c.followUpName,
    dueDate: c.dueDate,
    clockId: c.clockId,
    status: c.status as (typeof CONCERN_STATUSES)[number],
    resolution: c.resolution,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    petitionId: c.petitionId,
    published: c.published,
    caseTitle: c.caseTitle,
    version: c.version,
  };
}

export const receptionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/reception/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reception'],
        summary: '接待日列表 Reception days',
        querystring: z.object({
          kind: z.enum(RECEPTION_KINDS).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          sort: z.enum(['date', '-date']).default('-date'),
          ...paging,
        }),
        response: {
          200: pageOf(sessionSummarySchema),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const { items, total } = await listSessions(db, f, sort, page, pageSize);
      return {
        items: items.map((r) => ({
          ...sessionOut(r.session),
          bookings: r.bookings,
          bookedEnterprises: r.bookedEnterprises,
          people: r.people,
          enterprisesReceived: r.enterprisesReceived,
          concerns: r.concerns,
        })),
        total,
        page,
        pageSize,
      };
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
        response: { 201: sessionSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(sessionOut(await createSession(db, actorOf(request), request.body))),
  );

  app.get(
    '/api/reception/sessions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reception'],
        summary: '接待日详情（预约名单公开，群众姓名脱敏） A reception day with its published bookings',
        params: idParams,
        response: {
          200: z.object({
            session: sessionSchema,
            bookings: z.array(bookingSchema),
            attendances: z.array(attendanceSchema).nullable(),
            concerns: z.array(concernSchema).nullable(),
          }),
          ...problemResponses(404),
        },
      },
    },
    async (request) => {
      const session = await getSessionRow(db, request.params.id);
      const staff = isStaff(request.user);
      const bookings = await sessionBookings(db, session.id, staff);
      if (!staff) return { session: sessionOut(session), bookings, attendances: null, concerns: null };
      const [att, concerns] = await Promise.all([sessionAttendances(db, session.id), sessionConcerns(db, session.id)]);
      return {
        session: sessionOut(session),
        bookings,
        attendances: att.map(({ a, enterpriseName }) => ({
          id: a.id,
          enterpriseId: a.enterpriseId,
          enterpriseName,
          bookingId: a.bookingId,
          personName: a.personName,
          phone: a.phone,
          walkIn: a.walkIn,
        })),
        concerns: concerns.map(concernOut),
      };
    },
  );

  app.patch(
    '/api/reception/sessions/:id',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '修改接待日 Update a reception day',
        params: idParams,
        body: receptionSessionPatchSchema,
        response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => sessionOut(await patchSession(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/reception/sessions/:id/bookings',
    {
      config: { access: [...RECEPTION_WRITE, 'enterprise'] },
      schema: {
        tags: ['reception'],
        summary: '企业预约接待日 Book an enterprise reception day',
        params: idParams,
        body: enterpriseBookingSchema,
        response: { 201: z.object({ id: z.string() }), ...problemResponses(400, 401, 403, 404, 409, 422) },
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
        params: idParams,
        body: publicBookingSchema,
        response: { 201: z.object({ id: z.string() }), ...problemResponses(400, 404, 409, 422, 429) },
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
        params: idParams,
        response: { 200: z.object({ id: z.string(), status: z.string() }), ...problemResponses(401, 403, 404, 409) },
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
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                sessionId: z.string(),
                sessionDate: z.string(),
                sessionKind: z.enum(RECEPTION_KINDS),
                peopleCount: z.number(),
                people: z.array(z.string()),
                concern: z.string(),
                status: z.string(),
              }),
            ),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => {
      const rows = await myBookings(db, request.user!);
      return {
        items: rows.map(({ b, sessionDate, sessionKind }) => ({
          id: b.id,
          sessionId: b.sessionId,
          sessionDate,
          sessionKind: sessionKind as 'enterprise' | 'public',
          peopleCount: b.peopleCount,
          people: b.people,
          concern: b.concern,
          status: b.status,
        })),
      };
    },
  );

  app.post(
    '/api/reception/sessions/:id/attendances',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '登记到场人员（含现场来访） Record who came (walk-ins too)',
        params: idParams,
        body: attendanceCreateSchema,
        response: { 201: z.object({ ids: z.array(z.string()) }), ...problemResponses(400, 401, 403, 404, 409) },
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
        params: idParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
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
        params: idParams,
        body: concernCreateSchema,
        response: { 201: concernSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await raiseConcern(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send(concernOut(await getConcern(db, request.user, row.id)));
    },
  );

  app.get(
    '/api/reception/concerns',
    {
      config: { access: CONCERN_READ },
      schema: {
        tags: ['reception'],
        summary: '接待日诉求列表 Reception-day concerns',
        querystring: z.object({
          status: z.enum(CONCERN_STATUSES).optional(),
          category: z.enum(CONCERN_CATEGORIES).optional(),
          enterpriseId: z.uuid().optional(),
          sessionId: z.uuid().optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          overdue: z.enum(['true', 'false']).optional(),
          sort: z.enum(CONCERN_SORTS).default('-date'),
          ...paging,
        }),
        response: {
          200: pageOf(concernSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, overdue, ...f } = request.query;
      const { items, total } = await listConcerns(
        db,
        request.user,
        { ...f, overdue: overdue === 'true' },
        sort,
        page,
        pageSize,
      );
      return { items: items.map(concernOut), total, page, pageSize };
    },
  );

  app.get(
    '/api/reception/concerns/:id',
    {
      config: { access: CONCERN_READ },
      schema: {
        tags: ['reception'],
        summary: '诉求详情 A concern',
        params: idParams,
        response: { 200: concernSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => concernOut(await getConcern(db, request.user, request.params.id)),
  );

  app.post(
    '/api/reception/concerns/:id/answer',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '答复诉求（受理或不予受理） Answer a concern (accept or not)',
        params: idParams,
        body: concernAnswerSchema,
        response: { 200: concernSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await answerConcern(db, actorOf(request), request.params.id, request.body);
      return concernOut(await getConcern(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/reception/concerns/:id/resolve',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '诉求办结 Resolve a concern',
        params: idParams,
        body: concernResolveSchema,
        response: { 200: concernSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await resolveConcern(db, actorOf(request), request.params.id, request.body);
      return concernOut(await getConcern(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/reception/concerns/:id/publish',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '作为案例公开（或撤回） Publish as a case (or withdraw)',
        params: idParams,
        body: concernPublishSchema,
        response: { 200: concernSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await publishConcern(db, actorOf(request), request.params.id, request.body);
      return concernOut(await getConcern(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/reception/concerns/:id/petition',
    {
      config: { access: RECEPTION_WRITE },
      schema: {
        tags: ['reception'],
        summary: '诉求转为信访件（保留关联） Convert a concern into a petition, keeping the link',
        params: idParams,
        body: z.strictObject({
          type: z.enum(PETITION_TYPES),
          title: z.string().trim().min(4).max(100),
          petitionerName: z.string().trim().min(1).max(50).optional(),
          petitionerPhone: z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' }),
          version: z.number().int().min(1),
        }),
        response: {
          201: z.object({ petitionId: z.string(), petitionCode: z.string(), concern: concernSchema }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const p = await convertToPetition(db, actorOf(request), request.params.id, request.body);
      const concern = concernOut(await getConcern(db, request.user, request.params.id));
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
        querystring: z.object({
          category: z.enum(CONCERN_CATEGORIES).optional(),
          q: z.string().trim().max(100).optional(),
          ...paging,
        }),
        response: {
          200: pageOf(caseSchema),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const { items, total } = await listCases(db, f, page, pageSize);
      return {
        items: items.map(({ c, sessionDate }) => ({
          id: c.id,
          title: c.caseTitle ?? '',
          category: c.category as (typeof CONCERN_CATEGORIES)[number],
          sessionDate,
          question: c.description,
          answer: c.answer,
          resolution: c.resolution,
          publishedAt: c.publishedAt?.toISOString() ?? null,
        })),
        total,
        page,
        pageSize,
      };
    },
  );
};
