/**
 * Discharge permits (排污许可), tracked, not issued (rules.md §0): the permit is decided by the city
 * bureau on the national platform (《排污许可管理条例》第六条); the county records its class under
 * PW2019 with the item cited, the external references, the validity, and the enterprise's duties
 * that follow from it — renewal, changes, execution reports — each with its due date and source.
 * Pure: the caller passes "today".
 */
import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { addCalendarDays, isDateString, toDayNumber } from './calendar/dates.ts';
import { type ClockProfileDefinition, PERMIT_REGS_EN } from './deadline.ts';
import type { MessageTable } from './messages.ts';
import { isoDateSchema as isoDate } from './text.ts';

export const PERMIT_CLASSES = ['key', 'simplified', 'registration'] as const;
export type PermitClass = (typeof PERMIT_CLASSES)[number];
export const PERMIT_CLASS_LABELS: Readonly<Record<PermitClass, { zh: string; en: string }>> = {
  key: { zh: '重点管理', en: 'key management' },
  simplified: { zh: '简化管理', en: 'simplified management' },
  registration: { zh: '登记管理', en: 'registration' },
};

export const PW2019 = '《固定污染源排污许可分类管理名录（2019年版）》（生态环境部令第11号）';
const TIAOLI = '《排污许可管理条例》';
const PW2019_EN =
  'Catalogue for the Classified Management of Pollutant Discharge Permits for Stationary Pollution Sources (2019 edition) (MEE Order No. 11)';

/** PW2019 第二条: 登记管理 units get no permit; they fill an 排污登记表 and get a registration number. */
export const PERMIT_CLASS_SOURCE = `${PW2019}第二条`;

export type Pw2019Item = {
  item: string;
  industry: string;
  /** the column texts as printed; null where the catalogue prints "/" */
  columns: Readonly<Record<PermitClass, string | null>>;
};

/**
 * The PW2019 items for the county's industries, cell texts as printed (checked against the official
 * PDF, ../shared/domain/eia-catalogue.md §3). Items 109–112 are the 通用工序 (第六条).
 */
export const PW2019_ITEMS: readonly Pw2019Item[] = Object.freeze([
  {
    item: '1',
    industry: '牲畜饲养031，家禽饲养032',
    columns: {
      key: '设有污水排放口的规模化畜禽养殖场、养殖小区（具体规模化标准按《畜禽规模养殖污染防治条例》执行）',
      simplified: null,
      registration: '无污水排放口的规模化畜禽养殖场、养殖小区，设有污水排放口的规模以下畜禽养殖场、养殖小区',
    },
  },
  {
    item: '7',
    industry: '土砂石开采101，化学矿开采102，采盐103，石棉及其他非金属矿采选109',
    columns: { key: '涉及通用工序重点管理的', simplified: '涉及通用工序简化管理的', registration: '其他' },
  },
  {
    item: '46',
    industry: '肥料制造262',
    columns: {
      key: '氮肥制造2621，磷肥制造2622，复混肥料制造2624，以上均不含单纯混合或者分装的',
      simplified:
        '钾肥制造2623，有机肥料及微生物肥料制造2625，其他肥料制造2629，以上均不含单纯混合或者分装的；氮肥制造2621（单纯混合或者分装的）',
      registration: '其他',
    },
  },
  {
    item: '51',
    industry: '炸药、火工及焰火产品制造267',
    columns: { key: '涉及通用工序重点管理的', simplified: '涉及通用工序简化管理的', registration: '其他' },
  },
  {
    item: '63',
    industry: '水泥、石灰和石膏制造301，石膏、水泥制品及类似制品制造302',
    columns: {
      key: '水泥（熟料）制造',
      simplified: '水泥粉磨站、石灰和石膏制造3012',
      registration:
        '水泥制品制造3021，砼结构构件制造3022，石棉水泥制品制造3023，轻质建筑材料制造3024，其他水泥类似制品制造3029',
    },
  },
  {
    item: '64',
    industry: '砖瓦、石材等建筑材料制造303',
    columns: {
      key: '粘土砖瓦及建筑砌块制造3031（以煤或者煤矸石为燃料的烧结砖瓦）',
      simplified:
        '粘土砖瓦及建筑砌块制造3031（除以煤或者煤矸石为燃料的烧结砖瓦以外的），建筑用石加工3032，防水建筑材料制造3033，隔热和隔音材料制造3034，其他建筑材料制造3039，以上均不含仅切割加工的',
      registration: '仅切割加工的',
    },
  },
  {
    item: '68',
    industry: '陶瓷制品制造307',
    columns: {
      key: '建筑陶瓷制品制造3071（以煤、石油焦、油和发生炉煤气为燃料的），卫生陶瓷制品制造3072（年产150万件及以上的），日用陶瓷制品制造3074（年产250万件及以上的）',
      simplified: '建筑陶瓷制品制造3071（以天然气为燃料的）',
      registration:
        '建筑陶瓷制品制造3071（除重点管理、简化管理以外的），卫生陶瓷制品制造3072（年产150万件以下的），日用陶瓷制品制造3074（年产250万件以下的），特种陶瓷制品制造3073，陈设艺术陶瓷制造3075，园艺陶瓷制造3076，其他陶瓷制品制造3079',
    },
  },
  {
    item: '69',
    industry: '耐火材料制品制造308',
    columns: {
      key: '石棉制品制造3081',
      simplified: '以煤、石油焦、油和发生炉煤气为燃料的云母制品制造3082、耐火陶瓷制品及其他耐火材料制造3089',
      registration: '除简化管理以外的云母制品制造3082、耐火陶瓷制品及其他耐火材料制造3089',
    },
  },
  {
    item: '81',
    industry: '金属表面处理及热处理加工336',
    columns: {
      key: '纳入重点排污单位名录的，专业电镀企业（含电镀园区中电镀企业），专门处理电镀废水的集中处理设施，有电镀工序的，有含铬钝化工序的',
      simplified:
        '除重点管理以外的有酸洗、抛光（电解抛光和化学抛光）、热浸镀（溶剂法）、淬火或者无铬钝化等工序的、年使用10吨及以上有机溶剂的',
      registration: '其他',
    },
  },
  {
    item: '99',
    industry: '污水处理及其再生利用462',
    columns: {
      key: '工业废水集中处理场所，日处理能力2万吨及以上的城乡污水集中处理场所',
      simplified: '日处理能力500吨及以上2万吨以下的城乡污水集中处理场所',
      registration: '日处理能力500吨以下的城乡污水集中处理场所',
    },
  },
  {
    item: '102',
    industry: '危险品仓储594',
    columns: {
      key: '总容量10万立方米及以上的油库（含油品码头后方配套油库，不含储备油库）',
      simplified: '总容量1万立方米及以上10万立方米以下的油库（含油品码头后方配套油库，不含储备油库）',
      registration: '其他危险品仓储（含油品码头后方配套油库，不含储备油库）',
    },
  },
  {
    item: '107',
    industry: '医院841，专业公共卫生服务843',
    columns: {
      key: '床位500张及以上的（不含专科医院8415中的精神病、康复和运动康复医院以及疗养院8416）',
      simplified:
        '床位100张及以上的专科医院8415（精神病、康复和运动康复医院）以及疗养院8416，床位100张及以上500张以下的综合医院8411、中医医院8412、中西医结合医院8413、民族医院8414、专科医院8415（不含精神病、康复和运动康复医院）',
      registration:
        '疾病预防控制中心8431，床位100张以下的综合医院8411、中医医院8412、中西医结合医院8413、民族医院8414、专科医院8415、疗养院8416',
    },
  },
  {
    item: '108',
    industry: '除1-107外的其他行业',
    columns: {
      key: '涉及通用工序重点管理的，存在本名录第七条规定情形之一的',
      simplified: '涉及通用工序简化管理的',
      registration: '涉及通用工序登记管理的',
    },
  },
  {
    item: '109',
    industry: '锅炉（通用工序）',
    columns: {
      key: '纳入重点排污单位名录的',
      simplified: '除纳入重点排污单位名录的，单台或者合计出力20吨/小时（14兆瓦）及以上的锅炉（不含电热锅炉）',
      registration: '除纳入重点排污单位名录的，单台且合计出力20吨/小时（14兆瓦）以下的锅炉（不含电热锅炉）',
    },
  },
  {
    item: '110',
    industry: '工业炉窑（通用工序）',
    columns: {
      key: '纳入重点排污单位名录的',
      simplified: '除纳入重点排污单位名录的，除以天然气或者电为能源的加热炉、热处理炉、干燥炉（窑）以外的其他工业炉窑',
      registration: '除纳入重点排污单位名录的，以天然气或者电为能源的加热炉、热处理炉或者干燥炉（窑）',
    },
  },
]);

export function pw2019Item(item: string): Pw2019Item | undefined {
  return PW2019_ITEMS.find((i) => i.item === item);
}

/** The citation shown beside a permit's class: the item, its column and the printed text. */
export function permitClassCitation(item: string, cls: PermitClass): string | null {
  const it = pw2019Item(item);
  const text = it?.columns[cls];
  if (!it || !text) return null;
  return `${PW2019}第${it.item}项「${it.industry}」${PERMIT_CLASS_LABELS[cls].zh}栏：${text}`;
}

// ---- time limits --------------------------------------------------------------------------

/** 条例 第十四条: a permit is valid for 5 years. */
export const PERMIT_VALIDITY_YEARS = 5;
export const PERMIT_VALIDITY_SOURCE = `${TIAOLI}第十四条（排污许可证有效期为5年）`;
export const PERMIT_VALIDITY_SOURCE_EN = `${PERMIT_REGS_EN}, Art. 14 (a discharge permit is valid for 5 years)`;

/** Adds whole years; 29 February falls back to 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(ny).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The last valid day of a permit valid from `validFrom` for `years` years; past 9999-12-31, the
 * last day a YYYY-MM-DD names, that day (from 9995-06-01 the sum was 10000-06-01, an InvalidDateError).
 */
export function defaultValidTo(validFrom: string, years = PERMIT_VALIDITY_YEARS): string {
  const end = addYears(validFrom, years);
  return end.length > 10 ? '9999-12-31' : addCalendarDays(end, -1);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Deadline profiles of the permit duties, held as rules. Each clock starts when the reminder goes
 * out and is due on the day the duty falls due, so `length` is also how far ahead the enterprise
 * and the officer are reminded; an unmet duty turns overdue on the officer's worklist.
 */
export const PERMIT_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  {
    key: 'permit.renewal-reminder',
    length: 30,
    unit: 'calendar',
    warnBefore: 10,
    direction: 'after-start',
    label: {
      zh: '排污许可证延续申请提醒（至届满前60日）',
      en: 'discharge permit renewal: reminder until 60 days before expiry',
    },
    source: `${TIAOLI}第十四条（有效期届满60日前向审批部门提出申请）；提醒提前量（届满前60日之前再提前30日）为本局做法，可调整`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 14 (the renewal is applied for to the approving authority 60 days before expiry); the reminder’s lead time (a further 30 days before those 60) is this bureau’s practice, which it may change`,
    note: '提醒在届满前90日发出，期限为届满前60日',
    noteEn: 'reminded 90 days before expiry, due 60 days before',
  },
  {
    key: 'permit.change',
    length: 30,
    unit: 'calendar',
    warnBefore: 7,
    direction: 'after-start',
    label: { zh: '排污许可证变更申请（自变更之日起30日内）', en: 'discharge permit change: apply within 30 days' },
    source: `${TIAOLI}第十四条（排污单位变更名称、住所、法定代表人或者主要负责人的，应当自变更之日起30日内申请办理变更手续）`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 14 (a discharger that changes its name, domicile, legal representative or principal person in charge applies for the change within 30 days of it)`,
  },
  {
    key: 'permit.report.quarterly',
    length: 15,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: {
      zh: '排污许可证季度执行报告（季度结束后15日内）',
      en: 'permit execution report, quarterly: within 15 days of the quarter',
    },
    source: `${TIAOLI}第二十二条（按排污许可证规定的频次和时间提交执行报告）；《排污单位环境管理台账及排污许可证执行报告技术规范 总则（试行）》（HJ 944—2018）：季度报告于下一季第一个月15日前提交，第四季度并入年度报告；以许可证副本规定为准`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 22 (execution reports are submitted at the frequency and times the permit sets); Technical Specification for Environmental Management Records and Permit Execution Reports of Pollutant Dischargers: General (Trial) (HJ 944—2018): a quarterly report is submitted by the 15th of the first month of the next quarter, the fourth quarter going into the annual report; the permit’s duplicate prevails`,
  },
  {
    key: 'permit.report.annual',
    length: 15,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '排污许可证年度执行报告（次年1月15日前）', en: 'permit execution report, annual: by 15 January' },
    source: `${TIAOLI}第二十二条；HJ 944—2018 及全国排污许可证管理信息平台通行做法：年度报告于次年1月15日前提交；以许可证副本规定为准`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 22; HJ 944—2018 and the common practice of the national pollutant discharge permit information platform: the annual report is submitted by 15 January of the following year; the permit’s duplicate prevails`,
  },
]);

export const EXECUTION_REPORT_KINDS = ['annual', 'quarterly'] as const;
export type ExecutionReportKind = (typeof EXECUTION_REPORT_KINDS)[number];

/** Which execution reports each class files by default (a rule; the permit's own terms prevail). */
export type ReportCadence = Readonly<Record<PermitClass, readonly ExecutionReportKind[]>>;
export const DEFAULT_REPORT_CADENCE: ReportCadence = Object.freeze({
  key: ['annual', 'quarterly'],
  simplified: ['annual'],
  registration: [],
});
export const REPORT_CADENCE_SOURCE = `${TIAOLI}第二十二条；HJ 944—2018（重点管理：年度、季度执行报告；简化管理：年度执行报告；登记管理不发证、无执行报告，${PW2019}第二条）；许可证副本另有规定的从其规定`;
export const REPORT_CADENCE_SOURCE_EN = `${PERMIT_REGS_EN}, Art. 22; HJ 944—2018 (key management: annual and quarterly execution reports; simplified management: an annual execution report; registration management gets no permit and files no execution report, ${PW2019_EN}, Art. 2); where the permit’s duplicate says otherwise, it prevails`;

export const OBLIGATION_KINDS = ['renewal', 'change', 'report-annual', 'report-quarterly'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_LABELS: Readonly<Record<ObligationKind, { zh: string; en: string }>> = {
  renewal: { zh: '延续申请', en: 'renewal application' },
  change: { zh: '变更申请', en: 'change application' },
  'report-annual': { zh: '年度执行报告', en: 'annual execution report' },
  'report-quarterly': { zh: '季度执行报告', en: 'quarterly execution report' },
};
export const OBLIGATION_PROFILE: Readonly<Record<ObligationKind, string>> = {
  renewal: 'permit.renewal-reminder',
  change: 'permit.change',
  'report-annual': 'permit.report.annual',
  'report-quarterly': 'permit.report.quarterly',
};

/**
 * The duties list's orders: soonest due first (the default) or latest, by enterprise either way, or
 * by the day filed (a duty not filed yet last either way).
 */
export const OBLIGATION_SORTS = [
  'dueDate',
  '-dueDate',
  'enterprise',
  '-enterprise',
  '-submittedOn',
  'submittedOn',
] as const;
export type ObligationSort = (typeof OBLIGATION_SORTS)[number];

/** The last day to apply for renewal: 60 calendar days before the last valid day (条例 第十四条). */
export function renewalApplyBy(validTo: string, leadDays = 60): string {
  return addCalendarDays(validTo, -leadDays);
}

/** The last day to apply for a change: 30 days from the change (条例 第十四条). */
export function changeDueDate(changedOn: string, days = 30): string {
  return addCalendarDays(changedOn, days);
}

export type DutyPeriod = {
  kind: 'report-annual' | 'report-quarterly';
  /** '2026' or '2026-Q3' */
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
};

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;
const LAST_DATE_DAY = toDayNumber('9999-12-31');

/** Days since 1970-01-01 of a Y-M-D that may lie past 9999 (monthsAfter's 10000-01-01). */
function utcDayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function monthsAfter(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The execution reports a permit owes, due on or after `from`. HJ 944—2018: a period held for
 * less than a month (quarter) or three months (year) is not reported on its own — it goes into
 * the next report; the fourth quarter goes into the annual report when one is due.
 */
export function executionReportsDue(
  cadence: readonly ExecutionReportKind[],
  validFrom: string,
  validTo: string,
  from: string,
  dueDays: { annual: number; quarterly: number } = { annual: 15, quarterly: 15 },
): DutyPeriod[] {
  const out: DutyPeriod[] = [];
  if (validTo < validFrom) return out;
  const firstYear = Number(validFrom.slice(0, 4));
  const lastYear = Number(validTo.slice(0, 4));
  const held = (start: string, end: string, months: number) => {
    const s = start > validFrom ? start : validFrom;
    const e = end < validTo ? end : validTo;
    if (e < s) return false;
    // by day numbers: a month after 9999-12-01 is 10000-01-01, which has no YYYY-MM-DD
    return utcDayOf(monthsAfter(s, months)) <= utcDayOf(e) + 1;
  };
  // a report due after 9999-12-31 has no date to be due on: a permit held that long owes none
  const dueBy = (end: string, days: number) =>
    toDayNumber(end) + days <= LAST_DATE_DAY ? addCalendarDays(end, days) : null;
  for (let y = firstYear; y <= lastYear; y++) {
    if (cadence.includes('quarterly')) {
      for (let q = 1; q <= 4; q++) {
        if (q === 4 && cadence.includes('annual')) continue;
        const start = `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
        const end = `${y}-${QUARTER_ENDS[q - 1]}`;
        if (!held(start, end, 1)) continue;
        const dueDate = dueBy(end, dueDays.quarterly);
        if (dueDate !== null && dueDate >= from)
          out.push({ kind: 'report-quarterly', period: `${y}-Q${q}`, periodStart: start, periodEnd: end, dueDate });
      }
    }
    if (cadence.includes('annual')) {
      const start = `${y}-01-01`;
      const end = `${y}-12-31`;
      if (!held(start, end, 3)) continue;
      const dueDate = dueBy(end, dueDays.annual);
      if (dueDate !== null && dueDate >= from)
        out.push({ kind: 'report-annual', period: String(y), periodStart: start, periodEnd: end, dueDate });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period));
}

export function obligationPeriodLabel(kind: ObligationKind, period: string): string {
  if (kind === 'report-annual') return `${period}年度`;
  if (kind === 'report-quarterly') return `${period.slice(0, 4)}年第${period.slice(-1)}季度`;
  return period;
}

// ---- wire schemas -------------------------------------------------------------------------

export const PERMIT_STATUSES = ['applying', 'valid', 'expired', 'revoked'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export const PERMIT_STATUS_LABELS: Readonly<Record<PermitStatus, { zh: string; en: string }>> = {
  applying: { zh: '申请中', en: 'applying' },
  valid: { zh: '有效', en: 'valid' },
  expired: { zh: '已过期', en: 'expired' },
  revoked: { zh: '已注销/撤销', en: 'revoked' },
};

const text = (max: number) => z.string().trim().min(1).max(max);
const ref = z.string().trim().min(1).max(60);

const permitFields = {
  permitClass: z.enum(PERMIT_CLASSES),
  pwItem: z.string().refine((s) => !!pw2019Item(s), { error: 'permits.pwItem' }),
  status: z.enum(['applying', 'valid', 'revoked']),
  permitNumber: ref.nullable().optional(),
  platformRef: ref.nullable().optional(),
  issuedBy: text(100).optional(),
  issuedOn: isoDate.nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  officerUserId: z.uuid().nullable().optional(),
  officerName: text(50),
  note: z.string().trim().max(1000).nullable().optional(),
};

type PermitShape = {
  permitClass?: PermitClass | undefined;
  pwItem?: string | undefined;
  status?: string | undefined;
  permitNumber?: string | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
};

/** Cross-field checks shared by create and edit; path + message key, for a 400 with field details. */
export function permitProblems(p: PermitShape): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (p.pwItem && p.permitClass && pw2019Item(p.pwItem) && !permitClassCitation(p.pwItem, p.permitClass))
    out.push({ path: 'permitClass', message: 'permits.classNotInItem' });
  if (p.status === 'valid') {
    if (!p.permitNumber) out.push({ path: 'permitNumber', message: 'permits.numberRequired' });
    if (!p.validFrom) out.push({ path: 'validFrom', message: 'permits.validityRequired' });
    if (!p.validTo) out.push({ path: 'validTo', message: 'permits.validityRequired' });
  }
  if (p.validFrom && p.validTo && isDateString(p.validFrom) && isDateString(p.validTo)) {
    if (p.validTo <= p.validFrom) out.push({ path: 'validTo', message: 'permits.validToBeforeFrom' });
    else if (p.validTo > defaultValidTo(p.validFrom)) out.push({ path: 'validTo', message: 'permits.validityTooLong' });
  }
  return out;
}

export const permitCreateSchema = z.strictObject({ enterpriseId: z.uuid(), ...permitFields });
export type PermitCreate = z.infer<typeof permitCreateSchema>;

export const permitPatchSchema = z
  .strictObject(permitFields)
  .partial()
  .extend({ reason: text(500), version: z.number().int().min(1) });
export type PermitPatch = z.infer<typeof permitPatchSchema>;

/** What the enterprise itself may update: the national platform's reference of its application. */
export const permitTrackingSchema = z.strictObject({
  platformRef: ref.nullable(),
  version: z.number().int().min(1),
});

/** A duty done on the national platform: when, and the platform's receipt or reference. */
export const obligationSubmitSchema = z.strictObject({
  submittedOn: isoDate,
  reference: ref,
  note: z.string().trim().max(500).optional(),
});

export const CHANGE_SUBJECTS = ['name', 'address', 'legal-representative', 'principal'] as const;
export const CHANGE_SUBJECT_LABELS: Readonly<Record<(typeof CHANGE_SUBJECTS)[number], { zh: string; en: string }>> = {
  name: { zh: '名称', en: 'name' },
  address: { zh: '住所', en: 'address' },
  'legal-representative': { zh: '法定代表人', en: 'legal representative' },
  principal: { zh: '主要负责人', en: 'principal' },
};
export const permitChangeSchema = z.strictObject({
  subject: z.enum(CHANGE_SUBJECTS),
  changedOn: isoDate,
  note: z.string().trim().max(500).optional(),
});

/** The words the audit log reads this module's entries in (its server definition lists it). */
export const PERMIT_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'permit-obligation.submit',
    'permit.change',
    'permit.create',
    'permit.expire',
    'permit.track',
    'permit.update',
  ],
  records: {
    permit: { zh: '排污许可', en: 'Discharge permit' },
    'permit-obligation': { zh: '排污许可义务（执行报告、延续、变更）', en: 'Permit duty' },
  },
  actionLabels: {
    'permit.track': { zh: '排污许可 · 企业登记平台申请编号', en: 'Discharge permit · platform reference recorded' },
    'permit.expire': { zh: '排污许可 · 有效期届满', en: 'Discharge permit · expired' },
    'permit.change': { zh: '排污许可 · 登记变更事项', en: 'Discharge permit · change recorded' },
    'permit-obligation.submit': { zh: '排污许可义务 · 登记已在平台提交', en: 'Permit duty · filing recorded' },
  },
  fields: {
    permitClass: { zh: '排污许可管理类别', en: 'permit class' },
    pwItem: { zh: '分类管理名录项目', en: 'PW2019 item' },
    permitNumber: { zh: '许可证编号/登记编号', en: 'permit number' },
    platformRef: { zh: '全国排污许可平台申请编号', en: 'national platform reference' },
    issuedBy: { zh: '核发机关', en: 'issued by' },
    issuedOn: { zh: '核发日期', en: 'issued on' },
    windowStart: { zh: '提醒起始日', en: 'reminder from' },
    submittedOn: { zh: '提交日期', en: 'submitted on' },
    reference: { zh: '平台回执/受理号', en: 'platform reference' },
    submittedByName: { zh: '登记人', en: 'recorded by' },
    obligationId: { zh: '许可义务编号', en: 'duty ID' },
    recipients: { zh: '接收人数', en: 'recipients' },
    period: { zh: '所属期间', en: 'period' },
    permitId: { zh: '排污许可编号', en: 'permit ID' },
  },
};

/** What the permit schemas and checks say when they refuse (module messages: see messages.ts). */
export const PERMIT_MESSAGES = {
  'permits.pwItem': {
    zh: '不是《固定污染源排污许可分类管理名录（2019年版）》中已收录的项目',
    en: 'not an item of the 2019 discharge-permit catalogue held here',
  },
  'permits.classNotInItem': {
    zh: '名录该项目此管理类别一栏为"/"，不适用',
    en: 'the catalogue prints "/" in this class column for the item',
  },
  'permits.numberRequired': { zh: '有效的许可证须填写许可证编号或登记编号', en: 'a valid permit needs its number' },
  'permits.validityRequired': { zh: '有效的许可证须填写有效期', en: 'a valid permit needs its validity dates' },
  'permits.validToBeforeFrom': { zh: '有效期截止日应晚于起始日', en: 'the last valid day must be after the first' },
  'permits.validityTooLong': {
    zh: '有效期不能超过5年（《排污许可管理条例》第十四条）',
    en: 'validity cannot exceed 5 years (Regulations on Discharge Permits, art. 14)',
  },
} as const satisfies MessageTable;
