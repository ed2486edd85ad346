// Client of the matters API: the public service guides (办事指南) and the admin's versioned edits.
import { download, http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const matterKeys = {
  list: (q: object) => ['matters', q] as const,
  detail: (code: string) => ['matters', 'detail', code] as const,
  versions: (code: string) => ['matters', 'versions', code] as const,
};

const enc = encodeURIComponent;

export type MatterList = ResponseOf<'/api/public/matters', 'get'>;
export type Matter = MatterList['items'][number];
export type MatterDetail = ResponseOf<'/api/public/matters/{code}', 'get'>;
export type MatterMaterial = Matter['materials'][number];
export type MatterQuery = QueryOf<'/api/public/matters', 'get'>;
export type MatterVersion = ResponseOf<'/api/matters/{code}/versions', 'get'>[number];
export type MatterEdit = BodyOf<'/api/matters/{code}', 'patch'>;

export const getMatters = (q: MatterQuery, signal?: AbortSignal) =>
  http.get<MatterList>('/api/public/matters', { query: q, signal });
export const getMatter = (code: string, signal?: AbortSignal) =>
  http.get<MatterDetail>(`/api/public/matters/${enc(code)}`, { signal });
export const downloadNotice = (code: string) =>
  download(`/api/public/matters/${enc(code)}/notice.docx`, `notice-${code}.docx`);
export const getMatterVersions = (code: string, signal?: AbortSignal) =>
  http.get<MatterVersion[]>(`/api/matters/${enc(code)}/versions`, { signal });
export const updateMatter = (code: string, body: MatterEdit) =>
  request<MatterDetail>('PATCH', `/api/matters/${enc(code)}`, { body });
