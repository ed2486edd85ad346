// The supervision figures of this module (issue 12): rectification orders and those rectified on
// time, enforcement cases (drawn firms and those inspected are the inspections module's figures,
// which keep an unpublished draw's names secret). Each is a tally over the
// period (per month, for the trend) and the records it counts, paged in SQL.
import type { FigureDefinition } from '@qingshan/core';
import { PENALTY_MEASURES_EN, RECTIFICATION_ORDER_STATUS_LABELS } from '@qingshan/core/site-inspections';
import { sql } from 'drizzle-orm';
import { type FigureSource, labelCase, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

const RECTIFY = '《生态环境行政处罚办法》（生态环境部令第30号）第九条：责令当事人改正或者限期改正违法行为';
const CASES = '《生态环境行政处罚办法》（生态环境部令第30号）：立案、调查取证、告知、决定、执行';
const MEASURES_EN = `${PENALTY_MEASURES_EN} (MEE Order No. 30)`;
const RECTIFY_EN = `${MEASURES_EN}, Art. 9: the party is ordered to correct the violation, at once or within a set period`;
const CASES_EN = `${MEASURES_EN}: filing, investigation, notice, decision, execution`;

const DEFINITIONS = {
  rectificationOrders: {
    key: 'rectificationOrders',
    label: { zh: '责令整改', en: 'rectification orders' },
    unit: { zh: '项', en: 'orders' },
    definition: { zh: '期间内检查发现问题下达的责令整改（按下达日期）', en: 'Orders issued in the period' },
    source: RECTIFY,
    sourceEn: RECTIFY_EN,
  },
  rectifiedOnTime: {
    key: 'rectifiedOnTime',
    label: { zh: '按期整改到位', en: 'rectified on time' },
    unit: { zh: '项', en: 'orders' },
    definition: {
      zh: '期间内核查通过、且通过的整改情况在期限内提交的责令整改（按核查日期；期限以期限引擎为准）',
      en: 'Orders verified in the period whose accepted answer came within the clock’s deadline',
    },
    source: RECTIFY,
    sourceEn: RECTIFY_EN,
  },
  enforcementCases: {
    key: 'enforcementCases',
    label: { zh: '立案查处', en: 'enforcement cases' },
    unit: { zh: '件', en: 'cases' },
    definition: { zh: '期间内立案的环境行政处罚案件（按立案日期）', en: 'Penalty cases filed in the period' },
    source: CASES,
    sourceEn: CASES_EN,
  },
} satisfies Record<string, FigureDefinition>;

const day = (col: string) => sql.raw(`(${col} at time zone 'Asia/Shanghai')::date`);
const within = (expr: ReturnType<typeof day>, p: Period) => sql`${expr} between ${p.from}::date and ${p.to}::date`;

export const SITE_INSPECTION_FIGURES: readonly FigureSource[] = [
  sqlFigure({
    ...DEFINITIONS.rectificationOrders,
    group: 'supervision',
    trend: true,
    tally: (p) => sql`select to_char(${day('o.created_at')}, 'YYYY-MM') as month, count(*)::int as n
      from rectification_orders o where ${within(day('o.created_at'), p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select o.id::text as id, ${day('o.created_at')}::text as date, f.description as title,
            e.id as "enterpriseId", e.name as "enterpriseName",
            ${labelCase(sql`o.status`, RECTIFICATION_ORDER_STATUS_LABELS, lang)} as detail,
            '/staff/rectifications/' || o.id as link
          from rectification_orders o join inspection_findings f on f.id = o.finding_id
          join enterprises e on e.id = o.enterprise_id
          where ${within(day('o.created_at'), p)} order by o.created_at, o.id`,
        page,
      ),
  }),
  sqlFigure({
    ...DEFINITIONS.rectifiedOnTime,
    group: 'supervision',
    trend: true,
    tally: (p) => sql`select to_char(${day('a.verified_at')}, 'YYYY-MM') as month, count(*)::int as n
      from rectification_orders o join rectification_answers a on a.order_id = o.id and a.verdict = 'accepted'
      where o.on_time = 1 and ${within(day('a.verified_at'), p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select o.id::text as id, ${day('a.verified_at')}::text as date, f.description as title,
            e.id as "enterpriseId", e.name as "enterpriseName",
            ${word(lang, '整改情况提交于 ', 'answer submitted on ')} || to_char(a.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
              || ${word(lang, '，核查人 ', ', verified by ')} || a.verified_by_name as detail,
            '/staff/rectifications/' || o.id as link
          from rectification_orders o join rectification_answers a on a.order_id = o.id and a.verdict = 'accepted'
          join inspection_findings f on f.id = o.finding_id join enterprises e on e.id = o.enterprise_id
          where o.on_time = 1 and ${within(day('a.verified_at'), p)} order by a.verified_at, o.id`,
        page,
      ),
  }),
  sqlFigure({
    ...DEFINITIONS.enforcementCases,
    group: 'supervision',
    trend: true,
    tally: (p) => sql`select to_char(${day('c.created_at')}, 'YYYY-MM') as month, count(*)::int as n
      from enforcement_cases c where ${within(day('c.created_at'), p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select c.id::text as id, ${day('c.created_at')}::text as date, c.title as title,
            e.id as "enterpriseId", e.name as "enterpriseName",
            case when c.decision_number is not null then ${word(lang, '处罚决定 ', 'penalty decision ')} || c.decision_number
                || ${word(lang, '，罚款 ', ', fine ')} || c.penalty_amount::text || ${word(lang, ' 元', ' yuan')}
              else ${word(lang, '办理中', 'in progress')} end as detail,
            '/staff/enforcement-cases/' || c.id as link
          from enforcement_cases c join enterprises e on e.id = c.enterprise_id
          where ${within(day('c.created_at'), p)} order by c.created_at, c.id`,
        page,
      ),
  }),
];
