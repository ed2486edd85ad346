import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type Report = ResponseOf<'/api/reports', 'get'>['items'][number];
export type ReportDetail = ResponseOf<'/api/reports/{id}', 'get'>;
export type ReportQuery = QueryOf<'/api/reports', 'get'>;
export type ReportRegister = BodyOf<'/api/reports', 'post'>;
export type PublicReportInput = BodyOf<'/api/public/reports', 'post'>;
export type ReportActionBody = BodyOf<'/api/reports/{id}/actions', 'post'>;

export const reportKeys = {
  all: ['reports'] as const,
  list: (q: ReportQuery) => ['reports', 'list', q] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  track: (code: string, phone: string) => ['reports', 'track', code, phone] as const,
};
const enc = encodeURIComponent;

export const listReports = (query: ReportQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/reports', 'get'>>('/api/reports', { query, signal });
export const getReport = (id: string, signal?: AbortSignal) =>
  http.get<ReportDetail>(`/api/reports/${enc(id)}`, { signal });
export const registerReport = (body: ReportRegister) =>
  http.post<ResponseOf<'/api/reports', 'post', 201>>('/api/reports', body);
export const submitReport = (body: PublicReportInput) =>
  http.post<ResponseOf<'/api/public/reports', 'post', 201>>('/api/public/reports', body);
export const actOnReport = (id: string, body: ReportActionBody) =>
  http.post<ResponseOf<'/api/reports/{id}/actions', 'post'>>(`/api/reports/${enc(id)}/actions`, body);
export const trackReport = (code: string, phone: string, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/public/reports/{code}', 'get'>>(`/api/public/reports/${enc(code)}`, {
    query: { phone } satisfies QueryOf<'/api/public/reports/{code}', 'get'>,
    signal,
  });
