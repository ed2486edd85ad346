// Client of the notifications API: deliveries (admin) and one's own preferences.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const notificationKeys = {
  deliveries: (q: object) => ['deliveries', q] as const,
  prefs: ['me', 'notification-preferences'] as const,
};

const enc = encodeURIComponent;

export type DeliveryQuery = QueryOf<'/api/deliveries', 'get'>;
export type DeliveryStatus = NonNullable<DeliveryQuery['status']>;
export type DeliveryChannel = NonNullable<DeliveryQuery['channel']>;
// The server declares a delivery's `channel` as any string (the column is text), but it only ever
// queues the channels its filter enumerates; the page keys its labels by them.
export type Delivery = Omit<ResponseOf<'/api/deliveries', 'get'>['items'][number], 'channel'> & {
  channel: DeliveryChannel;
};
export const getDeliveries = (q: DeliveryQuery, signal?: AbortSignal) =>
  http.get<{ items: Delivery[]; total: number; page: number; pageSize: number }>('/api/deliveries', {
    query: q,
    signal,
  });
export const retryDelivery = (id: string) => http.post<Delivery>(`/api/deliveries/${enc(id)}/retry`);

export type Preferences = ResponseOf<'/api/me/notification-preferences', 'get'>;
export type PreferencesBody = BodyOf<'/api/me/notification-preferences', 'put'>;
export const getPreferences = (signal?: AbortSignal) =>
  http.get<Preferences>('/api/me/notification-preferences', { signal });
export const putPreferences = (body: PreferencesBody) =>
  request<ResponseOf<'/api/me/notification-preferences', 'put'>>('PUT', '/api/me/notification-preferences', { body });
