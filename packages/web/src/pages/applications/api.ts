// Client of the applications API: filing (online or at the window), materials, the steps and the letters.
import { download, http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const applicationKeys = {
  all: ['applications'] as const,
  list: (q: object) => ['applications', 'list', q] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
};

const enc = encodeURIComponent;

export type ApplicationList = ResponseOf<'/api/applications', 'get'>;
export type Application = ApplicationList['items'][number];
export type ApplicationQuery = QueryOf<'/api/applications', 'get'>;
export type ApplicationDetail = ResponseOf<'/api/applications/{id}', 'get'>;
export type ApplicationCreate = BodyOf<'/api/applications', 'post'>;
export type ApplicationWindowCreate = BodyOf<'/api/applications/window', 'post'>;
export type ApplicationDecision = BodyOf<'/api/applications/{id}/decision', 'post'>;
export type DocumentKind = ApplicationDetail['documents'][number];
export type ApplicationStep =
  | 'notice'
  | 'supplement'
  | 'accept'
  | 'accept-deferred'
  | 'expert-review'
  | 'expert-review/end'
  | 'decision'
  | 'visits';

export const listApplications = (q: ApplicationQuery, signal?: AbortSignal) =>
  http.get<ApplicationList>('/api/applications', { query: q, signal });
export const getApplication = (id: string, signal?: AbortSignal) =>
  http.get<ApplicationDetail>(`/api/applications/${enc(id)}`, { signal });
export const applyOnline = (body: ApplicationCreate) => http.post<ApplicationDetail>('/api/applications', body);
export const fileAtWindow = (body: ApplicationWindowCreate) =>
  http.post<ApplicationDetail>('/api/applications/window', body);
export const applicationStep = (id: string, step: ApplicationStep, body?: object) =>
  request<ApplicationDetail>('POST', `/api/applications/${enc(id)}/${step}`, { body: body ?? {} });
export const uploadMaterial = (id: string, item: number, file: File) =>
  http.post<ResponseOf<'/api/applications/{id}/materials', 'post', 201>>(
    `/api/applications/${enc(id)}/materials`,
    undefined,
    {
      rawBody: file,
      // the server reads the real type from the bytes; an unknown browser type still goes through
      contentType: file.type || 'application/octet-stream',
      query: { item, name: file.name } satisfies QueryOf<'/api/applications/{id}/materials', 'post'>,
    },
  );
export const downloadMaterial = (id: string, materialId: string, name: string) =>
  download(`/api/applications/${enc(id)}/materials/${enc(materialId)}`, name);
export const downloadDocument = (id: string, kind: DocumentKind) =>
  download(`/api/applications/${enc(id)}/documents/${kind}`, `${kind}.docx`);

/** The matters this bureau decides: only those are applied for here (the others are tracked, rules.md §0). */
export const listBureauMatters = (signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/public/matters', 'get'>>('/api/public/matters', {
    query: { decidingAuthority: 'bureau', pageSize: 50 } satisfies QueryOf<'/api/public/matters', 'get'>,
    signal,
  });
export const searchEnterprises = (q: string, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/enterprises', 'get'>>('/api/enterprises', {
    query: { q, pageSize: 20 } satisfies QueryOf<'/api/enterprises', 'get'>,
    signal,
  });
