import { CREDIT_GRADE_LABELS, type CreditGrade } from '@qingshan/core/enterprise';
import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Credit evaluations: the firm is told its grade, so it sees them. */
export const creditTimeline = sqlTimeline({ credit: { zh: '环境信用', en: 'credit' } }, true, (q) => {
  const grade = (g: CreditGrade) => q.w(CREDIT_GRADE_LABELS[g].zh, CREDIT_GRADE_LABELS[g].en);
  return sql`
  select c.rated_on::timestamp at time zone 'Asia/Shanghai' as at, 'credit' as kind, c.id::text as "recordId",
    ${q.w('环境信用评价：', 'Environmental credit: ')} || case c.grade when 'green' then ${grade('green')}
      when 'blue' then ${grade('blue')} when 'yellow' then ${grade('yellow')} else ${grade('red')} end as title,
    c.basis as detail, null::text as link
  from credit_records c where c.enterprise_id = ${q.enterpriseId}
    and c.rated_on::timestamp at time zone 'Asia/Shanghai' >= ${q.from} and c.rated_on::timestamp at time zone 'Asia/Shanghai' < ${q.to}`;
});
