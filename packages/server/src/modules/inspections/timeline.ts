import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Random-inspection results; staff only, since a draw stays secret until its results are published. */
export const inspectionTimeline = sqlTimeline(
  { inspection: { zh: '双随机检查', en: 'random inspection' } },
  false,
  (q) => sql`
  select r.inspected_on::timestamp at time zone 'Asia/Shanghai' as at, 'inspection' as kind, r.id::text as "recordId",
    ${q.w('双随机检查', 'Random inspection')} as title, left(r.summary, 200) as detail, null::text as link
  from inspection_results r where r.enterprise_id = ${q.enterpriseId}
    and r.inspected_on::timestamp at time zone 'Asia/Shanghai' >= ${q.from}
    and r.inspected_on::timestamp at time zone 'Asia/Shanghai' < ${q.to}`,
);
