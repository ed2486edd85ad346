// Client of the 双随机一公开 API: libraries, plans, draws (secret until published), replay, public results.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const inspectionKeys = {
  draws: (q: object) => ['inspections', 'draws', q] as const,
  draw: (id: string) => ['inspections', 'draw', id] as const,
  plans: (q: object) => ['inspections', 'plans', q] as const,
  objects: (q: object) => ['inspections', 'objects', q] as const,
  inspectors: (q: object) => ['inspections', 'inspectors', q] as const,
  results: (q: object) => ['inspections', 'public-results', q] as const,
};

export type DrawList = ResponseOf<'/api/inspection-draws', 'get'>;
export type DrawSummary = DrawList['items'][number];
export type DrawDetail = ResponseOf<'/api/inspection-draws/{id}', 'get'>;
export type Target = DrawDetail['targets'][number];
export type Replay = ResponseOf<'/api/inspection-draws/{id}/replay', 'post'>;
export type DrawCreated = ResponseOf<'/api/inspection-draws', 'post', 201>;
export type PlanList = ResponseOf<'/api/inspection-plans', 'get'>;
export type Plan = PlanList['items'][number];
export type PlanBody = BodyOf<'/api/inspection-plans', 'post'>;
export type ObjectList = ResponseOf<'/api/inspection-objects', 'get'>;
export type InspectionObject = ObjectList['items'][number];
export type InspectorList = ResponseOf<'/api/inspectors', 'get'>;
export type Inspector = InspectorList['items'][number];
export type PublicResults = ResponseOf<'/api/public/inspection-results', 'get'>;
export type PublicResult = PublicResults['items'][number];
export type PlanQuery = QueryOf<'/api/inspection-plans', 'get'>;
export type InspectorQuery = QueryOf<'/api/inspectors', 'get'>;
export type DrawQuery = QueryOf<'/api/inspection-draws', 'get'>;
export type ObjectBody = BodyOf<'/api/inspection-objects', 'put'>;
export type InspectorBody = BodyOf<'/api/inspectors', 'post'>;
export type ResultsBody = BodyOf<'/api/inspection-draws/{id}/results', 'post'>;

export const getDraws = (q: DrawQuery, signal?: AbortSignal) =>
  http.get<DrawList>('/api/inspection-draws', { query: q, signal });
export const getDraw = (id: string, signal?: AbortSignal) =>
  http.get<DrawDetail>(`/api/inspection-draws/${encodeURIComponent(id)}`, { signal });
export const replayDraw = (id: string) =>
  request<Replay>('POST', `/api/inspection-draws/${encodeURIComponent(id)}/replay`, {});
export const createDraw = (planId: string) =>
  request<DrawCreated>('POST', '/api/inspection-draws', { body: { planId } });
export const getPlans = (q: PlanQuery, signal?: AbortSignal) =>
  http.get<PlanList>('/api/inspection-plans', { query: q, signal });
export const createPlan = (body: PlanBody) =>
  request<ResponseOf<'/api/inspection-plans', 'post', 201>>('POST', '/api/inspection-plans', { body });
export const getObjects = (q: QueryOf<'/api/inspection-objects', 'get'>, signal?: AbortSignal) =>
  http.get<ObjectList>('/api/inspection-objects', { query: q, signal });
export const getInspectors = (q: InspectorQuery, signal?: AbortSignal) =>
  http.get<InspectorList>('/api/inspectors', { query: q, signal });
export const getPublicResults = (q: QueryOf<'/api/public/inspection-results', 'get'>, signal?: AbortSignal) =>
  http.get<PublicResults>('/api/public/inspection-results', { query: q, signal });
export const putObject = (body: ObjectBody) => request<InspectionObject>('PUT', '/api/inspection-objects', { body });
export const createInspector = (body: InspectorBody) => request<Inspector>('POST', '/api/inspectors', { body });
export const updateInspector = (id: string, body: InspectorBody) =>
  request<Inspector>('PUT', `/api/inspectors/${encodeURIComponent(id)}`, { body });
export const publishResults = (id: string, body: ResultsBody) =>
  request<null>('POST', `/api/inspection-draws/${encodeURIComponent(id)}/results`, { body });
export const updatePlan = (id: string, body: PlanBody) =>
  request<Plan>('PUT', `/api/inspection-plans/${encodeURIComponent(id)}`, { body });
