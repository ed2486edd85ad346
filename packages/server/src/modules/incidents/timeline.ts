import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Incidents: the firm reported or lived through them, so it sees them in its own file. */
export const incidentTimeline = sqlTimeline(
  { incident: { zh: '突发环境事件', en: 'environmental incident' } },
  true,
  (q) => sql`
  select i.occurred_at as at, 'incident' as kind, i.id::text as "recordId",
    '突发环境事件：' || i.title || '（' || case i.level when 'general' then '一般' when 'larger' then '较大'
      when 'major' then '重大' else '特别重大' end || '）' as title,
    i.description || case when i.status = 'closed' then '；处置结果：' || coalesce(i.outcome, '') else '；处置中' end as detail,
    '/staff/incidents/' || i.id::text as link
  from incidents i where i.enterprise_id = ${q.enterpriseId} and i.occurred_at >= ${q.from} and i.occurred_at < ${q.to}`,
);
