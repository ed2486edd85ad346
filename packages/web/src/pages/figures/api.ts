import { download, http } from '../../api/http.ts';
import type { QueryOf, ResponseOf } from '../../api/types.ts';

export type FiguresResponse = ResponseOf<'/api/figures', 'get'>;
export type Figure = FiguresResponse['figures'][number];
export type Bilingual = Figure['label'];
export type FigureRecordsResponse = ResponseOf<'/api/figures/{key}/records', 'get'>;
export type FigureRecord = FigureRecordsResponse['items'][number];
export type Period = QueryOf<'/api/figures', 'get'>;

export const figureKeys = {
  all: ['figures'] as const,
  period: (p: Period) => ['figures', 'summary', p] as const,
  records: (key: string, p: Period, page: number, pageSize: number) =>
    ['figures', 'records', key, p, page, pageSize] as const,
};

export function getFigures(p: Period, signal?: AbortSignal): Promise<FiguresResponse> {
  return http.get('/api/figures', { query: p, signal });
}

export function getFigureRecords(
  key: string,
  p: Period,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<FigureRecordsResponse> {
  const query: QueryOf<'/api/figures/{key}/records', 'get'> = { ...p, page, pageSize };
  return http.get(`/api/figures/${encodeURIComponent(key)}/records`, { query, signal });
}

export function exportFigureRecords(key: string, p: QueryOf<'/api/figures/{key}/records.xlsx', 'get'>): Promise<void> {
  return download(`/api/figures/${encodeURIComponent(key)}/records.xlsx`, `figure-${key}.xlsx`, p);
}
