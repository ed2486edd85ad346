import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type SessionDetail = ResponseOf<'/api/reception/sessions/{id}', 'get'>;
export type ReceptionSession = SessionDetail['session'];
export type SessionSummary = ResponseOf<'/api/reception/sessions', 'get'>['items'][number];
export type Booking = SessionDetail['bookings'][number];
export type Attendance = NonNullable<SessionDetail['attendances']>[number];
export type Concern = ResponseOf<'/api/reception/concerns/{id}', 'get'>;
export type Case = ResponseOf<'/api/reception/cases', 'get'>['items'][number];
export type MyBooking = ResponseOf<'/api/reception/my-bookings', 'get'>['items'][number];
export type SessionQuery = QueryOf<'/api/reception/sessions', 'get'>;
export type ConcernQuery = QueryOf<'/api/reception/concerns', 'get'>;
export type CaseQuery = QueryOf<'/api/reception/cases', 'get'>;
export type SessionCreate = BodyOf<'/api/reception/sessions', 'post'>;
export type EnterpriseBookingBody = BodyOf<'/api/reception/sessions/{id}/bookings', 'post'>;
export type PublicBookingBody = BodyOf<'/api/reception/sessions/{id}/public-bookings', 'post'>;
export type AttendanceBody = BodyOf<'/api/reception/sessions/{id}/attendances', 'post'>;
export type ConcernCreate = BodyOf<'/api/reception/sessions/{id}/concerns', 'post'>;
export type AnswerBody = BodyOf<'/api/reception/concerns/{id}/answer', 'post'>;
export type ResolveBody = BodyOf<'/api/reception/concerns/{id}/resolve', 'post'>;
export type PublishBody = BodyOf<'/api/reception/concerns/{id}/publish', 'post'>;
export type ToPetitionBody = BodyOf<'/api/reception/concerns/{id}/petition', 'post'>;

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
  http.get<ResponseOf<'/api/reception/sessions', 'get'>>('/api/reception/sessions', { query: q, signal });
export const getSession = (sid: string, signal?: AbortSignal) =>
  http.get<SessionDetail>(`/api/reception/sessions/${id(sid)}`, { signal });
export const createSession = (body: SessionCreate) =>
  http.post<ResponseOf<'/api/reception/sessions', 'post', 201>>('/api/reception/sessions', body);
export const bookEnterprise = (sid: string, body: EnterpriseBookingBody) =>
  http.post<ResponseOf<'/api/reception/sessions/{id}/bookings', 'post', 201>>(
    `/api/reception/sessions/${id(sid)}/bookings`,
    body,
  );
export const bookPublic = (sid: string, body: PublicBookingBody) =>
  http.post<ResponseOf<'/api/reception/sessions/{id}/public-bookings', 'post', 201>>(
    `/api/reception/sessions/${id(sid)}/public-bookings`,
    body,
  );
export const cancelBooking = (bid: string) =>
  http.post<ResponseOf<'/api/reception/bookings/{id}/cancel', 'post'>>(`/api/reception/bookings/${id(bid)}/cancel`);
export const myBookings = (signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/reception/my-bookings', 'get'>>('/api/reception/my-bookings', { signal });
export const recordAttendance = (sid: string, body: AttendanceBody) =>
  http.post<ResponseOf<'/api/reception/sessions/{id}/attendances', 'post', 201>>(
    `/api/reception/sessions/${id(sid)}/attendances`,
    body,
  );
export const deleteAttendance = (aid: string) => http.delete<void>(`/api/reception/attendances/${id(aid)}`);
export const raiseConcern = (sid: string, body: ConcernCreate) =>
  http.post<ResponseOf<'/api/reception/sessions/{id}/concerns', 'post', 201>>(
    `/api/reception/sessions/${id(sid)}/concerns`,
    body,
  );
export const listConcerns = (q: ConcernQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/reception/concerns', 'get'>>('/api/reception/concerns', { query: q, signal });
export const getConcern = (cid: string, signal?: AbortSignal) =>
  http.get<Concern>(`/api/reception/concerns/${id(cid)}`, { signal });
export const answerConcern = (cid: string, body: AnswerBody) =>
  http.post<ResponseOf<'/api/reception/concerns/{id}/answer', 'post'>>(
    `/api/reception/concerns/${id(cid)}/answer`,
    body,
  );
export const resolveConcern = (cid: string, body: ResolveBody) =>
  http.post<ResponseOf<'/api/reception/concerns/{id}/resolve', 'post'>>(
    `/api/reception/concerns/${id(cid)}/resolve`,
    body,
  );
export const publishConcern = (cid: string, body: PublishBody) =>
  http.post<ResponseOf<'/api/reception/concerns/{id}/publish', 'post'>>(
    `/api/reception/concerns/${id(cid)}/publish`,
    body,
  );
export const concernToPetition = (cid: string, body: ToPetitionBody) =>
  http.post<ResponseOf<'/api/reception/concerns/{id}/petition', 'post', 201>>(
    `/api/reception/concerns/${id(cid)}/petition`,
    body,
  );
export const listCases = (q: CaseQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/reception/cases', 'get'>>('/api/reception/cases', { query: q, signal });

/** The booking caps in force (rules 'reception.max-*'): shown beside the booking form. */
export async function receptionCaps(
  signal?: AbortSignal,
): Promise<{ maxEnterprisesPerDay: number; maxPeoplePerEnterprise: number }> {
  const get = (key: string) =>
    http.get<ResponseOf<'/api/rules/{key}', 'get'>>(`/api/rules/${encodeURIComponent(key)}`, { signal });
  const [a, b] = await Promise.all([
    get('reception.max-enterprises-per-day'),
    get('reception.max-people-per-enterprise'),
  ]);
  return { maxEnterprisesPerDay: Number(a.current.value), maxPeoplePerEnterprise: Number(b.current.value) };
}
