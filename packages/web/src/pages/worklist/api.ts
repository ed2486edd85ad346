// Client of the worklist and clocks API (statutory deadlines of every case).
import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type ClockView = ResponseOf<'/api/clocks/{id}', 'get'>;
export type ClockState = ClockView['state'];
export type PauseReason = ClockView['pauses'][number]['reason'];
export type DayUnit = ClockView['profile']['unit'];
export type WorkItem = ResponseOf<'/api/worklist', 'get'>['items'][number];
export type WorklistQuery = QueryOf<'/api/worklist', 'get'>;
export type WorklistCounts = ResponseOf<'/api/worklist/counts', 'get'>;
export type PauseBody = BodyOf<'/api/clocks/{id}/pause', 'post'>;
export type ExtendBody = BodyOf<'/api/clocks/{id}/extend', 'post'>;

export const machineryKeys = {
  worklist: (q: WorklistQuery) => ['worklist', q] as const,
  counts: ['worklist', 'counts'] as const,
  clocks: (ownerType: string, ownerId: string) => ['clocks', ownerType, ownerId] as const,
};

const enc = encodeURIComponent;

export const getWorklist = (q: WorklistQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/worklist', 'get'>>('/api/worklist', { query: q, signal });
export const getWorklistCounts = (signal?: AbortSignal) => http.get<WorklistCounts>('/api/worklist/counts', { signal });
export const getClocks = (ownerType: string, ownerId: string, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/clocks', 'get'>>('/api/clocks', {
    query: { ownerType, ownerId, pageSize: 200 } satisfies QueryOf<'/api/clocks', 'get'>,
    signal,
  });
export const pauseClock = (id: string, body: PauseBody) =>
  http.post<ResponseOf<'/api/clocks/{id}/pause', 'post'>>(`/api/clocks/${enc(id)}/pause`, body);
export const resumeClock = (id: string) =>
  http.post<ResponseOf<'/api/clocks/{id}/resume', 'post'>>(
    `/api/clocks/${enc(id)}/resume`,
    {} satisfies BodyOf<'/api/clocks/{id}/resume', 'post'>,
  );
export const extendClock = (id: string, body: ExtendBody) =>
  http.post<ResponseOf<'/api/clocks/{id}/extend', 'post'>>(`/api/clocks/${enc(id)}/extend`, body);
