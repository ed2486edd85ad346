import { ALL_ROLES, STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf, isStaff } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { codeParams, phoneQuery } from '../../shared/public-lookup.ts';
import { ratingByPhoneBody, ratingViewSchema, toRatingView } from '../ratings/schema.ts';
import { eventRatingStateByPhone, rateEvent } from '../ratings/service.ts';
import {
  appointmentListQuery,
  appointmentServiceListViewSchema,
  appointmentServiceViewSchema,
  appointmentViewSchema,
  bookingBody,
  exceptionBody,
  exceptionParams,
  exceptionViewSchema,
  idParams,
  markBody,
  moveBody,
  noContentSchema,
  openingViewSchema,
  planBody,
  planParams,
  planViewSchema,
  publicAppointmentViewSchema,
  publicCancelBody,
  publicMoveBody,
  remindersViewSchema,
  serviceCreateBody,
  servicePatchBody,
  slotListViewSchema,
  slotQuery,
  toAppointmentServiceView,
  toAppointmentView,
  toExceptionView,
  toOpeningView,
  toPlanView,
  toSlotView,
} from './schema.ts';
import {
  addException,
  addPlan,
  assertOwner,
  book,
  byCodeAndPhone,
  cancel,
  createService,
  deleteException,
  deletePlan,
  getAppointment,
  listAppointments,
  listServices,
  mark,
  move,
  openingOf,
  patchService,
  sendAppointmentReminders,
  slotsOf,
  withSlot,
} from './service.ts';

/** The window: clerks run it; leaders and admins may stand in. */
export const WINDOW_ROLES = ['admin', 'leader', 'clerk'] as const;
/** Every signed-in role; enterprises and citizens reach only their own bookings (assertOwner, ownScope). */
const OWN_BOOKINGS = ALL_ROLES;
// the applicant sees their own booking in full; it is their data
const FULL = { unmasked: true };

export const appointmentRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit?: number }> = async (
  app,
  { db, publicRateLimit = 30 },
) => {
  // Public writes and lookups by code + phone are guessing targets: keep them slow per client.
  const LOOKUP_LIMIT = { max: publicRateLimit, timeWindow: '1 minute' };
  app.get(
    '/api/public/appointment-services',
    {
      config: { access: 'public' },
      schema: {
        tags: ['appointments'],
        summary: '可预约窗口 Window services open for booking',
        response: { 200: appointmentServiceListViewSchema },
      },
    },
    async () => ({ items: (await listServices(db, false)).map(toAppointmentServiceView) }),
  );

  app.get(
    '/api/public/appointment-services/:id/slots',
    {
      config: { access: 'public' },
      schema: {
        tags: ['appointments'],
        summary: '可预约时段（默认今天起 14 天） Slots of a window (default: 14 days from today)',
        params: idParams,
        querystring: slotQuery,
        response: { 200: slotListViewSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => ({
      items: (await slotsOf(db, request.params.id, request.query, isStaff(request.user))).map(toSlotView),
    }),
  );

  app.post(
    '/api/appointments',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['appointments'],
        summary: '预约（群众无需账号，填写姓名和手机号） Book a slot (citizens need no account: name + phone)',
        body: bookingBody,
        response: { 201: appointmentViewSchema, ...problemResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const row = await book(db, request.user, actorOf(request), request.body);
      return reply.status(201).send(toAppointmentView(await withSlot(db, row), FULL));
    },
  );

  app.get(
    '/api/public/appointments/:code',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['appointments'],
        summary: '凭预约码和手机号查询预约 Look up a booking by code and phone',
        params: codeParams,
        querystring: phoneQuery,
        response: { 200: publicAppointmentViewSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const row = await byCodeAndPhone(db, request.params.code, request.query.phone);
      const [x, ratingWindow] = await Promise.all([
        withSlot(db, row),
        eventRatingStateByPhone(db, 'appointment', row.id, request.query.phone),
      ]);
      return { ...toAppointmentView(x, FULL), ratingWindow };
    },
  );

  app.post(
    '/api/public/appointments/:code/cancel',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['appointments'],
        summary: '凭预约码和手机号取消预约 Cancel a booking by code and phone',
        params: codeParams,
        body: publicCancelBody,
        response: { 200: appointmentViewSchema, ...problemResponses(400, 404, 409, 429) },
      },
    },
    async (request) => {
      const found = await byCodeAndPhone(db, request.params.code, request.body.phone);
      const row = await cancel(db, actorOf(request), found.id, () => {});
      return toAppointmentView(await withSlot(db, row), FULL);
    },
  );

  app.post(
    '/api/public/appointments/:code/move',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['appointments'],
        summary: '凭预约码和手机号改约 Move a booking by code and phone',
        params: codeParams,
        body: publicMoveBody,
        response: { 200: appointmentViewSchema, ...problemResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request) => {
      const found = await byCodeAndPhone(db, request.params.code, request.body.phone);
      const row = await move(db, actorOf(request), found.id, request.body.slotId, () => {});
      return toAppointmentView(await withSlot(db, row), FULL);
    },
  );

  app.post(
    '/api/public/appointments/:code/rating',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['appointments', 'ratings'],
        summary: '凭预约码和手机号评价（好差评） Rate a served appointment by code and phone',
        params: codeParams,
        body: ratingByPhoneBody,
        response: { 201: ratingViewSchema, ...problemResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { phone: p, ...rating } = request.body;
      const found = await byCodeAndPhone(db, request.params.code, p);
      const row = await rateEvent(db, actorOf(request), { kind: 'phone', phone: p }, 'appointment', found.id, rating);
      // the caller is anonymous: the bureau's follow-up (who handles it) stays inside
      return reply.status(201).send(toRatingView(row, false));
    },
  );

  app.get(
    '/api/appointments',
    {
      config: { access: OWN_BOOKINGS },
      schema: {
        tags: ['appointments'],
        summary: '预约列表（窗口：当日预约；企业和群众：本人的预约） Bookings (staff: all; others: their own)',
        querystring: appointmentListQuery,
        response: {
          200: pageOf(appointmentViewSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      const found = await listAppointments(db, request.user, filter, sort, { page, pageSize });
      return { ...found, items: found.items.map((x) => toAppointmentView(x, FULL)) };
    },
  );

  app.get(
    '/api/appointments/:id',
    {
      config: { access: OWN_BOOKINGS },
      schema: {
        tags: ['appointments'],
        summary: '预约详情 One booking',
        params: idParams,
        response: { 200: appointmentViewSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const row = await getAppointment(db, request.params.id);
      assertOwner(request.user, row);
      return toAppointmentView(await withSlot(db, row), FULL);
    },
  );

  app.post(
    '/api/appointments/:id/cancel',
    {
      config: { access: OWN_BOOKINGS },
      schema: {
        tags: ['appointments'],
        summary: '取消预约 Cancel a booking',
        params: idParams,
        response: { 200: appointmentViewSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await cancel(db, actorOf(request), request.params.id, (r) => assertOwner(request.user, r));
      return toAppointmentView(await withSlot(db, row), FULL);
    },
  );

  app.post(
    '/api/appointments/:id/move',
    {
      config: { access: OWN_BOOKINGS },
      schema: {
        tags: ['appointments'],
        summary: '改约到同一窗口的另一时段 Move a booking to another slot of the same window',
        params: idParams,
        body: moveBody,
        response: { 200: appointmentViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const row = await move(db, actorOf(request), request.params.id, request.body.slotId, (r) =>
        assertOwner(request.user, r),
      );
      return toAppointmentView(await withSlot(db, row), FULL);
    },
  );

  app.post(
    '/api/appointments/:id/mark',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '窗口登记：到达、爽约、已办理 Window marks: arrived, no-show, served',
        params: idParams,
        body: markBody,
        response: { 200: appointmentViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await mark(db, actorOf(request), request.params.id, request.body.status);
      return toAppointmentView(await withSlot(db, row), FULL);
    },
  );

  app.post(
    '/api/appointments/reminders',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '立即发送明日预约提醒（调度器每小时也会运行） Send tomorrow’s reminders now',
        response: { 200: remindersViewSchema, ...problemResponses(401, 403) },
      },
    },
    async () => ({ sent: await sendAppointmentReminders(db) }),
  );

  // ---- window services, plans, exceptions (staff) ----

  app.get(
    '/api/appointment-services',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '预约窗口（含停用） Window services, inactive included',
        response: { 200: appointmentServiceListViewSchema, ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: (await listServices(db, true)).map(toAppointmentServiceView) }),
  );

  app.post(
    '/api/appointment-services',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '新建预约窗口 Create a window service',
        body: serviceCreateBody,
        response: { 201: appointmentServiceViewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toAppointmentServiceView(await createService(db, actorOf(request), request.body))),
  );

  app.patch(
    '/api/appointment-services/:id',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '修改预约窗口 Update a window service',
        params: idParams,
        body: servicePatchBody,
        response: { 200: appointmentServiceViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return toAppointmentServiceView(await patchService(db, actorOf(request), request.params.id, input, version));
    },
  );

  app.get(
    '/api/appointment-services/:id/plans',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '开放计划与例外日 Opening plans and exceptions of a window',
        params: idParams,
        response: { 200: openingViewSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => toOpeningView(await openingOf(db, request.params.id)),
  );

  app.post(
    '/api/appointment-services/:id/plans',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '新增开放计划（工作日按节假日安排计算） Add an opening plan (working days per the holiday calendar)',
        params: idParams,
        body: planBody,
        response: { 201: planViewSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const p = await addPlan(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send(toPlanView(p));
    },
  );

  app.delete(
    '/api/appointment-services/:id/plans/:planId',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '删除开放计划（已有预约的时段关闭但保留预约） Delete a plan (booked slots close, bookings stay)',
        params: planParams,
        response: { 204: noContentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deletePlan(db, actorOf(request), request.params.id, request.params.planId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/appointment-services/:id/exceptions',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '新增例外日：停办或加开 Add an exception: a closed day or an extra day',
        params: idParams,
        body: exceptionBody,
        response: { 201: exceptionViewSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const e = await addException(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send(toExceptionView(e));
    },
  );

  app.delete(
    '/api/appointment-services/:id/exceptions/:exceptionId',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '删除例外日 Delete an exception',
        params: exceptionParams,
        response: { 204: noContentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteException(db, actorOf(request), request.params.id, request.params.exceptionId);
      return reply.status(204).send(null);
    },
  );
};
