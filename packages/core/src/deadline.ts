/**
 * One deadline engine for every statutory clock (rules.md §1): EIA and permit decisions, petitions,
 * rating rectification, device faults, reception concerns.
 *
 * Semantics (documented in README, "Deadlines"):
 * - Day counting starts the day after the start event (行政许可法 第八十二条 working days; the
 *   general rule that the day of the event is not counted, cf. 民法典 第二百零一条).
 * - The deadline is the end of `dueDate` in Asia/Shanghai.
 * - A pause from F to T excludes the unit days in (F, T]: the day the clock stops still counts, the
 *   day it resumes does not (counting resumes the next day, as at the start). Paused time is not
 *   counted (行政许可法 第四十五条: 听证、检验、检测、鉴定和专家评审 time excluded; 补正 waiting).
 *   An open pause is assumed to end "now" (or at completion), so the due date shown is the earliest
 *   possible one. Pauses that begin after the due date passed move nothing.
 * - Extensions add days in the profile's unit.
 * - With unit 'working' the due date is always a working day; 'calendar' clocks are plain day
 *   arithmetic and need no holiday data, except where `rollsOver` is set: a party's period whose
 *   last day is a statutory holiday ends on the day after the holiday (民法典 第二百零三条; the
 *   petitioner's 复查/复核 windows). A bureau duty never rolls over: the bureau keeps its date.
 */
import { z } from 'zod';
import { fromDayNumber, toDayNumber, toShanghaiDate } from './calendar/dates.ts';
import type { DayUnit, WorkingCalendar } from './calendar/working-calendar.ts';

export type ClockProfile = {
  key: string;
  length: number;
  unit: DayUnit;
  /** days, same unit: 'due-soon' when remaining ≤ warnBefore */
  warnBefore: number;
};

export const PAUSE_REASONS = ['supplement', 'expert-review', 'hearing', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export type ClockPause = { from: string; to?: string | null; reason: PauseReason; note?: string };
export type ClockExtension = { days: number; approvedBy: string; reason: string; at: string };

export type Clock = {
  profile: ClockProfile;
  /** ISO date-time with offset, or a date */
  start: string;
  pauses: ClockPause[];
  extensions: ClockExtension[];
  completedAt?: string | null;
  /** the last day, if a holiday, moves to the next working day (民法典 第二百零三条) */
  rollsOver?: boolean;
  /**
   * Whose period it is (default 'bureau'). In a provisional year (no notice yet) a bureau's duty is
   * counted on the calendar's 'earliest' view and a party's window on the 'latest' one.
   */
  binds?: ClockBinds;
};

export type ClockState = 'running' | 'paused' | 'due-soon' | 'overdue' | 'met' | 'missed';

export type ClockEvaluation = {
  /** 'YYYY-MM-DD'; the deadline is the end of this day, Asia/Shanghai */
  dueDate: string;
  /**
   * Unit days left after today (0 = due today). Negative when overdue: the number of unit days
   * since the due date, at least 1. For completed clocks, counted from the completion date.
   */
  remaining: number;
  state: ClockState;
  /** unit days excluded by pauses before the due date */
  pausedDays: number;
  /**
   * The due date depends on a year without the State Council notice (暂定): a working-day clock
   * whose count runs from its start into a provisional year.
   */
  provisional: boolean;
};

const dateOrDateTime = z.string().refine(
  (s) => {
    try {
      toShanghaiDate(s);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'common.date' },
);

export const clockProfileSchema = z.strictObject({
  key: z.string().trim().min(1).max(100),
  length: z.number().int().min(1).max(3650),
  unit: z.enum(['working', 'calendar']),
  warnBefore: z.number().int().min(0).max(365),
});

export const clockPauseSchema = z.strictObject({
  from: dateOrDateTime,
  to: dateOrDateTime.nullable().optional(),
  reason: z.enum(PAUSE_REASONS),
  note: z.string().max(500).optional(),
});

export const clockExtensionSchema = z.strictObject({
  days: z.number().int().min(1).max(365),
  approvedBy: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(1).max(500),
  at: dateOrDateTime,
});

export const clockSchema = z.strictObject({
  profile: clockProfileSchema,
  start: dateOrDateTime,
  pauses: z.array(clockPauseSchema),
  extensions: z.array(clockExtensionSchema),
  completedAt: dateOrDateTime.nullable().optional(),
});

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function dayOf(value: string): number {
  // Date#toISOString's own form ('…T02:00:00.000Z'), which the server passes for every stored
  // instant: a string that survives the round trip is a valid instant, and UTC+8 is a fixed shift.
  // Anything else takes the full parser (offsets, dates alone, Shanghai local time, bad input).
  if (value.length === 24 && value >= '1000') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === value) {
      return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
    }
  }
  return toDayNumber(toShanghaiDate(value));
}

/** Pauses as disjoint day ranges (f, t], sorted: two pauses that overlap or touch are one. */
function mergePauses(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [f, t] of sorted) {
    const last = out[out.length - 1];
    if (last && f <= last[1]) last[1] = Math.max(last[1], t);
    else out.push([f, t]);
  }
  return out;
}

/**
 * Evaluates a clock at `now` (ISO date-time or date). Pure: the caller passes the time. Working
 * days are counted on the calendar's working-day index, so the cost is one step per pause, not
 * one per day (deadline.test.ts holds the day-by-day rule it must agree with).
 */
export function evaluateClock(clock: Clock, now: string, fullCalendar: WorkingCalendar): ClockEvaluation {
  const { profile } = clock;
  // With make-up working days unknown, a bureau's duty is shown at its earliest plausible due date
  // (only statutory days off), the other party's window at its latest (补假 days off as well).
  const calendar = clock.binds === 'party' ? fullCalendar : fullCalendar.earliest();
  if (!Number.isInteger(profile.length) || profile.length < 1) {
    throw new RangeError(`clock ${profile.key}: length must be a positive integer`);
  }
  let total = profile.length;
  for (const e of clock.extensions) {
    if (!Number.isInteger(e.days) || e.days < 0)
      throw new RangeError(`clock ${profile.key}: extension days must be ≥ 0`);
    total += e.days;
  }

  const startDay = dayOf(clock.start);
  const nowDay = dayOf(now);
  const completedDay = clock.completedAt ? dayOf(clock.completedAt) : undefined;
  // an open pause lasts until the clock stopped being watched: completion, else now
  const openEnd = completedDay ?? nowDay;

  // paused days are (from, to] per pause; empty when an open pause starts in the future
  const intervals: [number, number][] = [];
  let activePause = false;
  for (const p of clock.pauses) {
    const from = dayOf(p.from);
    const to = p.to ? dayOf(p.to) : openEnd;
    if (p.to && to < from)
      throw new RangeError(`clock ${profile.key}: pause ends (${p.to}) before it starts (${p.from})`);
    if (to > from) intervals.push([from, to]);
    if (from <= nowDay && (!p.to || to > nowDay)) activePause = true;
  }
  const paused = mergePauses(intervals);
  // unit days in (a, b] and the n-th unit day after a: index reads on the calendar, never a walk
  const units = (a: number, b: number): number =>
    b <= a ? 0 : profile.unit === 'calendar' ? b - a : calendar.workingDaysBetween(a, b);
  const nthUnit = (a: number, n: number): number =>
    profile.unit === 'calendar' ? a + n : calendar.nthWorkingDayAfter(a, n);
  const pausedUnits = (a: number, b: number): number => {
    let n = 0;
    for (const [f, t] of paused) n += units(Math.max(a, f), Math.min(b, t));
    return n;
  };

  // The due date is the total-th unit day after the start that is not paused: runs of free days
  // between pauses are consumed whole, and a pause met before the count is reached is skipped
  // whole, its unit days counted as paused.
  let due = startDay;
  let left = total;
  let pausedDays = 0;
  for (const [f, t] of paused) {
    if (t <= due) continue;
    const free = units(due, Math.max(due, f));
    if (free >= left) break;
    left -= free;
    pausedDays += units(Math.max(due, f), t);
    due = t;
  }
  due = nthUnit(due, left);
  const unrolled = due;
  if (clock.rollsOver) while (!calendar.dayInfo(fromDayNumber(due)).workingDay) due++;

  // a clock asked about before its start has simply not begun to run
  const ref = Math.max(completedDay ?? nowDay, startDay);
  const remaining = ref <= due ? units(ref, due) - pausedUnits(ref, due) : -Math.max(1, units(due, ref));

  let state: ClockState;
  if (completedDay !== undefined) state = completedDay <= due ? 'met' : 'missed';
  else if (nowDay > due) state = 'overdue';
  else if (activePause) state = 'paused';
  else if (remaining <= profile.warnBefore) state = 'due-soon';
  else state = 'running';

  const provisional =
    (profile.unit === 'working' && calendar.spansProvisional(fromDayNumber(startDay), fromDayNumber(due))) ||
    (clock.rollsOver === true && calendar.spansProvisional(fromDayNumber(unrolled), fromDayNumber(due)));
  return { dueDate: fromDayNumber(due), remaining, state, pausedDays, provisional };
}

/**
 * For lead-time rules ("apply at least N days before expiry", 排污许可管理条例 第十四条): the last
 * day on which acting still leaves `length` unit days before `anchor`. Working days walk back
 * over the calendar, so the answer is a working day.
 */
export function leadDeadline(
  anchor: string,
  profile: Pick<ClockProfile, 'length' | 'unit'>,
  calendar: WorkingCalendar,
): string {
  // Walking back from the anchor, fewer days off give a later date: in a provisional year the
  // party's last day to act is read on the 'earliest' view, which is its latest plausible date.
  calendar = calendar.earliest();
  const day = dayOf(anchor);
  if (profile.unit === 'calendar') return fromDayNumber(day - profile.length);
  // the length-th working day strictly before the anchor
  return fromDayNumber(calendar.nthWorkingDayBefore(day, profile.length));
}

/**
 * Whose period a profile measures. 'bureau': a duty of the bureau (it warns, escalates, and a
 * late completion is 'missed'). 'party': a window the law gives the petitioner or the enterprise
 * (信访工作条例 第三十五、三十六条 复查/复核请求期限; 排污许可管理条例 第十四条 延续申请) — staff have
 * nothing to do while it runs, and when it passes unused it simply lapses.
 */
export type ClockBinds = 'bureau' | 'party';

export type ClockProfileDefinition = ClockProfile & {
  /** default 'bureau' */
  binds?: ClockBinds;
  /** a last day on a holiday moves to the next working day (民法典 第二百零三条); a fact of the law, like binds */
  rollsOver?: boolean;
  label: { zh: string; en: string };
  /** the document and article the default comes from */
  source: string;
  /** the same citation in English, for staff reading the platform in English */
  sourceEn: string;
  /**
   * 'after-start': a period running from a start event (evaluateClock).
   * 'before-anchor': a lead time before a fixed date such as a permit's expiry (leadDeadline).
   */
  direction: 'after-start' | 'before-anchor';
} & ({ note?: never; noteEn?: never } | { note: string; noteEn: string });

const XKF82 = '《中华人民共和国行政许可法》第八十二条（期限以工作日计算，不含法定节假日）';
const XKF82_EN = 'Administrative Licensing Law, Art. 82 (periods counted in working days, statutory holidays excluded)';
const EIA_LAW_EN = 'Environmental Impact Assessment Law';
const CONSTRUCTION_REGS_EN = 'Regulations on the Administration of Environmental Protection of Construction Projects';
export const PERMIT_REGS_EN = 'Regulations on the Administration of Pollutant Discharge Permits';
const PETITION_REGS_EN = 'Regulations on Letters and Visits';
const HOTLINE_EN =
  'Measures for the Administration of the Environmental Protection Reporting Hotline (MEP Order No. 15, 2011)';
/** 民法典 第二百零三条, said of the party's windows whose last day rolls over a holiday */
const ROLLS_OVER_EN =
  'a period whose last day is a statutory holiday ends on the day after the holiday (Civil Code, Art. 203)';

/**
 * Defaults from rules.md §1; the server stores them as editable, versioned rules. warnBefore is
 * this package's suggestion (about a sixth of the period, at least the last day).
 */
export const DEFAULT_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  {
    key: 'application.incomplete-notice',
    length: 5,
    unit: 'working',
    warnBefore: 1,
    direction: 'after-start',
    label: { zh: '材料不齐全一次性告知', en: 'incomplete application: one-time notice of what is missing' },
    source: `《中华人民共和国行政许可法》第三十二条第一款第（四）项（当场或者五日内一次告知）；${XKF82}`,
    sourceEn: `Administrative Licensing Law, Art. 32(1)(4) (notice of everything missing, on the spot or within five days); ${XKF82_EN}`,
    note: '逾期不告知的，自收到申请材料之日起即为受理',
    noteEn: 'if not given in time, the application counts as accepted from the day the materials were received',
  },
  {
    key: 'permit.incomplete-notice',
    length: 3,
    unit: 'working',
    warnBefore: 1,
    direction: 'after-start',
    label: { zh: '排污许可申请材料补正告知', en: 'discharge permit: notice of missing materials' },
    source: `《排污许可管理条例》第九条（当场或者3日内出具告知单）；${XKF82}`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 9 (a notice of what is missing, on the spot or within 3 days); ${XKF82_EN}`,
  },
  {
    key: 'eia.report-book.statutory',
    length: 60,
    unit: 'working',
    warnBefore: 10,
    direction: 'after-start',
    label: { zh: '环境影响报告书审批（法定时限）', en: 'EIA report book decision (statutory)' },
    source: `《中华人民共和国环境影响评价法》第二十二条（收到报告书之日起六十日内）；《建设项目环境保护管理条例》第九条；${XKF82}`,
    sourceEn: `${EIA_LAW_EN}, Art. 22 (within sixty days of receiving the report book); ${CONSTRUCTION_REGS_EN}, Art. 9; ${XKF82_EN}`,
    note: '技术评估、专家评审期间暂停计时（行政许可法第四十五条）',
    noteEn: 'paused during technical assessment and expert review (Administrative Licensing Law, Art. 45)',
  },
  {
    key: 'eia.report-book.promised',
    length: 20,
    unit: 'working',
    warnBefore: 4,
    direction: 'after-start',
    label: { zh: '环境影响报告书审批（承诺时限）', en: 'EIA report book decision (promised)' },
    source: '承诺时限：参照萍乡市芦溪县做法，法定 60 日压缩为 20 个工作日；本局可调整',
    sourceEn:
      'promised time limit: following the practice of Luxi County, Pingxiang, the statutory 60 days are cut to 20 working days; this bureau may change it',
  },
  {
    key: 'eia.report-form.statutory',
    length: 30,
    unit: 'working',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '环境影响报告表审批（法定时限）', en: 'EIA report form decision (statutory)' },
    source: `《中华人民共和国环境影响评价法》第二十二条（收到报告表之日起三十日内）；《建设项目环境保护管理条例》第九条；${XKF82}`,
    sourceEn: `${EIA_LAW_EN}, Art. 22 (within thirty days of receiving the report form); ${CONSTRUCTION_REGS_EN}, Art. 9; ${XKF82_EN}`,
  },
  {
    key: 'eia.report-form.promised',
    length: 7,
    unit: 'working',
    warnBefore: 2,
    direction: 'after-start',
    label: { zh: '环境影响报告表审批（承诺时限）', en: 'EIA report form decision (promised)' },
    source: '承诺时限：参照萍乡市芦溪县做法，法定 30 日压缩为 7 个工作日；本局可调整',
    sourceEn:
      'promised time limit: following the practice of Luxi County, Pingxiang, the statutory 30 days are cut to 7 working days; this bureau may change it',
  },
  {
    key: 'eia.commitment.publicity',
    length: 5,
    unit: 'working',
    warnBefore: 1,
    direction: 'after-start',
    label: { zh: '告知承诺制审批公示期', en: 'commitment-path EIA: publicity period' },
    source: '参照江西省宜春市上高县 2024 年做法：申请及承诺公示 5 个工作日；本局可调整',
    sourceEn:
      'following the 2024 practice of Shanggao County, Yichun, Jiangxi: the application and the commitment are publicised for 5 working days; this bureau may change it',
  },
  {
    key: 'eia.commitment.decision',
    length: 1,
    unit: 'working',
    warnBefore: 0,
    direction: 'after-start',
    label: { zh: '告知承诺制公示期满后作出审批决定', en: 'commitment-path EIA: decision after publicity' },
    source: '参照江西省宜春市上高县做法：公示期满后 1 个工作日内作出决定；本局可调整',
    sourceEn:
      'following the practice of Shanggao County, Yichun, Jiangxi: a decision within 1 working day after the publicity period ends; this bureau may change it',
  },
  {
    key: 'eia.commitment.verification',
    length: 30,
    unit: 'calendar',
    warnBefore: 7,
    direction: 'after-start',
    label: { zh: '告知承诺制事后核查', en: 'commitment verification after approval' },
    source: '参照广州市环评告知承诺制实施细则（2021）：审批后 30 日内复核；未见全国统一时限',
    sourceEn:
      'following Guangzhou’s implementing rules for the EIA notification and commitment system (2021): verification within 30 days of approval; no national time limit found',
  },
  {
    key: 'permit.simplified',
    length: 20,
    unit: 'working',
    warnBefore: 4,
    direction: 'after-start',
    label: { zh: '排污许可证审批（简化管理）', en: 'discharge permit decision (simplified management)' },
    source: `《排污许可管理条例》第十二条（简化管理 20 日）；${XKF82}`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 12 (simplified management: 20 days); ${XKF82_EN}`,
  },
  {
    key: 'permit.key',
    length: 30,
    unit: 'working',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '排污许可证审批（重点管理）', en: 'discharge permit decision (key management)' },
    source: `《排污许可管理条例》第十二条（重点管理 30 日）；${XKF82}`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 12 (key management: 30 days); ${XKF82_EN}`,
  },
  {
    key: 'permit.key-onsite',
    length: 45,
    unit: 'working',
    warnBefore: 7,
    direction: 'after-start',
    label: { zh: '排污许可证审批（重点管理，需现场核查）', en: 'discharge permit decision (key, with on-site check)' },
    source: `《排污许可管理条例》第十二条（需要进行现场核查的 45 日）；${XKF82}`,
    sourceEn: `${PERMIT_REGS_EN}, Art. 12 (45 days where an on-site check is needed); ${XKF82_EN}`,
  },
  {
    key: 'permit.renewal-lead',
    binds: 'party',
    length: 60,
    unit: 'calendar',
    warnBefore: 30,
    direction: 'before-anchor',
    label: { zh: '排污许可证延续申请（有效期届满前）', en: 'discharge permit renewal: apply before expiry' },
    source: '《排污许可管理条例》第十四条（有效期 5 年；届满 60 日前向审批部门提出申请）',
    sourceEn: `${PERMIT_REGS_EN}, Art. 14 (valid for 5 years; the renewal is applied for to the approving authority 60 days before expiry)`,
    note: '企业的申请期限，按自然日',
    noteEn: 'the enterprise’s lead time, in calendar days',
  },
  {
    key: 'petition.acceptance-notice',
    length: 15,
    unit: 'calendar',
    warnBefore: 3,
    direction: 'after-start',
    label: { zh: '信访事项书面告知是否受理', en: 'petition: written notice of acceptance' },
    source: '《信访工作条例》第二十三条（15 日内书面告知）',
    sourceEn: `${PETITION_REGS_EN}, Art. 23 (written notice within 15 days)`,
  },
  {
    key: 'petition.referral-objection',
    length: 5,
    unit: 'working',
    warnBefore: 1,
    direction: 'after-start',
    label: { zh: '转送、交办信访事项不属本机关职权的异议', en: 'petition: objection to a misrouted referral' },
    source: '《信访工作条例》第二十三条（5 个工作日内提出异议）',
    sourceEn: `${PETITION_REGS_EN}, Art. 23 (an objection within 5 working days)`,
  },
  {
    key: 'petition.resolution',
    length: 60,
    unit: 'calendar',
    warnBefore: 10,
    direction: 'after-start',
    label: { zh: '信访事项办结', en: 'petition: resolution' },
    source: '《信访工作条例》第三十四条（第三十一条第六项所列信访事项自受理之日起 60 日内办结）',
    sourceEn: `${PETITION_REGS_EN}, Art. 34 (matters listed in Art. 31, item (6), are resolved within 60 days of acceptance)`,
    note: '只适用于作为信访办理的申诉求决类事项；建议意见类、检举控告类和转入其他法定程序的事项按各自程序',
    noteEn:
      'only for claims and requests handled as petitions; suggestions, accusations and matters routed into another legal procedure follow their own procedure',
  },
  {
    key: 'petition.extension',
    length: 30,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '信访事项延期办理（最长）', en: 'petition: extension (maximum)' },
    source: '《信访工作条例》第三十四条（经本机关负责人批准可适当延长，延长期限不得超过 30 日）',
    sourceEn: `${PETITION_REGS_EN}, Art. 34 (may be extended with the approval of the body’s head, by no more than 30 days)`,
    note: '作为 petition.resolution 的延期天数上限使用',
    noteEn: 'used as the cap on extensions of petition.resolution',
  },
  {
    key: 'petition.review-request',
    binds: 'party',
    rollsOver: true,
    length: 30,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '请求复查期限', en: 'petition: time to request a review' },
    source:
      '《信访工作条例》第三十五条（自收到书面答复之日起 30 日内请求上一级机关复查）；期限最后一日是法定休假日的，以休假日结束的次日为最后一日（《民法典》第二百零三条）',
    sourceEn: `${PETITION_REGS_EN}, Art. 35 (a review by the body one level up is requested within 30 days of receiving the written answer); ${ROLLS_OVER_EN}`,
    note: '自信访人收到处理意见书之日起算；逾期提出的请求照常登记并移送，由复查机关决定',
    noteEn:
      'counted from the day the petitioner receives the written decision; a late request is still recorded and transmitted, and the reviewing body decides',
  },
  {
    key: 'petition.review-transmit',
    length: 5,
    unit: 'working',
    warnBefore: 1,
    direction: 'after-start',
    label: { zh: '复查请求及案卷移送上一级机关', en: 'petition: transmit the review request and file' },
    source:
      '本局默认（《信访工作条例》第三十五条规定复查由上一级机关办理，未规定原办理机关移送案卷的时限）：收到复查请求后 5 个工作日内移送',
    sourceEn: `this bureau’s default (${PETITION_REGS_EN}, Art. 35 gives the review to the body one level up but sets no time for the original body to transmit the file): transmitted within 5 working days of receiving the review request`,
    note: '复查机关 30 日内提出复查意见是上一级机关的期限，不在本局计时',
    noteEn: 'the reviewing body’s 30 days to answer are the period of the body one level up, not timed by this bureau',
  },
  {
    key: 'petition.review-answer',
    length: 30,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '复查意见（上一级机关）', en: 'petition: review answer (next level up)' },
    source: '《信访工作条例》第三十五条（复查机关自收到复查请求之日起 30 日内提出复查意见）',
    sourceEn: `${PETITION_REGS_EN}, Art. 35 (the reviewing body answers within 30 days of receiving the review request)`,
    note: '上一级机关的期限，本局不计时、不出具复查意见',
    noteEn: 'the period of the body one level up; this bureau neither times it nor gives the review answer',
  },
  {
    key: 'petition.re-review-request',
    binds: 'party',
    rollsOver: true,
    length: 30,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '请求复核期限', en: 'petition: time to request a re-review' },
    source:
      '《信访工作条例》第三十六条（自收到复查意见之日起 30 日内请求复核）；期限最后一日是法定休假日的，以休假日结束的次日为最后一日（《民法典》第二百零三条）',
    sourceEn: `${PETITION_REGS_EN}, Art. 36 (a re-review is requested within 30 days of receiving the review answer); ${ROLLS_OVER_EN}`,
    note: '自信访人收到复查意见之日起算；逾期提出的请求照常登记',
    noteEn: 'counted from the day the petitioner receives the review answer; a late request is still recorded',
  },
  {
    key: 'petition.re-review-transmit',
    length: 5,
    unit: 'working',
    warnBefore: 1,
    direction: 'after-start',
    label: { zh: '复核请求移送复核机关', en: 'petition: transmit the re-review request' },
    source:
      '本局默认（《信访工作条例》第三十六条规定复核由复查机关的上一级机关办理，未规定移送时限）：收到复核请求后 5 个工作日内移送',
    sourceEn: `this bureau’s default (${PETITION_REGS_EN}, Art. 36 gives the re-review to the body one level above the reviewing body but sets no time for transmitting the request): transmitted within 5 working days of receiving the re-review request`,
  },
  {
    key: 'petition.re-review-answer',
    length: 30,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '复核意见（复核机关）', en: 'petition: re-review answer (re-reviewing body)' },
    source: '《信访工作条例》第三十六条（复核机关 30 日内提出复核意见；听证时间不计算在内）',
    sourceEn: `${PETITION_REGS_EN}, Art. 36 (the re-reviewing body answers within 30 days; time taken by a hearing is not counted)`,
    note: '复核机关的期限，本局不计时、不出具复核意见',
    noteEn: 'the re-reviewing body’s period; this bureau neither times it nor gives the re-review answer',
  },
  {
    key: 'report.acceptance',
    length: 15,
    unit: 'calendar',
    warnBefore: 3,
    direction: 'after-start',
    label: { zh: '环保举报：告知是否受理', en: 'environmental report: tell whether accepted' },
    source: '《环保举报热线工作管理办法》（环境保护部令第15号，2011）：当场或 15 日内告知举报人是否受理',
    sourceEn: `${HOTLINE_EN}: the reporter is told on the spot or within 15 days whether the report is accepted`,
  },
  {
    key: 'report.handling',
    length: 60,
    unit: 'calendar',
    warnBefore: 10,
    direction: 'after-start',
    label: { zh: '环保举报：调查处理并答复', en: 'environmental report: investigate and answer' },
    source: '《环保举报热线工作管理办法》（环境保护部令第15号，2011）：自受理之日起 60 日内办结并答复举报人',
    sourceEn: `${HOTLINE_EN}: the report is handled and the reporter answered within 60 days of acceptance`,
    note: '举报件的办理期限，不是信访办理期限',
    noteEn: 'the report’s own period, not the petition period',
  },
  {
    key: 'report.extension',
    length: 30,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    label: { zh: '环保举报延期办理（最长）', en: 'environmental report: extension (maximum)' },
    source:
      '《环保举报热线工作管理办法》（环境保护部令第15号，2011）：情况复杂的，经本机关负责人批准可延长，最长不超过 30 日，并告知举报人延期理由',
    sourceEn: `${HOTLINE_EN}: in a complex case it may be extended with the approval of the body’s head, by no more than 30 days, and the reporter is told why`,
    note: '作为 report.handling 的延期天数上限使用',
    noteEn: 'used as the cap on extensions of report.handling',
  },
  {
    key: 'rating.rectify-contact',
    length: 1,
    unit: 'working',
    warnBefore: 0,
    direction: 'after-start',
    label: { zh: '差评回访联系', en: 'bad rating: contact the rater' },
    source: '国办发〔2019〕51号（差评整改、回访）；1 个工作日的时限参照河南省汝州市"123"做法，本局可调整',
    sourceEn:
      '国办发〔2019〕51号 (rectifying bad ratings, calling the rater back); the 1-working-day limit follows the "123" practice of Ruzhou, Henan; this bureau may change it',
  },
  {
    key: 'rating.rectify',
    length: 15,
    unit: 'working',
    warnBefore: 3,
    direction: 'after-start',
    label: { zh: '差评整改', en: 'bad rating: rectification' },
    source:
      '国办发〔2019〕51号（差评限期整改）；15 个工作日的时限参照四川省某市做法（各地 5–15 个工作日不等），本局可调整',
    sourceEn:
      '国办发〔2019〕51号 (bad ratings rectified within a set period); the 15-working-day limit follows the practice of a city in Sichuan (places range from 5 to 15 working days); this bureau may change it',
  },
  {
    key: 'device.fault-restore',
    length: 5,
    unit: 'working',
    warnBefore: 1,
    direction: 'after-start',
    label: { zh: '自动监测设备故障修复', en: 'monitoring device fault: restore' },
    source: '参照重庆市做法：故障 12 小时内报告，5 个工作日内修复；本局可调整',
    sourceEn:
      'following the practice of Chongqing: a fault is reported within 12 hours and repaired within 5 working days; this bureau may change it',
    note: '12 小时报告时限按小时计，不在本引擎内',
    noteEn: 'the 12-hour reporting limit is counted in hours and not handled by this deadline engine',
  },
  {
    key: 'reception.concern',
    length: 15,
    unit: 'working',
    warnBefore: 3,
    direction: 'after-start',
    label: { zh: '接待日诉求答复办结', en: 'reception-day concern: answer and resolve' },
    source: '本局默认（无法定时限）：接待日所提诉求 15 个工作日内答复办结',
    sourceEn:
      'this bureau’s default (no statutory limit): a concern raised on a reception day is answered and resolved within 15 working days',
  },
  {
    // A tracked project's next action is due on the day the officer set; the clock only makes an
    // overdue action visible in the worklist, so its length is one day after the planned date.
    key: 'project.next-action',
    length: 1,
    unit: 'calendar',
    warnBefore: 0,
    direction: 'after-start',
    label: { zh: '重大项目跟踪服务下一步行动', en: 'tracked project: next action' },
    source: '本局默认（跟踪服务）：按负责人确定的下一步行动日期提醒',
    sourceEn: 'this bureau’s default (tracked projects): a reminder on the next-action date the officer in charge set',
  },
] satisfies ClockProfileDefinition[]);

const profilesByKey = new Map(DEFAULT_CLOCK_PROFILES.map((p) => [p.key, p]));

export function clockProfileByKey(key: string): ClockProfileDefinition | undefined {
  return profilesByKey.get(key);
}

/** Unknown keys (a profile an admin added) bind the bureau: better an item too many than a duty lost. */
export function clockBinds(key: string): ClockBinds {
  return profilesByKey.get(key)?.binds ?? 'bureau';
}

/** Whether a profile's last day rolls over a holiday (民法典 第二百零三条); unknown keys do not. */
export function clockRollsOver(key: string): boolean {
  return profilesByKey.get(key)?.rollsOver === true;
}
