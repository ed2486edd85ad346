import type { VisitPurpose } from '@qingshan/core/visits';
import { http } from '../../api/http.ts';
import type { Page } from '../../api/types.ts';

export interface Visit {
  id: string;
  date: string;
  campaignId: string | null;
  campaignTheme: string | null;
  staff: { userId?: string; name: string; leader: boolean }[];
  ledByLeader: boolean;
  purposes: VisitPurpose[];
  summary: string;
  enterprises: { enterpriseId: string; name: string; townCode: string; solved: string | null }[];
}
export interface VisitDetail extends Visit {
  followUps: {
    id: string;
    enterpriseId: string | null;
    enterpriseName: string | null;
    action: string;
    dueDate: string;
    doneAt: string | null;
    doneNote: string | null;
  }[];
  attachments: { id: string; fileName: string; contentType: string; size: number; createdAt: string }[];
}
export interface Campaign {
  id: string;
  theme: string;
  startDate: string;
  endDate: string;
  description: string | null;
  visits: number;
  enterpriseVisits: number;
}
export interface Candidate {
  enterpriseId: string;
  name: string;
  townCode: string;
  openConcerns: number;
  overdueFollowUps: number;
  overdueProjects: number;
  lastVisit: string | null;
}
export interface VisitQuery {
  from?: string | undefined;
  to?: string | undefined;
  enterpriseId?: string | undefined;
  campaignId?: string | undefined;
  purpose?: VisitPurpose | undefined;
  leader?: 'true' | 'false' | undefined;
  townCode?: string | undefined;
  page: number;
  pageSize: number;
}
export interface VisitCreate {
  date: string;
  campaignId?: string;
  staff: { name: string; leader: boolean }[];
  enterprises: { enterpriseId: string; solved?: string }[];
  purposes: VisitPurpose[];
  summary: string;
  followUps: { enterpriseId?: string; action: string; dueDate: string }[];
}

export const visitKeys = {
  all: ['visits'] as const,
  list: (q: VisitQuery) => ['visits', 'list', q] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  campaigns: (q: object) => ['visits', 'campaigns', q] as const,
  candidates: ['visits', 'candidates'] as const,
};

const enc = encodeURIComponent;
export const listVisits = (q: VisitQuery, signal?: AbortSignal) =>
  http.get<Page<Visit>>('/api/visits', { query: q, signal });
export const getVisit = (id: string, signal?: AbortSignal) =>
  http.get<VisitDetail>(`/api/visits/${enc(id)}`, { signal });
export const createVisit = (body: VisitCreate) => http.post<VisitDetail>('/api/visits', body);
export const followUpDone = (id: string, note: string) => http.post(`/api/visits/follow-ups/${enc(id)}/done`, { note });
export const uploadAttachment = (id: string, file: File) =>
  http.post(`/api/visits/${enc(id)}/attachments`, undefined, {
    rawBody: file,
    contentType: file.type,
    query: { name: file.name },
  });
export const listCampaigns = (
  q: { from?: string; to?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => http.get<Page<Campaign>>('/api/campaigns', { query: q, signal });
export const createCampaign = (body: { theme: string; startDate: string; endDate: string; description?: string }) =>
  http.post<Campaign>('/api/campaigns', body);
export const listCandidates = (signal?: AbortSignal) =>
  http.get<{ items: Candidate[] }>('/api/visits/candidates', { signal });
