// Hourly and daily rollups computed by the platform (source = 'platform'), kept beside the values
// the station sent itself (2061/2031, source = 'station') in monitoring_readings_long: a station
// page over weeks reads a few hundred rows instead of tens of thousands, and the real-time values
// can leave with their month partitions while the hours and days stay.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { JobHandler } from '../scheduler/service.ts';
import { ensurePartition, rowsOf } from './readings.ts';

// A value counts towards an average only when its flag is normal (表 8), as for the alarm rules.
const VALID = sql.raw(`(r.flag is null or r.flag = '' or upper(r.flag) = 'N')`);
const VALID_LONG = sql.raw(`(l.flag is null or l.flag = '' or upper(l.flag) = 'N')`);

/** Frames this job looks back for when it has no earlier pass to start from. */
const FIRST_PASS_MS = 2 * 3_600_000;
/** Overlap with the previous pass: a frame committed while that pass ran is not missed. */
const OVERLAP_MS = 10 * 60_000;

/**
 * Recomputes the platform's hour values of every (station, hour) that received real-time or minute
 * frames since `since` (补传 answers included: their hours are recomputed too), then the days of
 * those hours from the hour values. Upserts, so a pass run twice changes nothing. The frames table
 * is indexed by received_at, which is what bounds the work to what arrived.
 */
export async function rollUp(db: Db, since: Date): Promise<{ hours: number; days: number }> {
  return rollUpTouched(
    db,
    sql`select distinct f.station_id, date_trunc('hour', f.data_time) as h
      from monitoring_frames f
      where f.received_at >= ${since.toISOString()}::timestamptz and f.station_id is not null and f.data_time is not null
        and f.cn in ('2011', '2051')`,
  );
}

/** The hours of readings a station has in [from, to), frames or not (the demo seed writes readings directly). */
export async function rollUpPeriod(db: Db, stationId: string, from: Date, to: Date) {
  return rollUpTouched(
    db,
    sql`select distinct r.station_id, date_trunc('hour', r.data_time) as h from monitoring_readings r
      where r.station_id = ${stationId} and r.data_time >= ${from.toISOString()}::timestamptz
        and r.data_time < ${to.toISOString()}::timestamptz`,
  );
}

/**
 * Every station's hours with readings in [from, to): rebuilds the rollups after a bulk load (a
 * restore, or bench:figures' generated readings) the way the job builds them as frames arrive.
 */
export async function rollUpRange(db: Db, from: Date, to: Date) {
  const inRange = sql`r.data_time >= ${from.toISOString()}::timestamptz and r.data_time < ${to.toISOString()}::timestamptz`;
  return rollUpTouched(
    db,
    sql`select distinct r.station_id, date_trunc('hour', r.data_time) as h from monitoring_readings r where ${inRange}`,
    // every hour and day of the range: one pass over its rows, not one index probe per (station, hour)
    sql`select r.*, date_trunc('hour', r.data_time) as h from monitoring_readings r where ${inRange}`,
    sql`select l.*, (date_trunc('day', l.data_time at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as d
      from monitoring_readings_long l
      where l.cn = '2061' and l.source = 'platform'
        and l.data_time >= (date_trunc('day', ${from.toISOString()}::timestamptz at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')
        and l.data_time < (date_trunc('day', (${to.toISOString()}::timestamptz - interval '1 microsecond') at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') + interval '1 day'
        and l.station_id in (select distinct r.station_id from monitoring_readings r where ${inRange})`,
  );
}

/**
 * Rolls up the (station_id, h) pairs `touched` selects: their hours, then their Shanghai days.
 * `readings` gives those hours' readings with their hour h, `hourValues` those days' platform hour
 * values with their day d (by default both are found from the pairs).
 */
async function rollUpTouched(
  db: Db,
  touched: SQL,
  readings?: SQL,
  hourValues?: SQL,
): Promise<{ hours: number; days: number }> {
  const months = rowsOf<{ m: string }>(
    await db.execute(
      sql`select distinct date_trunc('month', t.h at time zone 'Asia/Shanghai')::text as m from (${touched}) t`,
    ),
  );
  for (const { m } of months) {
    // the first of a Shanghai month, at noon so no time zone moves it into the previous month
    await ensurePartition(db, 'monitoring_readings_long', new Date(`${m.slice(0, 10)}T12:00:00+08:00`));
  }
  if (months.length === 0) return { hours: 0, days: 0 };
  // Minute values decide an hour when the station sends them; real-time values otherwise (the same
  // choice as the over-limit rule in core/monitoring-rules.ts).
  const hours = rowsOf<{ n: number }>(
    await db.execute(sql`
      with t as (${touched}), agg as (
        select r.station_id, r.factor, r.h,
          coalesce(avg(r.value) filter (where r.cn = '2051' and ${VALID}), avg(r.value) filter (where r.cn = '2011' and ${VALID})) as value,
          min(coalesce(r.min, r.value)) filter (where ${VALID}) as min,
          max(coalesce(r.max, r.value)) filter (where ${VALID}) as max,
          sum(r.cou) filter (where r.cn = '2051' and ${VALID}) as cou,
          count(*) filter (where ${VALID} and r.value is not null) as valid_n,
          max(r.flag) filter (where not ${VALID}) as bad_flag
        from (${
          readings ??
          sql`select r.*, t.h from t join monitoring_readings r
            on r.station_id = t.station_id and r.data_time >= t.h and r.data_time < t.h + interval '1 hour'`
        }) r
        group by r.station_id, r.factor, r.h
      ), up as (
        insert into monitoring_readings_long (station_id, factor, data_time, cn, source, value, min, max, cou, flag)
        select station_id, factor, h, '2061', 'platform', value, min, max, cou, case when valid_n > 0 then 'N' else bad_flag end
        from agg
        on conflict (station_id, factor, data_time, cn, source) do update
          set value = excluded.value, min = excluded.min, max = excluded.max, cou = excluded.cou,
              flag = excluded.flag, received_at = now()
        returning 1
      ) select count(*)::int as n from up`),
  );
  // The day is the Shanghai calendar day; its value is the mean of its valid hour values.
  const days = rowsOf<{ n: number }>(
    await db.execute(sql`
      with d as (
        select distinct t.station_id, (date_trunc('day', t.h at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as d
        from (${touched}) t
      ), agg as (
        select l.station_id, l.factor, l.d,
          avg(l.value) filter (where ${VALID_LONG}) as value,
          min(l.min) filter (where ${VALID_LONG}) as min,
          max(l.max) filter (where ${VALID_LONG}) as max,
          sum(l.cou) filter (where ${VALID_LONG}) as cou,
          count(*) filter (where ${VALID_LONG} and l.value is not null) as valid_n,
          max(l.flag) filter (where not ${VALID_LONG}) as bad_flag
        from (${
          hourValues ??
          sql`select l.*, d.d from d join monitoring_readings_long l
            on l.station_id = d.station_id and l.cn = '2061' and l.source = 'platform'
           and l.data_time >= d.d and l.data_time < d.d + interval '1 day'`
        }) l
        group by l.station_id, l.factor, l.d
      ), up as (
        insert into monitoring_readings_long (station_id, factor, data_time, cn, source, value, min, max, cou, flag)
        select station_id, factor, d, '2031', 'platform', value, min, max, cou, case when valid_n > 0 then 'N' else bad_flag end
        from agg
        on conflict (station_id, factor, data_time, cn, source) do update
          set value = excluded.value, min = excluded.min, max = excluded.max, cou = excluded.cou,
              flag = excluded.flag, received_at = now()
        returning 1
      ) select count(*)::int as n from up`),
  );
  return { hours: hours[0]?.n ?? 0, days: days[0]?.n ?? 0 };
}

/** Every few minutes: the hours touched since the previous pass (its start, less an overlap). */
export const rollupJob: JobHandler = async ({ db, job }) => {
  const since = job.lastRunAt ? new Date(job.lastRunAt.getTime() - OVERLAP_MS) : new Date(Date.now() - FIRST_PASS_MS);
  await rollUp(db, since);
};
