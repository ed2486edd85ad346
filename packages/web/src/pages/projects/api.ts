import type { MilestoneState, ProjectMilestone } from '@qingshan/core/visits';
import { http } from '../../api/http.ts';
import type { Page } from '../../api/types.ts';

export interface Project {
  id: string;
  name: string;
  enterpriseId: string;
  enterpriseName: string;
  investment: number;
  townCode: string;
  officerUserId: string | null;
  officerName: string;
  milestones: { key: ProjectMilestone; state: MilestoneState; date: string | null; note: string | null }[];
  nextAction: string | null;
  nextActionDate: string | null;
  overdue: boolean;
  status: 'active' | 'completed' | 'suspended';
  version: number;
}
export interface ProjectDetail extends Project {
  contacts: {
    id: string;
    date: string;
    channel: 'visit' | 'phone' | 'meeting' | 'online';
    note: string;
    byName: string;
  }[];
}
export interface ProjectQuery {
  status?: Project['status'] | undefined;
  overdue?: 'true' | undefined;
  townCode?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export const projectKeys = {
  all: ['projects'] as const,
  list: (q: ProjectQuery) => ['projects', 'list', q] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
};
const enc = encodeURIComponent;
export const listProjects = (q: ProjectQuery, signal?: AbortSignal) =>
  http.get<Page<Project>>('/api/projects', { query: q, signal });
export const getProject = (id: string, signal?: AbortSignal) =>
  http.get<ProjectDetail>(`/api/projects/${enc(id)}`, { signal });
export const createProject = (body: {
  name: string;
  enterpriseId: string;
  investment: number;
  townCode: string;
  officerName: string;
  nextAction: string;
  nextActionDate: string;
}) => http.post<Project>('/api/projects', body);
export const patchProject = (
  id: string,
  body: {
    nextAction?: string;
    nextActionDate?: string;
    officerName?: string;
    status?: Project['status'];
    version: number;
  },
) => http.patch<Project>(`/api/projects/${enc(id)}`, body);
export const updateMilestone = (
  id: string,
  key: ProjectMilestone,
  body: { state: MilestoneState; date?: string | null; note?: string | null; version: number },
) => http.post<Project>(`/api/projects/${enc(id)}/milestones/${key}`, body);
export const addContact = (id: string, body: { date: string; channel: string; note: string }) =>
  http.post(`/api/projects/${enc(id)}/contacts`, body);
