import { CASE_STAGE_LABELS, RECTIFICATION_ORDER_STATUS_LABELS } from '@qingshan/core/site-inspections';
import { type SQL, sql } from 'drizzle-orm';
import type { Lang } from '../../errors.ts';
import { sqlTimeline } from '../../shared/timeline.ts';

/** A `case <column> when <key> then <中文> … end` from one of the core label tables, so no label is copied. */
function labelOf(column: SQL, labels: Readonly<Record<string, { zh: string; en: string }>>, lang: Lang): SQL {
  return sql.join(
    [
      sql`case ${column}`,
      ...Object.entries(labels).map(([k, v]) => sql`when ${k} then ${v[lang]}`),
      sql`else ${column} end`,
    ],
    sql` `,
  );
}

/**
 * Completed inspection records (on-site and off-site), the rectification orders they gave and the
 * penalty cases opened on serious findings. Staff only: a case is the bureau's record until its
 * decision is served, and the firm reads its own inspections and orders on its portal pages.
 */
export const siteInspectionTimeline = sqlTimeline(
  {
    'site-inspection': { zh: '执法检查', en: 'inspection' },
    rectification: { zh: '责令整改', en: 'rectification order' },
    'enforcement-case': { zh: '行政处罚案件', en: 'penalty case' },
  },
  false,
  (q) => sql`
  select i.inspected_on::timestamp at time zone 'Asia/Shanghai' as at, 'site-inspection' as kind, i.id::text as "recordId",
    case i.kind when 'off-site' then ${q.w('非现场检查', 'Off-site inspection')} else ${q.w('现场检查', 'On-site inspection')} end as title,
    coalesce(nullif(left(i.summary, 200), ''), ${q.w('检查人员：', 'Inspectors: ')} || array_to_string(array(select jsonb_array_elements_text(i.inspector_names)), '、'))
      || ${q.w('（发现问题 ', ' (problems found: ')} || (select count(*) from inspection_findings f where f.inspection_id = i.id)::text || ${q.w(' 个）', ')')} as detail,
    '/staff/site-inspections/' || i.id::text as link
  from site_inspections i where i.enterprise_id = ${q.enterpriseId} and i.status = 'completed'
    and i.inspected_on::timestamp at time zone 'Asia/Shanghai' >= ${q.from}
    and i.inspected_on::timestamp at time zone 'Asia/Shanghai' < ${q.to}
  union all
  select o.created_at as at, 'rectification' as kind, o.id::text as "recordId", ${q.w('责令整改', 'Rectification order')} as title,
    left(o.requirement, 200) || ${q.w('（', ' (')} || ${labelOf(sql`o.status`, RECTIFICATION_ORDER_STATUS_LABELS, q.lang)} || ${q.w('）', ')')} as detail,
    '/staff/rectifications/' || o.id::text as link
  from rectification_orders o where o.enterprise_id = ${q.enterpriseId} and o.created_at >= ${q.from} and o.created_at < ${q.to}
  union all
  select c.created_at as at, 'enforcement-case' as kind, c.id::text as "recordId", ${q.w('行政处罚案件：', 'Penalty case: ')} || c.title as title,
    ${labelOf(sql`c.stage`, CASE_STAGE_LABELS, q.lang)}
      || coalesce(${q.w('；处罚决定 ', '; decision ')} || c.decision_number || ${q.w('，罚款 ', ', fine ')} || c.penalty_amount::text || ${q.w(' 元', ' yuan')}, '')
      || coalesce(${q.w('；已撤销：', '; revoked: ')} || c.revocation_reason, '') as detail,
    '/staff/enforcement-cases/' || c.id::text as link
  from enforcement_cases c where c.enterprise_id = ${q.enterpriseId} and c.created_at >= ${q.from} and c.created_at < ${q.to}`,
);
