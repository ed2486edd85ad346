import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type Permit = ResponseOf<'/api/permits', 'get'>['items'][number];
export type PermitDetail = ResponseOf<'/api/permits/{id}', 'get'>;
export type PermitQuery = QueryOf<'/api/permits', 'get'>;
export type PermitCreate = BodyOf<'/api/permits', 'post'>;
export type PermitPatch = BodyOf<'/api/permits/{id}', 'patch'>;
export type Obligation = PermitDetail['obligations'][number];
export type ObligationItem = ResponseOf<'/api/permit-obligations', 'get'>['items'][number];
export type ObligationQuery = QueryOf<'/api/permit-obligations', 'get'>;
export type SubmitBody = BodyOf<'/api/permit-obligations/{id}/submit', 'post'>;
export type ChangeBody = BodyOf<'/api/permits/{id}/changes', 'post'>;
export type Reminder = PermitDetail['reminders'][number];

export const permitKeys = {
  all: ['permits'] as const,
  list: (q: PermitQuery) => ['permits', 'list', q] as const,
  detail: (id: string) => ['permits', 'detail', id] as const,
  obligations: (q: ObligationQuery) => ['permits', 'obligations', q] as const,
};
const enc = encodeURIComponent;
export const listPermits = (q: PermitQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/permits', 'get'>>('/api/permits', { query: q, signal });
export const getPermit = (id: string, signal?: AbortSignal) =>
  http.get<PermitDetail>(`/api/permits/${enc(id)}`, { signal });
export const createPermit = (body: PermitCreate) =>
  http.post<ResponseOf<'/api/permits', 'post', 201>>('/api/permits', body);
export const patchPermit = (id: string, body: PermitPatch) =>
  http.patch<ResponseOf<'/api/permits/{id}', 'patch'>>(`/api/permits/${enc(id)}`, body);
export const setPlatformRef = (id: string, body: BodyOf<'/api/permits/{id}/platform-ref', 'patch'>) =>
  http.patch<ResponseOf<'/api/permits/{id}/platform-ref', 'patch'>>(`/api/permits/${enc(id)}/platform-ref`, body);
export const recordChange = (id: string, body: ChangeBody) =>
  http.post<ResponseOf<'/api/permits/{id}/changes', 'post', 201>>(`/api/permits/${enc(id)}/changes`, body);
export const listObligations = (q: ObligationQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/permit-obligations', 'get'>>('/api/permit-obligations', { query: q, signal });
export const submitObligation = (id: string, body: SubmitBody) =>
  http.post<ResponseOf<'/api/permit-obligations/{id}/submit', 'post'>>(
    `/api/permit-obligations/${enc(id)}/submit`,
    body,
  );
