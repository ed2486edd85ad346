// Hourly and daily rollups computed by the platform (source = 'platform'), kept beside the values
// the station sent itself (2061/2031, source = 'station') in monitoring_readings_long: a station
// page over weeks reads a few hundred rows instead of tens of thousands, and the real-time values
// can leave with their month partitions while the hours and days stay.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { JobHandler } from '../scheduler/service.ts';
import { ensurePartition, monthOf, rowsOf } from './readings.ts';

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

/** The Shanghai months [from, to) touches, each as a time inside it (partitions follow those months). */
function monthsOf(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  let { y, m } = monthOf(from);
  const last = monthOf(new Date(to.getTime() - 1));
  while (y * 12 + m <= last.y * 12 + last.m) {
    // the first of a Shanghai month, at noon so no time zone moves it into the previous month
    out.push(new Date(`${y}-${String(m).padStart(2, '0')}-01T12:00:00+08:00`));
    m += 1;
    if (m > 12) {
      y += 1;
      m = 1;
    }
  }
  return out;
}

const inRange = (from: Date, to: Date) =>
  sql`r.data_time >= ${from.toISOString()}::timestamptz and r.data_time < ${to.toISOString()}::timestamptz`;

/** Rows of monitoring_readings in [from, to) with their hour h. */
const readingsIn = (from: Date, to: Date) =>
  sql`select r.*, date_trunc('hour', r.data_time) as h from monitoring_readings r where ${inRange(from, to)}`;

/** The Shanghai days that hold [from, to), as [first day's start, last day's end). */
const daysOf = (from: Date, to: Date) => [
  sql`(date_trunc('day', ${from.toISOString()}::timestamptz at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`,
  sql`(date_trunc('day', (${to.toISOString()}::timestamptz - interval '1 microsecond') at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') + interval '1 day'`,
];

/**
 * Every station's hours with readings in [from, to), then every station's days that hold them:
 * rebuilds the rollups after a bulk load (a restore) the way the job builds them as frames arrive.
 * Set-based: one pass over the range's readings for the hours and one over its hour values for the
 * days, no per-(station, hour) probe and no scan just to find the months.
 */
export async function rollUpRange(db: Db, from: Date, to: Date): Promise<{ hours: number; days: number }> {
  for (const m of monthsOf(from, to)) await ensurePartition(db, 'monitoring_readings_long', m);
  const [dayFrom, dayTo] = daysOf(from, to);
  const hours = await upsert(db, hourValues(readingsIn(from, to)));
  // A day is the mean of all its platform hour values, so a day the range only partly covers is
  // recomputed from the hours already there too; stations without hours there have no day to change.
  const days = await upsert(
    db,
    dayValues(sql`select l.*, ${dayDay('l')} as d from monitoring_readings_long l
      where l.cn = '2061' and l.source = 'platform' and l.data_time >= ${dayFrom} and l.data_time < ${dayTo}`),
  );
  return { hours, days };
}

/**
 * A bulk load's rollups: the hour and day values of the readings in `readings`, a table of one
 * month's readings being loaded (not yet a partition, so not yet indexed), written with plain
 * INSERTs into `into`, an empty table shaped like monitoring_readings_long (also not yet a
 * partition). bench:figures loads 100 M readings this way, then indexes and attaches both tables.
 * The same aggregates as the job and rollUpRange, without the upsert, the foreign-key trigger and
 * the index insertion a row; the month's rows are read in one sequential pass while they are still
 * in the page cache, and grouped and sorted in memory (work_mem raised for this transaction only: a
 * month of a county is about 1.4 M hour groups, which the default 4 MB would spill to disk).
 */
export async function rollUpInto(
  db: Db,
  tables: { readings: string; into: string },
): Promise<{ hours: number; days: number }> {
  for (const t of [tables.readings, tables.into]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`rollUpInto: not a table name: ${t}`);
  }
  const into = sql.raw(`insert into "${tables.into}" (${LONG_COLUMNS})`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '256MB'`);
    // in key order (station, factor, time): a hash aggregate hands its groups back in hash order,
    // and a station's year of hour values scattered over every page of its months makes each
    // station panel and the capture figure read the whole partition (20× slower, measured at 10 M)
    const count = async (q: SQL) =>
      rowsOf<{ n: number }>(
        await tx.execute(sql`with i as (${into} ${q} order by 1, 2, 3 returning 1) select count(*)::int as n from i`),
      )[0]?.n ?? 0;
    const hours = await count(
      hourValues(sql`select r.*, date_trunc('hour', r.data_time) as h from ${sql.raw(`"${tables.readings}"`)} r`),
    );
    const days = await count(
      dayValues(sql`select l.*, ${dayDay('l')} as d from ${sql.raw(`"${tables.into}"`)} l where l.cn = '2061'`),
    );
    return { hours, days };
  });
}

const LONG_COLUMNS = 'station_id, factor, data_time, cn, source, value, min, max, cou, flag';

/** The Shanghai day an hour value belongs to, as its start instant. */
const dayDay = (alias: string) =>
  sql.raw(`(date_trunc('day', ${alias}.data_time at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`);

/**
 * The platform's hour values of `readings` (rows of monitoring_readings with their hour h), in
 * LONG_COLUMNS order. Minute values decide an hour when the station sends them; real-time values
 * otherwise (the same choice as the over-limit rule in core/monitoring-rules.ts). The flag test is
 * evaluated once a row (ok), not once per aggregate: it is most of the aggregate's cost.
 */
function hourValues(readings: SQL): SQL {
  return sql`select station_id, factor, h, '2061', 'platform', value, min, max, cou,
      case when valid_n > 0 then 'N' else bad_flag end
    from (
      select r.station_id, r.factor, r.h,
        coalesce(avg(r.value) filter (where r.cn = '2051' and r.ok), avg(r.value) filter (where r.cn = '2011' and r.ok)) as value,
        min(coalesce(r.min, r.value)) filter (where r.ok) as min,
        max(coalesce(r.max, r.value)) filter (where r.ok) as max,
        sum(r.cou) filter (where r.cn = '2051' and r.ok) as cou,
        count(*) filter (where r.ok and r.value is not null) as valid_n,
        max(r.flag) filter (where not r.ok) as bad_flag
      from (select r.*, ${VALID} as ok from (${readings}) r) r
      group by r.station_id, r.factor, r.h
    ) agg`;
}

/** The platform's day values of `hours` (platform hour values with their Shanghai day d): the mean of the valid ones. */
function dayValues(hours: SQL): SQL {
  return sql`select station_id, factor, d, '2031', 'platform', value, min, max, cou,
      case when valid_n > 0 then 'N' else bad_flag end
    from (
      select l.station_id, l.factor, l.d,
        avg(l.value) filter (where l.ok) as value,
        min(l.min) filter (where l.ok) as min,
        max(l.max) filter (where l.ok) as max,
        sum(l.cou) filter (where l.ok) as cou,
        count(*) filter (where l.ok and l.value is not null) as valid_n,
        max(l.flag) filter (where not l.ok) as bad_flag
      from (select l.*, ${VALID_LONG} as ok from (${hours}) l) l
      group by l.station_id, l.factor, l.d
    ) agg`;
}

/** Writes `values` (LONG_COLUMNS rows) into monitoring_readings_long, replacing what is there; how many. */
async function upsert(db: Db, values: SQL): Promise<number> {
  const n = rowsOf<{ n: number }>(
    await db.execute(sql`
      with up as (
        insert into monitoring_readings_long (${sql.raw(LONG_COLUMNS)})
        ${values}
        on conflict (station_id, factor, data_time, cn, source) do update
          set value = excluded.value, min = excluded.min, max = excluded.max, cou = excluded.cou,
              flag = excluded.flag, received_at = now()
        returning 1
      ) select count(*)::int as n from up`),
  );
  return n[0]?.n ?? 0;
}

/**
 * Rolls up the (station_id, h) pairs `touched` selects: their hours, then their Shanghai days
 * (each day from all its platform hour values).
 */
async function rollUpTouched(db: Db, touched: SQL): Promise<{ hours: number; days: number }> {
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
  const hours = await upsert(
    db,
    hourValues(sql`select r.*, t.h from (${touched}) t join monitoring_readings r
      on r.station_id = t.station_id and r.data_time >= t.h and r.data_time < t.h + interval '1 hour'`),
  );
  const days = await upsert(
    db,
    dayValues(sql`select l.*, d.d from (
        select distinct t.station_id, (date_trunc('day', t.h at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as d
        from (${touched}) t
      ) d join monitoring_readings_long l
        on l.station_id = d.station_id and l.cn = '2061' and l.source = 'platform'
       and l.data_time >= d.d and l.data_time < d.d + interval '1 day'`),
  );
  return { hours, days };
}

/** Every few minutes: the hours touched since the previous pass (its start, less an overlap). */
export const rollupJob: JobHandler = async ({ db, job }) => {
  const since = job.lastRunAt ? new Date(job.lastRunAt.getTime() - OVERLAP_MS) : new Date(Date.now() - FIRST_PASS_MS);
  await rollUp(db, since);
};
