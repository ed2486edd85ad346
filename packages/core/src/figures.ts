/**
 * The service figures of the dashboard (rules.md §6): each is a count over records, defined here
 * once so the server's query, the dashboard card and the export say the same thing.
 */
import { z } from 'zod';
import { BUREAU_NAME, BUREAU_NAME_EN } from './bureau.ts';
import { addCalendarDays, isDateString } from './calendar/dates.ts';
import type { MessageTable } from './messages.ts';
import { isoDateSchema as isoDate } from './text.ts';

/** The figures the bureau reported for 2020 (its "放管服" work report, to 30 November), as counted here. */
const FIGURES_SOURCE = `${BUREAU_NAME}"放管服"改革工作报道（2020 年）的统计口径`;
/** Reception days: the bureau's monthly 服务企业接待日 and 服务群众接待日. */
const RECEPTION_SOURCE = '本局服务企业接待日、服务群众接待日制度（"放管服"改革工作报道，2020 年）';
/** The bureau's 2020 "放管服" work report, named in English (the reform's usual English name). */
export const REFORM_REPORT_2020_EN = `the 2020 work report (${BUREAU_NAME_EN}) on the reform to streamline administration, delegate power and improve services`;
const FIGURES_SOURCE_EN = `as counted in ${REFORM_REPORT_2020_EN}`;
const RECEPTION_SOURCE_EN = `this bureau’s reception days for enterprises and for the public (${REFORM_REPORT_2020_EN})`;

export type FigureDefinition = {
  key: string;
  label: { zh: string; en: string };
  unit: { zh: string; en: string };
  definition: { zh: string; en: string };
  /** where the definition comes from */
  source: string;
  /** the same source in English, for staff reading the platform in English */
  sourceEn: string;
};

export const SERVICE_FIGURES = [
  {
    key: 'enterpriseVisits',
    label: { zh: '上门服务企业', en: 'enterprise visits' },
    unit: { zh: '户次', en: 'enterprise-visits' },
    definition: {
      zh: '期间内上门服务的企业户次：一次走访 3 家企业计 3 户次',
      en: 'enterprise-visits in the period: a visit to 3 enterprises counts 3',
    },
    source: FIGURES_SOURCE,
    sourceEn: FIGURES_SOURCE_EN,
  },
  {
    key: 'campaigns',
    label: { zh: '集中下沉式服务', en: 'concentrated campaigns' },
    unit: { zh: '次', en: 'campaigns' },
    definition: {
      zh: '期间内开始的集中下沉式服务活动次数',
      en: 'campaigns held (started) in the period',
    },
    source: FIGURES_SOURCE,
    sourceEn: FIGURES_SOURCE_EN,
  },
  {
    key: 'receptionEnterprises',
    label: { zh: '接待企业', en: 'enterprises received' },
    unit: { zh: '家', en: 'enterprises' },
    definition: {
      zh: '期间内接待日到场的不同企业数（同一企业多次到场计 1 家）',
      en: 'distinct enterprises received at reception days in the period',
    },
    source: FIGURES_SOURCE,
    sourceEn: FIGURES_SOURCE_EN,
  },
  {
    key: 'receptionPeople',
    label: { zh: '接待', en: 'people received' },
    unit: { zh: '人次', en: 'person-visits' },
    definition: {
      zh: '期间内企业接待日和群众接待日到场的人次',
      en: 'people received at reception days (enterprise and public days) in the period',
    },
    source: FIGURES_SOURCE,
    sourceEn: FIGURES_SOURCE_EN,
  },
  {
    key: 'receptionConcernsAccepted',
    label: { zh: '受理问题', en: 'concerns accepted' },
    unit: { zh: '个', en: 'concerns' },
    definition: {
      zh: '期间内接待日提出并受理的问题数',
      en: 'concerns raised at reception days in the period that were accepted',
    },
    source: RECEPTION_SOURCE,
    sourceEn: RECEPTION_SOURCE_EN,
  },
  {
    key: 'receptionConcernsResolved',
    label: { zh: '受理并解决问题', en: 'concerns accepted and resolved' },
    unit: { zh: '个', en: 'concerns' },
    definition: {
      zh: '期间内接待日提出、已受理且在期末前解决的问题数',
      en: 'concerns raised at reception days in the period, accepted and resolved by its end',
    },
    source: FIGURES_SOURCE,
    sourceEn: FIGURES_SOURCE_EN,
  },
] as const satisfies readonly FigureDefinition[];

export type ServiceFigureKey = (typeof SERVICE_FIGURES)[number]['key'];

export function figureDefinition(key: string): FigureDefinition | undefined {
  return (SERVICE_FIGURES as readonly FigureDefinition[]).find((f) => f.key === key);
}

/** The article's counting period (2020 service year up to the report, 2020-11-30). */
export const ARTICLE_PERIOD = { from: '2020-01-01', to: '2020-11-30' } as const;

/**
 * A closed period of real calendar days (2020-02-30 is refused here, not by the database). How far
 * back and how long a period may be are rules (figures.earliest-date, figures.max-period-years),
 * checked by the server against the rule versions in force.
 */
export const periodSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'figures.period.toBeforeFrom' });

/** What a period refuses, in plain words (listed by the figures module, used by every period query). */
export const FIGURE_MESSAGES = {
  'figures.period.toBeforeFrom': {
    zh: '结束日期不能早于开始日期',
    en: 'the end date cannot be before the start date',
  },
} as const satisfies MessageTable;

/** The default period: 1 January of `today`'s year to `today`. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The period asked for, a missing end taken from the default. A lone end before this year starts
 * the period on 1 January of the end's year (as a lone start after today ends it on that day), so a
 * half-given period never comes out backwards.
 */
export function resolvePeriod(p: { from?: string | undefined; to?: string | undefined }, today: string) {
  const d = defaultPeriod(today);
  return {
    from: p.from ?? (p.to && p.to < d.from ? `${p.to.slice(0, 4)}-01-01` : d.from),
    to: p.to ?? (p.from && p.from > d.to ? p.from : d.to),
  };
}

/**
 * The last day a period starting on `from` may reach when periods are limited to `years` years:
 * 2020-01-01 and 10 give 2029-12-31; a start on 29 February ends on 28 February. A limit past
 * 9999-12-31, the last day a YYYY-MM-DD names, is that day (a start in 9995 is not an error).
 */
export function periodLimitEnd(from: string, years: number): string {
  const y = Number(from.slice(0, 4)) + years;
  if (y > 9999) return '9999-12-31';
  const md = from.slice(5);
  const sameDay = md === '02-29' && !isDateString(`${y}-02-29`) ? `${y}-03-01` : `${y}-${md}`;
  return addCalendarDays(sameDay, -1);
}

/**
 * 'YYYY-MM' of every month the period touches, in order. Months are counted as numbers
 * (year × 12 + month), never compared as text: '10000-01' sorts before '9999-12'.
 */
export function monthsOf(from: string, to: string): string[] {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from), end = index(to); i <= end; i++) {
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
