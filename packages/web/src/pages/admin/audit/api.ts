import { http } from '../../../api/http.ts';
import type { AuditEntry, AuditQuery, Page } from '../../../api/types.ts';

export const auditKeys = {
  list: (q: AuditQuery) => ['audit', q] as const,
};

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return http.get('/api/audit', { query, signal });
}
