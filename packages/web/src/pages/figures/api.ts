import { download, http } from '../../api/http.ts';

export interface Bilingual {
  zh: string;
  en: string;
}
export interface Figure {
  key: string;
  group: string | null;
  value: number;
  label: Bilingual;
  unit: Bilingual;
  definition: Bilingual;
  source: string;
}
export interface FiguresResponse {
  from: string;
  to: string;
  articlePeriod: { from: string; to: string };
  values: Record<string, number>;
  figures: Figure[];
  monthly: { month: string; values: Record<string, number> }[];
}
export interface FigureRecord {
  id: string;
  date: string;
  title: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  detail: string;
  link: string | null;
}
export interface FigureRecordsResponse {
  key: string;
  label: Bilingual;
  from: string;
  to: string;
  items: FigureRecord[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

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
  return http.get(`/api/figures/${encodeURIComponent(key)}/records`, { query: { ...p, page, pageSize }, signal });
}

export function exportFigureRecords(key: string, p: Period): Promise<void> {
  return download(`/api/figures/${encodeURIComponent(key)}/records.xlsx`, `figure-${key}.xlsx`, p);
}
