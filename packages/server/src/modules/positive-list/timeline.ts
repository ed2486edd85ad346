import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Positive-list decisions and removals (the list is public). */
export const positiveListTimeline = sqlTimeline(
  { 'positive-list': { zh: '正面清单', en: 'positive list' } },
  true,
  (q) => sql`
  select p.created_at as at, 'positive-list' as kind, p.id::text as "recordId", '列入监督执法正面清单' as title,
    '决定日期 ' || p.decided_on::text || '，有效期至 ' || p.valid_until::text
      || case when p.status = 'removed' then '；已移出：' || coalesce(p.removal_reason, '') else '' end as detail,
    '/staff/positive-list/' || p.id::text as link
  from positive_list_entries p where p.enterprise_id = ${q.enterpriseId} and p.created_at >= ${q.from} and p.created_at < ${q.to}`,
);
