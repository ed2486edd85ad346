import {
  MY_POLICY_SORTS,
  POLICY_KINDS,
  POLICY_SORTS,
  POLICY_STATUSES,
  POLICY_TOPICS,
  policyAnswerSchema,
  policyBodySchema,
  policyQuestionSchema,
  policySubscriptionSchema,
  policyUpdateSchema,
} from '@qingshan/core/policies';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { AttachmentRow, ConcernedEnterpriseRow, MyPolicyRow, PolicyRow, QuestionRow, Reach } from './service.ts';

export { policyAnswerSchema, policyBodySchema, policyQuestionSchema, policySubscriptionSchema, policyUpdateSchema };

export const policyIdParams = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
export const questionParams = z.object({ id: z.uuid(), questionId: z.uuid() });
export const versionBody = z.strictObject({ version: z.number().int().min(1) });
export const withdrawBody = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2).max(500),
});
export const attachmentUploadQuery = z.object({ name: z.string().trim().min(1).max(200) });

const listFilters = {
  kind: z.enum(POLICY_KINDS).optional(),
  topic: z.enum(POLICY_TOPICS).optional(),
  q: z.string().trim().max(50).optional(),
  /** by publication, newest first with drafts on top (the default) or oldest first; by title or start of validity, either way */
  sort: z.enum(POLICY_SORTS).default('-publishedAt'),
  page: paging.page,
  pageSize: paging.pageSize,
};
export const publicPolicyQuery = z.object({ ...listFilters, inForce: z.enum(['true', 'false']).optional() });
export const staffPolicyQuery = z.object({ ...listFilters, status: z.enum(POLICY_STATUSES).optional() });
export const reachEnterprisesQuery = z.object({
  reached: z.enum(['true', 'false']).optional(),
  page: paging.page,
  pageSize: paging.pageSize,
});
export const pageQuery = z.object({ page: paging.page, pageSize: paging.pageSize });
export const myPolicyQuery = pageQuery.extend({
  /** by the time pushed, newest first (the default) or oldest; by title either way */
  sort: z.enum(MY_POLICY_SORTS).default('-pushedAt'),
});

export const policyViewSchema = z.object({
  id: z.string(),
  kind: z.enum(POLICY_KINDS),
  title: z.string(),
  summary: z.string(),
  issuer: z.string(),
  documentNo: z.string().nullable(),
  industries: z.array(z.string()),
  towns: z.array(z.string()),
  topics: z.array(z.enum(POLICY_TOPICS)),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  forCitizens: z.boolean(),
  qaOpen: z.boolean(),
  status: z.enum(POLICY_STATUSES),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

export const attachmentViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

export const faqItemSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  answeredAt: z.string(),
});

export const policyDetailSchema = policyViewSchema.extend({
  body: z.string(),
  attachments: z.array(attachmentViewSchema),
  faq: z.array(faqItemSchema),
});
export type PolicyDetailView = z.infer<typeof policyDetailSchema>;

export const publishResultSchema = policyViewSchema.extend({ pushed: z.number() });

export const reachViewSchema = z.object({
  pushed: z.number().describe('accounts the policy was pushed to (in-app message delivered)'),
  read: z.number().describe('of them, accounts that opened it or marked its message read'),
  deliveriesSent: z.number().describe('e-mail, webhook and WeChat messages sent'),
  deliveriesFailed: z.number(),
  deliveriesPending: z.number(),
  concerned: z.number().describe('enterprises the policy concerns (industry and town), closed ones excluded'),
  concernedDelivered: z.number(),
  concernedReached: z.number().describe('concerned enterprises with at least one account that read it'),
  share: z
    .number()
    .nullable()
    .describe('concernedReached / concerned in percent, one decimal; null when none is concerned'),
});

export const concernedEnterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  townCode: z.string(),
  industryCode: z.string(),
  delivered: z.boolean(),
  reached: z.boolean(),
});

export const myPolicySchema = policyViewSchema.extend({ pushedAt: z.string(), readAt: z.string().nullable() });

export const subscriptionViewSchema = z.object({
  subscribed: z.boolean(),
  industries: z.array(z.string()),
  towns: z.array(z.string()),
  topics: z.array(z.enum(POLICY_TOPICS)),
  kinds: z.array(z.enum(POLICY_KINDS)),
});

export const questionViewSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  published: z.boolean(),
  mine: z.boolean(),
  createdAt: z.string(),
});

export const readResultSchema = z.object({ readAt: z.string().nullable() });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPolicyView(p: PolicyRow): PolicyView {
  return {
    id: p.id,
    kind: p.kind as PolicyView['kind'],
    title: p.title,
    summary: p.summary,
    issuer: p.issuer,
    documentNo: p.documentNo,
    industries: p.industries,
    towns: p.towns,
    topics: p.topics as PolicyView['topics'],
    validFrom: p.validFrom,
    validTo: p.validTo,
    forCitizens: p.forCitizens,
    qaOpen: p.qaOpen,
    status: p.status as PolicyView['status'],
    publishedAt: iso(p.publishedAt),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export function toAttachmentView(a: AttachmentRow) {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toPolicyDetailView(p: PolicyRow, attachments: AttachmentRow[], faq: QuestionRow[]): PolicyDetailView {
  return {
    ...toPolicyView(p),
    body: p.body,
    attachments: attachments.map(toAttachmentView),
    faq: faq.map((q) => ({
      id: q.id,
      question: q.question,
      answer: q.answer ?? '',
      answeredAt: iso(q.answeredAt) ?? '',
    })),
  };
}

export function toReachView(r: Reach) {
  return r;
}

export function toConcernedEnterpriseView(e: ConcernedEnterpriseRow) {
  return { ...e, delivered: Boolean(e.delivered), reached: Boolean(e.reached) };
}

export function toMyPolicyView(r: MyPolicyRow) {
  return { ...toPolicyView(r.policy), pushedAt: r.pushedAt.toISOString(), readAt: iso(r.readAt) };
}

/** The asker's enterprise stays inside; the wire only says whether the question is the reader's own. */
export function toQuestionView(q: QuestionRow, reader: { id: string; enterpriseId: string | null }) {
  return {
    id: q.id,
    question: q.question,
    answer: q.answer,
    answeredAt: iso(q.answeredAt),
    published: q.published,
    mine: q.askedBy === reader.id || (reader.enterpriseId !== null && q.enterpriseId === reader.enterpriseId),
    createdAt: q.createdAt.toISOString(),
  };
}
