// Client of the clues API (线索): GeoJSON imports, the county map, verification.
import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type ClueList = ResponseOf<'/api/clues', 'get'>;
export type Clue = ClueList['items'][number];
export type ClueQuery = QueryOf<'/api/clues', 'get'>;
export type ClueDetail = ResponseOf<'/api/clues/{id}', 'get'>;
export type ClueMap = ResponseOf<'/api/clues/map', 'get'>;
export type ClueImportBody = BodyOf<'/api/clues/import', 'post'>;
export type ClueImportResult = ResponseOf<'/api/clues/import', 'post', 201>;
export type ClueOutcomeBody = BodyOf<'/api/clues/{id}/outcome', 'post'>;

export const clueKeys = {
  all: ['clues'] as const,
  list: (q: object) => ['clues', 'list', q] as const,
  detail: (id: string) => ['clues', 'detail', id] as const,
  map: ['clues', 'map'] as const,
};
const enc = encodeURIComponent;

export const listClues = (query: ClueQuery, signal?: AbortSignal) =>
  http.get<ClueList>('/api/clues', { query, signal });
export const getClue = (id: string, signal?: AbortSignal) => http.get<ClueDetail>(`/api/clues/${enc(id)}`, { signal });
export const getClueMap = (signal?: AbortSignal) => http.get<ClueMap>('/api/clues/map', { signal });
export const importClues = (body: ClueImportBody) => http.post<ClueImportResult>('/api/clues/import', body);
export const confirmMatch = (id: string, body: BodyOf<'/api/clues/{id}/match', 'post'>) =>
  http.post<ClueDetail>(`/api/clues/${enc(id)}/match`, body);
export const recordOutcome = (id: string, body: ClueOutcomeBody) =>
  http.post<ClueDetail>(`/api/clues/${enc(id)}/outcome`, body);
export const clueFromReport = (reportId: string) =>
  http.post<ResponseOf<'/api/clues/from-report/{id}', 'post', 201>>(`/api/clues/from-report/${enc(reportId)}`, {});
export const clueFromConcern = (concernId: string) =>
  http.post<ResponseOf<'/api/clues/from-concern/{id}', 'post', 201>>(`/api/clues/from-concern/${enc(concernId)}`, {});
export type VideoPoint = ResponseOf<'/api/video-points', 'get'>[number];
export type VideoPointBody = BodyOf<'/api/video-points', 'post'>;
export type VideoClueBody = BodyOf<'/api/video-points/{id}/clues', 'post'>;
export const videoPointKeys = { all: ['video-points'] as const };
export const listVideoPoints = (signal?: AbortSignal) => http.get<VideoPoint[]>('/api/video-points', { signal });
export const createVideoPoint = (body: VideoPointBody) => http.post<VideoPoint>('/api/video-points', body);
export const clueFromVideo = (pointId: string, body: VideoClueBody) =>
  http.post<ResponseOf<'/api/video-points/{id}/clues', 'post', 201>>(`/api/video-points/${enc(pointId)}/clues`, body);
