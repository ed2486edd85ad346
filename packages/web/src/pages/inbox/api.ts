// Client of the inbox API: one's own messages.
import { http } from '../../api/http.ts';
import type { QueryOf, ResponseOf } from '../../api/types.ts';

export const inboxKeys = {
  list: (q: object) => ['inbox', q] as const,
};

const enc = encodeURIComponent;

export type InboxPage = ResponseOf<'/api/inbox', 'get'>;
export type InboxItem = InboxPage['items'][number];
export type InboxQuery = QueryOf<'/api/inbox', 'get'>;
export const getInbox = (q: InboxQuery, signal?: AbortSignal) =>
  http.get<InboxPage>('/api/inbox', { query: q, signal });
export const markRead = (id: string) => http.post<void>(`/api/inbox/${enc(id)}/read`);
export const markAllRead = () => http.post<ResponseOf<'/api/inbox/read-all', 'post'>>('/api/inbox/read-all');
