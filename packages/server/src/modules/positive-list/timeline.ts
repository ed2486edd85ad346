import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Positive-list decisions and removals (the list is public). */
export const positiveListTimeline = sqlTimeline(
  { 'positive-list': { zh: '正面清单', en: 'positive list' } },
  true,
  (q) => sql`
  select p.created_at as at, 'positive-list' as kind, p.id::text as "recordId", ${q.w('列入监督执法正面清单', 'Put on the enforcement positive list')} as title,
    ${q.w('决定日期 ', 'Decided on ')} || p.decided_on::text || ${q.w('，有效期至 ', ', valid until ')} || p.valid_until::text
      || case when p.status = 'removed' then ${q.w('；已移出：', '; removed: ')} || coalesce(p.removal_reason, '') else '' end as detail,
    '/staff/positive-list/' || p.id::text as link
  from positive_list_entries p where p.enterprise_id = ${q.enterpriseId} and p.created_at >= ${q.from} and p.created_at < ${q.to}`,
);
