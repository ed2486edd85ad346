import { BUREAU_NAME } from './bureau.ts';
/**
 * The period report (阶段性工作情况报告): a Chinese text drafted from the dashboard figures in the
 * bureau's own reporting style — 放 (approvals), 管 (supervision), 服 (service) — as the bureau's
 * 2020 "放管服" report does ("截至11月30日，共计办理告知承诺制环评13个、环评豁免3个…"). Every sentence is a
 * template naming the figure keys it uses; a sentence is drafted only when all of its figures exist,
 * so a figure a module has not (yet) registered never turns into an invented number.
 */

import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { isoDateSchema } from './text.ts';

export const REPORT_SECTIONS = ['intro', 'fang', 'guan', 'fu', 'closing'] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_HEADINGS: Record<ReportSectionKey, { zh: string; en: string }> = {
  intro: { zh: '', en: '' },
  fang: { zh: '一、落实“放”的政策', en: '1. Streamlining approvals (放)' },
  guan: { zh: '二、创新“管”的方式', en: '2. Smarter supervision (管)' },
  fu: { zh: '三、提升“服”的质量', en: '3. Better service (服)' },
  closing: { zh: '', en: '' },
};

/** A figure as the drafter reads it: its value over the period and how the dashboard names it. */
export type ReportFigure = {
  key: string;
  value: number;
  label: { zh: string; en: string };
  unit: { zh: string; en: string };
  group?: string | undefined;
  /** a share (e.g. 有效传输率), not a count: 0 is a real result and is stated */
  rate?: boolean | undefined;
  /** a rate over nothing (no station in the period): it has no value, and the report never says 0 % */
  noData?: boolean | undefined;
};

/**
 * A sentence of the report. In `zh`, `{key}` is the figure's value and `{until}` the period's end;
 * `[…]` is a clause about its own figures: when one of them is 0 the clause reads as the text after
 * its `|` (nothing when there is none), so the report never spells out "0件" ("办结0件中按时办结0件"
 * reads as "未办结…"). Clauses nest; the innermost is decided first.
 */
export type SentenceTemplate = {
  id: string;
  section: ReportSectionKey;
  /** the figures the sentence states */
  keys: readonly string[];
  zh: string;
  /** the sentence when every figure is 0 ('' leaves the sentence out) */
  none?: string;
};

/**
 * The bureau's sentences, in the order they are read. Wording follows the 2020 report; a new
 * figure needs no template to be reported (see `otherFigureSentence`), a template only words it better.
 */
export const SENTENCE_TEMPLATES: readonly SentenceTemplate[] = [
  {
    id: 'fang.eia',
    section: 'fang',
    keys: ['commitmentEiaApproved', 'eiaExemptions'],
    zh: '在部分行业依法放宽环评审查标准、推行告知承诺制，{until}，共计办理[告知承诺制环评{commitmentEiaApproved}个、][环评豁免{eiaExemptions}个]，“放”了市场主体活力。',
    none: '在部分行业依法放宽环评审查标准、推行告知承诺制，{until}尚未办理告知承诺制环评和环评豁免。',
  },
  {
    id: 'fang.filings',
    section: 'fang',
    keys: ['eiaFilings'],
    zh: '办理环境影响登记表备案{eiaFilings}个。',
    none: '期间未办理环境影响登记表备案。',
  },
  {
    id: 'fang.applications',
    section: 'fang',
    keys: ['applicationsDecided', 'applicationsDecidedWithLimit', 'applicationsOnTime', 'oneVisitRate'],
    zh: '[办结行政许可申请{applicationsDecided}件|期间尚未办结行政许可申请][，其中设有办理时限的{applicationsDecidedWithLimit}件[中按时办结{applicationsOnTime}件|均未按时办结]][，申请人最多跑一次即办结{oneVisitRate}件]。',
    // "未办结行政许可申请" alone reads as "(there are) unfinished applications"
    none: '期间尚未办结行政许可申请。',
  },
  {
    id: 'guan.positiveList',
    section: 'guan',
    keys: ['positiveListFirms'],
    zh: '推行监督执法正面清单制度，{until}纳入正面清单企业{positiveListFirms}家，对清单内企业以非现场检查为主、无事不扰。',
    none: '推行监督执法正面清单制度，{until}尚无企业纳入正面清单。',
  },
  {
    id: 'guan.inspections',
    section: 'guan',
    keys: ['inspectionTargetsDrawn', 'inspectionsDone'],
    zh: '开展“双随机、一公开”抽查，[随机抽取检查对象{inspectionTargetsDrawn}家次[，已完成检查并公开结果{inspectionsDone}家次|，检查结果尚未公开]|期间尚未随机抽取检查对象]。',
  },
  {
    id: 'guan.rectification',
    section: 'guan',
    keys: ['rectificationOrders', 'rectifiedOnTime', 'enforcementCases'],
    zh: '[对检查发现的问题下达责令整改{rectificationOrders}项[，按期整改到位{rectifiedOnTime}项|，尚无按期整改到位的]；][立案查处环境违法案件{enforcementCases}件。|未立案查处环境违法案件。]',
  },
  {
    id: 'guan.clues',
    section: 'guan',
    keys: ['cluesVerified'],
    zh: '运用无人机巡查、遥感和视频监控发现问题线索，核查线索{cluesVerified}条。',
    none: '运用无人机巡查、遥感和视频监控发现问题线索，期间尚无核查完毕的线索。',
  },
  {
    id: 'guan.alarms',
    section: 'guan',
    keys: ['alarmsRaised', 'alarmsAnsweredInTime', 'alarmsClosed'],
    zh: '充分利用在线监控、用能监控等手段开展非现场监管，[发出预警提醒{alarmsRaised}条|未发出预警提醒][，按时响应{alarmsAnsweredInTime}条][，处置闭环{alarmsClosed}条]，及时提醒企业正常运行治污设施。',
    none: '充分利用在线监控、用能监控等手段开展非现场监管，期间未发出预警提醒。',
  },
  {
    id: 'fu.visits',
    section: 'fu',
    keys: ['enterpriseVisits', 'campaigns'],
    zh: '送服务上门助力企业健康发展，[组织上门服务企业达{enterpriseVisits}户次|尚未组织上门服务][，其中集中开展下沉式服务{campaigns}次]。',
  },
  {
    id: 'fu.appointments',
    section: 'fu',
    keys: ['bookingsRegular', 'bookingsExtended'],
    zh: '推行预约服务和延时服务，办理[工作时间内预约{bookingsRegular}次、][延时服务预约{bookingsExtended}次]。',
    none: '推行预约服务和延时服务，期间尚无预约。',
  },
  {
    id: 'fu.reception',
    section: 'fu',
    keys: ['receptionEnterprises', 'receptionPeople', 'receptionConcernsResolved'],
    zh: '办好“服务企业接待日”“服务群众接待日”，[共接待企业{receptionEnterprises}家，|][接待{receptionPeople}人次，][受理并解决问题{receptionConcernsResolved}个]。',
    none: '办好“服务企业接待日”“服务群众接待日”，期间尚无来访。',
  },
  {
    // worded here, next to the reception days, rather than as a bare "受理问题52个" in the closing
    // "此外" sentence, where it read as part of the ratings before it
    id: 'fu.receptionAccepted',
    section: 'fu',
    keys: ['receptionConcernsAccepted'],
    zh: '接待日共受理企业和群众反映的问题{receptionConcernsAccepted}个。',
    none: '',
  },
  {
    id: 'fu.petitions',
    section: 'fu',
    keys: ['petitionsClosed', 'petitionsClosedWithLimit', 'petitionsOnTime'],
    zh: '集中调处重点、难点信访案件，[办结信访事项{petitionsClosed}件|未办结信访事项][，其中有办理期限的{petitionsClosedWithLimit}件[中按期办结{petitionsOnTime}件|均未按期办结]]。',
  },
  {
    id: 'fu.policies',
    section: 'fu',
    keys: ['policyFirmsConcerned', 'policyFirmsDelivered', 'policyFirmsReached'],
    zh: '主动向企业推送惠企政策和通知公告，[发布的政策文件应触达企业{policyFirmsConcerned}户次，|][已送达{policyFirmsDelivered}户次|尚未送达][，企业已阅读{policyFirmsReached}户次]。',
    none: '期间未发布需向企业推送的政策文件。',
  },
  {
    id: 'fu.ratings',
    section: 'fu',
    keys: ['badRatings', 'badRatingsDue', 'badRatingsRectifiedOnTime'],
    // on time is counted over the bad ratings already rectified or past their due date; one still
    // within its due date is neither on time nor late, so it is in 收到 but not in the share
    zh: '开展政务服务“好差评”，[收到差评{badRatings}个[，其中已整改或整改期限已届满的{badRatingsDue}个[中按期整改{badRatingsRectifiedOnTime}个|均未按期整改]]|未收到差评]。',
  },
  {
    id: 'fu.ratingLevels',
    section: 'fu',
    keys: ['ratingsLevel5', 'ratingsLevel4', 'ratingsLevel3', 'ratingsLevel2', 'ratingsLevel1'],
    zh: '全部评价中，[“非常满意”{ratingsLevel5}个、][“满意”{ratingsLevel4}个、][“基本满意”{ratingsLevel3}个、][“不满意”{ratingsLevel2}个、][“非常不满意”{ratingsLevel1}个]。',
    none: '',
  },
];

/** Which section a figure without a template is reported in, by the group its module gave it. */
const GROUP_SECTIONS: Record<string, ReportSectionKey> = {
  eia: 'fang',
  applications: 'fang',
  permits: 'fang',
  alarms: 'guan',
  monitoring: 'guan',
  inspections: 'guan',
  'positive-list': 'guan',
  clues: 'guan',
  supervision: 'guan',
  service: 'fu',
  appointments: 'fu',
  petitions: 'fu',
  ratings: 'fu',
  reception: 'fu',
  visits: 'fu',
  disclosure: 'fu',
  // policy publicity (政策宣传) is a service to firms
  policies: 'fu',
};

export function sectionOfGroup(group: string | undefined): ReportSectionKey {
  // 管 is where the newest figures (inspections, positive list, clues) belong; an unknown group is
  // most likely one of them, and it is reported rather than dropped
  return (group && GROUP_SECTIONS[group]) || 'guan';
}

export type DraftFigureRef = { key: string; value: number };
export type DraftSentence = { id: string; text: string; figures: DraftFigureRef[] };
export type DraftSection = { key: ReportSectionKey; heading: string; sentences: DraftSentence[] };
export type ReportDraft = { title: string; from: string; to: string; sections: DraftSection[] };

/** 2020-11-30 → 2020年11月30日 */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "截至11月30日" within one year, "截至2021年3月31日" across years (the report reads from its first day). */
export function untilPhrase(from: string, to: string): string {
  const full = chineseDate(to);
  return `截至${from.slice(0, 4) === to.slice(0, 4) ? full.slice(full.indexOf('年') + 1) : full}`;
}

export function reportTitle(from: string, to: string): string {
  return `${BUREAU_NAME}“放管服”改革工作情况（${chineseDate(from)}至${chineseDate(to)}）`;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const INNERMOST_CLAUSE = /\[([^[\]]*)\]/;
// a figure placed in the text, kept apart from the placeholders still to decide until the end
const placed = (key: string) => `\uE000${key}\uE001`;
const PLACED = /\uE000([A-Za-z][A-Za-z0-9]*)\uE001/g;

/**
 * A template with its values filled in and the figures its text states, in order; null when one of
 * its figures is missing. A figure whose clause was left out (it is 0) is not stated.
 */
export function resolveTemplate(
  t: Pick<SentenceTemplate, 'keys' | 'zh' | 'none'>,
  values: ReadonlyMap<string, number>,
  period: { from: string; to: string },
): { text: string; stated: string[] } | null {
  if (!t.keys.every((k) => values.has(k))) return null;
  const zero = (k: string) => (values.get(k) ?? 0) === 0;
  let text = (t.none !== undefined && t.keys.every(zero) ? t.none : t.zh).replaceAll(
    '{until}',
    untilPhrase(period.from, period.to),
  );
  for (let m = INNERMOST_CLAUSE.exec(text); m; m = INNERMOST_CLAUSE.exec(text)) {
    const body = m[1]!;
    const bar = body.indexOf('|');
    const full = bar < 0 ? body : body.slice(0, bar);
    const empty = bar < 0 ? '' : body.slice(bar + 1);
    const own = [...full.matchAll(PLACEHOLDER)].map((x) => x[1]!);
    const chosen = own.some(zero) ? empty : full.replace(PLACEHOLDER, (_, k: string) => placed(k));
    text = text.slice(0, m.index) + chosen + text.slice(m.index + m[0].length);
  }
  text = text.replace(PLACEHOLDER, (_, k: string) => placed(k));
  const stated = [...text.matchAll(PLACED)].map((x) => x[1]!);
  text = text
    .replace(PLACED, (_, k: string) => String(values.get(k)))
    // a separator left before another mark by a clause that was left out ("13个、，" → "13个，")
    .replace(/[、，；]+(?=[，。；、])/g, '');
  return { text, stated };
}

/** A template with its values filled in; null when one of its figures is missing. */
export function fillTemplate(
  t: Pick<SentenceTemplate, 'keys' | 'zh' | 'none'>,
  values: ReadonlyMap<string, number>,
  period: { from: string; to: string },
): string | null {
  return resolveTemplate(t, values, period)?.text ?? null;
}

/**
 * One sentence for the figures of a section that no template words: "此外，X 3 个，Y 5 件。" A count of
 * 0 is left out, and so is a rate over nothing (a rate of nothing is not 0 %); a measured rate of 0 % stays.
 */
export function otherFigureSentence(figures: readonly ReportFigure[]): string | null {
  const stated = figures.filter(statedOther);
  if (!stated.length) return null;
  return `此外，${stated.map((f) => `${f.label.zh}${f.value}${f.unit.zh}`).join('，')}。`;
}

const statedOther = (f: ReportFigure) => (f.rate ? !f.noData : f.value !== 0);

/**
 * The draft of a period report from the figures of that period. Pure: the same figures give the same
 * text, so the report, its .docx and the monthly e-mail say the same thing.
 */
export function draftReport(period: { from: string; to: string }, figures: readonly ReportFigure[]): ReportDraft {
  const values = new Map(figures.map((f) => [f.key, f.value]));
  const used = new Set<string>();
  const sentences = new Map<ReportSectionKey, DraftSentence[]>(REPORT_SECTIONS.map((s) => [s, []]));
  sentences.get('intro')!.push({
    id: 'intro',
    text: `${chineseDate(period.from)}至${chineseDate(period.to)}，我局深入开展“放管服”改革，通过“送服务上门”“预约服务”“延时服务”“跟踪服务”等举措助力经济高质量发展。现将有关情况报告如下。`,
    figures: [],
  });
  for (const t of SENTENCE_TEMPLATES) {
    const r = resolveTemplate(t, values, period);
    if (r === null) continue;
    for (const k of t.keys) used.add(k);
    if (r.text === '') continue;
    sentences
      .get(t.section)!
      .push({ id: t.id, text: r.text, figures: r.stated.map((key) => ({ key, value: values.get(key)! })) });
  }
  for (const section of ['fang', 'guan', 'fu'] as const) {
    const rest = figures.filter((f) => !used.has(f.key) && sectionOfGroup(f.group) === section);
    const text = otherFigureSentence(rest);
    if (text) {
      sentences.get(section)!.push({
        id: `${section}.other`,
        text,
        figures: rest.filter(statedOther).map((f) => ({ key: f.key, value: f.value })),
      });
    }
  }
  sentences.get('closing')!.push({
    id: 'closing',
    text: '下一步，我局将不断深化“放管服”改革，持续优化营商环境，既保护好上栗的绿水青山，又推动绿水青山转化为金山银山。',
    figures: [],
  });
  return {
    title: reportTitle(period.from, period.to),
    from: period.from,
    to: period.to,
    sections: REPORT_SECTIONS.map((key) => ({
      key,
      heading: REPORT_SECTION_HEADINGS[key].zh,
      sentences: sentences.get(key)!,
    })).filter((s) => s.sentences.length > 0),
  };
}

export type TextSegment = { text: string } | { text: string; figure: string };

/**
 * A sentence cut into plain text and the numbers it states, each number tied to its figure so the
 * page can link it to the figure's records. Numbers are found in the (possibly edited) text in the
 * order the figures were drafted, as whole numbers only ("3" never matches inside "13"); a number
 * the editor removed simply has no link.
 */
export function figureSegments(text: string, figures: readonly DraftFigureRef[]): TextSegment[] {
  const out: TextSegment[] = [];
  let at = 0;
  for (const f of figures) {
    const needle = String(f.value);
    let i = text.indexOf(needle, at);
    while (i >= 0 && (/\d/.test(text[i - 1] ?? '') || /\d/.test(text[i + needle.length] ?? ''))) {
      i = text.indexOf(needle, i + 1);
    }
    if (i < 0) continue;
    if (i > at) out.push({ text: text.slice(at, i) });
    out.push({ text: needle, figure: f.key });
    at = i + needle.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

// ── what the API accepts ──────────────────────────────────────────────────────────────────────

const sentenceText = z.string().trim().min(1).max(2000);

/** A period the report is drafted for (bounded by the figures' rules on the server). */
export const reportPeriodSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'figures.period.toBeforeFrom' });

/**
 * An edit of a saved draft: the text only. The figures a sentence states stay those drafted (the
 * server keeps them by sentence id), so an edit can reword a number but never re-point its link.
 */
export const reportDraftEditSchema = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(200),
  sections: z
    .array(
      z.strictObject({
        key: z.enum(REPORT_SECTIONS),
        heading: z.string().trim().max(100),
        sentences: z.array(z.strictObject({ id: z.string().min(1).max(40), text: sentenceText })).max(40),
      }),
    )
    .min(1)
    .max(REPORT_SECTIONS.length),
  note: z.string().trim().max(200).optional(),
});
export type ReportDraftEdit = z.infer<typeof reportDraftEditSchema>;

/** The leaders' monthly report covers the previous calendar month. */
export function previousMonth(today: string): { month: string; from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const month = `${py}-${String(pm).padStart(2, '0')}`;
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Whether the monthly report for the month ending `monthTo` is due on an install first started on
 * `installedOn` (both dates in Asia/Shanghai): only a month that ended after the install is reported,
 * so a fresh install does not mail the leaders a report of a month it never saw (all zeros, or a
 * demo's figures) on its first start. A month the install saw part of is reported.
 */
export function monthlyReportDue(monthTo: string, installedOn: string): boolean {
  return monthTo >= installedOn;
}

/** A draft as plain text, sections separated by blank lines (the monthly e-mail's body). */
export function draftText(d: Pick<ReportDraft, 'title' | 'sections'>): string {
  return [
    d.title,
    ...d.sections.map((s) => [s.heading, s.sentences.map((x) => x.text).join('')].filter(Boolean).join('\n')),
  ].join('\n\n');
}

export const PERIOD_REPORT_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: ['period-report.draft.create', 'period-report.draft.update', 'period-report.mailing.send'],
  records: {
    'period-report.draft': { zh: '阶段报告稿', en: 'Period report draft' },
    'period-report.mailing': { zh: '月度报告邮件', en: 'Monthly report e-mail' },
  },
  actionLabels: {
    'period-report.draft.create': { zh: '生成阶段报告稿', en: 'Period report drafted' },
    'period-report.draft.update': { zh: '修改阶段报告稿（新增版本）', en: 'Period report edited (new version)' },
    'period-report.mailing.send': { zh: '发送月度报告邮件', en: 'Monthly report e-mailed' },
  },
  entityAliases: {
    'period-report-draft': 'period-report.draft',
    'period-report-mailing': 'period-report.mailing',
  },
  fields: {
    periodFrom: { zh: '统计期间起', en: 'period from' },
    periodTo: { zh: '统计期间止', en: 'period to' },
    sentences: { zh: '语句', en: 'sentences' },
    figures: { zh: '统计数字', en: 'figures' },
    month: { zh: '月份', en: 'month' },
    recipients: { zh: '接收人数', en: 'recipients' },
    auditHeadSeq: { zh: '审计日志末条序号', en: 'audit head sequence' },
    auditHeadHash: { zh: '审计日志末条哈希', en: 'audit head hash' },
    savedBy: { zh: '保存人', en: 'saved by' },
    savedByName: { zh: '保存人姓名', en: 'saved by (name)' },
    savedAt: { zh: '保存时间', en: 'saved at' },
    draftId: { zh: '报告稿编号', en: 'draft' },
    heading: { zh: '小标题', en: 'heading' },
    text: { zh: '文字', en: 'text' },
  },
};

// ── the leaders' SLA dashboard ────────────────────────────────────────────────────────────────

/** How a statutory clock stands for the dashboard: closed on time or late, or still open (and overdue or not). */
export const SLA_OUTCOMES = ['on-time', 'late', 'open-overdue', 'open'] as const;
export type SlaOutcome = (typeof SLA_OUTCOMES)[number];

/** Ways the leaders cut the clocks: by desk (the role it is assigned to), matter (its deadline), town, industry. */
export const SLA_DIMENSIONS = ['desk', 'matter', 'town', 'industry'] as const;
export type SlaDimension = (typeof SLA_DIMENSIONS)[number];

/** The numbers a dashboard cell can drill into. */
export const SLA_METRICS = ['completed', 'onTime', 'late', 'overdue', 'decided', 'oneVisit'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export type SlaRow = {
  id: string;
  desk: string;
  matter: string;
  town: string;
  industry: string;
  outcome: SlaOutcome;
  /** calendar days from start to completion, for closed clocks */
  days: number | null;
};

export type SlaGroup = {
  value: string;
  completed: number;
  onTime: number;
  late: number;
  overdue: number;
  /** on time ÷ completed; null when nothing was completed (a rate of nothing is not 0 %) */
  onTimeRate: number | null;
  averageDays: number | null;
};

export function slaRowMatches(row: Pick<SlaRow, 'outcome'>, metric: SlaMetric): boolean {
  switch (metric) {
    case 'completed':
      return row.outcome === 'on-time' || row.outcome === 'late';
    case 'onTime':
      return row.outcome === 'on-time';
    case 'late':
      return row.outcome === 'late';
    case 'overdue':
      return row.outcome === 'open-overdue';
    default:
      return false;
  }
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

/** Clocks alike in every dimension and in outcome, counted together (as a query groups them). */
export type SlaTally = Omit<SlaRow, 'id' | 'days'> & { clocks: number; daysSum: number; daysCount: number };

/** The clocks summed per value of one dimension, the most overdue first; rows or tallies of rows. */
export function slaGroups(rows: readonly (SlaRow | SlaTally)[], dim: SlaDimension | null): SlaGroup[] {
  const by = new Map<string, { onTime: number; late: number; overdue: number; daysSum: number; daysCount: number }>();
  for (const r of rows) {
    const v = dim ? r[dim] : '';
    const g = by.get(v) ?? { onTime: 0, late: 0, overdue: 0, daysSum: 0, daysCount: 0 };
    const n = 'clocks' in r ? r.clocks : 1;
    if (r.outcome === 'on-time') g.onTime += n;
    else if (r.outcome === 'late') g.late += n;
    else if (r.outcome === 'open-overdue') g.overdue += n;
    if ('clocks' in r) {
      g.daysSum += r.daysSum;
      g.daysCount += r.daysCount;
    } else if (r.days !== null) {
      g.daysSum += r.days;
      g.daysCount++;
    }
    by.set(v, g);
  }
  return [...by.entries()]
    .map(([value, g]) => ({
      value,
      completed: g.onTime + g.late,
      onTime: g.onTime,
      late: g.late,
      overdue: g.overdue,
      onTimeRate: rate(g.onTime, g.onTime + g.late),
      averageDays: g.daysCount ? Math.round((g.daysSum / g.daysCount) * 10) / 10 : null,
    }))
    .sort((a, b) => b.overdue - a.overdue || b.completed - a.completed || a.value.localeCompare(b.value));
}

export type OneVisitRow = { id: string; matter: string; town: string; industry: string; visits: number };
/** Applications alike in every dimension, counted together (as a query groups them). */
export type OneVisitTally = Omit<OneVisitRow, 'id' | 'visits'> & { decided: number; oneVisit: number };
export type OneVisitGroup = { value: string; decided: number; oneVisit: number; oneVisitRate: number | null };

/**
 * Decided applications per value of a dimension, with how many needed at most one visit (一次办结);
 * rows or tallies of rows.
 */
export function oneVisitGroups(
  rows: readonly (OneVisitRow | OneVisitTally)[],
  dim: Exclude<SlaDimension, 'desk'> | null,
): OneVisitGroup[] {
  const by = new Map<string, { decided: number; oneVisit: number }>();
  for (const r of rows) {
    const v = dim ? r[dim] : '';
    const g = by.get(v) ?? { decided: 0, oneVisit: 0 };
    if ('decided' in r) {
      g.decided += r.decided;
      g.oneVisit += r.oneVisit;
    } else {
      g.decided++;
      if (r.visits <= 1) g.oneVisit++;
    }
    by.set(v, g);
  }
  return [...by.entries()]
    .map(([value, g]) => ({ value, ...g, oneVisitRate: rate(g.oneVisit, g.decided) }))
    .sort((a, b) => b.decided - a.decided || a.value.localeCompare(b.value));
}

/**
 * Desks are the roles work is assigned to; the dashboard names them as the bureau does. The English
 * stands alone (a group's row, a chart's axis), so it starts with a capital.
 */
export const DESK_LABELS: Record<string, { zh: string; en: string }> = {
  clerk: { zh: '窗口受理', en: 'Service window' },
  approver: { zh: '审批股室', en: 'Approvals' },
  inspector: { zh: '执法大队', en: 'Enforcement' },
  monitor: { zh: '监控值守', en: 'Monitoring duty' },
  leader: { zh: '局领导', en: 'Leadership' },
  admin: { zh: '系统管理', en: 'Administration' },
  '': { zh: '未指派', en: 'Unassigned' },
};
