import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  appointmentServiceSchema,
  bookingSchema,
  isoDateSchema,
  maskName,
  maskPhone,
  openingExceptionSchema,
  openingPlanSchema,
  PLAN_DAY_RULES,
} from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { phoneSchema } from '../../shared/public-lookup.ts';
import { ratingWindowViewSchema } from '../ratings/schema.ts';
import type { AppointmentWithSlot, ExceptionRow, PlanRow, ServiceRow, SlotRow } from './service.ts';

export const APPOINTMENT_SORTS = ['startsAt', '-startsAt', 'createdAt', '-createdAt'] as const;

export const idParams = z.object({ id: z.uuid() });
export const planParams = z.object({ id: z.uuid(), planId: z.uuid() });
export const exceptionParams = z.object({ id: z.uuid(), exceptionId: z.uuid() });

export const slotQuery = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), includeClosed: z.stringbool().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'common.invalid' });

/** The booking form (anonymous citizens, signed-in citizens and enterprises, the window for a caller). */
export const bookingBody = bookingSchema;
export const publicCancelBody = z.strictObject({ phone: phoneSchema });
export const publicMoveBody = z.strictObject({ phone: phoneSchema, slotId: z.uuid() });
export const moveBody = z.strictObject({ slotId: z.uuid() });
export const markBody = z.strictObject({ status: z.enum(['arrived', 'no-show', 'served']) });

export const appointmentListQuery = z.object({
  serviceId: z.uuid().optional(),
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  extended: z.stringbool().optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(APPOINTMENT_SORTS).default('startsAt'),
  ...paging,
});

export const serviceCreateBody = appointmentServiceSchema;
export const servicePatchBody = appointmentServiceSchema.partial().extend({ version: z.number().int().min(1) });
export const planBody = openingPlanSchema;
export const exceptionBody = openingExceptionSchema;

export const appointmentServiceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  location: z.string(),
  active: z.boolean(),
  version: z.number(),
});
export type AppointmentServiceView = z.infer<typeof appointmentServiceViewSchema>;
export const appointmentServiceListViewSchema = z.object({ items: z.array(appointmentServiceViewSchema) });

export const planViewSchema = z.object({
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
export type PlanView = z.infer<typeof planViewSchema>;

export const exceptionViewSchema = z.object({
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
export type ExceptionView = z.infer<typeof exceptionViewSchema>;

export const openingViewSchema = z.object({ plans: z.array(planViewSchema), exceptions: z.array(exceptionViewSchema) });
export type OpeningView = z.infer<typeof openingViewSchema>;

export const slotViewSchema = z.object({
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
export type SlotView = z.infer<typeof slotViewSchema>;
export const slotListViewSchema = z.object({ items: z.array(slotViewSchema) });

export const appointmentViewSchema = z.object({
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
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/** A booking looked up by code and phone, and whether its citizen may still rate the service. */
export const publicAppointmentViewSchema = appointmentViewSchema.extend({ ratingWindow: ratingWindowViewSchema });

export const remindersViewSchema = z.object({ sent: z.number() });

/** A delete answers 204 with no body. */
export const noContentSchema = z.null();

export function toAppointmentServiceView(s: ServiceRow): AppointmentServiceView {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    location: s.location,
    active: s.active,
    version: s.version,
  };
}

export function toPlanView(p: PlanRow): PlanView {
  return {
    id: p.id,
    validFrom: p.validFrom,
    validTo: p.validTo,
    dayRule: p.dayRule as PlanView['dayRule'],
    weekdays: p.weekdays,
    startTime: p.startTime,
    endTime: p.endTime,
    slotMinutes: p.slotMinutes,
    capacity: p.capacity,
    extended: p.extended,
  };
}

export function toExceptionView(e: ExceptionRow): ExceptionView {
  return {
    id: e.id,
    date: e.date,
    kind: e.kind as ExceptionView['kind'],
    startTime: e.startTime,
    endTime: e.endTime,
    slotMinutes: e.slotMinutes,
    capacity: e.capacity,
    extended: e.extended,
    note: e.note,
  };
}

export function toOpeningView(o: { plans: PlanRow[]; exceptions: ExceptionRow[] }): OpeningView {
  return { plans: o.plans.map(toPlanView), exceptions: o.exceptions.map(toExceptionView) };
}

export function toSlotView(s: SlotRow): SlotView {
  return {
    id: s.id,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    capacity: s.capacity,
    booked: s.booked,
    available: Math.max(0, s.capacity - s.booked),
    extended: s.extended,
    closed: s.closed,
  };
}

export function toAppointmentView(x: AppointmentWithSlot, opts: { unmasked: boolean }): AppointmentView {
  const a = x.a;
  return {
    id: a.id,
    code: a.code,
    serviceId: a.serviceId,
    serviceName: x.serviceName,
    location: x.location ?? null,
    slotId: a.slotId,
    date: a.date,
    startTime: x.slotStart,
    endTime: x.slotEnd,
    extended: a.extended,
    applicantKind: a.enterpriseId ? ('enterprise' as const) : ('citizen' as const),
    enterpriseId: a.enterpriseId,
    name: opts.unmasked ? a.name : maskName(a.name),
    phone: opts.unmasked ? a.phone : maskPhone(a.phone),
    matter: a.matter,
    note: a.note,
    status: a.status as AppointmentStatus,
    arrivedAt: a.arrivedAt?.toISOString() ?? null,
    servedAt: a.servedAt?.toISOString() ?? null,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}
