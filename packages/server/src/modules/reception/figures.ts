// The reception-day figures of the dashboard (rules.md §6): enterprises and people received,
// concerns accepted and resolved, each a tally over the period and the records it counts, paged in SQL.
import {
  CONCERN_CATEGORY_LABELS,
  type Lang,
  RECEPTION_KIND_LABELS,
  SERVICE_FIGURES,
  type ServiceFigureKey,
} from '@qingshan/core';
import { type SQL, sql } from 'drizzle-orm';
import { countOf, type FigureSource, labelCase, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

const definition = (key: ServiceFigureKey) => SERVICE_FIGURES.find((f) => f.key === key)!;

const heldIn = (p: Period) => sql`s.date between ${p.from}::date and ${p.to}::date`;

const concernTitle = (lang: Lang) =>
  sql`${labelCase(sql`c.category`, CONCERN_CATEGORY_LABELS, lang, word(lang, CONCERN_CATEGORY_LABELS.other.zh, CONCERN_CATEGORY_LABELS.other.en))}
    || ${word(lang, '：', ': ')} || left(c.description, 60)`;

/** Concerns raised at a reception day of the period and accepted; resolved ones by the period's end. */
function concernsWhere(p: Period, resolved: boolean): SQL {
  return sql`${heldIn(p)} and c.accepted = true
    ${resolved ? sql`and c.status = 'resolved' and (c.resolved_at at time zone 'Asia/Shanghai')::date <= ${p.to}::date` : sql``}`;
}

export const RECEPTION_FIGURES: readonly FigureSource[] = [
  sqlFigure({
    ...definition('receptionEnterprises'),
    group: 'service',
    tally: (p) => sql`select null::text as month, count(distinct a.enterprise_id)::int as n from reception_attendances a
      join reception_sessions s on s.id = a.session_id
      where ${heldIn(p)} and a.enterprise_id is not null`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select e.id::text as id, min(s.date)::text as date, e.name as title,
            e.id as "enterpriseId", e.name as "enterpriseName",
            ${word(lang, '到场 ', 'came to ')} || ${countOf(lang, sql`count(distinct s.id)`, ' 次', 'reception day', 'reception days')}
              || ${word(lang, '，', ', ')} || ${countOf(lang, sql`count(*)`, ' 人次', 'attendance', 'attendances')} as detail,
            '/staff/enterprises/' || e.id as link
          from reception_attendances a join reception_sessions s on s.id = a.session_id join enterprises e on e.id = a.enterprise_id
          where ${heldIn(p)}
          group by e.id, e.name order by min(s.date), e.name`,
        page,
      ),
  }),
  sqlFigure({
    ...definition('receptionPeople'),
    group: 'service',
    trend: true,
    tally: (p) => sql`select to_char(s.date, 'YYYY-MM') as month, count(*)::int as n
      from reception_attendances a join reception_sessions s on s.id = a.session_id
      where ${heldIn(p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select a.id::text as id, s.date::text as date, a.person_name as title,
            e.id as "enterpriseId", e.name as "enterpriseName",
            ${labelCase(sql`s.kind`, RECEPTION_KIND_LABELS, lang)}
              || case when a.walk_in then ${word(lang, '（现场来访）', ' (walk-in)')} else ${word(lang, '（预约）', ' (booked)')} end as detail,
            '/staff/reception/sessions/' || s.id as link
          from reception_attendances a join reception_sessions s on s.id = a.session_id left join enterprises e on e.id = a.enterprise_id
          where ${heldIn(p)}
          order by s.date, s.kind, e.name nulls last, a.person_name, a.id`,
        page,
      ),
  }),
  sqlFigure({
    ...definition('receptionConcernsAccepted'),
    group: 'service',
    tally: (p) => sql`select null::text as month, count(*)::int as n
      from reception_concerns c join reception_sessions s on s.id = c.session_id
      where ${concernsWhere(p, false)}`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select c.id::text as id, s.date::text as date, ${concernTitle(lang)} as title,
            e.id as "enterpriseId", coalesce(e.name, c.raised_by) as "enterpriseName",
            case c.status when 'resolved' then ${word(lang, '已解决：', 'resolved: ')} || coalesce(c.resolution, '')
              else ${word(lang, '办理中，期限 ', 'open, due ')} || coalesce(c.due_date::text, '') end as detail,
            '/staff/reception/concerns/' || c.id as link
          from reception_concerns c join reception_sessions s on s.id = c.session_id left join enterprises e on e.id = c.enterprise_id
          where ${concernsWhere(p, false)} order by s.date, c.created_at, c.id`,
        page,
      ),
  }),
  sqlFigure({
    ...definition('receptionConcernsResolved'),
    group: 'service',
    trend: true,
    tally: (p) => sql`select to_char(s.date, 'YYYY-MM') as month, count(*)::int as n
      from reception_concerns c join reception_sessions s on s.id = c.session_id
      where ${concernsWhere(p, true)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select c.id::text as id, s.date::text as date, ${concernTitle(lang)} as title,
            e.id as "enterpriseId", coalesce(e.name, c.raised_by) as "enterpriseName",
            ${word(lang, '已解决（', 'resolved (')} || to_char(c.resolved_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
              || ${word(lang, '）：', '): ')} || coalesce(c.resolution, '') as detail,
            '/staff/reception/concerns/' || c.id as link
          from reception_concerns c join reception_sessions s on s.id = c.session_id left join enterprises e on e.id = c.enterprise_id
          where ${concernsWhere(p, true)} order by s.date, c.created_at, c.id`,
        page,
      ),
  }),
];
