// Client of the rules API: the values every limit and deadline reads, with their sources.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const ruleKeys = {
  list: (q: object) => ['rules', q] as const,
  detail: (key: string) => ['rules', 'detail', key] as const,
};

const enc = encodeURIComponent;

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
