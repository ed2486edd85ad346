import type { ConcernCategory, ConcernStatus, ReceptionKind } from '@qingshan/core/reception';
import { http } from '../../api/http.ts';
import type { Page } from '../../api/types.ts';

export interface ReceptionSession {
  id: string;
  kind: ReceptionKind;
  date: string;
  leaderName: string;
  sections: string[];
  location: string | null;
  note: string | null;
  version: number;
}
export interface SessionSummary extends ReceptionSession {
  bookings: number;
  bookedEnterprises: number;
  people: number;
  enterprisesReceived: number;
  concerns: number;
}
export interface Booking {
  id: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  name: string | null;
  phone: string | null;
  people: string[];
  peopleCount: number;
  concern: string | null;
  status: 'booked' | 'cancelled';
  createdAt: string;
}
export interface Attendance {
  id: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  bookingId: string | null;
  personName: string;
  phone: string | null;
  walkIn: boolean;
}
export interface Concern {
  id: string;
  sessionId: string;
  sessionDate: string;
  sessionKind: ReceptionKind;
  enterpriseId: string | null;
  enterpriseName: string | null;
  raisedBy: string;
  category: ConcernCategory;
  description: string;
  answer: string | null;
  accepted: boolean | null;
  answeredAt: string | null;
  followUpUserId: string | null;
  followUpName: string | null;
  dueDate: string | null;
  clockId: string | null;
  status: ConcernStatus;
  resolution: string | null;
  resolvedAt: string | null;
  petitionId: string | null;
  published: boolean;
  caseTitle: string | null;
  version: number;
}
export interface SessionDetail {
  session: ReceptionSession;
  bookings: Booking[];
  attendances: Attendance[] | null;
  concerns: Concern[] | null;
}
export interface Case {
  id: string;
  title: string;
  category: ConcernCategory;
  sessionDate: string;
  question: string;
  answer: string | null;
  resolution: string | null;
  publishedAt: string | null;
}
export interface SessionQuery {
  kind?: ReceptionKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: 'date' | '-date';
  page: number;
  pageSize: number;
}
export interface ConcernQuery {
  status?: ConcernStatus | undefined;
  category?: ConcernCategory | undefined;
  enterpriseId?: string | undefined;
  overdue?: 'true' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const receptionKeys = {
  all: ['reception'] as const,
  sessions: (q: SessionQuery) => ['reception', 'sessions', q] as const,
  session: (id: string) => ['reception', 'session', id] as const,
  concerns: (q: ConcernQuery) => ['reception', 'concerns', q] as const,
  concern: (id: string) => ['reception', 'concern', id] as const,
  cases: (q: object) => ['reception', 'cases', q] as const,
  mine: ['reception', 'mine'] as const,
};

const id = (s: string) => encodeURIComponent(s);
export const listSessions = (q: SessionQuery, signal?: AbortSignal) =>
  http.get<Page<SessionSummary>>('/api/reception/sessions', { query: q, signal });
export const getSession = (sid: string, signal?: AbortSignal) =>
  http.get<SessionDetail>(`/api/reception/sessions/${id(sid)}`, { signal });
export const createSession = (body: {
  kind: ReceptionKind;
  date: string;
  leaderName: string;
  sections: string[];
  location?: string;
}) => http.post<ReceptionSession>('/api/reception/sessions', body);
export const bookEnterprise = (
  sid: string,
  body: { enterpriseId?: string; people: string[]; contactPhone?: string; concern: string },
) => http.post<{ id: string }>(`/api/reception/sessions/${id(sid)}/bookings`, body);
export const bookPublic = (sid: string, body: { name: string; phone: string; people: number; concern: string }) =>
  http.post<{ id: string }>(`/api/reception/sessions/${id(sid)}/public-bookings`, body);
export const cancelBooking = (bid: string) => http.post<{ id: string }>(`/api/reception/bookings/${id(bid)}/cancel`);
export const myBookings = (signal?: AbortSignal) =>
  http.get<{
    items: {
      id: string;
      sessionId: string;
      sessionDate: string;
      sessionKind: ReceptionKind;
      peopleCount: number;
      people: string[];
      concern: string;
      status: string;
    }[];
  }>('/api/reception/my-bookings', { signal });
export const recordAttendance = (
  sid: string,
  body: { enterpriseId?: string; bookingId?: string; people: { name: string; phone?: string }[] },
) => http.post<{ ids: string[] }>(`/api/reception/sessions/${id(sid)}/attendances`, body);
export const deleteAttendance = (aid: string) => http.delete<void>(`/api/reception/attendances/${id(aid)}`);
export const raiseConcern = (
  sid: string,
  body: { enterpriseId?: string; raisedBy: string; category: ConcernCategory; description: string },
) => http.post<Concern>(`/api/reception/sessions/${id(sid)}/concerns`, body);
export const listConcerns = (q: ConcernQuery, signal?: AbortSignal) =>
  http.get<Page<Concern>>('/api/reception/concerns', { query: q, signal });
export const getConcern = (cid: string, signal?: AbortSignal) =>
  http.get<Concern>(`/api/reception/concerns/${id(cid)}`, { signal });
export const answerConcern = (
  cid: string,
  body: { answer: string; accepted: boolean; followUpName?: string; version: number },
) => http.post<Concern>(`/api/reception/concerns/${id(cid)}/answer`, body);
export const resolveConcern = (cid: string, body: { resolution: string; version: number }) =>
  http.post<Concern>(`/api/reception/concerns/${id(cid)}/resolve`, body);
export const publishConcern = (cid: string, body: { published: boolean; caseTitle?: string; version: number }) =>
  http.post<Concern>(`/api/reception/concerns/${id(cid)}/publish`, body);
export const concernToPetition = (
  cid: string,
  body: { type: 'suggestion' | 'accusation' | 'claim'; title: string; petitionerPhone: string; version: number },
) =>
  http.post<{ petitionId: string; petitionCode: string; concern: Concern }>(
    `/api/reception/concerns/${id(cid)}/petition`,
    body,
  );
export const listCases = (
  q: { q?: string; category?: ConcernCategory; page: number; pageSize: number },
  signal?: AbortSignal,
) => http.get<Page<Case>>('/api/reception/cases', { query: q, signal });

/** The booking caps in force (rules 'reception.max-*'): shown beside the booking form. */
export async function receptionCaps(
  signal?: AbortSignal,
): Promise<{ maxEnterprisesPerDay: number; maxPeoplePerEnterprise: number }> {
  const get = (key: string) =>
    http.get<{ current: { value: unknown } }>(`/api/rules/${encodeURIComponent(key)}`, { signal });
  const [a, b] = await Promise.all([
    get('reception.max-enterprises-per-day'),
    get('reception.max-people-per-enterprise'),
  ]);
  return { maxEnterprisesPerDay: Number(a.current.value), maxPeoplePerEnterprise: Number(b.current.value) };
}
