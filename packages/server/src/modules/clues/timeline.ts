import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** The clues confirmed to be about the firm: the bureau's own leads, never in the firm's view. */
export const clueTimeline = sqlTimeline(
  { clue: { zh: '线索', en: 'clue' } },
  false,
  (q) => sql`
  select c.created_at as at, 'clue' as kind, c.id::text as "recordId",
    case c.source when 'drone' then '无人机巡查线索' when 'remote-sensing' then '遥感监测线索' when 'video' then '视频监控线索'
      when 'report' then '12369 举报线索' else '接待日诉求线索' end as title,
    left(c.description, 200) || case c.outcome when 'no-problem' then '；核查：无环境问题' when 'problem-found' then '；核查：存在环境问题'
      when 'rectification-ordered' then '；核查：已责令整改' when 'transferred' then '；核查：移交其他部门' else '；待核查' end as detail,
    '/staff/clues/' || c.id::text as link
  from clues c where c.enterprise_id = ${q.enterpriseId} and c.created_at >= ${q.from} and c.created_at < ${q.to}`,
);
