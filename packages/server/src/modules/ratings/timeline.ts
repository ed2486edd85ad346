import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** Ratings (好差评) the firm gave the bureau's services: its own. */
export const ratingTimeline = sqlTimeline(
  { rating: { zh: '好差评', en: 'rating' } },
  true,
  (q) => sql`
  select r.created_at as at, 'rating' as kind, r.id::text as "recordId", ${q.w('评价：', 'Rating: ')} || ${q.lang === 'en' ? sql`coalesce(r.label_en, r.label)` : sql`r.label`} as title,
    ${q.w('评价等级 ', 'Rating level ')} || r.level::text || coalesce(${q.w('；', '; ')} || left(r.comment, 200), '') as detail, null::text as link
  from ratings r where r.enterprise_id = ${q.enterpriseId} and r.created_at >= ${q.from} and r.created_at < ${q.to}`,
);
