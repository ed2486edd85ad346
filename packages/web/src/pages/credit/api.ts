// Client of the credit and risk API: credit evaluations, a firm's risk score, the watch list.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type CreditList = ResponseOf<'/api/credit', 'get'>;
export type CreditRecord = CreditList['items'][number];
export type CreditBody = BodyOf<'/api/credit', 'post'>;
export type Risk = ResponseOf<'/api/risk/{enterpriseId}', 'get'>;
export type RiskContribution = Risk['contributions'][number];
export type CreditProposalList = ResponseOf<'/api/credit/proposals', 'get'>;
export type CreditProposal = CreditProposalList['items'][number];
export type CreditProposalDecision = BodyOf<'/api/credit/proposals/{id}/decision', 'post'>;
export type WatchList = ResponseOf<'/api/risk/watch-list', 'get'>;
export type WatchRow = WatchList['items'][number];
export type WatchQuery = QueryOf<'/api/risk/watch-list', 'get'>;

export const creditKeys = {
  all: ['credit'] as const,
  records: (enterpriseId: string, q: object) => ['credit', 'records', enterpriseId, q] as const,
  risk: (enterpriseId: string) => ['credit', 'risk', enterpriseId] as const,
  watch: (q: object) => ['credit', 'watch', q] as const,
  proposals: (enterpriseId: string) => ['credit', 'proposals', enterpriseId] as const,
};
const enc = encodeURIComponent;

export const listCredit = (query: QueryOf<'/api/credit', 'get'>, signal?: AbortSignal) =>
  http.get<CreditList>('/api/credit', { query, signal });
export const recordCredit = (body: CreditBody) => http.post<CreditRecord>('/api/credit', body);
export const getRisk = (enterpriseId: string, signal?: AbortSignal) =>
  http.get<Risk>(`/api/risk/${enc(enterpriseId)}`, { signal });
export const getWatchList = (query: WatchQuery, signal?: AbortSignal) =>
  http.get<WatchList>('/api/risk/watch-list', { query, signal });
export const listCreditProposals = (query: QueryOf<'/api/credit/proposals', 'get'>, signal?: AbortSignal) =>
  http.get<CreditProposalList>('/api/credit/proposals', { query, signal });
export const decideCreditProposal = (id: string, body: CreditProposalDecision) =>
  request<CreditProposal>('POST', `/api/credit/proposals/${enc(id)}/decision`, { body });
