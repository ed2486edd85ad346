// Random-inspection figures (rules.md §3): firms the plans' ratios drew, and of those the ones with a
// result entered — "done against the plan". Both count by the draw's day (Asia/Shanghai), so the
// second never exceeds the first. On-site inspection records are another module's; until they are
// linked to draws, a result entered on the draw is what counts as done.

import type { Lang } from '@qingshan/core';
import { INSPECTION_CLASS_LABELS, INSPECTION_OUTCOME_LABELS } from '@qingshan/core/inspection-draws';
import { type SQL, sql } from 'drizzle-orm';
import { periodInstants } from '../figures/period.ts';
import { type FigureSource, labelCase, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

const SOURCE = '江西省生态环境"双随机、一公开"监管分类做法；《优化营商环境条例》第五十四条';
const SOURCE_EN =
  'Jiangxi’s classified supervision practice for ecology and environment random inspections ("double random, one public"); Regulations on Optimising the Business Environment, Art. 54';

function drawnIn(p: Period): SQL {
  const [from, to] = periodInstants(p);
  return sql`d.drawn_at >= ${from.toISOString()}::timestamptz and d.drawn_at < ${to.toISOString()}::timestamptz`;
}

const classLabel = (lang: Lang) => labelCase(sql`t.value->>'class'`, INSPECTION_CLASS_LABELS, lang);
const outcomeLabel = (lang: Lang) => labelCase(sql`r.outcome`, INSPECTION_OUTCOME_LABELS, lang);
// the plan's share for the firm's class over the plan's period, as a percentage
const ratio = (lang: Lang) =>
  sql`${word(lang, '计划比例 ', 'plan ratio ')} || round(((p.ratios->>(t.value->>'class'))::numeric) * 100, 1)::text || '%'`;
const drawnMonth = sql`to_char(d.drawn_at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
const drawnDay = sql`to_char(d.drawn_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
const targets = sql`inspection_draws d join inspection_plans p on p.id = d.plan_id
  cross join lateral jsonb_array_elements(d.targets) with ordinality t(value, n)`;

export const INSPECTION_FIGURES: readonly FigureSource[] = [
  sqlFigure({
    key: 'inspectionTargetsDrawn',
    group: 'supervision',
    label: { zh: '双随机抽中企业', en: 'firms drawn for random inspection' },
    unit: { zh: '家次', en: 'firm-draws' },
    definition: {
      zh: '期间内按抽查计划比例随机抽中的检查对象（一家企业在两次抽查中被抽中计 2 家次）；名单公开前不显示企业名称',
      en: 'objects drawn in the period under the plans’ ratios (a firm drawn twice counts twice); names hidden until published',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
    trend: true,
    tally: (p) => sql`select ${drawnMonth} as month, count(*)::int as n from ${targets} where ${drawnIn(p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        // the list stays secret until publication (rules.md §3): before then the drill-down names no
        // firm, and a record's id is the draw and the target's place, never the firm's id
        sql`select d.id::text || ':' || t.n::text as id, ${drawnDay} as date,
            p.name || ' · ' || ${classLabel(lang)} as title,
            case when d.status = 'published' then e.id::text end as "enterpriseId",
            case when d.status = 'published' then e.name
              else ${word(lang, '（名单公开前保密）', '(kept secret until the list is published)')} end as "enterpriseName",
            ${ratio(lang)} || case when d.status = 'published' then ${word(lang, '，结果已公开', ', results published')}
              else ${word(lang, '，待检查', ', to inspect')} end as detail,
            '/staff/inspections/draws/' || d.id::text as link
          from ${targets} join enterprises e on e.id = (t.value->>'objectId')::uuid
          where ${drawnIn(p)} order by 2, d.id, t.n`,
        page,
      ),
  }),
  sqlFigure({
    key: 'inspectionsDone',
    group: 'supervision',
    label: { zh: '双随机已检查企业', en: 'random inspections done' },
    unit: { zh: '家次', en: 'firm-draws' },
    definition: {
      zh: '期间内抽中的检查对象中，已录入检查结果并公开的（与“双随机抽中企业”对照即为按计划完成情况）',
      en: 'objects drawn in the period whose inspection result is entered and published (set against the firms drawn)',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
    trend: true,
    tally: (p) =>
      sql`select ${drawnMonth} as month, count(*)::int as n from ${targets}
        join inspection_results r on r.draw_id = d.id and r.enterprise_id = (t.value->>'objectId')::uuid
        where ${drawnIn(p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select r.id::text as id, to_char(r.inspected_on, 'YYYY-MM-DD') as date,
            p.name || ' · ' || ${classLabel(lang)} as title,
            e.id::text as "enterpriseId", e.name as "enterpriseName",
            ${outcomeLabel(lang)} || ${word(lang, '；', '; ')} || ${ratio(lang)} as detail,
            '/staff/inspections/draws/' || d.id::text as link
          from ${targets}
          join inspection_results r on r.draw_id = d.id and r.enterprise_id = (t.value->>'objectId')::uuid
          join enterprises e on e.id = r.enterprise_id
          where ${drawnIn(p)} order by 2, e.name, r.id`,
        page,
      ),
  }),
];
