import { sql } from 'drizzle-orm';
import { matterNameSql } from '../../shared/matter-name.ts';
import { sqlTimeline } from '../../shared/timeline.ts';

/** The firm's applications (申请), the firm's own filings. */
export const applicationTimeline = sqlTimeline(
  { application: { zh: '办事申请', en: 'application' } },
  true,
  (q) => sql`
  select a.received_at as at, 'application' as kind, a.id::text as "recordId",
    ${matterNameSql(q.lang, sql`a.matter_code`, sql`a.matter_name`)} || ${q.w('：', ': ')} || a.project_name as title,
    ${q.w('申请编号 ', 'Application ')} || a.code || coalesce(${q.w('，决定文号 ', ', decision ')} || a.decision_number, '') as detail,
    '/staff/applications/' || a.id::text as link
  from applications a where a.enterprise_id = ${q.enterpriseId} and a.received_at >= ${q.from} and a.received_at < ${q.to}`,
);
