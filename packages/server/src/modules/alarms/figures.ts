// Alarm figures for the dashboard (rules.md §4): raised (by raised_at), answered in time (raised in
// the period and answered within the 2 h before escalation) and closed (by closed_at), each over
// whole Shanghai days. Station online rate and data capture rate belong to the monitoring module's
// stations and readings, not here.
import {
  ALARM_ESCALATE_AFTER_MINUTES,
  ALARM_ESCALATION_SOURCE,
  ALARM_ESCALATION_SOURCE_EN,
  ALARM_STATE_LABELS,
} from '@qingshan/core/alarms';
import { type SQL, sql } from 'drizzle-orm';
import { periodInstants } from '../figures/period.ts';
import { type FigureSource, labelCase, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

type Filter = 'raised' | 'answeredInTime' | 'closed';

const ALARM_RULES = '本局报警处置规则（在线监测与分表计电报警）';
const ALARM_RULES_EN = 'this bureau’s alarm handling rules (online-monitoring and sub-metering alarms)';

function where(filter: Filter, p: Period): SQL {
  const [from, to] = periodInstants(p);
  const f = from.toISOString();
  const t = to.toISOString();
  if (filter === 'closed')
    return sql`a.closed_at is not null and a.closed_at >= ${f}::timestamptz and a.closed_at < ${t}::timestamptz`;
  const raised = sql`a.raised_at >= ${f}::timestamptz and a.raised_at < ${t}::timestamptz`;
  if (filter === 'raised') return raised;
  return sql`${raised} and a.answered_at is not null
    and a.answered_at <= a.raised_at + make_interval(mins => ${ALARM_ESCALATE_AFTER_MINUTES}::int)`;
}

function alarmFigure(
  filter: Filter,
  f: Pick<FigureSource, 'key' | 'label' | 'definition' | 'source' | 'sourceEn'>,
): FigureSource {
  return sqlFigure({
    ...f,
    group: 'alarms',
    unit: { zh: '次', en: 'alarms' },
    trend: true,
    tally: (
      p,
    ) => sql`select to_char(${filter === 'closed' ? sql`a.closed_at` : sql`a.raised_at`} at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
        count(*)::int as n from alarms a where ${where(filter, p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select a.id::text as id,
            to_char(${filter === 'closed' ? sql`a.closed_at` : sql`a.raised_at`} at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date,
            a.source_name || ' · ' || ${lang === 'en' ? sql`coalesce(a.detail_en, a.detail)` : sql`a.detail`} as title, a.enterprise_id::text as "enterpriseId", e.name as "enterpriseName",
            ${labelCase(sql`a.state`, ALARM_STATE_LABELS, lang)}
              || case when a.answered_at is null then ${word(lang, '，未答复', ', not answered')}
                else ${word(lang, '，已答复', ', answered')} end as detail,
            '/staff/alarms/' || a.id::text as link
          from alarms a join enterprises e on e.id = a.enterprise_id
          where ${where(filter, p)} order by 2, a.id`,
        page,
      ),
  });
}

export const ALARM_FIGURES: readonly FigureSource[] = [
  alarmFigure('raised', {
    key: 'alarmsRaised',
    label: { zh: '产生报警', en: 'alarms raised' },
    definition: {
      zh: '期间内产生的在线监测和分表计电报警（同一来源同一规则持续报警只计一次）',
      en: 'online-monitoring and sub-metering alarms raised in the period (one per source and rule while it lasts)',
    },
    source: ALARM_RULES,
    sourceEn: ALARM_RULES_EN,
  }),
  alarmFigure('answeredInTime', {
    key: 'alarmsAnsweredInTime',
    label: { zh: '按时答复报警', en: 'alarms answered in time' },
    definition: {
      zh: `期间内产生、企业在${ALARM_ESCALATE_AFTER_MINUTES / 60}小时内答复（说明原因和措施）的报警`,
      en: `alarms raised in the period that the enterprise answered within ${ALARM_ESCALATE_AFTER_MINUTES / 60} hours`,
    },
    source: ALARM_ESCALATION_SOURCE,
    sourceEn: ALARM_ESCALATION_SOURCE_EN,
  }),
  alarmFigure('closed', {
    key: 'alarmsClosed',
    label: { zh: '审核关闭报警', en: 'alarms closed' },
    definition: {
      zh: '期间内经执法人员审核关闭的报警（确认属实或排除误报）',
      en: 'alarms an officer reviewed and closed in the period (confirmed or dismissed)',
    },
    source: ALARM_RULES,
    sourceEn: ALARM_RULES_EN,
  }),
];
