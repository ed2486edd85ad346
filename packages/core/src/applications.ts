import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { shanghaiDateOf } from './calendar/dates.ts';
import type { WorkingCalendar } from './calendar/working-calendar.ts';
import { type ClockProfile, type ClockProfileDefinition, evaluateClock } from './deadline.ts';
import type { MaterialItem } from './matters.ts';

/**
 * Applications (申请) filed against a matter and its current guide's materials checklist: the
 * pure rules — states and the steps between them, the pre-check of what was handed in against the
 * checklist, the §32 deemed-acceptance date, 容缺受理 eligibility, and the one-visit rule.
 */

const XKF32 = '《中华人民共和国行政许可法》第三十二条第一款第（四）项';

/** The legal sources the application steps cite (shown to users beside the step). */
export const APPLICATION_SOURCES = {
  notice: XKF32,
  deemed: `${XKF32}：申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理`,
  acceptance: '《中华人民共和国行政许可法》第三十二条（受理应当出具加盖本行政机关专用印章和注明日期的书面凭证）',
  expertReview: '《中华人民共和国行政许可法》第四十五条（专家评审等所需时间不计算在期限内）',
  decision: '《中华人民共和国行政许可法》第三十八条、第四十条（书面决定；不予许可的说明理由并告知救济途径）',
  oneVisit: '《优化营商环境条例》第三十六条（一次性告知、一次办结）',
  deferred: '容缺受理：次要材料暂缺的，申请人书面承诺限期补交后先行受理（依据待核：本局容缺受理办法）',
} as const;

export const APPLICATION_STATES = [
  'submitted',
  'awaiting-materials',
  'accepted',
  'expert-review',
  'approved',
  'refused',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const APPLICATION_STATE_LABELS: Readonly<Record<ApplicationState, { zh: string; en: string }>> = {
  submitted: { zh: '待预审', en: 'awaiting pre-check' },
  'awaiting-materials': { zh: '待补正材料', en: 'awaiting materials' },
  accepted: { zh: '已受理，审查中', en: 'accepted, under review' },
  'expert-review': { zh: '专家评审中（暂停计时）', en: 'expert review (clock paused)' },
  approved: { zh: '准予许可', en: 'approved' },
  refused: { zh: '不予许可', en: 'refused' },
};

export const APPLICATION_CHANNELS = ['online', 'window'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];
export const APPLICATION_CHANNEL_LABELS: Readonly<Record<ApplicationChannel, { zh: string; en: string }>> = {
  online: { zh: '网上申请', en: 'online' },
  window: { zh: '窗口申请', en: 'at the window' },
};

/** How an application came to be accepted. */
export const ACCEPTANCE_KINDS = ['complete', 'deferred', 'deemed'] as const;
export type AcceptanceKind = (typeof ACCEPTANCE_KINDS)[number];
export const ACCEPTANCE_KIND_LABELS: Readonly<Record<AcceptanceKind, { zh: string; en: string }>> = {
  complete: { zh: '材料齐全受理', en: 'accepted with complete materials' },
  deferred: { zh: '容缺受理', en: 'accepted with a deferred item (容缺)' },
  deemed: { zh: '逾期未告知，依法视为受理', en: 'deemed accepted (no notice within 5 days)' },
};

export const APPLICATION_ACTIONS = [
  'issue-notice',
  'supplement',
  'accept',
  'accept-deferred',
  'deem-accepted',
  'start-expert-review',
  'end-expert-review',
  'approve',
  'refuse',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Which state each step starts from and where it leads. */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationAction, { from: readonly ApplicationState[]; to: ApplicationState }>
> = {
  'issue-notice': { from: ['submitted'], to: 'awaiting-materials' },
  supplement: { from: ['awaiting-materials'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  'accept-deferred': { from: ['submitted'], to: 'accepted' },
  'deem-accepted': { from: ['submitted'], to: 'accepted' },
  'start-expert-review': { from: ['accepted'], to: 'expert-review' },
  'end-expert-review': { from: ['expert-review'], to: 'accepted' },
  approve: { from: ['accepted'], to: 'approved' },
  refuse: { from: ['accepted'], to: 'refused' },
};

export function canTransition(state: ApplicationState, action: ApplicationAction): boolean {
  return APPLICATION_TRANSITIONS[action].from.includes(state);
}

export function nextState(state: ApplicationState, action: ApplicationAction): ApplicationState | null {
  return canTransition(state, action) ? APPLICATION_TRANSITIONS[action].to : null;
}

export function isDecided(state: ApplicationState): boolean {
  return state === 'approved' || state === 'refused';
}

/** The outcome of checking what was handed in against the checklist. */
export type PreCheck = {
  /** required items with no file (by checklist position) */
  missing: number[];
  /** all required items are there */
  complete: boolean;
  /** items missing but every one of them may be deferred (容缺受理 possible) */
  deferrable: boolean;
};

/**
 * Pre-check (预审): a required checklist item with at least one file counts as handed in. Optional
 * items never block. 容缺受理 is possible only when something is missing and every missing item is
 * marked deferrable in the guide.
 */
export function preCheck(checklist: readonly MaterialItem[], provided: Iterable<number>): PreCheck {
  const have = new Set(provided);
  const missing = checklist.flatMap((m, i) => (m.required && !have.has(i) ? [i] : []));
  return {
    missing,
    complete: missing.length === 0,
    deferrable: missing.length > 0 && missing.every((i) => checklist[i]!.deferrable),
  };
}

/**
 * 一次性告知: a later notice may only repeat items the first one listed — the applicant is told
 * everything at once, never a new demand on the second visit. Returns the items that were not in
 * the first notice (empty: allowed).
 */
export function itemsNotInFirstNotice(first: readonly number[] | null, next: readonly number[]): number[] {
  if (!first) return [];
  const told = new Set(first);
  return next.filter((i) => !told.has(i));
}

/**
 * The last day (Asia/Shanghai) on which the one-time notice may go out, counted from receipt of
 * the materials under the 'application.incomplete-notice' profile (行政许可法 第三十二条; 5 working
 * days by default — the profile is a rule an admin may edit).
 */
export function noticeDeadline(receivedAt: string, profile: ClockProfile, calendar: WorkingCalendar): string {
  return evaluateClock({ profile, start: receivedAt, pauses: [], extensions: [] }, receivedAt, calendar).dueDate;
}

/**
 * 行政许可法 第三十二条: with no notice by the end of its last day, the application counts as
 * accepted from the day the materials were received. True once `now` is past that day and no
 * notice was issued and nobody accepted it.
 */
export function isDeemedAccepted(
  a: { receivedAt: string; noticeIssuedAt: string | null; acceptedAt: string | null },
  now: Date,
  profile: ClockProfile,
  calendar: WorkingCalendar,
): boolean {
  if (a.noticeIssuedAt || a.acceptedAt) return false;
  return shanghaiDateOf(now) > noticeDeadline(a.receivedAt, profile, calendar);
}

/** 一次办清: an application counts as done in one visit when the applicant came at most once (online: zero). */
export function isOneVisit(visits: number): boolean {
  return visits <= 1;
}

/** 文号 of a decision, e.g. 上环审〔2026〕7号. */
export function formatDecisionNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

export const DECISION_NUMBER_PREFIX = '上环审';

/** The period by which an item accepted under 容缺受理 must be handed in. */
export const APPLICATION_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  {
    key: 'application.deferred-material',
    length: 20,
    unit: 'working',
    warnBefore: 3,
    direction: 'after-start',
    label: { zh: '容缺受理材料限期补交', en: 'item accepted as deferred (容缺): hand in by' },
    source:
      '容缺受理：申请人书面承诺限期补交次要材料（参照各地容缺受理办法，一般不超过 20 个工作日；依据待核，本局可调整）',
    sourceEn:
      'acceptance with items deferred: the applicant promises in writing to hand in minor materials by a set date (following other places’ rules on acceptance with deferred items, usually no more than 20 working days; the basis is still to be checked; this bureau may change it)',
  },
]);

// ── request bodies ──────────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'phone: a mobile or landline number');

/** An enterprise applies online for itself. */
export const applicationCreateBody = z.strictObject({
  matterCode: z.string().trim().min(2).max(60),
  projectName: text(200),
  applicantName: text(50),
  applicantPhone: phone,
});
export type ApplicationCreateBody = z.infer<typeof applicationCreateBody>;

/** A clerk files at the window for an enterprise (帮办代办 when it files on the applicant's behalf). */
export const applicationWindowBody = applicationCreateBody.extend({
  enterpriseId: z.uuid(),
  /** 帮办代办: the clerk prepares and files for the applicant */
  assisted: z.boolean(),
  /** the applicant's authorisation (授权委托书: who authorised whom, dated); required when assisted */
  authorisation: z.string().trim().max(500).nullable(),
});
export type ApplicationWindowBody = z.infer<typeof applicationWindowBody>;

export const applicationNoticeBody = z.strictObject({
  /** anything besides the missing items the applicant must correct (形式不符 …) */
  note: z.string().trim().max(1000).nullable(),
});

export const applicationSupplementBody = z.strictObject({
  /** the applicant came to the window to hand the materials in (counts as a visit) */
  inPerson: z.boolean(),
});

export const applicationDeferredBody = z.strictObject({
  /** the applicant's written promise (承诺书) to hand the missing items in by the deadline */
  promise: text(1000),
});

export const applicationExpertReviewBody = z.strictObject({ note: text(500) });

export const applicationDecisionBody = z.strictObject({
  outcome: z.enum(['approved', 'refused']),
  /** the reasons; a refusal must give them (行政许可法 第三十八条) */
  reasons: text(2000),
});
export type ApplicationDecisionBody = z.infer<typeof applicationDecisionBody>;

export const applicationVisitBody = z.strictObject({ purpose: text(200) });

/** The words the audit log reads this module's entries in (registered by the server module). */
export const APPLICATION_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'application.accept',
    'application.accept-deferred',
    'application.decide',
    'application.deem-accept',
    'application.expert-review',
    'application.expert-review-end',
    'application.file',
    'application.material',
    'application.notice',
    'application.supplement',
    'application.visit',
  ],
  records: { application: { zh: '申请', en: 'Application' } },
  actionLabels: {
    'application.file': { zh: '申请 · 提交（网上或窗口收件）', en: 'Application filed' },
    'application.material': { zh: '申请 · 上传材料', en: 'Application: file handed in' },
    'application.notice': { zh: '申请 · 一次性告知补正', en: 'Application: one-time notice issued' },
    'application.supplement': { zh: '申请 · 补正材料已提交', en: 'Application: materials supplied' },
    'application.accept': { zh: '申请 · 受理', en: 'Application accepted' },
    'application.accept-deferred': { zh: '申请 · 容缺受理', en: 'Application accepted with deferred items' },
    'application.deem-accept': {
      zh: '申请 · 逾期未告知，依法视为受理（行政许可法第三十二条）',
      en: 'Application deemed accepted (Administrative Licensing Law art. 32)',
    },
    'application.expert-review': { zh: '申请 · 开始专家评审（暂停计时）', en: 'Application: expert review started' },
    'application.expert-review-end': { zh: '申请 · 专家评审结束（恢复计时）', en: 'Application: expert review ended' },
    'application.decide': { zh: '申请 · 作出决定', en: 'Application decided' },
    'application.visit': { zh: '申请 · 登记申请人到现场', en: 'Application: in-person visit recorded' },
  },
  fields: {
    acceptanceKind: { zh: '受理方式', en: 'how accepted' },
    applicantName: { zh: '申请人', en: 'applicant' },
    applicantPhone: { zh: '申请人电话', en: 'applicant phone' },
    applicationId: { zh: '申请编号', en: 'application ID' },
    assisted: { zh: '帮办代办', en: 'filed on the applicant’s behalf' },
    assistedBy: { zh: '帮办人编号', en: 'assisted by (ID)' },
    assistedByName: { zh: '帮办人', en: 'assisted by' },
    authorisation: { zh: '申请人授权', en: 'applicant’s authorisation' },
    decidedAt: { zh: '决定时间', en: 'decided at' },
    decidedOnTime: { zh: '按时办结', en: 'decided on time' },
    decisionNumber: { zh: '决定文号', en: 'decision number' },
    decisionReasons: { zh: '决定理由', en: 'decision reasons' },
    deferred: { zh: '容缺材料', en: 'deferred item' },
    deferredItems: { zh: '容缺材料', en: 'deferred items' },
    deferredPromise: { zh: '容缺承诺', en: 'deferral promise' },
    fulfilledAt: { zh: '补交时间', en: 'handed in at' },
    inPerson: { zh: '到现场', en: 'in person' },
    item: { zh: '清单序号', en: 'checklist item' },
    itemName: { zh: '材料名称', en: 'item name' },
    matterCode: { zh: '事项编码', en: 'matter code' },
    matterName: { zh: '事项名称', en: 'matter name' },
    matterVersion: { zh: '事项指南版本', en: 'matter guide version' },
    missing: { zh: '缺少的材料', en: 'missing items' },
    noticeIssuedAt: { zh: '补正告知时间', en: 'notice issued at' },
    noticeMissing: { zh: '告知补正的材料', en: 'items in the notice' },
    noticeNote: { zh: '其他补正内容', en: 'other corrections' },
    projectName: { zh: '项目名称', en: 'project name' },
    purpose: { zh: '事由', en: 'purpose' },
    recordedBy: { zh: '登记人编号', en: 'recorded by (ID)' },
    recordedByName: { zh: '登记人', en: 'recorded by' },
    sha256: { zh: '文件校验值（SHA-256）', en: 'SHA-256' },
    uploadedBy: { zh: '上传人编号', en: 'uploaded by (ID)' },
    uploadedByName: { zh: '上传人', en: 'uploaded by' },
  },
};
