// The EIA figures of the dashboard (rules.md §6), counted by the day of the decision,
// determination or filing (decided_on, a Shanghai date), over a closed period of days.

import type { Lang } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import { type FigureSource, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';

const decidedIn = (p: Period) => sql`c.decided_on between ${p.from}::date and ${p.to}::date`;

// An approval later revoked on verification was still an approval made in the period.
const APPROVED = sql`c.path = 'commitment' and c.state in ('approved', 'verified', 'rectifying', 'revoked')`;
const EXEMPTED = sql`c.path = 'exemption'`;
const FILED = sql`c.path = 'filing'`;

function eiaFigure(
  which: ReturnType<typeof sql>,
  detail: (lang: Lang) => ReturnType<typeof sql>,
  f: Pick<FigureSource, 'key' | 'label' | 'definition' | 'source' | 'sourceEn'>,
): FigureSource {
  return sqlFigure({
    ...f,
    group: 'eia',
    unit: { zh: '个', en: 'projects' },
    trend: true,
    tally: (p) => sql`select to_char(c.decided_on, 'YYYY-MM') as month, count(*)::int as n
      from eia_cases c where ${which} and ${decidedIn(p)} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select c.id::text as id, c.decided_on::text as date, c.code || ' ' || c.project_name as title,
            e.id::text as "enterpriseId", e.name as "enterpriseName", ${detail(lang)} as detail,
            '/staff/eia/' || c.id as link
          from eia_cases c join enterprises e on e.id = c.enterprise_id
          where ${which} and ${decidedIn(p)}
          order by c.decided_on, c.code`,
        page,
      ),
  });
}

export const EIA_FIGURES: readonly FigureSource[] = [
  eiaFigure(
    APPROVED,
    (lang) =>
      sql`${word(lang, '批复文号 ', 'approval document ')} || coalesce(c.document_no, '')
        || case c.state when 'revoked' then ${word(lang, '（后经核查撤销）', ' (revoked later on verification)')} else '' end`,
    {
      key: 'commitmentEiaApproved',
      label: { zh: '告知承诺制环评', en: 'commitment-path EIA approvals' },
      definition: {
        zh: '期间内以告知承诺制作出批准决定的建设项目环评（按批准日期计；其后经核查撤销的仍计入批准当期）',
        en: 'EIA cases on the commitment path approved in the period (by decision date; one revoked later still counts in the period it was approved)',
      },
      source: '环综合〔2020〕13号（环评审批正面清单）；以批准决定日期落在统计期内计数',
      sourceEn: '环综合〔2020〕13号 (the EIA approval positive list); counted by the date of the approval decision',
    },
  ),
  eiaFigure(
    EXEMPTED,
    (lang) =>
      sql`${word(lang, '依据：', 'under: ')} || coalesce(c.exemption_entry, '')
        || ${word(lang, '；认定人 ', '; determined by ')} || coalesce(c.decided_by_name, '')`,
    {
      key: 'eiaExemptions',
      label: { zh: '环评豁免', en: 'EIA exemptions' },
      definition: {
        zh: '期间内作出的环评豁免认定（按认定日期计），每项引用所依据的豁免目录条目',
        en: 'EIA exemption determinations made in the period (by determination date), each citing its list entry',
      },
      source: '《建设项目环境影响评价分类管理名录（2021年版）》第五条；江西省第一批豁免目录（试行）',
      sourceEn:
        'Classification Catalogue for the Environmental Impact Assessment of Construction Projects (2021 edition), Art. 5; Jiangxi Province’s first list of exemptions (trial)',
    },
  ),
  eiaFigure(FILED, (lang) => sql`${word(lang, '备案编号 ', 'filing receipt no. ')} || coalesce(c.receipt_no, '')`, {
    key: 'eiaFilings',
    label: { zh: '登记表备案', en: 'registration-form filings' },
    definition: {
      zh: '期间内在全国建设项目环境影响登记表备案系统完成备案、并在本平台登记备案编号的项目（按备案日期计）',
      en: 'projects filed on the national registration-form system in the period, with the receipt number recorded here (by filing date)',
    },
    source: '《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）',
    sourceEn: 'Measures for the Filing of EIA Registration Forms of Construction Projects (MEP Order No. 41)',
  }),
];
