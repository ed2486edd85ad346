// The visit figures of the dashboard (rules.md §6): enterprise-visits and campaigns, each a tally
// over the period (per month, for the trend) and the records it counts, paged in SQL.
import { SERVICE_FIGURES, type ServiceFigureKey } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import { countOf, type FigureSource, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

const definition = (key: ServiceFigureKey) => SERVICE_FIGURES.find((f) => f.key === key)!;

const visitedIn = (p: Period) => sql`v.date between ${p.from}::date and ${p.to}::date`;
const startedIn = (p: Period) => sql`cp.start_date between ${p.from}::date and ${p.to}::date`;

export const VISITS_FIGURES: readonly FigureSource[] = [
  sqlFigure({
    ...definition('enterpriseVisits'),
    group: 'service',
    trend: true,
    tally: (p) => sql`select to_char(v.date, 'YYYY-MM') as month, count(*)::int as n
      from visit_enterprises ve join visits v on v.id = ve.visit_id
      where ${visitedIn(p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select ve.visit_id || ':' || ve.enterprise_id as id, v.date::text as date,
            ${word(lang, '上门服务', 'Door-to-door visit')}
              || case when v.led_by_leader then ${word(lang, '（领导带队）', ' (led by a bureau leader)')} else '' end
              || coalesce(${word(lang, '·', ' · ')} || cp.theme, '') as title,
            e.id as "enterpriseId", e.name as "enterpriseName",
            coalesce(ve.solved, v.summary) as detail, '/staff/visits/' || v.id as link
          from visit_enterprises ve join visits v on v.id = ve.visit_id join enterprises e on e.id = ve.enterprise_id
          left join campaigns cp on cp.id = v.campaign_id
          where ${visitedIn(p)}
          order by v.date, e.name, v.id`,
        page,
      ),
  }),
  sqlFigure({
    ...definition('campaigns'),
    group: 'service',
    trend: true,
    tally: (p) => sql`select to_char(cp.start_date, 'YYYY-MM') as month, count(*)::int as n
      from campaigns cp where ${startedIn(p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select cp.id::text as id, cp.start_date::text as date, cp.theme as title,
            null::uuid as "enterpriseId", null::text as "enterpriseName",
            cp.start_date::text || ${word(lang, ' 至 ', ' to ')} || cp.end_date::text || ${word(lang, '，走访 ', ', ')}
              || ${countOf(
                lang,
                sql`(select count(*) from visit_enterprises ve join visits v on v.id = ve.visit_id where v.campaign_id = cp.id)`,
                ' 户次',
                'enterprise-visit',
                'enterprise-visits',
              )} as detail,
            '/staff/visits?campaignId=' || cp.id as link
          from campaigns cp where ${startedIn(p)}
          order by cp.start_date, cp.id`,
        page,
      ),
  }),
];
