import { CLUE_OUTCOME_LABELS, CLUE_SOURCE_LABELS, CLUE_STATUS_LABELS } from '@qingshan/core/clues';
import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** The clues confirmed to be about the firm: the bureau's own leads, never in the firm's view. */
export const clueTimeline = sqlTimeline(
  { clue: { zh: '线索', en: 'clue' } },
  false,
  (q) => sql`
  select c.created_at as at, 'clue' as kind, c.id::text as "recordId",
    case c.source when 'drone' then ${q.w('无人机巡查线索', `Clue: ${CLUE_SOURCE_LABELS.drone.en}`)}
      when 'remote-sensing' then ${q.w('遥感监测线索', `Clue: ${CLUE_SOURCE_LABELS['remote-sensing'].en}`)} when 'video' then ${q.w('视频监控线索', `Clue: ${CLUE_SOURCE_LABELS.video.en}`)}
      when 'report' then ${q.w('12369 举报线索', `Clue: ${CLUE_SOURCE_LABELS.report.en}`)} else ${q.w('接待日诉求线索', `Clue: ${CLUE_SOURCE_LABELS.reception.en}`)} end as title,
    left(c.description, 200) || case c.outcome when 'no-problem' then ${q.w('；核查：无环境问题', `; verified: ${CLUE_OUTCOME_LABELS['no-problem'].en}`)}
      when 'problem-found' then ${q.w('；核查：存在环境问题', `; verified: ${CLUE_OUTCOME_LABELS['problem-found'].en}`)}
      when 'rectification-ordered' then ${q.w('；核查：已责令整改', `; verified: ${CLUE_OUTCOME_LABELS['rectification-ordered'].en}`)}
      when 'transferred' then ${q.w('；核查：移交其他部门', `; verified: ${CLUE_OUTCOME_LABELS.transferred.en}`)}
      else ${q.w('；待核查', `; ${CLUE_STATUS_LABELS.pending.en}`)} end as detail,
    '/staff/clues/' || c.id::text as link
  from clues c where c.enterprise_id = ${q.enterpriseId} and c.created_at >= ${q.from} and c.created_at < ${q.to}`,
);
