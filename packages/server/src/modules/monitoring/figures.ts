// Monitoring figures for the dashboard: station online rate and data capture rate (有效传输率),
// per station and period, counted in SQL over whole hours. Each station counts from the hour it was
// registered and only up to the current hour, so a new station or the running day is not a loss.
// The alarm figures (raised, answered in time, closed) are the alarms module's (alarms/figures.ts).
import { type SQL, sql } from 'drizzle-orm';
import { periodInstants } from '../figures/period.ts';
import { countOf, type FigureSource, type Period, recordsOf, rowsOf, sqlFigure } from '../figures/registry.ts';

const VALID_LONG = sql.raw(`(l.flag is null or l.flag = '' or upper(l.flag) = 'N')`);

/**
 * Per station: hours expected in the period, hours it sent any frame in (online), hour values
 * expected (hours × registered factors) and valid hour values received (its own 2061 or the
 * platform's rollup; either counts once).
 */
function perStation(p: Period): SQL {
  const [from, to] = periodInstants(p);
  // the server's clock, as everywhere else the platform counts time
  const now = new Date().toISOString();
  return sql`
    with w as (
      select s.id, s.name, s.enterprise_id,
        greatest(${from.toISOString()}::timestamptz, date_trunc('hour', s.created_at)) as a,
        least(${to.toISOString()}::timestamptz, date_trunc('hour', ${now}::timestamptz) + interval '1 hour') as b,
        (select count(*) from monitoring_factors mf where mf.station_id = s.id)::int as factors
      from monitoring_stations s
    ), h as (
      select w.*, greatest(0, ceil(extract(epoch from (w.b - w.a)) / 3600))::int as expected from w
    )
    select h.id, h.name, h.enterprise_id, h.expected, h.factors,
      case when h.expected = 0 then 0 else (
        select count(distinct date_trunc('hour', f.received_at)) from monitoring_frames f
        where f.station_id = h.id and f.received_at >= h.a and f.received_at < h.b)::int end as online,
      case when h.expected = 0 then 0 else (
        select count(*) from (select distinct l.factor, l.data_time from monitoring_readings_long l
          join monitoring_factors mf on mf.station_id = l.station_id and mf.code = l.factor
          where l.station_id = h.id and l.cn = '2061' and l.data_time >= h.a and l.data_time < h.b
            and l.value is not null and ${VALID_LONG}) v)::int end as valid
    from h`;
}

type Rate = 'online' | 'capture';

const pct = (num: SQL, den: SQL) => sql`case when (${den}) > 0 then round(100.0 * (${num}) / (${den}), 1) else 0 end`;

function rateFigure(
  rate: Rate,
  f: Pick<FigureSource, 'key' | 'label' | 'definition' | 'source' | 'sourceEn'>,
): FigureSource {
  const num = rate === 'online' ? sql`online` : sql`valid`;
  const den = rate === 'online' ? sql`expected` : sql`expected * factors`;
  const figure = sqlFigure({
    ...f,
    group: 'monitoring',
    unit: { zh: '%', en: '%' },
    trend: false,
    // the county's rate over all stations, whole percent (the drill-down shows each station to 0.1 %)
    // no row at all when no station was expected to send anything: a rate of nothing is not 0 %
    tally: (p) =>
      sql`select null::text as month, (${pct(sql`sum(${num})`, sql`sum(${den})`)})::int as n from (${perStation(p)}) x
          having coalesce(sum(${den}), 0) > 0`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select x.id::text as id, ${p.to}::text as date, x.name as title, x.enterprise_id::text as "enterpriseId",
            e.name as "enterpriseName",
            ${
              rate === 'online'
                ? lang === 'en'
                  ? sql`'online rate ' || ${pct(num, den)}::text || '% (data sent in ' || x.online || ' of '
                      || ${countOf(lang, sql`x.expected`, '', 'hour', 'hours')} || ' expected)'`
                  : sql`'在线率 ' || ${pct(num, den)}::text || '%（有数据上传 ' || x.online || ' 小时 / 应在线 ' || x.expected || ' 小时）'`
                : lang === 'en'
                  ? sql`'data capture rate ' || ${pct(num, den)}::text || '% (' || x.valid || ' valid hourly values of '
                      || (x.expected * x.factors) || ' expected)'`
                  : sql`'有效传输率 ' || ${pct(num, den)}::text || '%（有效小时值 ' || x.valid || ' 个 / 应传输 ' || (x.expected * x.factors) || ' 个）'`
            } as detail,
            '/staff/monitoring/stations/' || x.id::text as link
          from (${perStation(p)}) x join enterprises e on e.id = x.enterprise_id
          order by ${pct(num, den)}, x.name, x.id`,
        page,
      ),
  });
  // A rate is not a count of its records: the drill-down lists one row per station, so its total (and
  // the export's cap) is the number of stations, while the dashboard shows the rate from the tally.
  return {
    ...figure,
    rate: true,
    count: async (db, p) => {
      const [r] = await rowsOf<{ n: number }>(
        db,
        sql`select count(*)::int as n from (${perStation(p)}) x join enterprises e on e.id = x.enterprise_id`,
      );
      return Number(r?.n ?? 0);
    },
  };
}

export const MONITORING_FIGURES: readonly FigureSource[] = [
  rateFigure('online', {
    key: 'monitoringOnlineRate',
    label: { zh: '监控点在线率', en: 'station online rate' },
    definition: {
      zh: '期间内各监控点有报文上传的小时数之和 ÷ 应在线小时数之和（自登记之时起，至当前小时止；原始报文保存期外的时段不计在线）',
      en: 'hours in which stations sent any frame ÷ hours they should have been online (from registration to the current hour)',
    },
    source:
      '《污染源自动监控设施运行管理办法》（环发〔2008〕6号）对自动监控设施稳定运行、数据传输的要求；本平台按小时计',
    sourceEn:
      'what the Measures for the Operation and Administration of Automatic Monitoring Facilities for Pollution Sources (环发〔2008〕6号) require of their stable running and data transmission; this platform counts by the hour',
  }),
  rateFigure('capture', {
    key: 'monitoringDataCaptureRate',
    label: { zh: '有效传输率', en: 'data capture rate' },
    definition: {
      zh: '期间内收到的有效小时值个数（数据标记为正常，数采仪上传或平台由实时、分钟数据计算）÷ 应传输的小时值个数（小时数 × 登记的监测因子数）',
      en: 'valid hourly values received (flag normal; the station’s own or computed by the platform) ÷ hourly values expected (hours × registered factors)',
    },
    source: '《国家重点监控企业污染源自动监测数据有效性审核办法》（环发〔2009〕88号）有效传输率口径，本平台按小时值计',
    sourceEn:
      'the valid transmission rate as the Measures for Auditing the Validity of Automatic Monitoring Data of Pollution Sources at State Key Monitored Enterprises (环发〔2009〕88号) define it; this platform counts hourly values',
  }),
];
