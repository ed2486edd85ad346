import { http } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type Project = ResponseOf<'/api/projects', 'get'>['items'][number];
export type ProjectDetail = ResponseOf<'/api/projects/{id}', 'get'>;
export type ProjectQuery = QueryOf<'/api/projects', 'get'>;
export type ProjectCreate = BodyOf<'/api/projects', 'post'>;
export type ProjectPatch = BodyOf<'/api/projects/{id}', 'patch'>;
export type MilestoneBody = BodyOf<'/api/projects/{id}/milestones/{key}', 'post'>;
export type ContactCreate = BodyOf<'/api/projects/{id}/contacts', 'post'>;
export type MilestoneKey = Project['milestones'][number]['key'];

export const projectKeys = {
  all: ['projects'] as const,
  list: (q: ProjectQuery) => ['projects', 'list', q] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
};
const enc = encodeURIComponent;
export const listProjects = (q: ProjectQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/projects', 'get'>>('/api/projects', { query: q, signal });
export const getProject = (id: string, signal?: AbortSignal) =>
  http.get<ProjectDetail>(`/api/projects/${enc(id)}`, { signal });
export const createProject = (body: ProjectCreate) =>
  http.post<ResponseOf<'/api/projects', 'post', 201>>('/api/projects', body);
export const patchProject = (id: string, body: ProjectPatch) =>
  http.patch<ResponseOf<'/api/projects/{id}', 'patch'>>(`/api/projects/${enc(id)}`, body);
export const updateMilestone = (id: string, key: MilestoneKey, body: MilestoneBody) =>
  http.post<ResponseOf<'/api/projects/{id}/milestones/{key}', 'post'>>(
    `/api/projects/${enc(id)}/milestones/${enc(key)}`,
    body,
  );
export const addContact = (id: string, body: ContactCreate) =>
  http.post<ResponseOf<'/api/projects/{id}/contacts', 'post', 201>>(`/api/projects/${enc(id)}/contacts`, body);
