import { download, http } from '../../api/http.ts';
import type {
  Contact,
  Enterprise,
  EnterpriseCreate,
  EnterpriseQuery,
  EnterpriseSummary,
  Job,
  Page,
} from '../../api/types.ts';

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (q: EnterpriseQuery) => ['enterprises', 'list', q] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
};

export function listEnterprises(query: EnterpriseQuery, signal?: AbortSignal): Promise<Page<EnterpriseSummary>> {
  return http.get('/api/enterprises', { query, signal });
}

export function getEnterprise(id: string, signal?: AbortSignal): Promise<Enterprise> {
  return http.get(`/api/enterprises/${encodeURIComponent(id)}`, { signal });
}

export function createEnterprise(body: EnterpriseCreate): Promise<Enterprise> {
  return http.post('/api/enterprises', body);
}

/** `version` is the one the form was loaded with: a newer edit by someone else answers 409 RECORD_CHANGED. */
export function updateEnterprise(
  id: string,
  body: Partial<EnterpriseCreate> & { version: number },
): Promise<Enterprise> {
  return http.patch(`/api/enterprises/${encodeURIComponent(id)}`, body);
}

/** Full phone numbers of the contacts; the server records who looked. */
export function unmaskContacts(id: string): Promise<{ contacts: Contact[] }> {
  return http.post(`/api/enterprises/${encodeURIComponent(id)}/unmask`);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Type for an import file by its name; null when it is neither xlsx nor CSV. */
export function importContentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  if (lower.endsWith('.csv')) return 'text/csv';
  return null;
}

export function startImport(file: Blob, contentType: string): Promise<{ jobId: string }> {
  return http.post('/api/enterprises/import', undefined, { rawBody: file, contentType });
}

export function downloadImportTemplate(): Promise<void> {
  return download('/api/enterprises/import-template', 'enterprise-import-template.xlsx');
}

/** Downloads the list as xlsx with the same filters as the table (paging and sorting aside). */
export function exportEnterprises(query: EnterpriseQuery): Promise<void> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return download('/api/enterprises/export', 'enterprises.xlsx', filters);
}

// The import runs as a background job; the page polls it.
export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return http.get(`/api/jobs/${encodeURIComponent(id)}`, { signal });
}

/** Percent done of a job; 0 before the total is known. */
export function jobPercent(job: Pick<Job, 'total' | 'processed' | 'status'> | undefined): number {
  if (!job) return 0;
  if (job.status === 'done') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.floor((job.processed / job.total) * 100));
}
