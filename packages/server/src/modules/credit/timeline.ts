import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Credit evaluations: the firm is told its grade, so it sees them. */
export const creditTimeline = sqlTimeline(
  { credit: { zh: '环境信用', en: 'credit' } },
  true,
  (q) => sql`
  select c.rated_on::timestamp at time zone 'Asia/Shanghai' as at, 'credit' as kind, c.id::text as "recordId",
    '环境信用评价：' || case c.grade when 'green' then '环保诚信企业（绿牌）' when 'blue' then '环保良好企业（蓝牌）'
      when 'yellow' then '环保警示企业（黄牌）' else '环保不良企业（红牌）' end as title,
    c.basis as detail, null::text as link
  from credit_records c where c.enterprise_id = ${q.enterpriseId}
    and c.rated_on::timestamp at time zone 'Asia/Shanghai' >= ${q.from} and c.rated_on::timestamp at time zone 'Asia/Shanghai' < ${q.to}`,
);
