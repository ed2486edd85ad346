import { ALARM_STATE_LABELS } from '@qingshan/core/alarms';
import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** The firm's alarms (monitoring stations and meters): the firm sees its own. */
export const alarmTimeline = sqlTimeline(
  { alarm: { zh: '报警', en: 'alarm' } },
  true,
  (q) => sql`
  select a.raised_at as at, 'alarm' as kind, a.id::text as "recordId", a.source_name || ${q.w(' 报警', ' alarm')} as title,
    a.detail || case a.state when 'active' then ${q.w('（报警中）', ` (${ALARM_STATE_LABELS.active.en})`)}
      when 'cleared' then ${q.w('（已恢复）', ` (${ALARM_STATE_LABELS.cleared.en})`)} else ${q.w('（已关闭）', ` (${ALARM_STATE_LABELS.closed.en})`)} end as detail,
    '/staff/alarms/' || a.id::text as link
  from alarms a where a.enterprise_id = ${q.enterpriseId} and a.raised_at >= ${q.from} and a.raised_at < ${q.to}`,
);
