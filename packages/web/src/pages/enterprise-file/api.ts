// Client of the enterprise file (一企一档): every module's records about one firm on one timeline.
import { download, http } from '../../api/http.ts';
import type { QueryOf, ResponseOf } from '../../api/types.ts';

export type Timeline = ResponseOf<'/api/enterprises/{id}/timeline', 'get'>;
export type TimelineItem = Timeline['items'][number];
export type TimelineQuery = QueryOf<'/api/enterprises/{id}/timeline', 'get'>;

export const timelineKeys = {
  of: (id: string, q: object) => ['enterprise-file', id, q] as const,
};
const enc = encodeURIComponent;

export const getTimeline = (id: string, query: TimelineQuery, signal?: AbortSignal) =>
  http.get<Timeline>(`/api/enterprises/${enc(id)}/timeline`, { query, signal });
export const downloadTimeline = (id: string, query: Omit<TimelineQuery, 'page' | 'pageSize'>) =>
  download(`/api/enterprises/${enc(id)}/timeline.docx`, 'enterprise-file.docx', query);
