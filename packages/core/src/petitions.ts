/**
 * Petitions (信访) under 《信访工作条例》(2022): channels, types (第二十九至三十一条), the staged
 * statutory clocks of rules.md §1 and the written replies generated from templates.
 * The stage machine is pure; the server starts and completes clocks on each transition.
 */
import { z } from 'zod';
import { isChinesePhone } from './enterprise.ts';

export const PETITION_CHANNELS = ['visit', 'letter', 'phone', 'online', 'reception', 'hotline-12369'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, { zh: string; en: string }> = {
  visit: { zh: '来访', en: 'visit' },
  letter: { zh: '来信', en: 'letter' },
  phone: { zh: '来电', en: 'phone' },
  online: { zh: '网上信访', en: 'online' },
  reception: { zh: '接待日转入', en: 'from a reception day' },
  'hotline-12369': { zh: '12369 环保举报热线', en: '12369 hotline' },
};

/** 信访工作条例 第二十九条 建议意见类, 第三十条 检举控告类, 第三十一条 申诉求决类 */
export const PETITION_TYPES = ['suggestion', 'accusation', 'claim'] as const;
export type PetitionType = (typeof PETITION_TYPES)[number];
export const PETITION_TYPE_LABELS: Record<PetitionType, { zh: string; en: string }> = {
  suggestion: { zh: '建议意见类', en: 'suggestion' },
  accusation: { zh: '检举控告类', en: 'accusation' },
  claim: { zh: '申诉求决类', en: 'claim' },
};

export const PETITION_STATUSES = [
  'registered',
  'accepted',
  'not-accepted',
  'objected',
  'replied',
  'review-requested',
  'reviewed',
  're-review-requested',
  're-reviewed',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Record<PetitionStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'registered' },
  accepted: { zh: '已受理，办理中', en: 'accepted, in progress' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  objected: { zh: '已提出转送异议', en: 'referral objected' },
  replied: { zh: '已书面答复（办结）', en: 'replied (closed)' },
  'review-requested': { zh: '复查中', en: 'under review' },
  reviewed: { zh: '已出具复查意见', en: 'reviewed' },
  're-review-requested': { zh: '复核中', en: 'under re-review' },
  're-reviewed': { zh: '已出具复核意见（终结）', en: 're-reviewed (final)' },
};

export const PETITION_ACTIONS = [
  'accept',
  'not-accept',
  'object',
  'extend',
  'reply',
  'request-review',
  'answer-review',
  'request-re-review',
  'answer-re-review',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

type ClockKey =
  | 'petition.acceptance-notice'
  | 'petition.referral-objection'
  | 'petition.resolution'
  | 'petition.review-request'
  | 'petition.review-answer'
  | 'petition.re-review-request'
  | 'petition.re-review-answer';

export type PetitionStep = {
  to: PetitionStatus;
  /** clocks this step stops (met if in time) */
  complete: ClockKey[];
  /** clocks this step starts, counted from the step's date */
  start: ClockKey[];
  /** the letter this step produces for the petitioner, if any */
  letter: PetitionLetterKind | null;
};

const STEPS: Partial<Record<PetitionStatus, Partial<Record<PetitionAction, PetitionStep>>>> = {
  registered: {
    // 第二十三条: written notice of acceptance within 15 days; acceptance starts the 60-day clock (第三十四条)
    accept: {
      to: 'accepted',
      complete: ['petition.acceptance-notice', 'petition.referral-objection'],
      start: ['petition.resolution'],
      letter: 'acceptance',
    },
    'not-accept': {
      to: 'not-accepted',
      complete: ['petition.acceptance-notice', 'petition.referral-objection'],
      start: [],
      letter: 'not-accepted',
    },
    // 第二十三条: a referred petition outside our competence is objected to within 5 working days
    object: {
      to: 'objected',
      complete: ['petition.referral-objection', 'petition.acceptance-notice'],
      start: [],
      letter: null,
    },
  },
  accepted: {
    extend: { to: 'accepted', complete: [], start: [], letter: 'extension' },
    reply: {
      to: 'replied',
      complete: ['petition.resolution'],
      start: ['petition.review-request'],
      letter: 'reply',
    },
  },
  replied: {
    'request-review': {
      to: 'review-requested',
      complete: ['petition.review-request'],
      start: ['petition.review-answer'],
      letter: null,
    },
  },
  'review-requested': {
    'answer-review': {
      to: 'reviewed',
      complete: ['petition.review-answer'],
      start: ['petition.re-review-request'],
      letter: 'review',
    },
  },
  reviewed: {
    'request-re-review': {
      to: 're-review-requested',
      complete: ['petition.re-review-request'],
      start: ['petition.re-review-answer'],
      letter: null,
    },
  },
  're-review-requested': {
    'answer-re-review': { to: 're-reviewed', complete: ['petition.re-review-answer'], start: [], letter: 're-review' },
  },
};

/** The step an action takes from a status, or null when the action is not allowed there. */
export function petitionStep(from: PetitionStatus, action: PetitionAction): PetitionStep | null {
  return STEPS[from]?.[action] ?? null;
}

export function allowedPetitionActions(from: PetitionStatus): PetitionAction[] {
  return Object.keys(STEPS[from] ?? {}) as PetitionAction[];
}

/** Closed for the on-time figure: the written reply (处理意见) went out, whatever follows. */
export function isPetitionClosed(status: PetitionStatus): boolean {
  return !['registered', 'accepted'].includes(status);
}

/** The most an extension may add (第三十四条: 不得超过 30 日) across all extensions of a case. */
export const PETITION_MAX_EXTENSION_DAYS = 30;

// ---- letters ------------------------------------------------------------------------------

export const PETITION_LETTER_KINDS = [
  'acceptance',
  'not-accepted',
  'extension',
  'reply',
  'review',
  're-review',
] as const;
export type PetitionLetterKind = (typeof PETITION_LETTER_KINDS)[number];

export const PETITION_LETTER_TITLES: Record<PetitionLetterKind, { zh: string; en: string }> = {
  acceptance: { zh: '信访事项受理告知书', en: 'notice of acceptance' },
  'not-accepted': { zh: '信访事项不予受理告知书', en: 'notice of non-acceptance' },
  extension: { zh: '信访事项延期办理告知书', en: 'notice of extension' },
  reply: { zh: '信访事项处理意见书', en: 'written reply' },
  review: { zh: '信访事项复查意见书', en: 'review opinion' },
  're-review': { zh: '信访事项复核意见书', en: 're-review opinion' },
};

/**
 * Default texts, with {placeholders}. The bureau edits the wording; the legal references are
 * the articles that oblige each letter.
 */
export const PETITION_LETTER_TEMPLATES: Record<PetitionLetterKind, string> = {
  acceptance: `{petitionerName}：
您于{receivedDate}通过{channel}反映的“{title}”（编号 {code}）已收悉。根据《信访工作条例》第二十三条，经审查，本机关决定予以受理，将依法在受理之日起60日内办结（{dueDate}前），并书面答复您。
您可凭查询码 {code} 和登记的联系电话在本局网站查询办理进度。
{bureau}
{date}`,
  'not-accepted': `{petitionerName}：
您于{receivedDate}通过{channel}反映的“{title}”（编号 {code}）已收悉。根据《信访工作条例》第二十三条，经审查，本机关不予受理，理由如下：
{reason}
{bureau}
{date}`,
  extension: `{petitionerName}：
您反映的“{title}”（编号 {code}）因情况复杂，经本机关负责人批准，根据《信访工作条例》第三十四条，办理期限延长{days}日，至{dueDate}前办结。延期理由：{reason}
{bureau}
{date}`,
  reply: `{petitionerName}：
您于{receivedDate}反映的“{title}”（编号 {code}），本机关已于{acceptedDate}受理。经调查核实，现答复如下：
{reason}
如对本处理意见不服，可以自收到本意见书之日起30日内请求原办理机关的上一级机关复查（《信访工作条例》第三十五条）。
{bureau}
{date}`,
  review: `{petitionerName}：
您对“{title}”（编号 {code}）处理意见的复查请求已收悉。根据《信访工作条例》第三十五条，复查意见如下：
{reason}
如对复查意见不服，可以自收到本意见书之日起30日内向复查机关的上一级机关请求复核（第三十六条）。
{bureau}
{date}`,
  're-review': `{petitionerName}：
您对“{title}”（编号 {code}）复查意见的复核请求已收悉。根据《信访工作条例》第三十六条，复核意见如下：
{reason}
信访人对复核意见不服，仍以同一事实和理由提出信访请求的，不再受理。
{bureau}
{date}`,
};

/** Fills {name} placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function renderTemplate(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => {
    const v = values[key];
    return v === undefined || v === null || v === '' ? whole : String(v);
  });
}

// ---- schemas ------------------------------------------------------------------------------

const phone = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });

/** Intake by staff (any channel) or by a citizen online (channel forced to 'online'). */
export const petitionCreateSchema = z.strictObject({
  channel: z.enum(PETITION_CHANNELS).default('online'),
  type: z.enum(PETITION_TYPES),
  title: z.string().trim().min(4).max(100),
  content: z.string().trim().min(10).max(5000),
  petitionerName: z.string().trim().min(1).max(50),
  petitionerPhone: phone,
  petitionerAddress: z.string().trim().max(200).optional(),
  /**
   * The petitioner's OWN enterprise, when the petition is raised in an enterprise's name (filed
   * by its user, or converted from its reception-day concern). Its users can then read the case,
   * petitioner details included — so never put the enterprise complained ABOUT here.
   */
  enterpriseId: z
    .uuid()
    .optional()
    .describe("the petitioner's own enterprise (raised in its name); never the enterprise complained about"),
  /** ISO date-time of receipt; defaults to now; may not lie in the future */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** referred or assigned by a 信访部门 (第二十三条): starts the 5-working-day objection clock */
  referredBy: z.string().trim().min(2).max(100).optional(),
  sourceConcernId: z.uuid().optional(),
  keyCase: z.boolean().optional(),
  keyCaseReason: z.string().trim().max(500).optional(),
});
export type PetitionCreate = z.infer<typeof petitionCreateSchema>;

export const petitionActionSchema = z.strictObject({
  action: z.enum(PETITION_ACTIONS),
  /** the reason / body text written into the letter, or the objection grounds */
  text: z.string().trim().min(2).max(5000).optional(),
  /** extension days (with 'extend') */
  days: z.number().int().min(1).max(PETITION_MAX_EXTENSION_DAYS).optional(),
});
export type PetitionActionInput = z.infer<typeof petitionActionSchema>;
