// Client of the shared machinery API: clocks, worklist, inbox, calendar, rules, notifications.
import { http, request } from '../../api/http.ts';
import type { Page } from '../../api/types.ts';

export type ClockState = 'running' | 'paused' | 'due-soon' | 'overdue' | 'met' | 'missed';
export type PauseReason = 'supplement' | 'expert-review' | 'hearing' | 'other';
export type DayUnit = 'working' | 'calendar';

export interface ClockView {
  id: string;
  ownerType: string;
  ownerId: string;
  profileKey: string;
  ruleVersion: number;
  profile: { key: string; length: number; unit: DayUnit; warnBefore: number };
  title: string;
  link: string | null;
  start: string;
  dueDate: string;
  remaining: number;
  state: ClockState;
  pausedDays: number;
  pauses: { from: string; to?: string | null; reason: PauseReason; note?: string }[];
  extensions: { days: number; approvedBy: string; reason: string; at: string }[];
  completedAt: string | null;
  assigneeUserId: string | null;
  assigneeRole: string | null;
  enterpriseId: string | null;
}
export type WorkItem = ClockView & { evaluationError: string | null };

export interface WorklistQuery {
  state?: ClockState | undefined;
  q?: string | undefined;
  sort?: 'due' | '-due' | 'start';
  page: number;
  pageSize: number;
}
export interface WorklistCounts {
  total: number;
  dueSoon: number;
  overdue: number;
  paused: number;
  unread: number;
}

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

export const getWorklist = (q: WorklistQuery, signal?: AbortSignal) =>
  http.get<Page<WorkItem>>('/api/worklist', { query: q, signal });
export const getWorklistCounts = (signal?: AbortSignal) => http.get<WorklistCounts>('/api/worklist/counts', { signal });
export const getClocks = (ownerType: string, ownerId: string, signal?: AbortSignal) =>
  http.get<Page<ClockView>>('/api/clocks', { query: { ownerType, ownerId, pageSize: 200 }, signal });
export const pauseClock = (id: string, body: { reason: PauseReason; note?: string }) =>
  http.post<ClockView>(`/api/clocks/${id}/pause`, body);
export const resumeClock = (id: string) => http.post<ClockView>(`/api/clocks/${id}/resume`, {});
export const extendClock = (id: string, body: { days: number; reason: string }) =>
  http.post<ClockView>(`/api/clocks/${id}/extend`, body);

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
export const getInbox = (q: { unread?: 'true'; page: number; pageSize: number }, signal?: AbortSignal) =>
  http.get<Page<InboxItem> & { unread: number }>('/api/inbox', { query: q, signal });
export const markRead = (id: string) => http.post<void>(`/api/inbox/${id}/read`);
export const markAllRead = () => http.post<{ marked: number }>('/api/inbox/read-all');

export interface DayInfo {
  date: string;
  workingDay: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
  name?: string;
}
export const getDay = (date: string) => http.get<DayInfo>(`/api/calendar/days/${date}`);
export const addDays = (from: string, days: number, unit: DayUnit) =>
  http.get<{ from: string; days: number; unit: DayUnit; date: string }>('/api/calendar/add', {
    query: { from, days, unit },
  });

export interface CalendarYear {
  year: number;
  source: string;
  holidays: { name: string; nameEn: string; dates: string[] }[];
  makeupWorkdays: { name: string; date: string }[];
  shipped: boolean;
  createdAt: string | null;
}
export const getYears = (signal?: AbortSignal) =>
  http.get<{ items: CalendarYear[] }>('/api/calendar/years', { signal });
export const addYear = (calendar: Omit<CalendarYear, 'shipped' | 'createdAt'>, reason: string) =>
  http.post<CalendarYear>('/api/calendar/years', { calendar, reason });

export type RuleType = 'clock-profile' | 'integer' | 'number' | 'ratio' | 'list' | 'text';
export interface RuleVersion {
  key: string;
  version: number;
  value: unknown;
  source: string;
  effectiveFrom: string;
  reason: string;
  createdByName: string;
  createdAt: string;
}
export interface Rule {
  key: string;
  type: RuleType;
  labelZh: string;
  labelEn: string;
  note: string | null;
  current: RuleVersion;
  latestVersion: number;
}
export const getRules = (
  q: { q?: string | undefined; type?: RuleType | undefined; page: number; pageSize: number },
  signal?: AbortSignal,
) => http.get<Page<Rule>>('/api/rules', { query: q, signal });
export const getRule = (key: string, signal?: AbortSignal) =>
  http.get<Rule & { history: RuleVersion[] }>(`/api/rules/${encodeURIComponent(key)}`, { signal });
export const updateRule = (
  key: string,
  body: { value: unknown; source: string; effectiveFrom: string; reason: string },
) => request<Rule & { history: RuleVersion[] }>('PUT', `/api/rules/${encodeURIComponent(key)}`, { body });

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';
export interface Delivery {
  id: string;
  channel: 'email' | 'webhook' | 'wechat';
  target: string;
  kind: string;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}
export const getDeliveries = (
  q: {
    status?: DeliveryStatus | undefined;
    channel?: string | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
  signal?: AbortSignal,
) => http.get<Page<Delivery>>('/api/deliveries', { query: q, signal });
export const retryDelivery = (id: string) => http.post<Delivery>(`/api/deliveries/${id}/retry`);

export interface Preferences {
  inApp: true;
  email: string | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
  wechatOpenid: string | null;
}
export const getPreferences = (signal?: AbortSignal) =>
  http.get<Preferences>('/api/me/notification-preferences', { signal });
export const putPreferences = (body: {
  email: string | null;
  webhookUrl: string | null;
  wechatOpenid: string | null;
  rotateWebhookSecret?: boolean;
}) => request<Preferences>('PUT', '/api/me/notification-preferences', { body });
