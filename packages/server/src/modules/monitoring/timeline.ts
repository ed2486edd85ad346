import { sql } from 'drizzle-orm';
import { sqlTimeline } from '../../shared/timeline.ts';

/** The firm's automatic-monitoring stations, on the day each was registered: the firm sees its own. */
export const stationTimeline = sqlTimeline(
  { station: { zh: '自动监控站点', en: 'monitoring station' } },
  true,
  (q) => sql`
  select s.created_at as at, 'station' as kind, s.id::text as "recordId", ${q.w('登记自动监控站点：', 'Monitoring station registered: ')} || s.name as title,
    ${q.w('数采仪编号 ', 'Data logger ')} || s.mn || coalesce(${q.w('，排放口 ', ', outlet ')} || s.outlet_name, '')
      || case when s.last_frame_at is null then ${q.w('，尚未上报数据', ', no data reported yet')}
        else ${q.w('，最近上报 ', ', last report ')} || to_char(s.last_frame_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') end as detail,
    '/staff/monitoring/stations/' || s.id::text as link
  from monitoring_stations s where s.enterprise_id = ${q.enterpriseId} and s.created_at >= ${q.from} and s.created_at < ${q.to}`,
);
