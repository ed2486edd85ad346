import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** 12369 reports naming the firm: the reporter is protected, so never in the firm's own view. */
export const reportTimeline = sqlTimeline(
  { report: { zh: '12369 举报', en: '12369 report' } },
  false,
  (q) => sql`
  select r.received_at as at, 'report' as kind, r.id::text as "recordId", ${q.w('12369 举报：', '12369 report: ')} || r.title as title,
    left(r.content, 200) as detail, '/staff/reports/' || r.id::text as link
  from reports r where r.subject_enterprise_id = ${q.enterpriseId} and r.received_at >= ${q.from} and r.received_at < ${q.to}`,
);
