/**
 * 监督执法正面清单 (rules.md §3, reference.md §1.5): the categories, the firm-level conditions the
 * platform checks from its own records, and what a decision needs. A condition whose source
 * records the platform does not hold yet is never taken as passed: the officer confirms it with a
 * note, and the snapshot keeps both.
 */
import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';

export const POSITIVE_LIST_CATEGORIES = [
  'livelihood-supply',
  'low-emission-employment',
  'major-project',
  'key-field',
  'medical-waste-wastewater',
  'public-facility',
] as const;
export type PositiveListCategory = (typeof POSITIVE_LIST_CATEGORIES)[number];

const MEE_NOTICE = '生态环境部《关于落实监督执法正面清单相关工作的通知》（2020 年 4 月）';
const MEE_NOTICE_EN =
  'Ministry of Ecology and Environment, Notice on Implementing the Positive List for Supervision and Law Enforcement (April 2020)';
const JIANGXI_ADDED = '江西省增补类别（生态环境部通知后，江西省生态环境厅细化）';
const JIANGXI_ADDED_EN =
  'a category added by Jiangxi Province (detailed by the Jiangxi Provincial Department of Ecology and Environment after the Ministry’s notice)';

/** 环办执法〔2021〕10号《关于加强生态环境监督执法正面清单管理推动差异化执法监管的指导意见》, named in English. */
export const POSITIVE_LIST_OPINIONS_EN =
  'Guiding Opinions on Strengthening the Management of the Positive List for Ecological and Environmental Supervision and Law Enforcement and Promoting Differentiated Enforcement';

/** Each category with the document it comes from (source), cited in English too (sourceEn). */
export const POSITIVE_LIST_CATEGORY_LABELS: Readonly<
  Record<PositiveListCategory, { zh: string; en: string; source: string; sourceEn: string }>
> = {
  'livelihood-supply': {
    zh: '保障疫情防控物资和民生的生产企业',
    en: 'epidemic-supply and livelihood producers',
    source: MEE_NOTICE,
    sourceEn: MEE_NOTICE_EN,
  },
  'low-emission-employment': {
    zh: '污染排放量小、吸纳就业能力强的企业',
    en: 'low-emission, high-employment firms',
    source: MEE_NOTICE,
    sourceEn: MEE_NOTICE_EN,
  },
  'major-project': {
    zh: '重大工程项目',
    en: 'major projects',
    source: MEE_NOTICE,
    sourceEn: MEE_NOTICE_EN,
  },
  'key-field': {
    zh: '重点领域环境管理规范、环保绩效水平高的企业',
    en: 'key fields with good environmental management',
    source: MEE_NOTICE,
    sourceEn: MEE_NOTICE_EN,
  },
  'medical-waste-wastewater': {
    zh: '处置医疗废物、废水的企业',
    en: 'medical waste and wastewater disposal firms',
    source: JIANGXI_ADDED,
    sourceEn: JIANGXI_ADDED_EN,
  },
  'public-facility': {
    zh: '公共设施运营企业',
    en: 'public-facility operators',
    source: JIANGXI_ADDED,
    sourceEn: JIANGXI_ADDED_EN,
  },
};

/** The listings' orders, staff and public: by the day listed, newest first (the default) or oldest; by enterprise or by the last valid day, either way. */
export const POSITIVE_LIST_SORTS = [
  '-decidedOn',
  'decidedOn',
  'enterprise',
  '-enterprise',
  'validUntil',
  '-validUntil',
] as const;
export type PositiveListSort = (typeof POSITIVE_LIST_SORTS)[number];

/** The firm-level conditions, each checked by a named checker on the server. */
export const POSITIVE_LIST_CONDITIONS = [
  'permits-complete',
  'no-penalty-2y',
  'no-incident-2y',
  'monitoring-online',
  'credit-not-yellow-red',
  'no-verified-complaint',
] as const;
export type PositiveListCondition = (typeof POSITIVE_LIST_CONDITIONS)[number];
export const POSITIVE_LIST_CONDITION_LABELS: Readonly<Record<PositiveListCondition, { zh: string; en: string }>> = {
  'permits-complete': { zh: '环评、排污许可手续齐全', en: 'permits complete' },
  'no-penalty-2y': { zh: '近两年无环境行政处罚', en: 'no environmental penalty in 2 years' },
  'no-incident-2y': { zh: '近两年无突发环境事件', en: 'no environmental incident in 2 years' },
  'monitoring-online': { zh: '自动监控已安装并正常联网', en: 'automatic monitoring installed and online' },
  'credit-not-yellow-red': { zh: '环境信用非黄牌、红牌', en: 'credit not yellow or red' },
  'no-verified-complaint': { zh: '近两年无查实的信访举报', en: 'no verified complaint in 2 years' },
};

/**
 * passed / failed: the platform's records decide it. no-source: the platform holds no records to
 * decide it from (the module is not built or has no data on the firm) — an officer must confirm it.
 */
export const CHECK_STATUSES = ['passed', 'failed', 'no-source'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
export const CHECK_STATUS_LABELS: Readonly<Record<CheckStatus, { zh: string; en: string }>> = {
  passed: { zh: '符合', en: 'met' },
  failed: { zh: '不符合', en: 'not met' },
  'no-source': { zh: '尚无数据来源，需人工核实', en: 'no data source yet; verify by hand' },
};

export type ConditionCheck = {
  condition: PositiveListCondition;
  status: CheckStatus;
  /** what the platform found, in plain Chinese, e.g. 「排污许可记录：尚无数据来源，需人工核实」 */
  evidence: string;
  /** the records it looked at (type, id, label), so the snapshot links to them */
  records: { type: string; id: string; label: string }[];
  /** the officer's note confirming a no-source condition */
  confirmation?: string;
};

export const REMOVAL_TRIGGERS = ['penalty', 'incident', 'verified-complaint', 'confirmed-alarm', 'other'] as const;
export type RemovalTrigger = (typeof REMOVAL_TRIGGERS)[number];
export const REMOVAL_TRIGGER_LABELS: Readonly<Record<RemovalTrigger, { zh: string; en: string }>> = {
  penalty: { zh: '受到环境行政处罚', en: 'environmental penalty' },
  incident: { zh: '发生突发环境事件', en: 'environmental incident' },
  'verified-complaint': { zh: '信访举报经查属实', en: 'verified complaint' },
  'confirmed-alarm': { zh: '在线监控报警经确认', en: 'confirmed alarm' },
  other: { zh: '其他严重违法情形', en: 'other serious violation' },
};

const uuid = z.uuid();
const note = z.string().trim().min(1).max(500);

export const positiveListDecisionBody = z.strictObject({
  enterpriseId: uuid,
  category: z.enum(POSITIVE_LIST_CATEGORIES),
  /** the officer's confirmation of each condition the platform could not check (需人工核实) */
  confirmations: z.partialRecord(z.enum(POSITIVE_LIST_CONDITIONS), note).default({}),
  reason: note,
});
export type PositiveListDecisionBody = z.infer<typeof positiveListDecisionBody>;

export const positiveListRemovalBody = z.strictObject({ reason: note });

export const removalProposalDecisionBody = z.strictObject({ accept: z.boolean(), reason: note });

export type DecisionVerdict =
  | { ok: true; checks: ConditionCheck[] }
  | { ok: false; failed: PositiveListCondition[]; unconfirmed: PositiveListCondition[] };

/**
 * A firm may be listed when no condition failed and every condition without a source carries the
 * officer's confirmation. Returns the snapshot to keep (checks with their confirmations).
 */
export function judgeDecision(
  checks: readonly ConditionCheck[],
  confirmations: Partial<Record<PositiveListCondition, string>>,
): DecisionVerdict {
  const failed = checks.filter((c) => c.status === 'failed').map((c) => c.condition);
  const unconfirmed = checks.filter((c) => c.status === 'no-source' && !confirmations[c.condition]?.trim());
  if (failed.length || unconfirmed.length)
    return { ok: false, failed, unconfirmed: unconfirmed.map((c) => c.condition) };
  return {
    ok: true,
    checks: checks.map((c) => {
      const confirmation = c.status === 'no-source' ? confirmations[c.condition] : undefined;
      return confirmation ? { ...c, confirmation } : { ...c };
    }),
  };
}

/** The last day of a listing valid `years` years from `decidedOn` (2020-05-01 + 3 y → 2023-04-30). */
export function listingValidUntil(decidedOn: string, years: number): string {
  const [y, m, d] = decidedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + n years on a non-leap year rolls to 1 March; the day before is then 28 February
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The words the audit log reads this module's entries in. */
export const POSITIVE_LIST_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'positive-list.list',
    'positive-list.remove',
    'positive-list.propose-removal',
    'positive-list.proposal-accept',
    'positive-list.proposal-reject',
    'positive-list.proposal-withdraw',
  ],
  records: {
    'positive-list': { zh: '正面清单', en: 'Positive list' },
    'positive-list-entry': { zh: '正面清单', en: 'Positive list' },
  },
  actionLabels: {
    'positive-list.list': { zh: '列入正面清单', en: 'Listed on the positive list' },
    'positive-list.remove': { zh: '移出正面清单', en: 'Removed from the positive list' },
    'positive-list.propose-removal': { zh: '提出移出正面清单建议', en: 'Removal from the positive list proposed' },
    'positive-list.proposal-accept': { zh: '同意移出建议', en: 'Removal proposal accepted' },
    'positive-list.proposal-reject': { zh: '不同意移出建议', en: 'Removal proposal rejected' },
    'positive-list.proposal-withdraw': { zh: '撤回移出建议', en: 'Removal proposal withdrawn' },
  },
  fields: {
    checks: { zh: '条件核查', en: 'condition checks' },
    confirmation: { zh: '人工核实情况', en: 'confirmation' },
    decidedAt: { zh: '决定时间', en: 'decided at' },
    decidedBy: { zh: '决定人编号', en: 'decided by' },
    decidedByName: { zh: '决定人', en: 'decided by' },
    decidedOn: { zh: '决定日期', en: 'decided on' },
    decisionReason: { zh: '决定理由', en: 'decision reason' },
    entryId: { zh: '正面清单记录编号', en: 'listing ID' },
    evidence: { zh: '核查情况', en: 'evidence' },
    proposalId: { zh: '移出建议编号', en: 'proposal ID' },
    records: { zh: '相关记录', en: 'records' },
    removalReason: { zh: '移出理由', en: 'removal reason' },
    removedAt: { zh: '移出时间', en: 'removed at' },
    removedByName: { zh: '移出人', en: 'removed by' },
    sourceId: { zh: '来源记录编号', en: 'source record ID' },
    sourceType: { zh: '来源类型', en: 'source type' },
    trigger: { zh: '移出事由', en: 'trigger' },
    validUntil: { zh: '有效期至', en: 'valid until' },
  },
};
