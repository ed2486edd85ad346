// The application figures of the dashboard (rules.md §5 一次办清, §6): applications decided in the
// period, those decided within their time limit (the clock's verdict at the decision), and those
// where the applicant came in person at most once. Each lists its records, paged in SQL.
import { type SQL, sql } from 'drizzle-orm';
import { periodInstants } from '../figures/period.ts';
import { type FigureSource, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

const SOURCE_ON_TIME = '《中华人民共和国行政许可法》第四十二条、第八十二条；《优化营商环境条例》第三十六条（限时办结）';
const SOURCE_ONE_VISIT = '《优化营商环境条例》第三十六条（一次办结）；本局"材料齐全一次办清"承诺';
const BUSINESS_ENV_EN = 'Regulations on Optimising the Business Environment';
const SOURCE_ON_TIME_EN = `Administrative Licensing Law, Art. 42 and 82; ${BUSINESS_ENV_EN}, Art. 36 (handled within a time limit)`;
const SOURCE_ONE_VISIT_EN = `${BUSINESS_ENV_EN}, Art. 36 (handled in one go); this bureau’s promise that an application with complete materials is handled in one visit`;

const visitsOf = sql`(select count(*) from application_visits v where v.application_id = a.id)`;

function decidedIn(p: Period): SQL {
  const [from, to] = periodInstants(p);
  return sql`a.decided_at >= ${from.toISOString()}::timestamptz and a.decided_at < ${to.toISOString()}::timestamptz`;
}

const FILTERS = {
  all: sql``,
  withLimit: sql`and a.decided_on_time is not null`,
  onTime: sql`and a.decided_on_time`,
  oneVisit: sql`and ${visitsOf} <= 1`,
};
type Filter = keyof typeof FILTERS;

function applicationFigure(
  filter: Filter,
  f: Pick<FigureSource, 'key' | 'label' | 'definition' | 'source' | 'sourceEn'>,
) {
  return sqlFigure({
    ...f,
    group: 'applications',
    unit: { zh: '件', en: 'applications' },
    trend: true,
    tally: (p) => sql`select to_char(a.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
      from applications a where ${decidedIn(p)} ${FILTERS[filter]} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select a.id::text as id, to_char(a.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date,
            a.code || ' ' || a.matter_name || ${word(lang, '：', ': ')} || a.project_name as title,
            e.id as "enterpriseId", e.name as "enterpriseName",
            coalesce(a.decision_number || ' ', '') || case a.status when 'approved' then ${word(lang, '准予许可', 'approved')}
                else ${word(lang, '不予许可', 'refused')} end
              || case when a.decided_on_time is null then ${word(lang, '，无法定时限', ', no statutory time limit')}
                when a.decided_on_time then ${word(lang, '，按时办结', ', decided on time')}
                else ${word(lang, '，超期办结', ', decided late')} end
              || ${lang === 'en' ? sql`', visits in person: ' || ${visitsOf}` : sql`'，到现场 ' || ${visitsOf} || ' 次'`} as detail,
            '/staff/applications/' || a.id as link
          from applications a join enterprises e on e.id = a.enterprise_id
          where ${decidedIn(p)} ${FILTERS[filter]}
          order by a.decided_at, a.id`,
        page,
      ),
  });
}

export const APPLICATION_FIGURES: readonly FigureSource[] = [
  applicationFigure('all', {
    key: 'applicationsDecided',
    label: { zh: '申请办结', en: 'applications decided' },
    definition: {
      zh: '期间内作出准予或不予许可决定的申请件数，即一次办结率的分母（一次办结率 = 一次办结 ÷ 本数）',
      en: 'applications decided (approved or refused) in the period: the denominator of the one-visit rate (one visit ÷ this)',
    },
    source: SOURCE_ON_TIME,
    sourceEn: SOURCE_ON_TIME_EN,
  }),
  applicationFigure('withLimit', {
    key: 'applicationsDecidedWithLimit',
    label: { zh: '申请办结（适用办理时限）', en: 'applications decided that had a time limit' },
    definition: {
      zh: '期间内办结且事项设有办理时限的申请件数，即按时办结率的分母（按时办结率 = 申请按时办结 ÷ 本数）',
      en: 'applications decided in the period whose matter has a time limit: the denominator of the on-time rate',
    },
    source: SOURCE_ON_TIME,
    sourceEn: SOURCE_ON_TIME_EN,
  }),
  applicationFigure('onTime', {
    key: 'applicationsOnTime',
    label: { zh: '申请按时办结', en: 'applications decided on time' },
    definition: {
      zh: '期间内作出决定、且在办理时限内办结的申请件数（补正等待、专家评审时间不计入时限）；按时办结率 = 本数 ÷ 申请办结（适用办理时限）',
      en: 'applications decided in the period within their time limit (supplement waits and expert review not counted); on-time rate = this ÷ applications decided that had a time limit',
    },
    source: SOURCE_ON_TIME,
    sourceEn: SOURCE_ON_TIME_EN,
  }),
  applicationFigure('oneVisit', {
    key: 'oneVisitRate',
    label: { zh: '一次办结（最多跑一次）', en: 'decided with at most one visit' },
    definition: {
      zh: '期间内办结、申请人到现场不超过一次的申请件数（网上办理未到现场的计入）；一次办结率 = 本数 ÷ 申请办结',
      en: 'applications decided in the period for which the applicant came in person at most once (online with no visit included); one-visit rate = this ÷ applications decided',
    },
    source: SOURCE_ONE_VISIT,
    sourceEn: SOURCE_ONE_VISIT_EN,
  }),
];
