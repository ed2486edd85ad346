// Client of the site-inspections API: inspection records (with photos and the signature),
// rectification orders (proof, answer, verification) and enforcement cases.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const siteInspectionKeys = {
  all: ['site-inspections'] as const,
  list: (q: object) => ['site-inspections', 'list', q] as const,
  detail: (id: string) => ['site-inspections', 'detail', id] as const,
  orders: (q: object) => ['site-inspections', 'orders', q] as const,
  order: (id: string) => ['site-inspections', 'order', id] as const,
  cases: (q: object) => ['site-inspections', 'cases', q] as const,
  mine: (q: object) => ['site-inspections', 'mine', q] as const,
  mineDetail: (id: string) => ['site-inspections', 'mine-detail', id] as const,
  case: (id: string) => ['site-inspections', 'case', id] as const,
  publicPenalties: (q: object) => ['site-inspections', 'public-penalties', q] as const,
};

export type InspectionList = ResponseOf<'/api/site-inspections', 'get'>;
export type InspectionItem = InspectionList['items'][number];
export type InspectionQuery = QueryOf<'/api/site-inspections', 'get'>;
export type InspectionDetail = ResponseOf<'/api/site-inspections/{id}', 'get'>;
export type InspectionBody = BodyOf<'/api/site-inspections', 'post'>;
export type CompleteBody = BodyOf<'/api/site-inspections/{id}/complete', 'post'>;
export type OrderList = ResponseOf<'/api/rectification-orders', 'get'>;
export type OrderItem = OrderList['items'][number];
export type OrderQuery = QueryOf<'/api/rectification-orders', 'get'>;
export type OrderDetail = ResponseOf<'/api/rectification-orders/{id}', 'get'>;
export type VerifyBody = BodyOf<'/api/rectification-orders/{id}/verify', 'post'>;
export type MyInspectionList = ResponseOf<'/api/my/inspections', 'get'>;
export type MyInspectionItem = MyInspectionList['items'][number];
export type MyInspectionQuery = QueryOf<'/api/my/inspections', 'get'>;
export type MyInspectionDetail = ResponseOf<'/api/my/inspections/{id}', 'get'>;
export type CaseList = ResponseOf<'/api/enforcement-cases', 'get'>;
export type CaseItem = CaseList['items'][number];
export type CaseQuery = QueryOf<'/api/enforcement-cases', 'get'>;
export type CaseStageBody = BodyOf<'/api/enforcement-cases/{id}/stages', 'post'>;
export type PublicPenalties = ResponseOf<'/api/public/penalties', 'get'>;
export type PublicPenalty = PublicPenalties['items'][number];
export type PublicPenaltyQuery = QueryOf<'/api/public/penalties', 'get'>;
export type CaseRevokeBody = BodyOf<'/api/enforcement-cases/{id}/revocation', 'post'>;

export const listInspections = (q: InspectionQuery, signal?: AbortSignal) =>
  http.get<InspectionList>('/api/site-inspections', { query: q, signal });
export const getInspection = (id: string, signal?: AbortSignal) =>
  http.get<InspectionDetail>(`/api/site-inspections/${id}`, { signal });
export const createInspection = (body: InspectionBody) => http.post<{ id: string }>('/api/site-inspections', body);
export const updateInspection = (id: string, body: InspectionBody & { version: number }) =>
  request<InspectionDetail>('PUT', `/api/site-inspections/${id}`, { body });
export const uploadPhoto = (id: string, file: File) =>
  request<unknown>('POST', `/api/site-inspections/${id}/photos`, {
    query: { name: file.name },
    rawBody: file,
    contentType: file.type,
  });
export const completeInspection = (id: string, body: CompleteBody) =>
  http.post<InspectionDetail>(`/api/site-inspections/${id}/complete`, body);
export const inspectionFileUrl = (id: string, fileId: string) => `/api/site-inspections/${id}/files/${fileId}`;

export const listMyInspections = (q: MyInspectionQuery, signal?: AbortSignal) =>
  http.get<MyInspectionList>('/api/my/inspections', { query: q, signal });
export const getMyInspection = (id: string, signal?: AbortSignal) =>
  http.get<MyInspectionDetail>(`/api/my/inspections/${id}`, { signal });

export const listOrders = (q: OrderQuery, signal?: AbortSignal) =>
  http.get<OrderList>('/api/rectification-orders', { query: q, signal });
export const getOrder = (id: string, signal?: AbortSignal) =>
  http.get<OrderDetail>(`/api/rectification-orders/${id}`, { signal });
export const uploadProof = (id: string, file: File) =>
  request<unknown>('POST', `/api/rectification-orders/${id}/proofs`, {
    query: { name: file.name },
    rawBody: file,
    contentType: file.type,
  });
export const answerOrder = (id: string, text: string) =>
  http.post<OrderDetail>(`/api/rectification-orders/${id}/answer`, { text });
export const verifyOrder = (id: string, body: VerifyBody) =>
  http.post<OrderDetail>(`/api/rectification-orders/${id}/verify`, body);
export const orderFileUrl = (id: string, fileId: string) => `/api/rectification-orders/${id}/files/${fileId}`;

export const listCases = (q: CaseQuery, signal?: AbortSignal) =>
  http.get<CaseList>('/api/enforcement-cases', { query: q, signal });
export const getCase = (id: string, signal?: AbortSignal) =>
  http.get<CaseItem>(`/api/enforcement-cases/${id}`, { signal });
export const openCase = (body: { findingId: string; title: string; note?: string }) =>
  http.post<CaseItem>('/api/enforcement-cases', body);
export const advanceCase = (id: string, body: CaseStageBody) =>
  http.post<CaseItem>(`/api/enforcement-cases/${id}/stages`, body);
export const listPublicPenalties = (q: PublicPenaltyQuery, signal?: AbortSignal) =>
  http.get<PublicPenalties>('/api/public/penalties', { query: q, signal });
export const revokeCase = (id: string, body: CaseRevokeBody) =>
  http.post<CaseItem>(`/api/enforcement-cases/${id}/revocation`, body);
