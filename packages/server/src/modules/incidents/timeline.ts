import { INCIDENT_LEVEL_LABELS, type IncidentLevel } from '@qingshan/core/incidents';
import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Incidents: the firm reported or lived through them, so it sees them in its own file. */
export const incidentTimeline = sqlTimeline(
  { incident: { zh: '突发环境事件', en: 'environmental incident' } },
  true,
  (q) => {
    const level = (l: IncidentLevel, zh: string) => q.w(zh, INCIDENT_LEVEL_LABELS[l].en);
    return sql`
  select i.occurred_at as at, 'incident' as kind, i.id::text as "recordId",
    ${q.w('突发环境事件：', 'Environmental incident: ')} || i.title || ${q.w('（', ' (')}
      || case i.level when 'general' then ${level('general', '一般')} when 'larger' then ${level('larger', '较大')}
        when 'major' then ${level('major', '重大')} else ${level('especially-major', '特别重大')} end || ${q.w('）', ')')} as title,
    i.description || case when i.status = 'closed' then ${q.w('；处置结果：', '; outcome: ')} || coalesce(i.outcome, '')
      else ${q.w('；处置中', '; being handled')} end as detail,
    '/staff/incidents/' || i.id::text as link
  from incidents i where i.enterprise_id = ${q.enterpriseId} and i.occurred_at >= ${q.from} and i.occurred_at < ${q.to}`;
  },
);
