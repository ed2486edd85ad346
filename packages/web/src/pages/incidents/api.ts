// Client of the incidents API (突发环境事件): list, one incident, register, correct, close.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type IncidentList = ResponseOf<'/api/incidents', 'get'>;
export type Incident = IncidentList['items'][number];
export type IncidentQuery = QueryOf<'/api/incidents', 'get'>;
export type IncidentCreateBody = BodyOf<'/api/incidents', 'post'>;
export type IncidentCreated = ResponseOf<'/api/incidents', 'post', 201>;
export type IncidentPatchBody = BodyOf<'/api/incidents/{id}', 'patch'>;

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (q: object) => ['incidents', 'list', q] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
};
const enc = encodeURIComponent;

export const getIncidents = (query: IncidentQuery, signal?: AbortSignal) =>
  http.get<IncidentList>('/api/incidents', { query, signal });
export const getIncident = (id: string, signal?: AbortSignal) =>
  http.get<Incident>(`/api/incidents/${enc(id)}`, { signal });
export const createIncident = (body: IncidentCreateBody) =>
  request<IncidentCreated>('POST', '/api/incidents', { body });
export const updateIncident = (id: string, body: IncidentPatchBody) =>
  request<Incident>('PATCH', `/api/incidents/${enc(id)}`, { body });
export const closeIncident = (id: string, body: { outcome: string; version: number }) =>
  request<Incident>('POST', `/api/incidents/${enc(id)}/close`, { body });
