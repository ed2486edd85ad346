// Client of the electricity sub-metering API: meters, power curves, restriction orders.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const electricityKeys = {
  all: ['electricity'] as const,
  meters: (q: object) => ['electricity', 'meters', q] as const,
  series: (id: string, from: string, to: string) => ['electricity', 'series', id, from, to] as const,
  frames: (id: string, q: object) => ['electricity', 'frames', id, q] as const,
  orders: (q: object) => ['electricity', 'orders', q] as const,
};

export type MeterList = ResponseOf<'/api/electricity/meters', 'get'>;
export type Meter = MeterList['items'][number];
export type MeterQuery = QueryOf<'/api/electricity/meters', 'get'>;
export type MeterCreate = BodyOf<'/api/electricity/meters', 'post'>;
export type MeterHj212 = BodyOf<'/api/electricity/meters/{id}/hj212', 'put'>;
export type Series = ResponseOf<'/api/electricity/meters/{id}/series', 'get'>;
export type MeterFrameList = ResponseOf<'/api/electricity/meters/{id}/frames', 'get'>;
export type MeterFrameQuery = QueryOf<'/api/electricity/meters/{id}/frames', 'get'>;
export type OrderList = ResponseOf<'/api/electricity/restriction-orders', 'get'>;
export type Order = OrderList['items'][number];
export type OrderQuery = QueryOf<'/api/electricity/restriction-orders', 'get'>;
export type OrderCreate = BodyOf<'/api/electricity/restriction-orders', 'post'>;

export const listMeters = (q: MeterQuery, signal?: AbortSignal) =>
  http.get<MeterList>('/api/electricity/meters', { query: q, signal });
export const createMeter = (body: MeterCreate) => request<Meter>('POST', '/api/electricity/meters', { body });
/** Binds a meter to its HJ 212 logger (MN, password) and factor code; the password may be left out once the logger has one. */
export const bindHj212 = (id: string, body: MeterHj212) =>
  request<Meter>('PUT', `/api/electricity/meters/${id}/hj212`, { body });
export const unbindHj212 = (id: string) => request<Meter>('DELETE', `/api/electricity/meters/${id}/hj212`);
export const getSeries = (id: string, from: string, to: string, signal?: AbortSignal) =>
  http.get<Series>(`/api/electricity/meters/${id}/series`, { query: { from, to }, signal });
/** The raw HJ 212 frames of the logger a meter reports through (default: the last 31 days). */
export const getMeterFrames = (id: string, query: MeterFrameQuery, signal?: AbortSignal) =>
  http.get<MeterFrameList>(`/api/electricity/meters/${id}/frames`, { query, signal });
export const listOrders = (q: OrderQuery, signal?: AbortSignal) =>
  http.get<OrderList>('/api/electricity/restriction-orders', { query: q, signal });
export const createOrder = (body: OrderCreate) =>
  request<Order>('POST', '/api/electricity/restriction-orders', { body });
