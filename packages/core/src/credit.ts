import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { CREDIT_GRADES, type CreditGrade } from './enterprise.ts';
import type { MessageTable } from './messages.ts';
import { isoDateSchema } from './text.ts';

/**
 * Enterprise environmental credit (企业环境信用, 环发〔2013〕150号: 绿/蓝/黄/红) kept as records with
 * their basis and dates, and a transparent risk score: every contribution is a count of the firm's
 * own records times a weight that is a rule with its source. No contribution is hidden, none is
 * made up: a factor without a data source on this platform says so and counts nothing.
 */

export const creditRecordBody = z.strictObject({
  enterpriseId: z.uuid(),
  grade: z.enum(CREDIT_GRADES),
  /** the evaluation and the document it is in (评价结果及文号) */
  basis: z.string().trim().min(1).max(1000),
  ratedOn: isoDateSchema,
  validUntil: isoDateSchema.nullable().optional(),
});
export type CreditRecordBody = z.infer<typeof creditRecordBody>;

/**
 * A penalty decision's consequence for credit, waiting for an officer. 环发〔2013〕150号 grades a
 * firm on 21 indicators, and which grade a penalty leads to depends on the violation, the amount
 * and the firm's record: a judgement, so the decision raises a proposal and the officer confirms a
 * grade (a credit record whose basis names the decision) or dismisses it, both with a reason.
 */
export const CREDIT_PROPOSAL_STATUSES = ['open', 'confirmed', 'dismissed', 'withdrawn'] as const;
export type CreditProposalStatus = (typeof CREDIT_PROPOSAL_STATUSES)[number];
export const CREDIT_PROPOSAL_STATUS_LABELS: Readonly<Record<CreditProposalStatus, { zh: string; en: string }>> = {
  open: { zh: '待确认', en: 'to confirm' },
  confirmed: { zh: '已调整信用', en: 'grade recorded' },
  dismissed: { zh: '不调整', en: 'dismissed' },
  // the penalty behind it was revoked before an officer decided
  withdrawn: { zh: '已撤回（处罚决定已撤销）', en: 'withdrawn (decision revoked)' },
};

/**
 * The credit register's orders: latest rated first (the default) or earliest, by grade (green to red,
 * or red first) or by enterprise, either way.
 */
export const CREDIT_SORTS = ['-ratedOn', 'ratedOn', 'grade', '-grade', 'enterprise', '-enterprise'] as const;
export type CreditSort = (typeof CREDIT_SORTS)[number];

/** The proposals' orders: newest raised first (the default) or oldest, by the day decided, or by enterprise. */
export const CREDIT_PROPOSAL_SORTS = [
  '-createdAt',
  'createdAt',
  '-decidedAt',
  'decidedAt',
  'enterprise',
  '-enterprise',
] as const;
export type CreditProposalSort = (typeof CREDIT_PROPOSAL_SORTS)[number];

export const creditProposalDecisionBody = z
  .strictObject({
    /** true: record the grade below; false: the penalty does not change the firm's credit */
    confirm: z.boolean(),
    grade: z.enum(CREDIT_GRADES).optional(),
    reason: z.string().trim().min(1).max(1000),
    version: z.number().int().min(1),
  })
  .refine((b) => !b.confirm || b.grade !== undefined, { path: ['grade'], error: 'credit.proposal.gradeRequired' });
export type CreditProposalDecisionBody = z.infer<typeof creditProposalDecisionBody>;

export const CREDIT_MESSAGES = {
  'credit.proposal.gradeRequired': {
    zh: '调整信用时须选择信用等级',
    en: 'choose the grade to record',
  },
} as const satisfies MessageTable;

export const RISK_FACTORS = [
  'alarms',
  'complaints',
  'findings',
  'inspection-findings',
  'penalties',
  'incidents',
  'credit',
  'positive-list',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export const RISK_FACTOR_LABELS: Readonly<Record<RiskFactor, { zh: string; en: string }>> = {
  alarms: { zh: '确认的报警（近 12 个月）', en: 'confirmed alarms (12 months)' },
  complaints: { zh: '12369 举报（近 12 个月）', en: '12369 reports (12 months)' },
  findings: { zh: '核查属实的线索（近 12 个月）', en: 'clues verified as problems (12 months)' },
  'inspection-findings': { zh: '检查发现的问题（近 12 个月）', en: 'problems found by inspections (12 months)' },
  penalties: { zh: '行政处罚（近 24 个月）', en: 'penalties (24 months)' },
  incidents: { zh: '突发环境事件（近 24 个月）', en: 'environmental incidents (24 months)' },
  credit: { zh: '环境信用等级', en: 'environmental credit' },
  'positive-list': { zh: '正面清单', en: 'positive list' },
};

/** The per-record weight rule of each counted factor, and the per-grade rules of credit. */
export const riskWeightKey = (factor: Exclude<RiskFactor, 'credit'>) => `risk.weight.${factor}`;
export const creditWeightKey = (grade: CreditGrade) => `risk.weight.credit-${grade}`;

export type RiskRecordLink = { type: string; id: string; label: string; link: string | null };

export type RiskContribution = {
  factor: RiskFactor;
  label: string;
  /** records counted (credit: 1 when graded) */
  count: number;
  weight: number;
  points: number;
  /** where the weight comes from (the rule's source) */
  source: string;
  /** false: the platform keeps no such records yet; the factor counts nothing */
  hasSource: boolean;
  records: RiskRecordLink[];
};

/** A score is the sum of its contributions, never below zero; each contribution is count × weight. */
export function scoreOf(contributions: readonly Pick<RiskContribution, 'points'>[]): number {
  return Math.max(
    0,
    contributions.reduce((s, c) => s + c.points, 0),
  );
}

/**
 * The draw weight a risk score gives: 1 at zero, one more for every `step` points, capped. Kept
 * here so the inspections draw and the watch list read the same rule.
 */
export function drawWeightOf(score: number, step: number, cap: number): number {
  if (!(step > 0)) return 1;
  return Math.min(cap, 1 + Math.floor(score / step));
}

export const CREDIT_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: ['credit.record', 'credit.propose', 'credit.decide-proposal', 'credit.withdraw-proposal'],
  records: { credit: { zh: '环境信用', en: 'Environmental credit' } },
  actionLabels: {
    'credit.record': { zh: '登记环境信用评价', en: 'Credit grade recorded' },
    'credit.propose': { zh: '处罚决定提出信用调整', en: 'Credit change proposed by a penalty' },
    'credit.decide-proposal': { zh: '确认信用调整', en: 'Credit change decided' },
    'credit.withdraw-proposal': { zh: '撤回信用调整建议', en: 'Credit change proposal withdrawn' },
  },
  entityAliases: { 'credit-record': 'credit', 'credit-proposal': 'credit' },
  fields: {
    grade: { zh: '信用等级', en: 'grade' },
    basis: { zh: '评价依据', en: 'basis' },
    ratedOn: { zh: '评价日期', en: 'rated on' },
    validUntil: { zh: '有效期至', en: 'valid until' },
    recordedByName: { zh: '登记人', en: 'recorded by' },
    previousGrade: { zh: '原信用等级', en: 'previous grade' },
    creditRecordId: { zh: '信用评价记录', en: 'credit record' },
    decisionReason: { zh: '确认理由', en: 'reason' },
    confirm: { zh: '是否调整', en: 'confirmed' },
  },
};

/** The orders the watch list offers (the server's `sort`; the first is its default). */
export const WATCH_SORTS = [
  '-score',
  'score',
  'enterprise',
  '-enterprise',
  '-alarms',
  'alarms',
  '-complaints',
  'complaints',
  '-findings',
  'findings',
  '-inspectionFindings',
  'inspectionFindings',
] as const;
