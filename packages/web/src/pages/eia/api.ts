// Client of the EIA API: cases (staff, and an enterprise's own), and the public notices.
import { download, http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const eiaKeys = {
  all: ['eia'] as const,
  list: (q: object) => ['eia', 'list', q] as const,
  detail: (id: string) => ['eia', 'detail', id] as const,
  notices: (q: object) => ['eia', 'notices', q] as const,
  notice: (id: string) => ['eia', 'notice', id] as const,
};

export type EiaCaseList = ResponseOf<'/api/eia/cases', 'get'>;
export type EiaCase = EiaCaseList['items'][number];
export type EiaCaseDetail = ResponseOf<'/api/eia/cases/{id}', 'get'>;
export type EiaCaseQuery = QueryOf<'/api/eia/cases', 'get'>;
export type EiaCaseCreate = BodyOf<'/api/eia/cases', 'post'>;
export type EiaDecision = BodyOf<'/api/eia/cases/{id}/decision', 'post'>;
export type EiaCityDecision = BodyOf<'/api/eia/cases/{id}/city-decision', 'post'>;
export type EiaVerification = BodyOf<'/api/eia/cases/{id}/verification', 'post'>;
export type EiaNoticeList = ResponseOf<'/api/public/eia/notices', 'get'>;
export type EiaNotice = EiaNoticeList['items'][number];
export type EiaNoticeQuery = QueryOf<'/api/public/eia/notices', 'get'>;
export type EiaNoticeDetail = ResponseOf<'/api/public/eia/notices/{id}', 'get'>;
export type EiaObjection = BodyOf<'/api/public/eia/notices/{id}/objections', 'post'>;

const enc = encodeURIComponent;

export const listEiaCases = (q: EiaCaseQuery, signal?: AbortSignal) =>
  http.get<EiaCaseList>('/api/eia/cases', { query: q, signal });
export const getEiaCase = (id: string, signal?: AbortSignal) =>
  http.get<EiaCaseDetail>(`/api/eia/cases/${enc(id)}`, { signal });
export const createEiaCase = (body: EiaCaseCreate) => request<EiaCaseDetail>('POST', '/api/eia/cases', { body });
export const decideEiaCase = (id: string, body: EiaDecision) =>
  request<EiaCaseDetail>('POST', `/api/eia/cases/${enc(id)}/decision`, { body });
export const recordCityDecision = (id: string, body: EiaCityDecision) =>
  request<EiaCaseDetail>('POST', `/api/eia/cases/${enc(id)}/city-decision`, { body });
export const verifyEiaCase = (id: string, body: EiaVerification) =>
  request<EiaCaseDetail>('POST', `/api/eia/cases/${enc(id)}/verification`, { body });
export const answerObjection = (id: string, objectionId: string, answer: string) =>
  request<EiaCaseDetail>('POST', `/api/eia/cases/${enc(id)}/objections/${enc(objectionId)}/answer`, {
    body: { answer },
  });
export const listEiaNotices = (q: EiaNoticeQuery, signal?: AbortSignal) =>
  http.get<EiaNoticeList>('/api/public/eia/notices', { query: q, signal });
export const getEiaNotice = (id: string, signal?: AbortSignal) =>
  http.get<EiaNoticeDetail>(`/api/public/eia/notices/${enc(id)}`, { signal });
export const lodgeObjection = (id: string, body: EiaObjection) =>
  request<unknown>('POST', `/api/public/eia/notices/${enc(id)}/objections`, { body });
export const downloadEiaDocument = (id: string, kind: EiaCase['documents'][number]) =>
  download(`/api/eia/cases/${enc(id)}/documents/${kind}`, `${kind}.docx`);
