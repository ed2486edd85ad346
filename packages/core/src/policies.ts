// Policy publicity (政策宣传): what the bureau publishes to enterprises and citizens, whom it
// concerns, and how far it reached them. Pure rules and schemas; the server stores and pushes.
import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { industryByCode, isIndustryClass } from './industries.ts';
import type { MessageTable } from './messages.ts';
import { isoDateSchema } from './text.ts';
import { isTownCode } from './towns.ts';

export const POLICY_KINDS = ['benefit', 'notice', 'interpretation', 'normative'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const POLICY_KIND_LABELS: Record<PolicyKind, { zh: string; en: string }> = {
  benefit: { zh: '惠企措施', en: 'Support measure' },
  notice: { zh: '通知公告', en: 'Notice' },
  interpretation: { zh: '政策解读', en: 'Policy explained' },
  // 行政规范性文件: counted in table 二 of the disclosure annual report
  normative: { zh: '行政规范性文件', en: 'Normative document' },
};

/** Topics a subscriber can follow; a policy names the ones it is about. */
export const POLICY_TOPICS = [
  'eia',
  'permit',
  'monitoring',
  'enforcement',
  'subsidy',
  'credit',
  'emergency',
  'other',
] as const;
export type PolicyTopic = (typeof POLICY_TOPICS)[number];
export const POLICY_TOPIC_LABELS: Record<PolicyTopic, { zh: string; en: string }> = {
  eia: { zh: '环评审批', en: 'EIA approval' },
  permit: { zh: '排污许可', en: 'Discharge permits' },
  monitoring: { zh: '在线监测', en: 'Online monitoring' },
  enforcement: { zh: '执法监管', en: 'Enforcement' },
  subsidy: { zh: '资金补助', en: 'Subsidies' },
  credit: { zh: '环保信用', en: 'Environmental credit' },
  emergency: { zh: '重污染天气与应急', en: 'Heavy pollution and emergencies' },
  other: { zh: '其他', en: 'Other' },
};

export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Record<PolicyStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** By publication, newest first (the default; drafts count as the latest) or oldest; by title or start of validity, either way. */
export const POLICY_SORTS = ['-publishedAt', 'publishedAt', 'title', '-title', 'validFrom', '-validFrom'] as const;
export type PolicySort = (typeof POLICY_SORTS)[number];
/** A reader's pushed policies: newest pushed first (the default) or oldest; by title either way. */
export const MY_POLICY_SORTS = ['-pushedAt', 'pushedAt', 'title', '-title'] as const;
export type MyPolicySort = (typeof MY_POLICY_SORTS)[number];

/** Attachments per policy and their size: a policy links its documents, it is not a file store. */
export const POLICY_ATTACHMENT_MAX = 10;
export const POLICY_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const POLICY_FAQ_MAX_QUESTIONS_PER_DAY = 20;

// An industry named by a policy is a class of GB/T 4754 (or a higher level: a whole section
// concerns every class below it), so the concerned enterprises can be counted by prefix.
const industryCode = z
  .string()
  .trim()
  .refine((c) => industryByCode(c) !== undefined || isIndustryClass(c), { error: 'policy.industry.unknown' });
const townCode = z.string().trim().refine(isTownCode, { error: 'policy.town.unknown' });

const policyFields = {
  kind: z.enum(POLICY_KINDS),
  title: z.string().trim().min(4).max(100),
  summary: z.string().trim().min(4).max(500),
  body: z.string().trim().min(10).max(20_000),
  /** the issuing body (发文机关) and its document number (文号), when the policy is a document */
  issuer: z.string().trim().min(2).max(100),
  documentNo: z.string().trim().max(100).optional(),
  industries: z.array(industryCode).max(30).default([]),
  towns: z.array(townCode).max(30).default([]),
  topics: z.array(z.enum(POLICY_TOPICS)).min(1).max(POLICY_TOPICS.length),
  validFrom: isoDateSchema,
  /** open-ended when absent (a notice that stays in force) */
  validTo: isoDateSchema.optional(),
  /** a notice can be pushed to citizens who subscribed; measures and explanations are for enterprises */
  forCitizens: z.boolean().default(false),
  /** whether enterprises may ask questions on it (政策答疑) */
  qaOpen: z.boolean().default(true),
};

function validityOrder(v: { validFrom: string; validTo?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.validTo && v.validTo < v.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'policy.validTo.beforeFrom' });
  }
}

export const policyBodySchema = z.strictObject(policyFields).superRefine(validityOrder);
export type PolicyBody = z.infer<typeof policyBodySchema>;

export const policyUpdateSchema = z
  .strictObject({ ...policyFields, version: z.number().int().min(1) })
  .superRefine(validityOrder);
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export const policySubscriptionSchema = z.strictObject({
  industries: z.array(industryCode).max(30).default([]),
  towns: z.array(townCode).max(30).default([]),
  topics: z.array(z.enum(POLICY_TOPICS)).max(POLICY_TOPICS.length).default([]),
  kinds: z.array(z.enum(POLICY_KINDS)).max(POLICY_KINDS.length).default([]),
});
export type PolicySubscription = z.infer<typeof policySubscriptionSchema>;

export const policyQuestionSchema = z.strictObject({ question: z.string().trim().min(4).max(1000) });
export const policyAnswerSchema = z.strictObject({
  answer: z.string().trim().min(2).max(5000),
  /** published answers become the policy's FAQ on its public page */
  publish: z.boolean().default(true),
});

/** Whether a policy is in force on a day (both ends inclusive). */
export function policyInForce(p: { validFrom: string; validTo: string | null }, day: string): boolean {
  return p.validFrom <= day && (p.validTo === null || day <= p.validTo);
}

/** A policy naming no industry concerns every industry; otherwise a code matches itself and every class below it. */
export function industryConcerned(policyIndustries: readonly string[], enterpriseIndustry: string): boolean {
  if (policyIndustries.length === 0) return true;
  return policyIndustries.some((c) => enterpriseIndustry.startsWith(c));
}

/** A policy naming no town concerns the whole county. */
export function townConcerned(policyTowns: readonly string[], enterpriseTown: string): boolean {
  return policyTowns.length === 0 || policyTowns.includes(enterpriseTown);
}

/** An enterprise is concerned by a policy when both its industry and its town are. */
export function enterpriseConcerned(
  p: { industries: readonly string[]; towns: readonly string[] },
  e: { industryCode: string; townCode: string },
): boolean {
  return industryConcerned(p.industries, e.industryCode) && townConcerned(p.towns, e.townCode);
}

/**
 * Whether a subscription asks for a policy. Each criterion left empty means "any"; a filled one
 * must share at least one value with the policy (a policy naming no industry or town concerns
 * all of them, so it matches any industry or town subscription).
 */
export function subscriptionMatches(
  s: { industries: readonly string[]; towns: readonly string[]; topics: readonly string[]; kinds: readonly string[] },
  p: { kind: string; industries: readonly string[]; towns: readonly string[]; topics: readonly string[] },
): boolean {
  if (s.kinds.length && !s.kinds.includes(p.kind)) return false;
  if (s.topics.length && !s.topics.some((t) => p.topics.includes(t))) return false;
  if (s.industries.length && p.industries.length) {
    const hit = s.industries.some((si) => p.industries.some((pi) => si.startsWith(pi) || pi.startsWith(si)));
    if (!hit) return false;
  }
  if (s.towns.length && p.towns.length && !s.towns.some((t) => p.towns.includes(t))) return false;
  return true;
}

/** The share reached as a whole percentage with one decimal; no concerned enterprise reads as null, not 0 %. */
export function reachShare(reached: number, concerned: number): number | null {
  if (concerned <= 0) return null;
  return Math.round((reached / concerned) * 1000) / 10;
}

/** XML text and attribute escaping for the Atom feed: the five predefined entities, and no control characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters outright
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** The words the audit log reads this module's entries in. */
export const POLICY_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'policy.create',
    'policy.update',
    'policy.publish',
    'policy.withdraw',
    'policy-attachment.add',
    'policy-attachment.delete',
    'policy-subscription.update',
    'policy-subscription.delete',
    'policy-question.create',
    'policy-question.answer',
  ],
  records: {
    policy: { zh: '政策文件', en: 'Policy' },
    'policy-attachment': { zh: '政策附件', en: 'Policy attachment' },
    'policy-subscription': { zh: '政策订阅', en: 'Policy subscription' },
    'policy-question': { zh: '政策答疑', en: 'Policy question' },
  },
  actionLabels: {
    'policy.create': { zh: '政策文件 · 新建草稿', en: 'Policy draft created' },
    'policy.update': { zh: '政策文件 · 修改', en: 'Policy updated' },
    'policy.publish': { zh: '政策文件 · 发布并推送', en: 'Policy published and pushed' },
    'policy.withdraw': { zh: '政策文件 · 撤回', en: 'Policy withdrawn' },
    'policy-attachment.add': { zh: '政策附件 · 上传', en: 'Policy attachment added' },
    'policy-attachment.delete': { zh: '政策附件 · 删除', en: 'Policy attachment removed' },
    'policy-subscription.update': { zh: '政策订阅 · 修改', en: 'Policy subscription updated' },
    'policy-subscription.delete': { zh: '政策订阅 · 取消', en: 'Policy subscription cancelled' },
    'policy-question.create': { zh: '政策答疑 · 企业提问', en: 'Policy question asked' },
    'policy-question.answer': { zh: '政策答疑 · 答复', en: 'Policy question answered' },
  },
  fields: {
    answeredBy: { zh: '答复人编号', en: 'answered by (ID)' },
    answeredByName: { zh: '答复人', en: 'answered by' },
    askedBy: { zh: '提问人编号', en: 'asked by (ID)' },
    documentNo: { zh: '文号', en: 'document number' },
    forCitizens: { zh: '面向群众推送', en: 'pushed to citizens' },
    industries: { zh: '相关行业', en: 'industries concerned' },
    issuer: { zh: '发文机关', en: 'issuer' },
    kinds: { zh: '订阅类别', en: 'kinds subscribed' },
    policyId: { zh: '政策文件编号', en: 'policy ID' },
    pushedAt: { zh: '推送时间', en: 'pushed at' },
    qaOpen: { zh: '开放答疑', en: 'Q&A open' },
    question: { zh: '问题', en: 'question' },
    topics: { zh: '主题', en: 'topics' },
    towns: { zh: '相关乡镇', en: 'towns concerned' },
    pushed: { zh: '推送账号数', en: 'accounts pushed' },
    questionId: { zh: '问题编号', en: 'question ID' },
  },
};

/** What the policy schemas say when they refuse (module messages: see messages.ts). */
export const POLICY_MESSAGES = {
  'policy.industry.unknown': { zh: '行业代码不在国民经济行业分类中', en: 'industry code is not in GB/T 4754' },
  'policy.town.unknown': { zh: '乡镇代码不在本县乡镇中', en: "town code is not one of the county's towns" },
  'policy.validTo.beforeFrom': { zh: '有效期截止日不能早于生效日', en: 'valid-to cannot be before valid-from' },
} as const satisfies MessageTable;
