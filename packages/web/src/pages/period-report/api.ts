import { download, http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type FreshDraft = ResponseOf<'/api/period-report/draft', 'get'>;
export type ReportFigure = FreshDraft['figures'][number];
export type DraftSection = FreshDraft['sections'][number];
export type SavedDraft = ResponseOf<'/api/period-report/drafts/{id}', 'get'>;
export type DraftList = ResponseOf<'/api/period-report/drafts', 'get'>;
export type DraftListQuery = QueryOf<'/api/period-report/drafts', 'get'>;
export type DraftVersion = ResponseOf<'/api/period-report/drafts/{id}/versions', 'get'>[number];
export type DraftEdit = BodyOf<'/api/period-report/drafts/{id}', 'put'>;
export type Dashboard = ResponseOf<'/api/period-report/dashboard', 'get'>;
export type DashboardQuery = QueryOf<'/api/period-report/dashboard', 'get'>;
export type SlaGroup = Dashboard['sla']['desk'][number];
export type OneVisitGroup = Dashboard['oneVisit']['town'][number];
export type DrillQuery = QueryOf<'/api/period-report/dashboard/records', 'get'>;
export type DrillList = ResponseOf<'/api/period-report/dashboard/records', 'get'>;
export type DrillRecord = DrillList['items'][number];
export type Period = { from?: string | undefined; to?: string | undefined };

export const periodReportKeys = {
  all: ['period-report'] as const,
  fresh: (p: Period) => ['period-report', 'fresh', p] as const,
  draft: (id: string) => ['period-report', 'draft', id] as const,
  versions: (id: string) => ['period-report', 'versions', id] as const,
  drafts: (q: DraftListQuery) => ['period-report', 'drafts', q] as const,
  dashboard: (q: DashboardQuery) => ['period-report', 'dashboard', q] as const,
  drill: (q: DrillQuery) => ['period-report', 'drill', q] as const,
};

export function getFreshDraft(p: Period, signal?: AbortSignal): Promise<FreshDraft> {
  return http.get('/api/period-report/draft', { query: p, signal });
}

export function getDraft(id: string, signal?: AbortSignal): Promise<SavedDraft> {
  return http.get(`/api/period-report/drafts/${encodeURIComponent(id)}`, { signal });
}

export function listDrafts(q: DraftListQuery, signal?: AbortSignal): Promise<DraftList> {
  return http.get('/api/period-report/drafts', { query: q, signal });
}

export function listVersions(id: string, signal?: AbortSignal): Promise<DraftVersion[]> {
  return http.get(`/api/period-report/drafts/${encodeURIComponent(id)}/versions`, { signal });
}

export function createDraft(p: { from: string; to: string }): Promise<SavedDraft> {
  return http.post('/api/period-report/drafts', p);
}

export function saveDraft(id: string, body: DraftEdit): Promise<SavedDraft> {
  return request('PUT', `/api/period-report/drafts/${encodeURIComponent(id)}`, { body });
}

export function exportFreshDocx(p: { from: string; to: string }): Promise<void> {
  return download('/api/reports/period.docx', `period-report-${p.from}-${p.to}.docx`, p);
}

export function exportDraftDocx(id: string): Promise<void> {
  return download(`/api/period-report/drafts/${encodeURIComponent(id)}/report.docx`, 'period-report.docx');
}

export function getDashboard(q: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> {
  return http.get('/api/period-report/dashboard', { query: q, signal });
}

export function getDrill(q: DrillQuery, signal?: AbortSignal): Promise<DrillList> {
  return http.get('/api/period-report/dashboard/records', { query: q, signal });
}

export function exportDashboard(q: DashboardQuery): Promise<void> {
  return download('/api/period-report/dashboard.xlsx', 'dashboard.xlsx', q);
}

export function exportDrill(q: Omit<DrillQuery, 'page' | 'pageSize'>): Promise<void> {
  return download('/api/period-report/dashboard/records.xlsx', 'dashboard-records.xlsx', q);
}
