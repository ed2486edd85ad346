/**
 * Environmental reports (环保举报, the 12369 hotline) under 《环保举报热线工作管理办法》
 * (环境保护部令第15号): their own case type, not a petition channel. A report is about pollution
 * by someone else; the reporter may stay anonymous. The bureau accepts it (or says why not, or
 * passes it to the competent body), investigates and answers: "有报必接、违法必查，事事有结果、
 * 件件有回音". The periods (15 days to tell whether accepted, 60 to close, up to 30 more with the
 * 负责人's approval) are rules with that source, not the 信访 clocks.
 */
import { z } from 'zod';
import { isChinesePhone } from './enterprise.ts';

export const REPORT_CHANNELS = ['phone-12369', 'wechat-12369', 'web-12369', 'letter', 'visit', 'online'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
export const REPORT_CHANNEL_LABELS: Record<ReportChannel, { zh: string; en: string }> = {
  'phone-12369': { zh: '12369 热线电话', en: '12369 hotline call' },
  'wechat-12369': { zh: '12369 微信举报', en: '12369 WeChat' },
  'web-12369': { zh: '12369 网络举报平台', en: '12369 web platform' },
  letter: { zh: '来信', en: 'letter' },
  visit: { zh: '来访', en: 'visit' },
  online: { zh: '本局网站', en: 'bureau website' },
};

export const REPORT_STATUSES = ['registered', 'accepted', 'not-accepted', 'transferred', 'replied'] as const;

/** The ledger's orders: newest received first (the default), oldest first, or by subject either way. */
export const REPORT_SORTS = ['-receivedAt', 'receivedAt', 'title', '-title'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'registered' },
  accepted: { zh: '已受理，调查处理中', en: 'accepted, under investigation' },
  'not-accepted': { zh: '不予受理（已告知理由）', en: 'not accepted (reason given)' },
  transferred: { zh: '已转交有权处理的部门', en: 'passed to the competent body' },
  replied: { zh: '已办结并答复', en: 'closed and answered' },
};

export const REPORT_ACTIONS = [
  'accept',
  'not-accept',
  'transfer',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'reply',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
/** Steps only the 负责人 may take: extending the 60-day handling period. */
export const REPORT_LEADER_ACTIONS: readonly ReportAction[] = ['approve-extension', 'reject-extension'];

type ReportClockKey = 'report.acceptance' | 'report.handling';
export type ReportStep = { to: ReportStatus; complete: ReportClockKey[]; start: ReportClockKey[] };

const STEPS: Partial<Record<ReportStatus, Partial<Record<ReportAction, ReportStep>>>> = {
  registered: {
    accept: { to: 'accepted', complete: ['report.acceptance'], start: ['report.handling'] },
    'not-accept': { to: 'not-accepted', complete: ['report.acceptance'], start: [] },
    // not the bureau's to handle (属地管理、分级负责): passed on, the reporter told where
    transfer: { to: 'transferred', complete: ['report.acceptance'], start: [] },
  },
  accepted: {
    'request-extension': { to: 'accepted', complete: [], start: [] },
    'approve-extension': { to: 'accepted', complete: [], start: [] },
    'reject-extension': { to: 'accepted', complete: [], start: [] },
    reply: { to: 'replied', complete: ['report.handling'], start: [] },
  },
};

export function reportStep(from: ReportStatus, action: ReportAction): ReportStep | null {
  return STEPS[from]?.[action] ?? null;
}

export function allowedReportActions(from: ReportStatus): ReportAction[] {
  return Object.keys(STEPS[from] ?? {}) as ReportAction[];
}

const phone = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });

export const reportCreateSchema = z.strictObject({
  channel: z.enum(REPORT_CHANNELS).default('online'),
  title: z.string().trim().min(4).max(100),
  content: z.string().trim().min(10).max(5000),
  /** where the pollution is (address, township, landmark) */
  location: z.string().trim().min(2).max(200),
  /** the reporter may stay anonymous; without a phone there is no answer to send and no tracking */
  anonymous: z.boolean().default(false),
  reporterName: z.string().trim().min(1).max(50).optional(),
  reporterPhone: phone.optional(),
  /** the enterprise reported ABOUT, when known (never shown to that enterprise) */
  subjectEnterpriseId: z.uuid().optional(),
  /** ISO date-time of receipt; defaults to now */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export type ReportCreate = z.infer<typeof reportCreateSchema>;

export const reportActionSchema = z.strictObject({
  action: z.enum(REPORT_ACTIONS),
  /** the reason, the body it is passed to, or the answer (findings and what was done) */
  text: z.string().trim().min(2).max(5000).optional(),
  days: z.number().int().min(1).max(30).optional(),
  version: z.number().int().min(1).optional(),
});
export type ReportActionInput = z.infer<typeof reportActionSchema>;
