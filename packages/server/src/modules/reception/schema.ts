import {
  CONCERN_CATEGORIES,
  CONCERN_STATUSES,
  isChinesePhone,
  isoDateSchema,
  maskName,
  PETITION_TYPES,
  RECEPTION_CASE_SORTS,
  RECEPTION_KINDS,
} from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { BookingRow, ConcernRow, SessionRow, sessionAttendances } from './service.ts';

export const CONCERN_SORTS = ['date', '-date', 'dueDate', '-dueDate'] as const;

export const receptionIdParams = z.object({ id: z.uuid() });
const isoDate = isoDateSchema;

export const sessionListQuery = z.object({
  kind: z.enum(RECEPTION_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['date', '-date']).default('-date'),
  ...paging,
});

export const concernListQuery = z.object({
  status: z.enum(CONCERN_STATUSES).optional(),
  category: z.enum(CONCERN_CATEGORIES).optional(),
  enterpriseId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(CONCERN_SORTS).default('-date'),
  ...paging,
});

export const caseListQuery = z.object({
  category: z.enum(CONCERN_CATEGORIES).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(RECEPTION_CASE_SORTS).default('-publishedAt'),
  ...paging,
});

export const concernToPetitionBody = z.strictObject({
  type: z.enum(PETITION_TYPES),
  title: z.string().trim().min(4).max(100),
  petitionerName: z.string().trim().min(1).max(50).optional(),
  petitionerPhone: z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' }),
  version: z.number().int().min(1),
});

export const sessionView = z.object({
  id: z.string(),
  kind: z.enum(RECEPTION_KINDS),
  date: z.string(),
  leaderName: z.string(),
  sections: z.array(z.string()),
  location: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionSummaryView = sessionView.extend({
  bookings: z.number(),
  bookedEnterprises: z.number(),
  people: z.number(),
  enterprisesReceived: z.number(),
  concerns: z.number(),
});
export type SessionSummaryView = z.infer<typeof sessionSummaryView>;

export const bookingView = z.object({
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
export type BookingView = z.infer<typeof bookingView>;

export const attendanceView = z.object({
  id: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  bookingId: z.string().nullable(),
  personName: z.string(),
  phone: z.string().nullable(),
  walkIn: z.boolean(),
});
export type AttendanceView = z.infer<typeof attendanceView>;

export const concernView = z.object({
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
export type ConcernView = z.infer<typeof concernView>;

export const caseView = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(CONCERN_CATEGORIES),
  sessionDate: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  resolution: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type CaseView = z.infer<typeof caseView>;

export const sessionDetailView = z.object({
  session: sessionView,
  bookings: z.array(bookingView),
  attendances: z.array(attendanceView).nullable(),
  concerns: z.array(concernView).nullable(),
});
export type SessionDetailView = z.infer<typeof sessionDetailView>;

export const bookingCreatedView = z.object({ id: z.string() });
export const bookingCancelledView = z.object({ id: z.string(), status: z.string() });

export const myBookingsView = z.object({
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
});
export type MyBookingView = z.infer<typeof myBookingsView>['items'][number];

export const attendancesRecordedView = z.object({ ids: z.array(z.string()) });
export const noContent = z.null();

export const concernPetitionView = z.object({ petitionId: z.string(), petitionCode: z.string(), concern: concernView });

export function toSessionView(s: SessionRow): SessionView {
  return {
    id: s.id,
    kind: s.kind as SessionView['kind'],
    date: s.date,
    leaderName: s.leaderName,
    sections: s.sections,
    location: s.location,
    note: s.note,
    version: s.version,
  };
}

export function toSessionSummaryView(r: {
  session: SessionRow;
  bookings: number;
  bookedEnterprises: number;
  people: number;
  enterprisesReceived: number;
  concerns: number;
}): SessionSummaryView {
  return {
    ...toSessionView(r.session),
    bookings: r.bookings,
    bookedEnterprises: r.bookedEnterprises,
    people: r.people,
    enterprisesReceived: r.enterprisesReceived,
    concerns: r.concerns,
  };
}

/** A booking as the session page lists it: citizens' names masked and phones hidden unless staff ask. */
export function toBookingView(
  { b, enterpriseName }: { b: BookingRow; enterpriseName: string | null },
  staff: boolean,
): BookingView {
  return {
    id: b.id,
    enterpriseId: b.enterpriseId,
    enterpriseName,
    name: b.citizenName ? (staff ? b.citizenName : maskName(b.citizenName)) : null,
    phone: staff ? (b.citizenPhone ?? b.contactPhone) : null,
    people: staff ? b.people : [],
    peopleCount: b.peopleCount,
    concern: staff ? b.concern : null,
    status: b.status as BookingView['status'],
    createdAt: b.createdAt.toISOString(),
  };
}

export function toAttendanceView({
  a,
  enterpriseName,
}: Awaited<ReturnType<typeof sessionAttendances>>[number]): AttendanceView {
  return {
    id: a.id,
    enterpriseId: a.enterpriseId,
    enterpriseName,
    bookingId: a.bookingId,
    personName: a.personName,
    phone: a.phone,
    walkIn: a.walkIn,
  };
}

export type ConcernJoined = { c: ConcernRow; sessionDate: string; sessionKind: string; enterpriseName: string | null };

export function toConcernView({ c, sessionDate, sessionKind, enterpriseName }: ConcernJoined): ConcernView {
  return {
    id: c.id,
    sessionId: c.sessionId,
    sessionDate,
    sessionKind: sessionKind as ConcernView['sessionKind'],
    enterpriseId: c.enterpriseId,
    enterpriseName,
    raisedBy: c.raisedBy,
    category: c.category as ConcernView['category'],
    description: c.description,
    answer: c.answer,
    accepted: c.accepted,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    followUpUserId: c.followUpUserId,
    followUpName: c.followUpName,
    dueDate: c.dueDate,
    clockId: c.clockId,
    status: c.status as ConcernView['status'],
    resolution: c.resolution,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    petitionId: c.petitionId,
    published: c.published,
    caseTitle: c.caseTitle,
    version: c.version,
  };
}

/** A published case: what was asked and answered, without who asked. */
export function toCaseView({ c, sessionDate }: { c: ConcernRow; sessionDate: string }): CaseView {
  return {
    id: c.id,
    title: c.caseTitle ?? '',
    category: c.category as CaseView['category'],
    sessionDate,
    question: c.description,
    answer: c.answer,
    resolution: c.resolution,
    publishedAt: c.publishedAt?.toISOString() ?? null,
  };
}

export function toMyBookingView({
  b,
  sessionDate,
  sessionKind,
}: {
  b: BookingRow;
  sessionDate: string;
  sessionKind: string;
}): MyBookingView {
  return {
    id: b.id,
    sessionId: b.sessionId,
    sessionDate,
    sessionKind: sessionKind as MyBookingView['sessionKind'],
    peopleCount: b.peopleCount,
    people: b.people,
    concern: b.concern,
    status: b.status,
  };
}

/** A reception day: the published bookings for everyone; who came and what they raised for staff only. */
export function toSessionDetailView(d: {
  session: SessionRow;
  staff: boolean;
  bookings: { b: BookingRow; enterpriseName: string | null }[];
  attendances: Awaited<ReturnType<typeof sessionAttendances>> | null;
  concerns: ConcernJoined[] | null;
}): SessionDetailView {
  return {
    session: toSessionView(d.session),
    bookings: d.bookings.map((r) => toBookingView(r, d.staff)),
    attendances: d.attendances?.map(toAttendanceView) ?? null,
    concerns: d.concerns?.map(toConcernView) ?? null,
  };
}
