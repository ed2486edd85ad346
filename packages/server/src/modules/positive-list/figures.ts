// Positive-list figures (rules.md §3): the firms on the list on the period's last day. A stock, not a
// flow: a listing counts while the day lies within its 3 years and it was not removed by then.
import { POSITIVE_LIST_CATEGORY_LABELS, POSITIVE_LIST_OPINIONS_EN } from '@qingshan/core/positive-list';
import { type SQL, sql } from 'drizzle-orm';
import { periodInstants } from '../figures/period.ts';
import { type FigureSource, labelCase, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

/** Listings in force at the end of `p.to` (Asia/Shanghai): decided by then, valid then, not removed by then. */
function inForce(p: Period): SQL {
  const endOfDay = periodInstants(p)[1].toISOString();
  return sql`l.decided_on <= ${p.to}::date and l.valid_until >= ${p.to}::date
    and (l.removed_at is null or l.removed_at >= ${endOfDay}::timestamptz)`;
}

export const POSITIVE_LIST_FIGURES: readonly FigureSource[] = [
  sqlFigure({
    key: 'positiveListFirms',
    group: 'supervision',
    label: { zh: '正面清单企业', en: 'positive-list firms' },
    unit: { zh: '家', en: 'firms' },
    definition: {
      zh: '统计期末（最后一天）在正面清单有效期内且未被移出的企业',
      en: 'firms on the positive list on the last day of the period: within their validity and not removed',
    },
    source: '环办执法〔2021〕10号《关于加强生态环境监督执法正面清单管理推动差异化执法监管的指导意见》',
    sourceEn: `环办执法〔2021〕10号, ${POSITIVE_LIST_OPINIONS_EN}`,
    tally: (p) => sql`select null::text as month, count(*)::int as n from positive_list_entries l where ${inForce(p)}`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select l.id::text as id, to_char(l.decided_on, 'YYYY-MM-DD') as date,
            ${word(lang, '正面清单 · ', 'positive list · ')} || ${labelCase(sql`l.category`, POSITIVE_LIST_CATEGORY_LABELS, lang)} as title,
            l.enterprise_id::text as "enterpriseId", e.name as "enterpriseName",
            ${word(lang, '列入 ', 'listed ')} || to_char(l.decided_on, 'YYYY-MM-DD')
              || ${word(lang, '，有效期至 ', ', valid until ')} || to_char(l.valid_until, 'YYYY-MM-DD') as detail,
            '/staff/positive-list/' || l.id::text as link
          from positive_list_entries l join enterprises e on e.id = l.enterprise_id
          where ${inForce(p)} order by 2, e.name, l.id`,
        page,
      ),
  }),
];
