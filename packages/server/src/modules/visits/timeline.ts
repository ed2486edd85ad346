import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Door-to-door service visits; only this firm's part (findings) is shown, never the bureau's notes. */
export const visitTimeline = sqlTimeline(
  { visit: { zh: '上门服务', en: 'visit' } },
  true,
  (q) => sql`
  select v.date::timestamp at time zone 'Asia/Shanghai' as at, 'visit' as kind, v.id::text as "recordId",
    case when v.led_by_leader then ${q.w('上门服务（领导带队）', 'Service visit (led by a bureau leader)')} else ${q.w('上门服务', 'Service visit')} end as title,
    coalesce(ve.findings, '') as detail, '/staff/visits/' || v.id::text as link
  from visit_enterprises ve join visits v on v.id = ve.visit_id
  where ve.enterprise_id = ${q.enterpriseId}
    and v.date::timestamp at time zone 'Asia/Shanghai' >= ${q.from} and v.date::timestamp at time zone 'Asia/Shanghai' < ${q.to}`,
);
