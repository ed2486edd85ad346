// The rest of the statutory annual report (政府信息公开工作年度报告) beside table 三 (in
// disclosure.ts): the bureau's own text for 一、五、六, the table of 主动公开 (二) and the table of
// reconsiderations and lawsuits about disclosure answers (四), in the layout of
// 《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）. Pure; no I/O.
import { z } from 'zod';
import { isoDateSchema } from './text.ts';

export const ANNUAL_REPORT_FORM = '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）';

/** The parts of the report the bureau writes itself; the platform saves each with a version. */
export const ANNUAL_TEXT_SECTIONS = ['overview', 'problems', 'other'] as const;
export type AnnualTextSection = (typeof ANNUAL_TEXT_SECTIONS)[number];
export const ANNUAL_TEXT_LABELS: Record<AnnualTextSection, { zh: string; en: string }> = {
  overview: { zh: '一、总体情况', en: 'I. Overview' },
  problems: { zh: '五、存在的主要问题及改进情况', en: 'V. Main problems and improvements' },
  other: { zh: '六、其他需要报告的事项', en: 'VI. Other matters to report' },
};

export const annualTextSchema = z.strictObject({
  year: z.number().int().min(2019).max(2099),
  body: z.string().trim().max(20_000),
  /** the version the editor started from; 0 when the section has never been saved */
  version: z.number().int().min(0),
});
export type AnnualTextInput = z.infer<typeof annualTextSchema>;

// ---- 二、主动公开政府信息情况 --------------------------------------------------------------

/**
 * The form's rows. `recorded: false` rows are not held on the platform: the report says so and
 * leaves the cell for the bureau, never a 0 that looks counted.
 */
export const PROACTIVE_ROWS = [
  {
    key: 'rules',
    zh: '规章',
    en: 'Rules (规章)',
    measures: ['issued', 'repealed', 'in-force'],
    recorded: false,
    basis: {
      zh: '平台不记录规章（规章由国务院部门和省、设区的市人民政府制定）',
      en: 'Not recorded on the platform (rules are made by State Council departments and provincial or city governments)',
    },
  },
  {
    key: 'normative',
    zh: '行政规范性文件',
    en: 'Normative documents',
    measures: ['issued', 'repealed', 'in-force'],
    recorded: true,
    basis: {
      zh: '政策宣传中类别为“行政规范性文件”的文件：本年发布的、本年撤回或到期失效的、年末仍有效的',
      en: 'Policies of kind “normative document”: published in the year, withdrawn or expired in it, in force at its end',
    },
  },
  {
    key: 'licensing',
    zh: '行政许可',
    en: 'Administrative licensing',
    measures: ['decisions'],
    recorded: true,
    basis: {
      zh: '本局作出决定的环评审批（告知承诺制审批、报告表审批），按决定日期计；排污许可证由萍乡市生态环境局核发，不计入本机关',
      en: 'EIA approvals this bureau decided (commitment path, report form), by decision date; discharge permits are issued by the city bureau and not counted',
    },
  },
  {
    key: 'penalty',
    zh: '行政处罚',
    en: 'Administrative penalties',
    measures: ['decisions'],
    recorded: true,
    basis: {
      zh: '现场检查转立的行政处罚案件中本年作出处罚决定的，按决定日期计',
      en: 'Penalty cases with a decision in the year, by decision date',
    },
  },
  {
    key: 'coercion',
    zh: '行政强制',
    en: 'Administrative coercion',
    measures: ['decisions'],
    recorded: false,
    basis: {
      zh: '平台未记录行政强制措施（查封、扣押等），请据执法台账填写',
      en: 'Coercive measures (sealing, seizure) are not recorded on the platform; fill in from the enforcement ledger',
    },
  },
  {
    key: 'fees',
    zh: '行政事业性收费',
    en: 'Administrative fees',
    measures: ['amount'],
    recorded: false,
    basis: {
      zh: '平台未记录行政事业性收费，请据财务记录填写（单位：万元）',
      en: 'Fees are not recorded on the platform; fill in from the accounts (10,000 yuan)',
    },
  },
] as const;
export type ProactiveRowKey = (typeof PROACTIVE_ROWS)[number]['key'];
export type ProactiveMeasure = 'issued' | 'repealed' | 'in-force' | 'decisions' | 'amount';
export const PROACTIVE_MEASURE_LABELS: Record<ProactiveMeasure, { zh: string; en: string }> = {
  issued: { zh: '本年制发件数', en: 'Issued this year' },
  repealed: { zh: '本年废止件数', en: 'Repealed this year' },
  'in-force': { zh: '现行有效件数', en: 'In force' },
  decisions: { zh: '本年处理决定数量', en: 'Decisions this year' },
  amount: { zh: '本年收费金额（单位：万元）', en: 'Fees this year (10,000 yuan)' },
};

/** A normative document as the count needs it (dates in Asia/Shanghai). */
export type NormativeRecord = {
  publishedOn: string | null;
  validFrom: string;
  validTo: string | null;
  withdrawnOn: string | null;
};

/**
 * Which of the normative-document cells a document counts in for the year: issued (published in
 * it), repealed (withdrawn in it, or its validity ended in it), in force at the year's end.
 */
export function normativeMeasuresOf(year: number, d: NormativeRecord): ProactiveMeasure[] {
  if (!d.publishedOn) return [];
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const out: ProactiveMeasure[] = [];
  if (d.publishedOn >= first && d.publishedOn <= last) out.push('issued');
  const endedOn =
    d.withdrawnOn !== null && (d.validTo === null || d.withdrawnOn <= d.validTo) ? d.withdrawnOn : d.validTo;
  if (endedOn !== null && endedOn >= first && endedOn <= last) out.push('repealed');
  if (d.publishedOn <= last && d.validFrom <= last && (endedOn === null || endedOn > last)) out.push('in-force');
  return out;
}

// ---- 四、政府信息公开行政复议、行政诉讼情况 -------------------------------------------------

/** What an applicant did against a disclosure answer; the form's three blocks. */
export const APPEAL_KINDS = ['reconsideration', 'litigation', 'litigation-after-reconsideration'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, { zh: string; en: string }> = {
  reconsideration: { zh: '行政复议', en: 'Administrative reconsideration' },
  litigation: { zh: '行政诉讼（未经复议直接起诉）', en: 'Lawsuit (without reconsideration first)' },
  'litigation-after-reconsideration': { zh: '行政诉讼（复议后起诉）', en: 'Lawsuit (after reconsideration)' },
};
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult | 'pending', { zh: string; en: string }> = {
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他结果', en: 'Other result' },
  pending: { zh: '尚未审结', en: 'Not concluded' },
};
/** The form's columns of each block, in order. */
export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealColumn = (typeof APPEAL_COLUMNS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** Recording a reconsideration or lawsuit the moment it is known; the result follows when decided. */
export const appealSchema = z
  .strictObject({
    kind: z.enum(APPEAL_KINDS),
    filedOn: isoDateSchema,
    /** 复议机关 or the court */
    body: text(100),
    caseNo: z.string().trim().max(60).optional(),
    result: z.enum(APPEAL_RESULTS).nullable().default(null),
    decidedOn: isoDateSchema.nullable().default(null),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => appealDatesCheck(v, ctx));

export const appealUpdateSchema = z
  .strictObject({
    result: z.enum(APPEAL_RESULTS).nullable(),
    decidedOn: isoDateSchema.nullable(),
    caseNo: z.string().trim().max(60).optional(),
    note: z.string().trim().max(2000).optional(),
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => appealDatesCheck(v, ctx));
export type AppealInput = z.infer<typeof appealSchema>;
export type AppealUpdateInput = z.infer<typeof appealUpdateSchema>;

function appealDatesCheck(
  v: { result: AppealResult | null; decidedOn: string | null; filedOn?: string },
  ctx: z.RefinementCtx,
) {
  if (v.result && !v.decidedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'common.required' });
  if (!v.result && v.decidedOn) ctx.addIssue({ code: 'custom', path: ['result'], message: 'common.required' });
  if (v.filedOn && v.decidedOn && v.decidedOn < v.filedOn)
    ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'disclosure.appeal.decided-before-filed' });
}

export type AppealRecord = { kind: AppealKind; filedOn: string; result: AppealResult | null; decidedOn: string | null };

/**
 * The cell of table 四 an appeal counts in for the year: appeals filed in the year, by their
 * result as it stood at the year's end (decided later: 尚未审结). Null if not filed in the year.
 */
export function appealColumnOf(year: number, a: AppealRecord): Exclude<AppealColumn, 'total'> | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (a.filedOn < first || a.filedOn > last) return null;
  return a.result && a.decidedOn && a.decidedOn <= last ? a.result : 'pending';
}

export type AppealTable = Record<AppealKind, Record<AppealColumn, number>>;

export function appealTable(year: number, records: readonly AppealRecord[]): AppealTable {
  const zero = () => Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, 0])) as Record<AppealColumn, number>;
  const t = Object.fromEntries(APPEAL_KINDS.map((k) => [k, zero()])) as AppealTable;
  for (const a of records) {
    const col = appealColumnOf(year, a);
    if (!col) continue;
    t[a.kind][col] += 1;
    t[a.kind].total += 1;
  }
  return t;
}
