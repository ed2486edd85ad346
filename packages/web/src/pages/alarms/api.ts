// Client of the alarms API: the inbox, one alarm with its timeline, the enterprise's answer and the officer's close.
import { download, http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const alarmKeys = {
  all: ['alarms'] as const,
  list: (q: object) => ['alarms', 'list', q] as const,
  detail: (id: string) => ['alarms', 'detail', id] as const,
};

export type AlarmList = ResponseOf<'/api/alarms', 'get'>;
export type Alarm = AlarmList['items'][number];
export type AlarmQuery = QueryOf<'/api/alarms', 'get'>;
export type AlarmDetail = ResponseOf<'/api/alarms/{id}', 'get'>;
export type AlarmAnswer = BodyOf<'/api/alarms/{id}/answer', 'post'>;
export type AlarmClose = BodyOf<'/api/alarms/{id}/close', 'post'>;

export const listAlarms = (q: AlarmQuery, signal?: AbortSignal) =>
  http.get<AlarmList>('/api/alarms', { query: q, signal });
export const getAlarm = (id: string, signal?: AbortSignal) => http.get<AlarmDetail>(`/api/alarms/${id}`, { signal });
export const answerAlarm = (id: string, body: AlarmAnswer) =>
  request<AlarmDetail>('POST', `/api/alarms/${id}/answer`, { body });
export const closeAlarm = (id: string, body: AlarmClose) =>
  request<AlarmDetail>('POST', `/api/alarms/${id}/close`, { body });
export const downloadAttachment = (id: string, name: string) => download(`/api/alarms/${id}/attachment`, name);
