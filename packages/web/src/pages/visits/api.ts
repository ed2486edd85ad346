import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type Visit = ResponseOf<'/api/visits', 'get'>['items'][number];
export type VisitDetail = ResponseOf<'/api/visits/{id}', 'get'>;
export type Campaign = ResponseOf<'/api/campaigns', 'get'>['items'][number];
export type Candidate = ResponseOf<'/api/visits/candidates', 'get'>['items'][number];
export type VisitQuery = QueryOf<'/api/visits', 'get'>;
export type VisitCreate = BodyOf<'/api/visits', 'post'>;
export type CampaignQuery = QueryOf<'/api/campaigns', 'get'>;
export type CampaignCreate = BodyOf<'/api/campaigns', 'post'>;

export const visitKeys = {
  all: ['visits'] as const,
  list: (q: VisitQuery) => ['visits', 'list', q] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  campaigns: (q: object) => ['visits', 'campaigns', q] as const,
  candidates: ['visits', 'candidates'] as const,
};

const enc = encodeURIComponent;
export const listVisits = (q: VisitQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/visits', 'get'>>('/api/visits', { query: q, signal });
export const getVisit = (id: string, signal?: AbortSignal) =>
  http.get<VisitDetail>(`/api/visits/${enc(id)}`, { signal });
export const createVisit = (body: VisitCreate) =>
  http.post<ResponseOf<'/api/visits', 'post', 201>>('/api/visits', body);
export const followUpDone = (id: string, note: string) =>
  http.post<ResponseOf<'/api/visits/follow-ups/{id}/done', 'post'>>(`/api/visits/follow-ups/${enc(id)}/done`, {
    note,
  } satisfies BodyOf<'/api/visits/follow-ups/{id}/done', 'post'>);
/** part: an enterprise's id (its part of a joint visit), 'internal' (staff only) or undefined (the whole visit) */
export const uploadAttachment = (id: string, file: File, part?: string) =>
  http.post<ResponseOf<'/api/visits/{id}/attachments', 'post', 201>>(`/api/visits/${enc(id)}/attachments`, undefined, {
    rawBody: file,
    contentType: file.type,
    query: {
      name: file.name,
      ...(part === 'internal' ? { internal: 'true' as const } : part ? { enterpriseId: part } : {}),
    } satisfies QueryOf<'/api/visits/{id}/attachments', 'post'>,
  });
export const listCampaigns = (q: CampaignQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/campaigns', 'get'>>('/api/campaigns', { query: q, signal });
export const createCampaign = (body: CampaignCreate) =>
  http.post<ResponseOf<'/api/campaigns', 'post', 201>>('/api/campaigns', body);
export const listCandidates = (signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/visits/candidates', 'get'>>('/api/visits/candidates', { signal });
