import { CASE_STAGE_LABELS, RECTIFICATION_ORDER_STATUS_LABELS } from '@qingshan/core/site-inspections';
import { type SQL, sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** A `case <column> when <key> then <中文> … end` from one of the core label tables, so no label is copied. */
function labelOf(column: SQL, labels: Readonly<Record<string, { zh: string }>>): SQL {
  return sql.join(
    [
      sql`case ${column}`,
      ...Object.entries(labels).map(([k, v]) => sql`when ${k} then ${v.zh}`),
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
    case i.kind when 'off-site' then '非现场检查' else '现场检查' end as title,
    coalesce(nullif(left(i.summary, 200), ''), '检查人员：' || array_to_string(array(select jsonb_array_elements_text(i.inspector_names)), '、'))
      || '（发现问题 ' || (select count(*) from inspection_findings f where f.inspection_id = i.id)::text || ' 个）' as detail,
    '/staff/site-inspections/' || i.id::text as link
  from site_inspections i where i.enterprise_id = ${q.enterpriseId} and i.status = 'completed'
    and i.inspected_on::timestamp at time zone 'Asia/Shanghai' >= ${q.from}
    and i.inspected_on::timestamp at time zone 'Asia/Shanghai' < ${q.to}
  union all
  select o.created_at as at, 'rectification' as kind, o.id::text as "recordId", '责令整改' as title,
    left(o.requirement, 200) || '（' || ${labelOf(sql`o.status`, RECTIFICATION_ORDER_STATUS_LABELS)} || '）' as detail,
    '/staff/rectifications/' || o.id::text as link
  from rectification_orders o where o.enterprise_id = ${q.enterpriseId} and o.created_at >= ${q.from} and o.created_at < ${q.to}
  union all
  select c.created_at as at, 'enforcement-case' as kind, c.id::text as "recordId", '行政处罚案件：' || c.title as title,
    ${labelOf(sql`c.stage`, CASE_STAGE_LABELS)}
      || coalesce('；处罚决定 ' || c.decision_number || '，罚款 ' || c.penalty_amount::text || ' 元', '') as detail,
    '/staff/enforcement-cases/' || c.id::text as link
  from enforcement_cases c where c.enterprise_id = ${q.enterpriseId} and c.created_at >= ${q.from} and c.created_at < ${q.to}`,
);
