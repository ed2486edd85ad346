// Client of the shared machinery API: clocks, worklist, inbox, calendar, rules, notifications.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type ClockView = ResponseOf<'/api/clocks/{id}', 'get'>;
export type ClockState = ClockView['state'];
export type PauseReason = ClockView['pauses'][number]['reason'];
export type DayUnit = ClockView['profile']['unit'];
export type WorkItem = ResponseOf<'/api/worklist', 'get'>['items'][number];
export type WorklistQuery = QueryOf<'/api/worklist', 'get'>;
export type WorklistCounts = ResponseOf<'/api/worklist/counts', 'get'>;
export type PauseBody = BodyOf<'/api/clocks/{id}/pause', 'post'>;
export type ExtendBody = BodyOf<'/api/clocks/{id}/extend', 'post'>;

export const machineryKeys = {
  worklist: (q: WorklistQuery) => ['worklist', q] as const,
  counts: ['worklist', 'counts'] as const,
  clocks: (ownerType: string, ownerId: string) => ['clocks', ownerType, ownerId] as const,
  inbox: (q: object) => ['inbox', q] as const,
  rules: (q: object) => ['rules', q] as const,
  rule: (key: string) => ['rules', 'detail', key] as const,
  years: ['calendar', 'years'] as const,
  deliveries: (q: object) => ['deliveries', q] as const,
  prefs: ['me', 'notification-preferences'] as const,
};

const enc = encodeURIComponent;

export const getWorklist = (q: WorklistQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/worklist', 'get'>>('/api/worklist', { query: q, signal });
export const getWorklistCounts = (signal?: AbortSignal) => http.get<WorklistCounts>('/api/worklist/counts', { signal });
export const getClocks = (ownerType: string, ownerId: string, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/clocks', 'get'>>('/api/clocks', {
    query: { ownerType, ownerId, pageSize: 200 } satisfies QueryOf<'/api/clocks', 'get'>,
    signal,
  });
export const pauseClock = (id: string, body: PauseBody) =>
  http.post<ResponseOf<'/api/clocks/{id}/pause', 'post'>>(`/api/clocks/${enc(id)}/pause`, body);
export const resumeClock = (id: string) =>
  http.post<ResponseOf<'/api/clocks/{id}/resume', 'post'>>(
    `/api/clocks/${enc(id)}/resume`,
    {} satisfies BodyOf<'/api/clocks/{id}/resume', 'post'>,
  );
export const extendClock = (id: string, body: ExtendBody) =>
  http.post<ResponseOf<'/api/clocks/{id}/extend', 'post'>>(`/api/clocks/${enc(id)}/extend`, body);

export type InboxPage = ResponseOf<'/api/inbox', 'get'>;
export type InboxItem = InboxPage['items'][number];
export type InboxQuery = QueryOf<'/api/inbox', 'get'>;
export const getInbox = (q: InboxQuery, signal?: AbortSignal) =>
  http.get<InboxPage>('/api/inbox', { query: q, signal });
export const markRead = (id: string) => http.post<void>(`/api/inbox/${enc(id)}/read`);
export const markAllRead = () => http.post<ResponseOf<'/api/inbox/read-all', 'post'>>('/api/inbox/read-all');

export type DayInfo = ResponseOf<'/api/calendar/days/{date}', 'get'>;
export const getDay = (date: string) => http.get<DayInfo>(`/api/calendar/days/${enc(date)}`);
export const addDays = (from: string, days: number, unit: DayUnit) =>
  http.get<ResponseOf<'/api/calendar/add', 'get'>>('/api/calendar/add', {
    query: { from, days, unit } satisfies QueryOf<'/api/calendar/add', 'get'>,
  });

export type CalendarYear = ResponseOf<'/api/calendar/years', 'get'>['items'][number];
export type CalendarYearBody = BodyOf<'/api/calendar/years', 'post'>;
export const getYears = (signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/calendar/years', 'get'>>('/api/calendar/years', { signal });
export const addYear = (calendar: CalendarYearBody['calendar'], reason: string) =>
  http.post<ResponseOf<'/api/calendar/years', 'post', 201>>('/api/calendar/years', {
    calendar,
    reason,
  } satisfies CalendarYearBody);

export type CalendarYearVersion = ResponseOf<'/api/calendar/years/{year}/versions', 'get'>['items'][number];
export const getYearVersions = (year: number, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/calendar/years/{year}/versions', 'get'>>(`/api/calendar/years/${year}/versions`, {
    signal,
  });
export const replaceYear = (year: number, calendar: CalendarYearBody['calendar'], reason: string) =>
  request<ResponseOf<'/api/calendar/years/{year}', 'put'>>('PUT', `/api/calendar/years/${year}`, {
    body: { calendar, reason } satisfies BodyOf<'/api/calendar/years/{year}', 'put'>,
  });

export type Rule = ResponseOf<'/api/rules', 'get'>['items'][number];
export type RuleType = Rule['type'];
export type RuleDetail = ResponseOf<'/api/rules/{key}', 'get'>;
export type RuleVersion = RuleDetail['history'][number];
export type RuleQuery = QueryOf<'/api/rules', 'get'>;
export type RuleUpdate = BodyOf<'/api/rules/{key}', 'put'>;
export const getRules = (q: RuleQuery, signal?: AbortSignal) =>
  http.get<ResponseOf<'/api/rules', 'get'>>('/api/rules', { query: q, signal });
export const getRule = (key: string, signal?: AbortSignal) =>
  http.get<RuleDetail>(`/api/rules/${enc(key)}`, { signal });
export const updateRule = (key: string, body: RuleUpdate) =>
  request<ResponseOf<'/api/rules/{key}', 'put'>>('PUT', `/api/rules/${enc(key)}`, { body });

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
