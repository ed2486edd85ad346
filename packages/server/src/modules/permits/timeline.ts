import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** The firm's discharge permits as registered (the numbers are the national platform's). */
export const permitTimeline = sqlTimeline(
  { permit: { zh: '排污许可', en: 'permit' } },
  true,
  (q) => sql`
  select coalesce(p.issued_on::timestamp at time zone 'Asia/Shanghai', p.created_at) as at, 'permit' as kind,
    p.id::text as "recordId", ${q.w('排污许可 ', 'Discharge permit ')} || coalesce(p.permit_number, ${q.w('（未取得编号）', '(no number yet)')}) as title,
    p.pw_item || case when p.valid_to is not null then ${q.w('，有效期至 ', ', valid until ')} || p.valid_to::text else '' end as detail,
    '/staff/permits/' || p.id::text as link
  from permits p where p.enterprise_id = ${q.enterpriseId}
    and coalesce(p.issued_on::timestamp at time zone 'Asia/Shanghai', p.created_at) >= ${q.from}
    and coalesce(p.issued_on::timestamp at time zone 'Asia/Shanghai', p.created_at) < ${q.to}`,
);
