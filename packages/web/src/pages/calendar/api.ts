// Client of the calendar API: working days, deadlines counted on them, the years' 调休 tables.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';
import type { DayUnit } from '../worklist/api.ts';

export const calendarKeys = {
  years: ['calendar', 'years'] as const,
};

const enc = encodeURIComponent;

export type DayInfo = ResponseOf<'/api/calendar/days/{date}', 'get'>;
export const getDay = (date: string) => http.get<DayInfo>(`/api/calendar/days/${enc(date)}`);
export const addDays = (from: string, days: number, unit: DayUnit) =>
  http.get<ResponseOf<'/api/calendar/add', 'get'>>('/api/calendar/add', {
    query: { from, days, unit } satisfies QueryOf<'/api/calendar/add', 'get'>,
  });

export type CalendarYear = ResponseOf<'/api/calendar/years', 'get'>['items'][number];
export type CalendarYearBody = BodyOf<'/api/calendar/years', 'post'>;
export const getYears = (signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/calendar/years', 'get'>>('/api/calendar/years', { signal });
export const addYear = (calendar: CalendarYearBody['calendar'], reason: string) =>
  http.post<ResponseOf<'/api/calendar/years', 'post', 201>>('/api/calendar/years', {
    calendar,
    reason,
  } satisfies CalendarYearBody);

export type CalendarYearVersion = ResponseOf<'/api/calendar/years/{year}/versions', 'get'>['items'][number];
export const getYearVersions = (year: number, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/calendar/years/{year}/versions', 'get'>>(`/api/calendar/years/${year}/versions`, {
    signal,
  });
export const replaceYear = (year: number, calendar: CalendarYearBody['calendar'], reason: string) =>
  request<ResponseOf<'/api/calendar/years/{year}', 'put'>>('PUT', `/api/calendar/years/${year}`, {
    body: { calendar, reason } satisfies BodyOf<'/api/calendar/years/{year}', 'put'>,
  });
