// The clues figure of the dashboard (issue 12): clues verified in the period, each listed with its
// outcome and whether the verification clock was met.

import { CLUE_OUTCOME_LABELS } from '@qingshan/core/clues';
import { POSITIVE_LIST_OPINIONS_EN } from '@qingshan/core/positive-list';
import { sql } from 'drizzle-orm';
import { periodInstants } from '../figures/period.ts';
import { type FigureSource, labelCase, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

function verifiedIn(p: Period) {
  const [from, to] = periodInstants(p);
  return sql`c.status = 'verified' and c.verified_at >= ${from.toISOString()}::timestamptz and c.verified_at < ${to.toISOString()}::timestamptz`;
}

export const CLUE_FIGURES: readonly FigureSource[] = [
  sqlFigure({
    key: 'cluesVerified',
    label: { zh: '核查线索', en: 'clues verified' },
    unit: { zh: '条', en: 'clues' },
    definition: {
      zh: '期间内完成核查的线索（无人机、遥感、视频、12369 举报、接待日诉求），按核查日期计',
      en: 'clues (drone, remote sensing, video, 12369, reception) whose verification was recorded in the period',
    },
    source:
      '《关于加强生态环境监督执法正面清单管理推动差异化执法监管的指导意见》（环办执法〔2021〕10号）：非现场监管发现问题线索的核查处置',
    sourceEn: `${POSITIVE_LIST_OPINIONS_EN} (环办执法〔2021〕10号): verifying and handling the clues to problems that off-site supervision finds`,
    group: 'supervision',
    trend: true,
    tally: (p) => sql`select to_char(c.verified_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
      from clues c where ${verifiedIn(p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select c.id::text as id, to_char(c.verified_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date,
            left(c.description, 60) as title, e.id::text as "enterpriseId", e.name as "enterpriseName",
            ${labelCase(sql`c.outcome`, CLUE_OUTCOME_LABELS, lang, sql`''`)}
              || case when c.closed_on_time then ${word(lang, '（按期）', ' (on time)')}
                when c.closed_on_time = false then ${word(lang, '（超期）', ' (late)')} else '' end as detail,
            '/staff/clues/' || c.id::text as link
          from clues c left join enterprises e on e.id = c.enterprise_id
          where ${verifiedIn(p)} order by 2, c.id`,
        page,
      ),
  }),
];
