/**
 * Petitions (信访) under 《信访工作条例》(2022): channels, types (第二十九至三十一条), the staged
 * statutory clocks of rules.md §1 and the written replies generated from templates.
 * The stage machine is pure; the server starts and completes clocks on each transition.
 */
import { z } from 'zod';
import { isChinesePhone } from './enterprise.ts';

/** 'hotline-12369' only for records registered before 12369 reports became their own case type. */
export const PETITION_CHANNELS = ['visit', 'letter', 'phone', 'online', 'reception', 'hotline-12369'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
/**
 * Channels a new petition comes in by. A 12369 call is an environmental report (环境保护部令第15号),
 * registered as a report with its own rules, not as a petition.
 */
export const PETITION_INTAKE_CHANNELS = ['visit', 'letter', 'phone', 'online', 'reception'] as const;
export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, { zh: string; en: string }> = {
  visit: { zh: '来访', en: 'visit' },
  letter: { zh: '来信', en: 'letter' },
  phone: { zh: '来电', en: 'phone' },
  online: { zh: '网上信访', en: 'online' },
  reception: { zh: '接待日转入', en: 'from a reception day' },
  'hotline-12369': { zh: '12369 环保举报热线（旧登记）', en: '12369 hotline (earlier records)' },
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
  'review-transmitted',
  'reviewed',
  're-review-requested',
  're-review-transmitted',
  're-reviewed',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Record<PetitionStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'registered' },
  accepted: { zh: '已受理，办理中', en: 'accepted, in progress' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  objected: { zh: '已提出转送异议', en: 'referral objected' },
  replied: { zh: '已书面答复（办结）', en: 'replied (closed)' },
  'review-requested': { zh: '信访人请求复查，待移送上一级机关', en: 'review requested, file to transmit' },
  'review-transmitted': { zh: '已移送上一级机关复查', en: 'file transmitted for review' },
  reviewed: { zh: '上一级机关已出具复查意见', en: 'reviewed by the next level up' },
  're-review-requested': { zh: '信访人请求复核，待移送', en: 're-review requested, file to transmit' },
  're-review-transmitted': { zh: '已移送复核机关', en: 'file transmitted for re-review' },
  're-reviewed': { zh: '复核机关已出具复核意见（终结）', en: 're-reviewed (final)' },
};

/**
 * 复查 (第三十五条) and 复核 (第三十六条) are decided by the next level up, never by the bureau
 * that handled the matter: the bureau records the petitioner's request, transmits the file, and
 * records the external body's decision (body, reference number, outcome, date received).
 */
export const PETITION_ACTIONS = [
  'accept',
  'not-accept',
  'object',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'reply',
  'record-delivery',
  'request-review',
  'transmit-review',
  'record-review',
  'request-re-review',
  'transmit-re-review',
  'record-re-review',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

/** Steps only the 负责人 may take (第三十四条: 经本机关负责人批准 the period may be extended). */
export const PETITION_LEADER_ACTIONS: readonly PetitionAction[] = ['approve-extension', 'reject-extension'];

type ClockKey =
  | 'petition.acceptance-notice'
  | 'petition.referral-objection'
  | 'petition.resolution'
  | 'petition.review-request'
  | 'petition.review-transmit'
  | 'petition.re-review-request'
  | 'petition.re-review-transmit';

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
    // 第二十三条: written notice of acceptance within 15 days; acceptance of a matter 第三十四条
    // covers starts the 60-day clock (the server decides which, petitionResolutionApplies)
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
    // 第三十四条: the handler asks, the 负责人 approves; only the approval writes the letter
    'request-extension': { to: 'accepted', complete: [], start: [], letter: null },
    'approve-extension': { to: 'accepted', complete: [], start: [], letter: 'extension' },
    'reject-extension': { to: 'accepted', complete: [], start: [], letter: null },
    reply: { to: 'replied', complete: ['petition.resolution'], start: [], letter: 'reply' },
  },
  replied: {
    // 第三十五条: the 30 days run from the petitioner's receipt of the reply (送达), not from its date
    'record-delivery': { to: 'replied', complete: [], start: ['petition.review-request'], letter: null },
    'request-review': {
      to: 'review-requested',
      complete: ['petition.review-request'],
      start: ['petition.review-transmit'],
      letter: null,
    },
  },
  'review-requested': {
    'transmit-review': { to: 'review-transmitted', complete: ['petition.review-transmit'], start: [], letter: null },
  },
  'review-transmitted': {
    'record-review': { to: 'reviewed', complete: [], start: ['petition.re-review-request'], letter: null },
  },
  reviewed: {
    'request-re-review': {
      to: 're-review-requested',
      complete: ['petition.re-review-request'],
      start: ['petition.re-review-transmit'],
      letter: null,
    },
  },
  're-review-requested': {
    'transmit-re-review': {
      to: 're-review-transmitted',
      complete: ['petition.re-review-transmit'],
      start: [],
      letter: null,
    },
  },
  're-review-transmitted': {
    'record-re-review': { to: 're-reviewed', complete: [], start: [], letter: null },
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

/**
 * Whether the 60-day limit of 第三十四条 applies: it covers 申诉求决类 matters handled as a
 * petition (第三十一条第六项). Suggestions and opinions (第二十九条), accusations (第三十条, handled
 * under the 纪检监察 procedures) and claims routed into another legal procedure (第三十一条第一至五项:
 * litigation, 复议, licensing, penalties…) follow that procedure's own rules and wording.
 */
export function petitionResolutionApplies(type: PetitionType, otherProcedure: string | null | undefined): boolean {
  return type === 'claim' && !otherProcedure;
}

/** The most an extension may add (第三十四条: 不得超过 30 日) across all extensions of a case. */
export const PETITION_MAX_EXTENSION_DAYS = 30;

// ---- letters ------------------------------------------------------------------------------

export const PETITION_LETTER_KINDS = ['acceptance', 'acceptance-routed', 'not-accepted', 'extension', 'reply'] as const;
export type PetitionLetterKind = (typeof PETITION_LETTER_KINDS)[number];

export const PETITION_LETTER_TITLES: Record<PetitionLetterKind, { zh: string; en: string }> = {
  acceptance: { zh: '信访事项受理告知书', en: 'notice of acceptance' },
  'acceptance-routed': { zh: '信访事项受理告知书', en: 'notice of acceptance' },
  'not-accepted': { zh: '信访事项不予受理告知书', en: 'notice of non-acceptance' },
  extension: { zh: '信访事项延期办理告知书', en: 'notice of extension' },
  reply: { zh: '信访事项处理意见书', en: 'written reply' },
};

/** The acceptance letter a petition gets: the 60-day wording only where 第三十四条 applies. */
export function acceptanceLetterKind(
  type: PetitionType,
  otherProcedure: string | null | undefined,
): PetitionLetterKind {
  return petitionResolutionApplies(type, otherProcedure) ? 'acceptance' : 'acceptance-routed';
}

/** How a matter outside 第三十四条 is handled, for the acceptance letter. */
export const PETITION_ROUTED_WORDING: Record<PetitionType, string> = {
  suggestion: '本机关将按照《信访工作条例》第二十九条的规定，对您提出的建议意见认真研究论证，并将研究结果书面告知您。',
  accusation: '本机关将按照《信访工作条例》第三十条的规定，依照有关法律法规规定的程序处理，并依法告知处理结果。',
  claim: '本机关将按照《信访工作条例》第三十一条的规定，依照{procedure}规定的程序办理，并依法告知办理结果。',
};

/**
 * Default texts, with {placeholders}. The bureau edits the wording; the legal references are
 * the articles that oblige each letter. No letter in the bureau's name decides a 复查 or 复核:
 * those are the next level up's (第三十五、三十六条).
 */
export const PETITION_LETTER_TEMPLATES: Record<PetitionLetterKind, string> = {
  acceptance: `{petitionerName}：
您于{receivedDate}通过{channel}反映的“{title}”（编号 {code}）已收悉。根据《信访工作条例》第二十三条，经审查，本机关决定予以受理。根据第三十四条，将在受理之日起60日内办结（{dueDate}前），并书面答复您。
您可凭查询码 {code} 和登记的联系电话在本局网站查询办理进度。
{bureau}
{date}`,
  'acceptance-routed': `{petitionerName}：
您于{receivedDate}通过{channel}反映的“{title}”（编号 {code}）已收悉。根据《信访工作条例》第二十三条，经审查，本机关决定予以受理。{routedWording}
您可凭查询码 {code} 和登记的联系电话在本局网站查询办理进度。
{bureau}
{date}`,
  'not-accepted': `{petitionerName}：
您于{receivedDate}通过{channel}反映的“{title}”（编号 {code}）已收悉。根据《信访工作条例》第二十三条，经审查，本机关不予受理，理由如下：
{reason}
{bureau}
{date}`,
  extension: `{petitionerName}：
您反映的“{title}”（编号 {code}）因情况复杂，经本机关负责人{approver}批准，根据《信访工作条例》第三十四条，办理期限延长{days}日，至{dueDate}前办结。延期理由：{reason}
{bureau}
{date}`,
  reply: `{petitionerName}：
您于{receivedDate}反映的“{title}”（编号 {code}），本机关已于{acceptedDate}受理。经调查核实，现答复如下：
{reason}
如对本处理意见不服，可以自收到本意见书之日起30日内请求本机关的上一级机关复查（《信访工作条例》第三十五条）；期限最后一日是法定休假日的，以休假日结束的次日为期限的最后一日。
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
  channel: z.enum(PETITION_INTAKE_CHANNELS).default('online'),
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

const isoDate = z.iso.date();

export const petitionActionSchema = z.strictObject({
  action: z.enum(PETITION_ACTIONS),
  /** the reason / body text written into the letter, the objection grounds, the external outcome */
  text: z.string().trim().min(2).max(5000).optional(),
  /** extension days (with 'request-extension') */
  days: z.number().int().min(1).max(PETITION_MAX_EXTENSION_DAYS).optional(),
  /**
   * the date the step happened outside: the petitioner received the reply ('record-delivery'),
   * the request reached the bureau ('request-…'), the external opinion reached the petitioner
   * ('record-…'); defaults to today
   */
  date: isoDate.optional(),
  /** the deciding body (复查/复核机关) for 'transmit-…' and 'record-…' */
  decidingBody: z.string().trim().min(2).max(100).optional(),
  /** the external decision's reference number (文号) for 'record-…' */
  referenceNo: z.string().trim().min(1).max(100).optional(),
  /** with 'accept' of a claim: the other legal procedure it is routed into (第三十一条第一至五项) */
  otherProcedure: z.string().trim().min(2).max(100).optional(),
  /** the version the client last read: a stale one is refused (RECORD_CHANGED) */
  version: z.number().int().min(1).optional(),
});
export type PetitionActionInput = z.infer<typeof petitionActionSchema>;
