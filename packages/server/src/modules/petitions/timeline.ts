import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Petitions naming the firm: the petitioner is protected, so never in the firm's own view. */
export const petitionTimeline = sqlTimeline(
  { petition: { zh: '信访', en: 'petition' } },
  false,
  (q) => sql`
  select p.received_at as at, 'petition' as kind, p.id::text as "recordId", ${q.w('信访件：', 'Petition: ')} || p.title as title,
    ${q.w('编号 ', 'No. ')} || p.code as detail, '/staff/petitions/' || p.id::text as link
  from petitions p where p.enterprise_id = ${q.enterpriseId} and p.received_at >= ${q.from} and p.received_at < ${q.to}`,
);
