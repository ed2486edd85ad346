// Client of the policy publicity API (政策宣传): public pages and feed, the bureau's desk with the
// reach of each policy, the enterprise's pushed policies, subscription and questions.
import { http, request } from '../../api/http.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types.ts';

export type PublicPolicyList = ResponseOf<'/api/public/policies', 'get'>;
export type PolicySummary = PublicPolicyList['items'][number];
export type PublicPolicyQuery = QueryOf<'/api/public/policies', 'get'>;
export type PolicyDetail = ResponseOf<'/api/public/policies/{id}', 'get'>;
export type StaffPolicyList = ResponseOf<'/api/policies', 'get'>;
export type StaffPolicyQuery = QueryOf<'/api/policies', 'get'>;
export type StaffPolicyDetail = ResponseOf<'/api/policies/{id}', 'get'>;
export type PolicyBody = BodyOf<'/api/policies', 'post'>;
export type PolicyUpdate = BodyOf<'/api/policies/{id}', 'put'>;
export type Reach = ResponseOf<'/api/policies/{id}/reach', 'get'>;
export type ReachEnterprises = ResponseOf<'/api/policies/{id}/reach/enterprises', 'get'>;
export type ReachEnterpriseQuery = QueryOf<'/api/policies/{id}/reach/enterprises', 'get'>;
export type QuestionList = ResponseOf<'/api/policies/{id}/questions', 'get'>;
export type Question = QuestionList['items'][number];
export type MyPolicyList = ResponseOf<'/api/me/policies', 'get'>;
export type MyPolicy = MyPolicyList['items'][number];
export type Subscription = ResponseOf<'/api/me/policy-subscription', 'get'>;
export type SubscriptionBody = BodyOf<'/api/me/policy-subscription', 'put'>;
export type MyPolicyQuery = QueryOf<'/api/me/policies', 'get'>;
export type PageQuery = QueryOf<'/api/policies/{id}/questions', 'get'>;

export const policyKeys = {
  all: ['policies'] as const,
  publicList: (q: object) => ['policies', 'public', q] as const,
  publicDetail: (id: string) => ['policies', 'public', 'detail', id] as const,
  staffList: (q: object) => ['policies', 'staff', q] as const,
  staffDetail: (id: string) => ['policies', 'staff', 'detail', id] as const,
  reach: (id: string) => ['policies', 'reach', id] as const,
  reachEnterprises: (id: string, q: object) => ['policies', 'reach', id, 'enterprises', q] as const,
  questions: (id: string, q: object) => ['policies', 'questions', id, q] as const,
  mine: (q: object) => ['policies', 'mine', q] as const,
  subscription: ['policies', 'subscription'] as const,
};
const enc = encodeURIComponent;

/** The Atom feed readers subscribe to (a plain link: feed readers fetch it themselves). */
export const POLICY_FEED_URL = '/api/public/policies/feed.atom';
export const publicAttachmentUrl = (id: string, attachmentId: string) =>
  `/api/public/policies/${enc(id)}/attachments/${enc(attachmentId)}`;
export const staffAttachmentUrl = (id: string, attachmentId: string) =>
  `/api/policies/${enc(id)}/attachments/${enc(attachmentId)}`;

export const listPublicPolicies = (query: PublicPolicyQuery, signal?: AbortSignal) =>
  http.get<PublicPolicyList>('/api/public/policies', { query, signal });
export const getPublicPolicy = (id: string, signal?: AbortSignal) =>
  http.get<PolicyDetail>(`/api/public/policies/${enc(id)}`, { signal });

export const listPolicies = (query: StaffPolicyQuery, signal?: AbortSignal) =>
  http.get<StaffPolicyList>('/api/policies', { query, signal });
export const getPolicy = (id: string, signal?: AbortSignal) =>
  http.get<StaffPolicyDetail>(`/api/policies/${enc(id)}`, { signal });
export const createPolicy = (body: PolicyBody) =>
  http.post<ResponseOf<'/api/policies', 'post', 201>>('/api/policies', body);
export const updatePolicy = (id: string, body: PolicyUpdate) =>
  request<ResponseOf<'/api/policies/{id}', 'put'>>('PUT', `/api/policies/${enc(id)}`, { body });
export const publishPolicy = (id: string, version: number) =>
  http.post<ResponseOf<'/api/policies/{id}/publish', 'post'>>(`/api/policies/${enc(id)}/publish`, {
    version,
  } satisfies BodyOf<'/api/policies/{id}/publish', 'post'>);
export const withdrawPolicy = (id: string, version: number, reason: string) =>
  http.post<ResponseOf<'/api/policies/{id}/withdraw', 'post'>>(`/api/policies/${enc(id)}/withdraw`, {
    version,
    reason,
  } satisfies BodyOf<'/api/policies/{id}/withdraw', 'post'>);
export const uploadPolicyAttachment = (id: string, file: File) =>
  http.post<ResponseOf<'/api/policies/{id}/attachments', 'post', 201>>(
    `/api/policies/${enc(id)}/attachments`,
    undefined,
    {
      rawBody: file,
      contentType: file.type,
      query: { name: file.name } satisfies QueryOf<'/api/policies/{id}/attachments', 'post'>,
    },
  );
export const deletePolicyAttachment = (id: string, attachmentId: string) =>
  http.delete<unknown>(`/api/policies/${enc(id)}/attachments/${enc(attachmentId)}`);
export const getReach = (id: string, signal?: AbortSignal) =>
  http.get<Reach>(`/api/policies/${enc(id)}/reach`, { signal });
export const getReachEnterprises = (id: string, query: ReachEnterpriseQuery, signal?: AbortSignal) =>
  http.get<ReachEnterprises>(`/api/policies/${enc(id)}/reach/enterprises`, { query, signal });
export const listQuestions = (id: string, query: PageQuery, signal?: AbortSignal) =>
  http.get<QuestionList>(`/api/policies/${enc(id)}/questions`, { query, signal });
export const askQuestion = (id: string, question: string) =>
  http.post<ResponseOf<'/api/policies/{id}/questions', 'post', 201>>(`/api/policies/${enc(id)}/questions`, {
    question,
  } satisfies BodyOf<'/api/policies/{id}/questions', 'post'>);
export const answerQuestion = (
  id: string,
  questionId: string,
  body: BodyOf<'/api/policies/{id}/questions/{questionId}/answer', 'post'>,
) =>
  http.post<ResponseOf<'/api/policies/{id}/questions/{questionId}/answer', 'post'>>(
    `/api/policies/${enc(id)}/questions/${enc(questionId)}/answer`,
    body,
  );

export const listMyPolicies = (query: MyPolicyQuery, signal?: AbortSignal) =>
  http.get<MyPolicyList>('/api/me/policies', { query, signal });
export const markPolicyRead = (id: string) =>
  http.post<ResponseOf<'/api/me/policies/{id}/read', 'post'>>(`/api/me/policies/${enc(id)}/read`, undefined);
export const getSubscription = (signal?: AbortSignal) =>
  http.get<Subscription>('/api/me/policy-subscription', { signal });
export const saveSubscription = (body: SubscriptionBody) =>
  request<ResponseOf<'/api/me/policy-subscription', 'put'>>('PUT', '/api/me/policy-subscription', { body });
export const cancelSubscription = () => http.delete<unknown>('/api/me/policy-subscription');
