// Client of the monitoring API: stations, readings, raw frames, the overview and the quarantine.
import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const monitoringKeys = {
  overview: ['monitoring', 'overview'] as const,
  stations: (q: object) => ['monitoring', 'stations', q] as const,
  station: (id: string) => ['monitoring', 'station', id] as const,
  readings: (id: string, q: object) => ['monitoring', 'readings', id, q] as const,
  frames: (id: string, q: object) => ['monitoring', 'frames', id, q] as const,
  quarantine: (q: object) => ['monitoring', 'quarantine', q] as const,
};

const enc = encodeURIComponent;

export type Overview = ResponseOf<'/api/monitoring/overview', 'get'>;
export type StationList = ResponseOf<'/api/monitoring/stations', 'get'>;
export type Station = StationList['items'][number];
export type StationQuery = QueryOf<'/api/monitoring/stations', 'get'>;
export type StationDetail = ResponseOf<'/api/monitoring/stations/{id}', 'get'>;
export type StationCreate = BodyOf<'/api/monitoring/stations', 'post'>;
export type StationPatch = BodyOf<'/api/monitoring/stations/{id}', 'patch'>;
export type ReadingList = ResponseOf<'/api/monitoring/stations/{id}/readings', 'get'>;
export type Reading = ReadingList['items'][number];
export type ReadingQuery = QueryOf<'/api/monitoring/stations/{id}/readings', 'get'>;
export type FrameList = ResponseOf<'/api/monitoring/stations/{id}/frames', 'get'>;
export type Frame = FrameList['items'][number];
export type QuarantineList = ResponseOf<'/api/monitoring/quarantine', 'get'>;
export type QuarantineEntry = QuarantineList['items'][number];
export type QuarantineQuery = QueryOf<'/api/monitoring/quarantine', 'get'>;

export const getOverview = (signal?: AbortSignal) => http.get<Overview>('/api/monitoring/overview', { signal });
export const getStations = (query: StationQuery, signal?: AbortSignal) =>
  http.get<StationList>('/api/monitoring/stations', { query, signal });
export const getStation = (id: string, signal?: AbortSignal) =>
  http.get<StationDetail>(`/api/monitoring/stations/${enc(id)}`, { signal });
export const getReadings = (id: string, query: ReadingQuery, signal?: AbortSignal) =>
  http.get<ReadingList>(`/api/monitoring/stations/${enc(id)}/readings`, { query, signal });
export type FrameQuery = QueryOf<'/api/monitoring/stations/{id}/frames', 'get'>;
export const getFrames = (id: string, query: FrameQuery, signal?: AbortSignal) =>
  http.get<FrameList>(`/api/monitoring/stations/${enc(id)}/frames`, { query, signal });
export const getQuarantine = (query: QuarantineQuery, signal?: AbortSignal) =>
  http.get<QuarantineList>('/api/monitoring/quarantine', { query, signal });
export const rejectQuarantine = (id: string) =>
  http.post<QuarantineEntry>(`/api/monitoring/quarantine/${enc(id)}/reject`, undefined);
export const createStation = (body: StationCreate) => http.post<StationDetail>('/api/monitoring/stations', body);
export const updateStation = (id: string, body: StationPatch) =>
  http.patch<StationDetail>(`/api/monitoring/stations/${enc(id)}`, body);
