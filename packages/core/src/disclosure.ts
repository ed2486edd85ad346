// Government information disclosure on request (依申请公开) under 《中华人民共和国政府信息公开条例》
// (2019): the statutory clock, the answer types, and the annual report's table of requests
// (国务院办公厅政府信息与政务公开办公室《中华人民共和国政府信息公开工作年度报告格式》, table 三).
import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import type { ClockProfileDefinition } from './deadline.ts';
import { isChinesePhone } from './enterprise.ts';
import type { MessageTable } from './messages.ts';

const GIOR = '《中华人民共和国政府信息公开条例》';
/** The Regulations on the Disclosure of Government Information, as cited in English. */
export const GIOR_EN = 'Regulations on the Disclosure of Government Information';

/** The 20-working-day answer and its ceiling on extension (§33), as clock profiles the admin can version. */
export const DISCLOSURE_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  {
    key: 'disclosure.answer',
    length: 20,
    unit: 'working',
    warnBefore: 4,
    direction: 'after-start',
    label: { zh: '政府信息公开申请答复', en: 'disclosure request: answer' },
    source: `${GIOR}第三十三条第二款（不能当场答复的，自收到申请之日起20个工作日内予以答复）；第三十三条第三款（征求第三方和其他机关意见所需时间不计算在前款规定的期限内）`,
    sourceEn: `${GIOR_EN}, Art. 33(2) (where no answer can be given on the spot, an answer within 20 working days of receiving the request); Art. 33(3) (time spent consulting a third party or other bodies is not counted in that period)`,
    note: '征求第三方意见期间暂停计时',
    noteEn: 'paused while a third party is consulted',
  },
  {
    key: 'disclosure.extension',
    length: 20,
    unit: 'working',
    warnBefore: 4,
    direction: 'after-start',
    label: { zh: '政府信息公开申请延期答复（最长）', en: 'disclosure request: extension (maximum)' },
    source: `${GIOR}第三十三条第二款（需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日）`,
    sourceEn: `${GIOR_EN}, Art. 33(2) (an extension needs the consent of the head of the government information disclosure office and notice to the applicant, and is at most 20 working days)`,
    note: '作为 disclosure.answer 的延期天数上限使用',
    noteEn: 'used as the cap on extensions of disclosure.answer',
  },
] satisfies ClockProfileDefinition[]);

/** The applicant columns of the annual report's table 三. */
export const DISCLOSURE_APPLICANT_TYPES = [
  'natural-person',
  'business',
  'research',
  'public-interest',
  'legal-service',
  'other-org',
] as const;
export type DisclosureApplicantType = (typeof DISCLOSURE_APPLICANT_TYPES)[number];
export const DISCLOSURE_APPLICANT_LABELS: Record<DisclosureApplicantType, { zh: string; en: string }> = {
  'natural-person': { zh: '自然人', en: 'Natural person' },
  business: { zh: '商业企业', en: 'Business' },
  research: { zh: '科研机构', en: 'Research institution' },
  'public-interest': { zh: '社会公益组织', en: 'Public-interest organisation' },
  'legal-service': { zh: '法律服务机构', en: 'Legal service provider' },
  'other-org': { zh: '其他', en: 'Other organisation' },
};

export const DISCLOSURE_STATUSES = ['received', 'consulting', 'answered'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, { zh: string; en: string }> = {
  received: { zh: '办理中', en: 'In progress' },
  consulting: { zh: '征求第三方意见中（暂停计时）', en: 'Consulting a third party (clock paused)' },
  answered: { zh: '已答复', en: 'Answered' },
};

/** 主动公开 of permits: by the day issued, newest first (the default) or oldest; by enterprise or by the last valid day, either way. */
export const PUBLIC_PERMIT_SORTS = [
  '-issuedOn',
  'issuedOn',
  'enterprise',
  '-enterprise',
  'validTo',
  '-validTo',
] as const;
export type PublicPermitSort = (typeof PUBLIC_PERMIT_SORTS)[number];

// Every 办理结果 row of the annual report's table 三 has an answer type that lands in it, so the
// table counts answers and never needs a hand-filled cell.
export const DISCLOSURE_OUTCOMES = [
  'disclose',
  'partial',
  'withhold',
  'not-exist',
  'not-ours',
  'no-ready-made',
  'unclear',
  'not-processed',
  'other-handling',
] as const;
export type DisclosureOutcome = (typeof DISCLOSURE_OUTCOMES)[number];
export const DISCLOSURE_OUTCOME_LABELS: Record<DisclosureOutcome, { zh: string; en: string; source: string }> = {
  disclose: { zh: '予以公开', en: 'Disclosed', source: `${GIOR}第三十六条第（一）（二）项` },
  partial: { zh: '部分公开', en: 'Partly disclosed', source: `${GIOR}第三十七条` },
  withhold: { zh: '不予公开', en: 'Not disclosed', source: `${GIOR}第三十六条第（三）项` },
  'not-exist': { zh: '信息不存在', en: 'Information does not exist', source: `${GIOR}第三十六条第（四）项` },
  'not-ours': {
    zh: '非本机关负责公开',
    en: 'Not this body’s information',
    source: `${GIOR}第三十六条第（五）项`,
  },
  'no-ready-made': {
    zh: '没有现成信息需要另行制作',
    en: 'No ready-made information (would have to be produced)',
    source: `${GIOR}第三十八条`,
  },
  unclear: {
    zh: '补正后申请内容仍不明确',
    en: 'Still unclear after correction',
    source: `${GIOR}第三十条`,
  },
  'not-processed': { zh: '不予处理', en: 'Not processed', source: `${GIOR}第三十五条、第三十六条、第三十九条` },
  'other-handling': { zh: '其他处理', en: 'Other handling', source: `${GIOR}第三十条、第四十二条` },
};

/** The grounds for not disclosing, one per row of the annual report's 不予公开 block, each with its article. */
export const DISCLOSURE_CLAUSES = [
  'state-secret',
  'law-prohibits',
  'three-safety',
  'third-party',
  'internal-affairs',
  'process-info',
  'enforcement-file',
  'query-matter',
] as const;
export type DisclosureClause = (typeof DISCLOSURE_CLAUSES)[number];
export const DISCLOSURE_CLAUSE_LABELS: Record<DisclosureClause, { zh: string; en: string; source: string }> = {
  'state-secret': { zh: '属于国家秘密', en: 'State secret', source: `${GIOR}第十四条` },
  'law-prohibits': {
    zh: '其他法律行政法规禁止公开',
    en: 'Other laws forbid disclosure',
    source: `${GIOR}第十四条`,
  },
  'three-safety': {
    zh: '危及“三安全一稳定”',
    en: 'Endangers national, public, economic security or social stability',
    source: `${GIOR}第十四条`,
  },
  'third-party': {
    zh: '保护第三方合法权益',
    en: 'Protects a third party’s lawful rights',
    source: `${GIOR}第十五条`,
  },
  'internal-affairs': {
    zh: '属于三类内部事务信息',
    en: 'Internal affairs information',
    source: `${GIOR}第十六条第一款`,
  },
  'process-info': {
    zh: '属于四类过程性信息',
    en: 'Process information',
    source: `${GIOR}第十六条第二款`,
  },
  'enforcement-file': {
    zh: '属于行政执法案卷',
    en: 'Administrative enforcement file',
    source: `${GIOR}第十六条第二款`,
  },
  'query-matter': {
    zh: '属于行政查询事项',
    en: 'Matter for an administrative query procedure',
    source: `${GIOR}第三十六条第（七）项`,
  },
};

/** 不予处理: the five grounds of the form's block （五）. */
export const DISCLOSURE_NOT_PROCESSED_GROUNDS = ['petition', 'repeat', 'publication', 'excessive', 'confirm'] as const;
/** 其他处理: the three grounds of the form's block （六）. */
export const DISCLOSURE_OTHER_GROUNDS = ['no-correction', 'no-fee', 'other'] as const;
/** Every ground an answer can rest on, stored in the request's clause. */
export const DISCLOSURE_GROUNDS = [
  ...DISCLOSURE_CLAUSES,
  ...DISCLOSURE_NOT_PROCESSED_GROUNDS,
  ...DISCLOSURE_OTHER_GROUNDS,
] as const;
export type DisclosureGround = (typeof DISCLOSURE_GROUNDS)[number];
const FORM = '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）';
export const DISCLOSURE_GROUND_LABELS: Record<DisclosureGround, { zh: string; en: string; source: string }> = {
  ...DISCLOSURE_CLAUSE_LABELS,
  petition: {
    zh: '信访举报投诉类申请',
    en: 'A petition or complaint in the form of a request',
    source: `${GIOR}第三十九条第一款`,
  },
  repeat: { zh: '重复申请', en: 'Repeated request', source: `${GIOR}第三十六条第（六）项` },
  publication: { zh: '要求提供公开出版物', en: 'Asks for a publication', source: `${GIOR}第三十九条第二款` },
  excessive: {
    zh: '无正当理由大量反复申请',
    en: 'Excessive repeated requests without good reason',
    source: `${GIOR}第三十五条`,
  },
  confirm: {
    zh: '要求行政机关确认或重新出具已获取信息',
    en: 'Asks to confirm or reissue information already obtained',
    source: FORM,
  },
  'no-correction': {
    zh: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    en: 'Applicant did not correct in time; not processed further',
    source: `${GIOR}第三十条`,
  },
  'no-fee': {
    zh: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    en: 'Applicant did not pay the fee in time; not processed further',
    source: `${GIOR}第四十二条`,
  },
  other: { zh: '其他', en: 'Other', source: FORM },
};

/**
 * The articles the answer types and grounds rest on (the labels' `source`), cited in English;
 * keyed by type and ground, so a new one cannot be left without its citation.
 */
const FORM_EN = 'Format of the Annual Report on Government Information Disclosure Work (国办公开办函〔2021〕30号)';
export const DISCLOSURE_OUTCOME_SOURCES_EN: Record<DisclosureOutcome, string> = {
  disclose: `${GIOR_EN}, Art. 36, items (1) and (2)`,
  partial: `${GIOR_EN}, Art. 37`,
  withhold: `${GIOR_EN}, Art. 36, item (3)`,
  'not-exist': `${GIOR_EN}, Art. 36, item (4)`,
  'not-ours': `${GIOR_EN}, Art. 36, item (5)`,
  'no-ready-made': `${GIOR_EN}, Art. 38`,
  unclear: `${GIOR_EN}, Art. 30`,
  'not-processed': `${GIOR_EN}, Art. 35, 36 and 39`,
  'other-handling': `${GIOR_EN}, Art. 30 and 42`,
};
export const DISCLOSURE_GROUND_SOURCES_EN: Record<DisclosureGround, string> = {
  'state-secret': `${GIOR_EN}, Art. 14`,
  'law-prohibits': `${GIOR_EN}, Art. 14`,
  'three-safety': `${GIOR_EN}, Art. 14`,
  'third-party': `${GIOR_EN}, Art. 15`,
  'internal-affairs': `${GIOR_EN}, Art. 16, para. 1`,
  'process-info': `${GIOR_EN}, Art. 16, para. 2`,
  'enforcement-file': `${GIOR_EN}, Art. 16, para. 2`,
  'query-matter': `${GIOR_EN}, Art. 36, item (7)`,
  petition: `${GIOR_EN}, Art. 39, para. 1`,
  repeat: `${GIOR_EN}, Art. 36, item (6)`,
  publication: `${GIOR_EN}, Art. 39, para. 2`,
  excessive: `${GIOR_EN}, Art. 35`,
  confirm: FORM_EN,
  'no-correction': `${GIOR_EN}, Art. 30`,
  'no-fee': `${GIOR_EN}, Art. 42`,
  other: FORM_EN,
};

/** Which grounds an answer type takes; an answer type not listed takes none. */
export const DISCLOSURE_GROUNDS_OF: Partial<Record<DisclosureOutcome, readonly DisclosureGround[]>> = {
  partial: DISCLOSURE_CLAUSES,
  withhold: DISCLOSURE_CLAUSES,
  'not-processed': DISCLOSURE_NOT_PROCESSED_GROUNDS,
  'other-handling': DISCLOSURE_OTHER_GROUNDS,
};

const phone = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });

/** A request as the public form or an enterprise account files it. */
export const disclosureRequestSchema = z.strictObject({
  applicantType: z.enum(DISCLOSURE_APPLICANT_TYPES),
  applicantName: z.string().trim().min(1).max(100),
  /** 身份证件号 or 统一社会信用代码: kept for the record, shown masked */
  applicantIdNo: z.string().trim().min(6).max(30),
  phone,
  address: z.string().trim().max(200).optional(),
  /** 所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述 (§29) */
  description: z.string().trim().min(4).max(2000),
  /** 获取信息的方式 */
  delivery: z.enum(['paper', 'email', 'pickup']).default('email'),
  email: z.email().max(200).optional(),
});
export type DisclosureRequestInput = z.infer<typeof disclosureRequestSchema>;

/** The public form: the phone proven with a code sent to it (the phone-codes idiom). */
export const publicDisclosureRequestSchema = disclosureRequestSchema.extend({
  phoneCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
});

export const DISCLOSURE_ACTIONS = [
  'consult',
  'end-consult',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'answer',
] as const;
export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];
export const DISCLOSURE_ACTION_LABELS: Record<DisclosureAction, { zh: string; en: string }> = {
  consult: { zh: '征求第三方意见（暂停计时）', en: 'Consult a third party (pause)' },
  'end-consult': { zh: '第三方意见已收到（恢复计时）', en: 'Third party answered (resume)' },
  'request-extension': { zh: '申请延期答复', en: 'Request an extension' },
  'approve-extension': { zh: '负责人同意延期', en: 'Head approves the extension' },
  'reject-extension': { zh: '负责人不同意延期', en: 'Head refuses the extension' },
  answer: { zh: '作出答复', en: 'Answer' },
};
/** §33: 经政府信息公开工作机构负责人同意 — only the head (leader) decides an extension. */
export const DISCLOSURE_LEADER_ACTIONS: readonly DisclosureAction[] = ['approve-extension', 'reject-extension'];

export const disclosureActionSchema = z
  .strictObject({
    action: z.enum(DISCLOSURE_ACTIONS),
    /** the answer's text, the third party consulted, the extension's reason */
    text: z.string().trim().min(2).max(5000).optional(),
    days: z.number().int().min(1).max(20).optional(),
    outcome: z.enum(DISCLOSURE_OUTCOMES).optional(),
    clause: z.enum(DISCLOSURE_GROUNDS).optional(),
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'answer' && !v.outcome)
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'common.required' });
    const grounds = v.action === 'answer' && v.outcome ? DISCLOSURE_GROUNDS_OF[v.outcome] : undefined;
    if (grounds && !v.clause) ctx.addIssue({ code: 'custom', path: ['clause'], message: 'disclosure.clause.required' });
    if (grounds && v.clause && !grounds.includes(v.clause))
      ctx.addIssue({ code: 'custom', path: ['clause'], message: 'disclosure.clause.mismatch' });
    if (v.action === 'request-extension' && !v.days)
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'common.required' });
    if (['answer', 'consult', 'request-extension', 'reject-extension'].includes(v.action) && !v.text) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'common.required' });
    }
  });
export type DisclosureActionInput = z.infer<typeof disclosureActionSchema>;

/** Which steps each status allows (the extension request is a flag beside the status). */
export function disclosureActionAllowed(
  status: DisclosureStatus,
  action: DisclosureAction,
  extensionPending: boolean,
): boolean {
  if (status === 'answered') return false;
  if (action === 'consult') return status === 'received';
  if (action === 'end-consult') return status === 'consulting';
  if (action === 'request-extension') return !extensionPending;
  if (action === 'approve-extension' || action === 'reject-extension') return extensionPending;
  return true;
}

// ---- the annual report's table 三 (收到和处理政府信息公开申请情况) ---------------------------

/** Its rows, in the form's order; `outcome`/`clause` tie a row to the answers it counts. */
export const ANNUAL_REPORT_ROWS = [
  { key: 'new', zh: '一、本年新收政府信息公开申请数量', en: 'I. New requests this year' },
  { key: 'carried-in', zh: '二、上年结转政府信息公开申请数量', en: 'II. Carried over from last year' },
  { key: 'disclose', zh: '三（一）予以公开', en: 'III(1) Disclosed', outcome: 'disclose' },
  {
    key: 'partial',
    zh: '三（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    en: 'III(2) Partly disclosed',
    outcome: 'partial',
  },
  ...DISCLOSURE_CLAUSES.map((c, i) => ({
    key: `withhold:${c}`,
    zh: `三（三）不予公开 ${i + 1}.${DISCLOSURE_CLAUSE_LABELS[c].zh}`,
    en: `III(3) Not disclosed ${i + 1}. ${DISCLOSURE_CLAUSE_LABELS[c].en}`,
    outcome: 'withhold',
    clause: c,
  })),
  {
    key: 'unable:not-held',
    zh: '三（四）无法提供 1.本机关不掌握相关政府信息',
    en: 'III(4) Cannot provide 1. Not held by this body',
  },
  {
    key: 'unable:no-ready-made',
    zh: '三（四）无法提供 2.没有现成信息需要另行制作',
    en: 'III(4) Cannot provide 2. No ready-made information',
  },
  {
    key: 'unable:unclear',
    zh: '三（四）无法提供 3.补正后申请内容仍不明确',
    en: 'III(4) Cannot provide 3. Still unclear after correction',
  },
  ...DISCLOSURE_NOT_PROCESSED_GROUNDS.map((g, i) => ({
    key: `not-processed:${g}`,
    zh: `三（五）不予处理 ${i + 1}.${DISCLOSURE_GROUND_LABELS[g].zh}`,
    en: `III(5) Not processed ${i + 1}. ${DISCLOSURE_GROUND_LABELS[g].en}`,
  })),
  ...DISCLOSURE_OTHER_GROUNDS.map((g, i) => ({
    key: `other:${g}`,
    zh: `三（六）其他处理 ${i + 1}.${DISCLOSURE_GROUND_LABELS[g].zh}`,
    en: `III(6) Other handling ${i + 1}. ${DISCLOSURE_GROUND_LABELS[g].en}`,
  })),
  { key: 'total', zh: '三（七）总计', en: 'III(7) Total answered' },
  { key: 'carried-out', zh: '四、结转下年度继续办理', en: 'IV. Carried over to next year' },
] as const;
export type AnnualReportRowKey = (typeof ANNUAL_REPORT_ROWS)[number]['key'];

export type AnnualReportRecord = {
  applicantType: DisclosureApplicantType;
  /** Shanghai date the request was received */
  receivedOn: string;
  /** Shanghai date of the answer, if any */
  answeredOn: string | null;
  outcome: DisclosureOutcome | null;
  clause: DisclosureGround | null;
};

export type AnnualReportTable = {
  year: number;
  columns: readonly DisclosureApplicantType[];
  rows: { key: string; zh: string; en: string; cells: Record<DisclosureApplicantType, number>; total: number }[];
};

function zeroCells(): Record<DisclosureApplicantType, number> {
  return Object.fromEntries(DISCLOSURE_APPLICANT_TYPES.map((t) => [t, 0])) as Record<DisclosureApplicantType, number>;
}

function rowOfAnswer(r: AnnualReportRecord): string | null {
  switch (r.outcome) {
    case 'disclose':
      return 'disclose';
    case 'partial':
      return 'partial';
    case 'withhold':
      return r.clause ? `withhold:${r.clause}` : null;
    // the form has one row for both: 本机关不掌握相关政府信息
    case 'not-exist':
    case 'not-ours':
      return 'unable:not-held';
    case 'no-ready-made':
      return 'unable:no-ready-made';
    case 'unclear':
      return 'unable:unclear';
    case 'not-processed':
      return r.clause ? `not-processed:${r.clause}` : null;
    case 'other-handling':
      return r.clause ? `other:${r.clause}` : null;
    default:
      return null;
  }
}

/**
 * The rows of table 三 one request is counted in for the year (none if it does not touch the
 * year): the table sums these, and a cell's drill-down lists the requests that name its row.
 */
export function annualReportRowsOf(year: number, r: AnnualReportRecord): string[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (r.receivedOn > last) return [];
  if (r.answeredOn !== null && r.answeredOn < first) return [];
  const keys = [r.receivedOn >= first ? 'new' : 'carried-in'];
  if (r.answeredOn !== null && r.answeredOn <= last) {
    const key = rowOfAnswer(r);
    if (key) keys.push(key);
    keys.push('total');
  } else {
    keys.push('carried-out');
  }
  return keys;
}

/**
 * Table 三 of the annual report for a year, from the requests that touch it: received in the year
 * (new), received before it and still open at its start (carried in), answered in it (by outcome),
 * and still open at its end (carried out). The rows balance: new + carried in = total + carried out.
 */
export function annualReportTable(year: number, records: readonly AnnualReportRecord[]): AnnualReportTable {
  const rows = new Map(ANNUAL_REPORT_ROWS.map((r) => [r.key as string, zeroCells()]));
  for (const r of records) {
    for (const key of annualReportRowsOf(year, r)) rows.get(key)![r.applicantType] += 1;
  }
  return {
    year,
    columns: DISCLOSURE_APPLICANT_TYPES,
    rows: ANNUAL_REPORT_ROWS.map((r) => {
      const cells = rows.get(r.key)!;
      return { key: r.key, zh: r.zh, en: r.en, cells, total: Object.values(cells).reduce((a, b) => a + b, 0) };
    }),
  };
}

/** The words the audit log reads this module's entries in. */
export const DISCLOSURE_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'disclosure.create',
    'disclosure.consult',
    'disclosure.end-consult',
    'disclosure.request-extension',
    'disclosure.approve-extension',
    'disclosure.reject-extension',
    'disclosure.answer',
    'disclosure.appeal.create',
    'disclosure.appeal.update',
    'disclosure.annual-text.save',
  ],
  records: {
    disclosure: { zh: '信息公开申请', en: 'Disclosure request' },
    'disclosure-appeal': { zh: '信息公开行政复议、行政诉讼', en: 'Disclosure reconsideration or lawsuit' },
    'disclosure-annual-text': { zh: '信息公开年度报告文字', en: 'Disclosure annual report text' },
  },
  actionLabels: {
    'disclosure.create': { zh: '信息公开申请 · 登记', en: 'Disclosure request registered' },
    'disclosure.consult': {
      zh: '信息公开申请 · 征求第三方意见（暂停计时）',
      en: 'Disclosure request: third party consulted (clock paused)',
    },
    'disclosure.end-consult': {
      zh: '信息公开申请 · 第三方意见收到（恢复计时）',
      en: 'Disclosure request: third party answered (clock resumed)',
    },
    'disclosure.request-extension': {
      zh: '信息公开申请 · 申请延期答复',
      en: 'Disclosure request: extension requested',
    },
    'disclosure.approve-extension': {
      zh: '信息公开申请 · 负责人同意延期',
      en: 'Disclosure request: extension approved',
    },
    'disclosure.reject-extension': {
      zh: '信息公开申请 · 负责人不同意延期',
      en: 'Disclosure request: extension refused',
    },
    'disclosure.answer': { zh: '信息公开申请 · 答复', en: 'Disclosure request answered' },
    'disclosure.appeal.create': {
      zh: '信息公开 · 登记行政复议或行政诉讼',
      en: 'Disclosure: reconsideration or lawsuit recorded',
    },
    'disclosure.appeal.update': {
      zh: '信息公开 · 更新行政复议或行政诉讼结果',
      en: 'Disclosure: reconsideration or lawsuit result updated',
    },
    'disclosure.annual-text.save': {
      zh: '信息公开年度报告 · 保存文字',
      en: 'Disclosure annual report: text saved',
    },
  },
  fields: {
    answeredOnTime: { zh: '按期答复', en: 'answered on time' },
    applicantIdNo: { zh: '申请人证件号码', en: 'applicant ID number' },
    applicantName: { zh: '申请人', en: 'applicant' },
    applicantType: { zh: '申请人类型', en: 'applicant type' },
    clause: { zh: '不予公开依据', en: 'clause for not disclosing' },
    consulting: { zh: '征求意见的第三方', en: 'third party consulted' },
    delivery: { zh: '获取方式', en: 'delivery' },
    requestId: { zh: '申请编号', en: 'request ID' },
    filedOn: { zh: '申请复议或起诉日期', en: 'filed on' },
    caseNo: { zh: '案号', en: 'case number' },
    result: { zh: '结果', en: 'result' },
    section: { zh: '报告部分', en: 'report section' },
  },
};

/** What the disclosure schemas say when they refuse (module messages: see messages.ts). */
export const DISCLOSURE_MESSAGES = {
  'disclosure.clause.required': {
    zh: '该答复类型须写明依据的条款或理由',
    en: 'this answer type must name the clause or ground it rests on',
  },
  'disclosure.clause.mismatch': {
    zh: '所选理由不属于该答复类型',
    en: 'the ground chosen does not belong to this answer type',
  },
  'disclosure.appeal.decided-before-filed': {
    zh: '审结日期不能早于申请复议或起诉的日期',
    en: 'the decision cannot predate the filing',
  },
} as const satisfies MessageTable;
