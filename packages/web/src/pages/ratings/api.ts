import type { RatingInput } from '@qingshan/core/ratings';
import { http } from '../../api/http.ts';

export interface Rectification {
  state: 'open' | 'contacted' | 'rectified' | 'void';
  assigneeUserId: string | null;
  contactDueDate: string;
  rectifyDueDate: string;
  contactedAt: string | null;
  contactNote: string | null;
  rectifiedAt: string | null;
  rectifyNote: string | null;
  onTime: boolean | null;
  appealState: 'none' | 'pending' | 'upheld' | 'rejected';
  appealReason: string | null;
  appealDecisionNote: string | null;
}

export interface Rating {
  id: string;
  eventType: string;
  eventId: string;
  label: string;
  level: number;
  indicators: Record<string, number>;
  comment: string | null;
  raterKind: string;
  enterpriseId: string | null;
  createdAt: string;
  rectification: Rectification | null;
}

export interface RatingQuery {
  eventType?: string | undefined;
  level?: number | undefined;
  bad?: boolean | undefined;
  state?: Rectification['state'] | undefined;
  sort?: 'createdAt' | '-createdAt' | 'level' | '-level';
  page: number;
  pageSize: number;
}

export interface RatingSummary {
  distribution: { level: number; count: number }[];
  bad: number;
  rectifiedOnTime: number;
  eventTypes: string[];
}

export type RectifyAction =
  | { action: 'contact' | 'rectify' | 'appeal'; note: string }
  | { action: 'decide-appeal'; upheld: boolean; note: string };

export const ratingKeys = {
  all: ['ratings'] as const,
  list: (q: RatingQuery) => ['ratings', 'list', q] as const,
  summary: (from: string, to: string) => ['ratings', 'summary', from, to] as const,
};

export const listRatings = (query: RatingQuery, signal?: AbortSignal) =>
  http.get<{ items: Rating[]; total: number; page: number; pageSize: number }>('/api/ratings', { query, signal });
export const ratingSummary = (from: string, to: string, signal?: AbortSignal) =>
  http.get<RatingSummary>('/api/ratings/summary', { query: { from, to }, signal });
export const getRating = (id: string, signal?: AbortSignal) =>
  http.get<Rating>(`/api/ratings/${encodeURIComponent(id)}`, { signal });
export const actOnRectification = (id: string, body: RectifyAction) =>
  http.post<Rating>(`/api/ratings/${encodeURIComponent(id)}/rectification`, body);
export const rateEvent = (eventType: string, eventId: string, input: RatingInput) =>
  http.post<Rating>('/api/ratings', { eventType, eventId, ...input });
