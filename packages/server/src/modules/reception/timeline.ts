import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Concerns the firm raised at reception days, with the bureau's answer: the firm's own. */
export const receptionTimeline = sqlTimeline(
  { 'reception-concern': { zh: '接待日诉求', en: 'reception concern' } },
  true,
  (q) => sql`
  select c.created_at as at, 'reception-concern' as kind, c.id::text as "recordId", ${q.w('接待日诉求（', 'Reception-day concern (')} || c.raised_by || ${q.w('）', ')')} as title,
    left(c.description, 200) || coalesce(${q.w('；答复：', '; answer: ')} || left(c.answer, 200), '') as detail,
    '/staff/reception/concerns/' || c.id::text as link
  from reception_concerns c where c.enterprise_id = ${q.enterpriseId} and c.created_at >= ${q.from} and c.created_at < ${q.to}`,
);
