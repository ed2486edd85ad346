// Client of the positive-list API (监督执法正面清单): decisions with their evidence, removals, the public list.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export const positiveListKeys = {
  list: (q: object) => ['positive-list', q] as const,
  publicList: (q: object) => ['positive-list', 'public', q] as const,
  detail: (id: string) => ['positive-list', 'detail', id] as const,
  checks: (enterpriseId: string) => ['positive-list', 'checks', enterpriseId] as const,
  proposals: (q: object) => ['positive-list', 'proposals', q] as const,
};

export type EntryList = ResponseOf<'/api/positive-list', 'get'>;
export type Entry = EntryList['items'][number];
export type EntryQuery = QueryOf<'/api/positive-list', 'get'>;
export type EntryDetail = ResponseOf<'/api/positive-list/{id}', 'get'>;
export type ConditionCheck = EntryDetail['checks'][number];
export type PublicList = ResponseOf<'/api/public/positive-list', 'get'>;
export type PublicEntry = PublicList['items'][number];
export type PublicQuery = QueryOf<'/api/public/positive-list', 'get'>;
export type ProposalList = ResponseOf<'/api/positive-list/proposals', 'get'>;
export type Proposal = ProposalList['items'][number];
export type DecisionBody = BodyOf<'/api/positive-list', 'post'>;

export const getEntries = (q: EntryQuery, signal?: AbortSignal) =>
  http.get<EntryList>('/api/positive-list', { query: q, signal });
export const getPublicEntries = (q: PublicQuery, signal?: AbortSignal) =>
  http.get<PublicList>('/api/public/positive-list', { query: q, signal });
export const getEntry = (id: string, signal?: AbortSignal) =>
  http.get<EntryDetail>(`/api/positive-list/${encodeURIComponent(id)}`, { signal });
export const getChecks = (enterpriseId: string, signal?: AbortSignal) =>
  http.get<ConditionCheck[]>(`/api/positive-list/checks/${encodeURIComponent(enterpriseId)}`, { signal });
export const getProposals = (q: QueryOf<'/api/positive-list/proposals', 'get'>, signal?: AbortSignal) =>
  http.get<ProposalList>('/api/positive-list/proposals', { query: q, signal });
export const decideListing = (body: DecisionBody) =>
  request<ResponseOf<'/api/positive-list', 'post', 201>>('POST', '/api/positive-list', { body });
export const removeListing = (id: string, reason: string) =>
  request<EntryDetail>('POST', `/api/positive-list/${encodeURIComponent(id)}/removal`, { body: { reason } });
export const decideProposal = (id: string, body: { accept: boolean; reason: string }) =>
  request<EntryDetail>('POST', `/api/positive-list/proposals/${encodeURIComponent(id)}/decision`, { body });
