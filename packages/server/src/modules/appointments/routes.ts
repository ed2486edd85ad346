import {
  APPOINTMENT_STATUSES,
  appointmentServiceSchema,
  bookingSchema,
  isChinesePhone,
  isoDateSchema,
  openingExceptionSchema,
  openingPlanSchema,
  PLAN_DAY_RULES,
  ratingSchema,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, isStaff, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import { rateEvent } from '../ratings/service.ts';
import { ratingViewSchema, toRatingView } from '../ratings/views.ts';
import {
  APPOINTMENT_SORTS,
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
  getService,
  listAppointments,
  listExceptions,
  listPlans,
  listServices,
  listSlots,
  mark,
  move,
  patchService,
  sendAppointmentReminders,
  toView,
  withSlot,
} from './service.ts';

/** The window: clerks run it; leaders and admins may stand in. */
export const WINDOW_ROLES = ['admin', 'leader', 'clerk'] as const;
const OWN_BOOKINGS = [...STAFF_ROLES, 'enterprise', 'citizen'] as const;

const dateStr = isoDateSchema;
const phone = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });
const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ code: z.string().trim().min(4).max(20) });

const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  location: z.string(),
  active: z.boolean(),
  version: z.number(),
});
const planSchema = z.object({
  id: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  dayRule: z.enum(PLAN_DAY_RULES),
  weekdays: z.array(z.number()),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number(),
  capacity: z.number(),
  extended: z.boolean(),
});
const exceptionSchema = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(['closed', 'extra']),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  slotMinutes: z.number().nullable(),
  capacity: z.number().nullable(),
  extended: z.boolean().nullable(),
  note: z.string().nullable(),
});
const slotSchema = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number(),
  booked: z.number(),
  available: z.number(),
  extended: z.boolean(),
  closed: z.boolean(),
});
export const appointmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  location: z.string().nullable(),
  slotId: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  extended: z.boolean(),
  applicantKind: z.enum(['enterprise', 'citizen']),
  enterpriseId: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  matter: z.string(),
  note: z.string().nullable(),
  status: z.enum(APPOINTMENT_STATUSES),
  arrivedAt: z.string().nullable(),
  servedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
});

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const slotQuery = z
  .object({ from: dateStr.optional(), to: dateStr.optional(), includeClosed: z.stringbool().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'common.invalid' });

const serviceOut = (s: {
  id: string;
  name: string;
  description: string | null;
  location: string;
  active: boolean;
  version: number;
}) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  location: s.location,
  active: s.active,
  version: s.version,
});

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
        response: { 200: z.object({ items: z.array(serviceSchema) }) },
      },
    },
    async () => ({ items: (await listServices(db, false)).map(serviceOut) }),
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
        response: { 200: z.object({ items: z.array(slotSchema) }), ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const svc = await getService(db, request.params.id);
      const staff = isStaff(request.user);
      if (!svc.active && !staff) throw new AppError('RECORD_NOT_FOUND');
      const from = request.query.from ?? today();
      const to = request.query.to ?? plusDays(from, 13);
      if (plusDays(from, 92) < to) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'to', message: { zh: '一次最多查询 92 天', en: 'at most 92 days at once' } }],
        });
      }
      const rows = await listSlots(db, svc.id, from, to, staff && request.query.includeClosed === true);
      return {
        items: rows.map((s) => ({
          id: s.id,
          date: s.date,
          startTime: s.startTime,
          endTime: s.endTime,
          capacity: s.capacity,
          booked: s.booked,
          available: Math.max(0, s.capacity - s.booked),
          extended: s.extended,
          closed: s.closed,
        })),
      };
    },
  );

  app.post(
    '/api/appointments',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['appointments'],
        summary: '预约（群众无需账号，填写姓名和手机号） Book a slot (citizens need no account: name + phone)',
        body: bookingSchema,
        response: { 201: appointmentSchema, ...problemResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const row = await book(db, request.user, actorOf(request), request.body);
      // the applicant sees their own booking in full; it is their data
      return reply.status(201).send(toView(await withSlot(db, row), { unmasked: true }));
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
        querystring: z.object({ phone }),
        response: { 200: appointmentSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const row = await byCodeAndPhone(db, request.params.code, request.query.phone);
      return toView(await withSlot(db, row), { unmasked: true });
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
        body: z.strictObject({ phone }),
        response: { 200: appointmentSchema, ...problemResponses(400, 404, 409, 429) },
      },
    },
    async (request) => {
      const found = await byCodeAndPhone(db, request.params.code, request.body.phone);
      const row = await cancel(db, actorOf(request), found.id, () => {});
      return toView(await withSlot(db, row), { unmasked: true });
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
        body: z.strictObject({ phone, slotId: z.uuid() }),
        response: { 200: appointmentSchema, ...problemResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request) => {
      const found = await byCodeAndPhone(db, request.params.code, request.body.phone);
      const row = await move(db, actorOf(request), found.id, request.body.slotId, () => {});
      return toView(await withSlot(db, row), { unmasked: true });
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
        body: ratingSchema.safeExtend({ phone }),
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

  const listQuery = z.object({
    serviceId: z.uuid().optional(),
    status: z.enum(APPOINTMENT_STATUSES).optional(),
    from: dateStr.optional(),
    to: dateStr.optional(),
    extended: z.stringbool().optional(),
    q: z.string().trim().max(50).optional(),
    sort: z.enum(APPOINTMENT_SORTS).default('startsAt'),
    ...paging,
  });

  app.get(
    '/api/appointments',
    {
      config: { access: OWN_BOOKINGS },
      schema: {
        tags: ['appointments'],
        summary: '预约列表（窗口：当日预约；企业和群众：本人的预约） Bookings (staff: all; others: their own)',
        querystring: listQuery,
        response: {
          200: pageOf(appointmentSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      const { items, total } = await listAppointments(db, request.user, filter, sort, page, pageSize);
      return { items: items.map((x) => toView(x, { unmasked: true })), total, page, pageSize };
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
        response: { 200: appointmentSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const row = await getAppointment(db, request.params.id);
      assertOwner(request.user, row);
      return toView(await withSlot(db, row), { unmasked: true });
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
        response: { 200: appointmentSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await cancel(db, actorOf(request), request.params.id, (r) => assertOwner(request.user, r));
      return toView(await withSlot(db, row), { unmasked: true });
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
        body: z.strictObject({ slotId: z.uuid() }),
        response: { 200: appointmentSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const row = await move(db, actorOf(request), request.params.id, request.body.slotId, (r) =>
        assertOwner(request.user, r),
      );
      return toView(await withSlot(db, row), { unmasked: true });
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
        body: z.strictObject({ status: z.enum(['arrived', 'no-show', 'served']) }),
        response: { 200: appointmentSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await mark(db, actorOf(request), request.params.id, request.body.status);
      return toView(await withSlot(db, row), { unmasked: true });
    },
  );

  app.post(
    '/api/appointments/reminders',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '立即发送明日预约提醒（调度器每小时也会运行） Send tomorrow’s reminders now',
        response: { 200: z.object({ sent: z.number() }), ...problemResponses(401, 403) },
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
        response: { 200: z.object({ items: z.array(serviceSchema) }), ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: (await listServices(db, true)).map(serviceOut) }),
  );

  app.post(
    '/api/appointment-services',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '新建预约窗口 Create a window service',
        body: appointmentServiceSchema,
        response: { 201: serviceSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(serviceOut(await createService(db, actorOf(request), request.body))),
  );

  app.patch(
    '/api/appointment-services/:id',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '修改预约窗口 Update a window service',
        params: idParams,
        body: appointmentServiceSchema.partial().extend({ version: z.number().int().min(1) }),
        response: { 200: serviceSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return serviceOut(await patchService(db, actorOf(request), request.params.id, input, version));
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
        response: {
          200: z.object({ plans: z.array(planSchema), exceptions: z.array(exceptionSchema) }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      await getService(db, request.params.id);
      const [plans, exceptions] = await Promise.all([
        listPlans(db, request.params.id),
        listExceptions(db, request.params.id),
      ]);
      return {
        plans: plans.map((p) => ({ ...p, dayRule: p.dayRule as (typeof PLAN_DAY_RULES)[number] })),
        exceptions: exceptions.map((e) => ({ ...e, kind: e.kind as 'closed' | 'extra' })),
      };
    },
  );

  app.post(
    '/api/appointment-services/:id/plans',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '新增开放计划（工作日按节假日安排计算） Add an opening plan (working days per the holiday calendar)',
        params: idParams,
        body: openingPlanSchema,
        response: { 201: planSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const p = await addPlan(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send({ ...p, dayRule: p.dayRule as (typeof PLAN_DAY_RULES)[number] });
    },
  );

  app.delete(
    '/api/appointment-services/:id/plans/:planId',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '删除开放计划（已有预约的时段关闭但保留预约） Delete a plan (booked slots close, bookings stay)',
        params: z.object({ id: z.uuid(), planId: z.uuid() }),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
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
        body: openingExceptionSchema,
        response: { 201: exceptionSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const e = await addException(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send({ ...e, kind: e.kind as 'closed' | 'extra' });
    },
  );

  app.delete(
    '/api/appointment-services/:id/exceptions/:exceptionId',
    {
      config: { access: WINDOW_ROLES },
      schema: {
        tags: ['appointments'],
        summary: '删除例外日 Delete an exception',
        params: z.object({ id: z.uuid(), exceptionId: z.uuid() }),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteException(db, actorOf(request), request.params.id, request.params.exceptionId);
      return reply.status(204).send(null);
    },
  );
};
