// npm run bench:figures [-- --years=5 --scale=1 --engine=pglite|postgres --only=records|monitoring
//   --stations=238 --pglite-stations=5]: the period report and the leaders' dashboard over N years
// of a county's records, and the monitoring panels over a year of readings, each beside a raw scan
// in the same run, on both engines. In-process (the services the routes call, no HTTP), a
// throw-away database per engine, data generated with generate_series (deterministic: no random()).
//
// Records, per year at --scale=1: 1,000 applications (with visits in person), 4,000 statutory
// clocks on four deadlines (2 % still open), 3,000 enterprise visits to two firms each, 24
// reception days of 20 people. Target (issue 13; perf plan T6): ≤ 200 ms for record figures. Each
// is shown with its CPU time beside the wall time, the figure that holds when the machine is shared.
//
// Monitoring: --stations loggers × 8 water factors × a minute value (CN=2051) every 10 minutes
// through 2025 = 420,480 readings a station (238 stations ≈ 100 M on PostgreSQL; PGlite at
// --pglite-stations, 5 by default ≈ 2.1 M), rolled up to hours and days by the monitoring module's
// own rollup, then the station panels (a month and a year of hourly and daily values) and the
// county's data-capture figure read over the rollups, beside the same series computed from the raw
// readings. Target (issue 13; perf plan T6): p95 ≤ 500 ms over rollups, rollup ≥ 50× raw.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CLOCK_PROFILES, TOWNS } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { figureSource, figureTotals, rowsOf } from '../src/modules/figures/registry.ts';
import { MODULES } from '../src/modules/index.ts';
import { partitionName, type ReadingTable } from '../src/modules/monitoring/readings.ts';
import { rollUpInto } from '../src/modules/monitoring/rollups.ts';
import { listReadings } from '../src/modules/monitoring/service.ts';
import { dashboard } from '../src/modules/period-report/dashboard.ts';
import { freshDraft } from '../src/modules/period-report/service.ts';
import { seedDefaultRules } from '../src/modules/rules/service.ts';
import { installModules } from '../src/platform/registry.ts';
import { loadShippedData } from '../src/platform/shipped.ts';
import type { SessionUser } from '../src/plugins/auth.ts';
import { benchDatabase, type Engine, enginesFromArgs, fmt, machine, table } from './harness.ts';

const arg = (name: string, dflt: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const YEARS = Math.min(10, Math.floor(arg('years', 5)));
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const STATIONS = { postgres: Math.floor(arg('stations', 238)), pglite: Math.floor(arg('pglite-stations', 5)) };
const PANEL_REPS = 20;
const RAW_REPS = 3;
const SCALE = arg('scale', 1);
const REPS = 5;
const LAST_YEAR = 2025; // inside the holiday calendar the platform ships (2020 onwards)
const FIRST_YEAR = LAST_YEAR - YEARS + 1;

const per = (n: number) => Math.max(1, Math.round(n * SCALE));
const APPLICATIONS = per(1_000) * YEARS;
const CLOCKS = per(4_000) * YEARS;
const VISITS = per(3_000) * YEARS;
const SESSIONS = 24 * YEARS;
const DAYS = Math.round((Date.UTC(LAST_YEAR + 1, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000);

/** The county's 3,000 enterprises, which the records and the monitoring stations belong to. */
async function generateEnterprises(db: Db) {
  const towns = TOWNS.map((t) => t.code);
  await db.execute(sql`insert into enterprises (name, name_search, uscc, uscc_valid, address, town_code, industry_code)
    select '上栗测试' || g || '号企业', 'cs' || g, 'BENCH' || lpad(g::text, 13, '0'), false, '上栗县测试路 ' || g || ' 号',
      (string_to_array(${towns.join(',')}, ','))[1 + g % ${towns.length}], (array['2672','3011','3071','0313','1013'])[1 + g % 5]
    from generate_series(1, 3000) g`);
}

async function generate(db: Db) {
  const profiles = DEFAULT_CLOCK_PROFILES.filter(
    (p) => p.direction === 'after-start' && (p.binds ?? 'bureau') === 'bureau',
  )
    .slice(0, 4)
    .map((p) => ({ key: p.key, profile: { key: p.key, length: p.length, unit: p.unit, warnBefore: p.warnBefore } }));
  const start = `${FIRST_YEAR}-01-01`;
  await db.execute(sql`insert into applications (code, matter_code, matter_version, matter_name, enterprise_id, project_name,
      applicant_name, applicant_phone, channel, status, received_at, decided_at, decided_on_time)
    select 'BENCH-' || g, 'eia-report-form', 1, '建设项目环境影响报告表审批', e.id, '测试项目 ' || g, '测试', '13800000000',
      'online', 'approved', ts, ts + interval '9 days', g % 10 <> 0
    from generate_series(1, ${APPLICATIONS}) g
    cross join lateral (select (${start}::date + (g * 7919) % ${DAYS})::timestamptz + interval '9 hours' as ts) t
    join (select id, row_number() over (order by id) - 1 as k from enterprises) e on e.k = g % 3000`);
  await db.execute(sql`insert into application_visits (application_id, purpose, recorded_by_name)
    select a.id, 'submit', '测试' from applications a cross join generate_series(1, 2) v
    where a.code like 'BENCH-%' and (v = 1 or substr(a.code, 7)::int % 4 = 0)`);
  for (const [i, p] of profiles.entries()) {
    const n = Math.floor(CLOCKS / profiles.length);
    await db.execute(sql`insert into clocks (owner_type, owner_id, profile_key, rule_version, profile, title, start,
        completed_at, assignee_role, enterprise_id)
      select 'bench', 'bench-' || ${i} || '-' || g, ${p.key}, 1, ${JSON.stringify(p.profile)}::jsonb, '测试办理事项 ' || g, ts,
        case when g % 50 = 0 then null else ts + ((g % 40) || ' days')::interval end,
        (array['clerk','approver','inspector','monitor'])[1 + g % 4], e.id
      from generate_series(1, ${n}) g
      cross join lateral (select (${start}::date + (g * 104729 + ${i}) % ${DAYS})::timestamptz + interval '10 hours' as ts) t
      join (select id, row_number() over (order by id) - 1 as k from enterprises) e on e.k = (g * 13) % 3000`);
  }
  await db.execute(sql`insert into visits (date, staff, summary)
    select ${start}::date + (g * 31) % ${DAYS}, '[{"name":"测试","leader":false}]'::jsonb, 'bench visit ' || g
    from generate_series(1, ${VISITS}) g`);
  await db.execute(sql`insert into visit_enterprises (visit_id, enterprise_id)
    select v.id, e.id
    from (select id, row_number() over (order by id) as rn from visits where summary like 'bench visit %') v
    join (select id, row_number() over (order by id) - 1 as k from enterprises) e
      on e.k in ((v.rn * 7) % 3000, (v.rn * 7 + 1) % 3000)`);
  await db.execute(sql`insert into reception_sessions (date, kind, leader_name)
    select ${start}::date + (g * 15) % ${DAYS}, case when g % 2 = 0 then 'enterprise' else 'public' end, '测试局长'
    from generate_series(1, ${SESSIONS}) g on conflict do nothing`);
  await db.execute(sql`insert into reception_attendances (session_id, enterprise_id, person_name, walk_in)
    select s.id, e.id, '来访人 ' || g, g % 3 = 0
    from reception_sessions s cross join generate_series(1, 20) g
    join (select id, row_number() over (order by id) - 1 as k from enterprises) e on e.k = g * 37 % 3000`);
}

async function count(db: Db, table: string): Promise<number> {
  return Number((await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
}

/** The raw-scan baseline: every record of the tables the report and the dashboard read, no period, no index. */
async function rawScan(db: Db): Promise<void> {
  for (const t of [
    'applications',
    'application_visits',
    'clocks',
    'visits',
    'visit_enterprises',
    'reception_attendances',
  ]) {
    await rowsOf(db, sql.raw(`select count(*), max(length(t::text)) from ${t} t`));
  }
}

/**
 * CPU time (user + system, ms) used so far by this process and, on PostgreSQL, by each of the
 * database's backends: what a figure costs, which the other engineers' load on the shared 2 cores
 * does not inflate the way it inflates the wall time. PGlite runs on this thread, so the process is
 * all. Keyed by process, so a backend the pool closes in between is left out, not subtracted.
 */
async function cpuMeter(db: Db, engine: Engine): Promise<() => Map<string, number>> {
  const pids =
    engine === 'postgres'
      ? (
          await rowsOf<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database()`)
        ).map((r) => Number(r.pid))
      : [];
  const TICK_MS = 10; // USER_HZ = 100 on Linux
  return () => {
    const u = process.cpuUsage();
    const out = new Map([['self', (u.user + u.system) / 1000]]);
    for (const pid of pids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(String(pid), (Number(f[11]) + Number(f[12])) * TICK_MS); // utime, stime (fields 14, 15)
      } catch {
        // a backend that has gone (the pool closed an idle connection)
      }
    }
    return out;
  };
}

async function time(
  db: Db,
  engine: Engine,
  fn: () => Promise<unknown>,
): Promise<{ median: number; max: number; cpu: number }> {
  await fn(); // warm-up: plans, caches, JIT
  const cpu = await cpuMeter(db, engine); // after the warm-up, so every backend it used is seen
  const ms: number[] = [];
  const c0 = cpu();
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  let used = 0;
  for (const [k, v] of cpu()) used += v - (c0.get(k) ?? v);
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]!, cpu: used / REPS };
}

// ── monitoring ────────────────────────────────────────────────────────────────────────────────
const FACTORS = ['w00000', 'w01001', 'w01010', 'w01012', 'w01018', 'w21001', 'w21003', 'w21011'];
const MON_YEAR = 2025;
const monthStart = (m: number) =>
  `${m > 12 ? MON_YEAR + 1 : MON_YEAR}-${String(m > 12 ? 1 : m).padStart(2, '0')}-01 00:00:00+08`;

/** One month of `table`, loaded as a plain table and then made its partition: the load's steps. */
type MonthLoad = { name: string; from: string; to: string; persistence: string };

/**
 * Makes a loaded month table a partition: the primary key built once over the loaded rows (one
 * sort, already in key order) instead of one index insertion a row, then ATTACH, which validates
 * the month and the station foreign key with one query each instead of a trigger call a row, then
 * VACUUM ANALYZE while the month is still in the page cache (hint bits and the visibility map set
 * now, not by the first timed read; statistics for the planner).
 */
async function attachMonth(db: Db, parent: ReadingTable, load: MonthLoad) {
  const pk =
    parent === 'monitoring_readings'
      ? 'station_id, factor, data_time, cn'
      : 'station_id, factor, data_time, cn, source';
  await db.execute(sql.raw(`alter table "${load.name}" add constraint "${load.name}_pk" primary key (${pk})`));
  await db.execute(
    sql.raw(
      `alter table "${parent}" attach partition "${load.name}" for values from ('${load.from}') to ('${load.to}')`,
    ),
  );
  await db.execute(sql.raw(`vacuum analyze "${load.name}"`));
}

/**
 * CPU seconds the database has spent so far: PostgreSQL's backends serving this database (read
 * from /proc, the server runs on this machine), or this process for PGlite, which runs in it. Beside
 * wall time it is the figure the other engineers' load does not inflate.
 */
async function dbCpuSeconds(db: Db, engine: Engine): Promise<number> {
  if (engine === 'pglite') {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
  const pids = await rowsOf<{ pid: number }>(
    db,
    sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
  );
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // a backend that has exited since: its seconds are lost (the pool keeps its connections)
    }
  }
  return ticks / 100;
}

/**
 * Stations, their factors, a year of 10-minute values, then the module's own hourly and daily
 * rollups, a month at a time. Each month is one INSERT … SELECT from generate_series into a plain
 * table (no index, no trigger, no client round trip a row), then indexed and attached; its rollups
 * are the module's set-based aggregates (rollUpInto) into the month's table of hour and day values,
 * indexed and attached the same way. On PostgreSQL both tables are UNLOGGED: the database is thrown
 * away after the run, and SET LOGGED would write every row again into the WAL (another ~17 GB at
 * 100 M readings, with the checkpoints it forces) for reads that are the same either way.
 */
async function generateReadings(
  db: Db,
  engine: Engine,
  stations: number,
): Promise<{ readings: number; genS: number; rollS: number; cpuS: number }> {
  const cpu0 = await dbCpuSeconds(db, engine);
  await db.execute(sql`insert into monitoring_stations (enterprise_id, name, mn, password, edition, outlet_kind,
      rtd_interval_seconds, min_interval_minutes)
    select e.id, '测试监控点 ' || g, 'BENCHMN' || lpad(g::text, 7, '0'), '123456', '2017', 'water', 30, 10
    from generate_series(1, ${stations}) g
    join (select id, row_number() over (order by id) as k from enterprises) e on e.k = g`);
  await db.execute(sql`insert into monitoring_factors (station_id, code, upper_limit, unit)
    select s.id, f.code, 100, 'mg/L' from monitoring_stations s cross join unnest(${`{${FACTORS.join(',')}}`}::text[]) f(code)
    where s.mn like 'BENCHMN%'`);
  const persistence = engine === 'postgres' ? 'unlogged' : '';
  const expected =
    stations *
    FACTORS.length *
    Math.round((new Date(monthStart(13)).getTime() - new Date(monthStart(1)).getTime()) / 600_000);
  let genS = 0;
  let rollS = 0;
  let done = 0;
  let hourValues = 0;
  const t0 = performance.now();
  for (let m = 1; m <= 12; m++) {
    const from = monthStart(m);
    const to = monthStart(m + 1);
    const slots = Math.round((new Date(to).getTime() - new Date(from).getTime()) / 600_000); // 10-minute values
    const readings = { name: partitionName('monitoring_readings', MON_YEAR, m), from, to, persistence };
    const t1 = performance.now();
    await db.execute(
      sql.raw(`create ${persistence} table "${readings.name}" (like monitoring_readings including defaults)`),
    );
    // Station by station, factor by factor, time ascending: the primary key's order, so its build
    // sorts presorted input and a station's month is contiguous on disk, as the gateway's appends
    // leave it. The LATERAL … OFFSET 0 keeps the stations the outer loop (the planner would put
    // the longest series outside otherwise).
    await db.execute(sql`insert into ${sql.raw(`"${readings.name}"`)} (station_id, factor, data_time, cn, value, min, max, cou, flag)
      select s.id, f.code, ${from}::timestamptz + f.i * interval '10 minutes', '2051', v, v - 0.5, v + 0.5, v * 600, 'N'
      from (select id, row_number() over (order by id) as k from monitoring_stations where mn like 'BENCHMN%') s
      cross join lateral (
        select f.code, f.j, i from unnest(${`{${FACTORS.join(',')}}`}::text[]) with ordinality f(code, j)
        cross join generate_series(0, ${slots - 1}) i where s.k > 0 offset 0
      ) f
      cross join lateral (select 5 + ((s.k * 7 + f.j * 13 + f.i) % 97) / 10.0::float8 as v) x`);
    const t2 = performance.now();
    // the month's rollups are read from the readings before they are indexed: one sequential pass
    // over rows still in the page cache (with the index, the planner walks it instead)
    const long = { name: partitionName('monitoring_readings_long', MON_YEAR, m), from, to, persistence };
    await db.execute(
      sql.raw(`create ${persistence} table "${long.name}" (like monitoring_readings_long including defaults)`),
    );
    const up = await rollUpInto(db, { readings: readings.name, into: long.name });
    await attachMonth(db, 'monitoring_readings_long', long);
    const t3 = performance.now();
    await attachMonth(db, 'monitoring_readings', readings);
    const t4 = performance.now();
    const n = stations * FACTORS.length * slots;
    const gen = (t2 - t1 + (t4 - t3)) / 1000;
    genS += gen;
    rollS += (t3 - t2) / 1000;
    done += n;
    hourValues += up.hours + up.days;
    const elapsed = (t4 - t0) / 1000;
    console.log(
      `${engine}: ${MON_YEAR}-${String(m).padStart(2, '0')}: ${fmt(n)} readings in ${fmt(gen, 1)} s (${fmt(n / gen)} rows/s, ` +
        `${fmt((t4 - t3) / 1000, 1)} s of it the key, attach and vacuum), ${fmt(up.hours)} hours + ${fmt(up.days)} days ` +
        `rolled up in ${fmt((t3 - t2) / 1000, 1)} s; ${fmt(done)} of ${fmt(expected)} readings after ${fmt(elapsed)} s ` +
        `(${fmt(done / elapsed)} rows/s), ETA ${fmt((elapsed / done) * (expected - done))} s; load ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  console.log(`${engine}: ${fmt(hourValues)} hour and day values`);
  await db.execute(sql`analyze monitoring_readings`);
  await db.execute(sql`analyze monitoring_readings_long`);
  const cpuS = (await dbCpuSeconds(db, engine)) - cpu0;
  return { readings: await count(db, 'monitoring_readings'), genS, rollS, cpuS };
}

async function timePanel(fn: (i: number) => Promise<unknown>, reps: number): Promise<{ median: number; p95: number }> {
  await fn(reps); // warm-up on a station the timed runs do not read
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]! };
}

async function monitoringPanels(db: Db, engine: Engine, stations: number): Promise<string[][]> {
  const { readings, genS, rollS, cpuS } = await generateReadings(db, engine, stations);
  const size = await rowsOf<{ size: string }>(
    db,
    sql`select pg_size_pretty(pg_database_size(current_database())) as size`,
  );
  const hourly = await count(db, 'monitoring_readings_long');
  console.log(
    `${engine}: ${fmt(readings)} readings (${stations} stations × ${FACTORS.length} factors, every 10 min of ${MON_YEAR}) in ${fmt(genS, 1)} s; ${fmt(hourly)} hour and day values rolled up in ${fmt(rollS, 1)} s; ${fmt(cpuS)} CPU s in the database; database ${size[0]?.size}; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const ids = (
    await rowsOf<{ id: string }>(
      db,
      sql`select id::text as id from monitoring_stations where mn like 'BENCHMN%' order by mn`,
    )
  ).map((r) => r.id);
  const station = (i: number) => ids[i % ids.length]!;
  // staff see every station (an enterprise user only its own): the monitoring desk reads the panels
  const staff: SessionUser = {
    id: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    displayName: 'bench',
    roles: ['monitor'],
    enterpriseId: null,
    enterpriseName: null,
    sessionId: 'bench',
    csrfToken: 'bench',
    mustChangePassword: false,
  };
  const month = { from: new Date(monthStart(6)), to: new Date(monthStart(7)) };
  const year = { from: new Date(monthStart(1)), to: new Date(monthStart(13)) };
  const page = (pageSize: number) => ({ page: 1, pageSize });
  const valid = sql.raw(`(r.flag is null or r.flag = '' or upper(r.flag) = 'N')`);
  const raw = (i: number, from: Date, to: Date, bucket: 'hour' | 'day', factor?: string) =>
    rowsOf(
      db,
      sql`select r.factor, date_trunc(${bucket}, r.data_time at time zone 'Asia/Shanghai') as t, avg(r.value) filter (where ${valid}) as value,
          min(coalesce(r.min, r.value)) as min, max(coalesce(r.max, r.value)) as max
        from monitoring_readings r
        where r.station_id = ${station(i)} and r.data_time >= ${from.toISOString()}::timestamptz and r.data_time < ${to.toISOString()}::timestamptz
          ${factor ? sql`and r.factor = ${factor}` : sql``}
        group by 1, 2 order by 2, 1`,
    );
  const capture = figureSource('monitoringDataCaptureRate');
  if (!capture) throw new Error('the monitoring figures are not registered');
  const monthPeriod = { from: `${MON_YEAR}-06-01`, to: `${MON_YEAR}-06-30` };
  const out: string[][] = [];
  const row = (what: string, r: { median: number; p95: number }, base: { median: number }, target: boolean) =>
    out.push([
      engine,
      what,
      fmt(r.median, 1),
      fmt(r.p95, 1),
      target ? fmt(base.median / r.median, 1) : '1',
      target
        ? `p95 ≤ 500 ms ${r.p95 <= 500 ? 'met' : 'not met'}; ≥ 50× ${base.median / r.median >= 50 ? 'met' : 'not met'}`
        : '',
    ]);
  const pair = async (what: string, rollup: (i: number) => Promise<unknown>, scan: (i: number) => Promise<unknown>) => {
    const base = await timePanel(scan, RAW_REPS);
    row(`${what}: raw readings (baseline)`, base, base, false);
    row(`${what}: rollups`, await timePanel(rollup, PANEL_REPS), base, true);
  };
  await pair(
    'station, a month of hourly values, one factor',
    (i) =>
      listReadings(db, staff, station(i), { ...month, factor: 'w01018', cn: '2061', source: 'platform' }, page(1000)),
    (i) => raw(i, month.from, month.to, 'hour', 'w01018'),
  );
  await pair(
    'station, a year of daily values, 8 factors',
    (i) => listReadings(db, staff, station(i), { ...year, cn: '2031', source: 'platform' }, page(5000)),
    (i) => raw(i, year.from, year.to, 'day'),
  );
  await pair(
    'station, a year of hourly values, one factor (first 5,000)',
    (i) =>
      listReadings(db, staff, station(i), { ...year, factor: 'w01018', cn: '2061', source: 'platform' }, page(5000)),
    (i) => raw(i, year.from, year.to, 'hour', 'w01018'),
  );
  await pair(
    'county, data-capture rate of a month (all stations)',
    () => figureTotals(db, [capture], monthPeriod),
    () =>
      rowsOf(
        db,
        sql`select count(*) from (select distinct r.station_id, r.factor, date_trunc('hour', r.data_time)
          from monitoring_readings r where r.data_time >= ${month.from.toISOString()}::timestamptz
            and r.data_time < ${month.to.toISOString()}::timestamptz and r.value is not null and ${valid}) x`,
      ),
  );
  return out;
}

async function recordFigures(db: Db, engine: Engine): Promise<string[][]> {
  const t0 = performance.now();
  await generate(db);
  await db.execute(sql`analyze`);
  const genS = (performance.now() - t0) / 1000;
  const rows = (
    await Promise.all(
      ['applications', 'clocks', 'visits', 'visit_enterprises', 'reception_attendances'].map((t) => count(db, t)),
    )
  ).reduce((s, n) => s + n, 0);
  console.log(`${engine}: ${fmt(rows)} records over ${FIRST_YEAR}–${LAST_YEAR} generated in ${fmt(genS, 1)} s`);
  const year = { from: `${LAST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` };
  const all = { from: `${FIRST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` };
  const scan = await time(db, engine, () => rawScan(db));
  const out: string[][] = [];
  const row = (what: string, r: { median: number; max: number; cpu: number }, target?: number) =>
    out.push([
      engine,
      what,
      fmt(r.median, 1),
      fmt(r.max, 1),
      fmt(r.cpu, 1),
      fmt(r.median / scan.median, 2),
      target ? `≤ ${target} ms ${r.median <= target ? 'met' : 'not met'}` : '',
    ]);
  const timed = (fn: () => Promise<unknown>) => time(db, engine, fn);
  row('raw scan of the same tables (baseline)', scan);
  row(`period report, ${LAST_YEAR}`, await timed(() => freshDraft(db, year)), 200);
  row(`period report, ${YEARS} years`, await timed(() => freshDraft(db, all)), 200);
  row(`dashboard, ${LAST_YEAR}`, await timed(() => dashboard(db, year, {})), 200);
  row(`dashboard, ${LAST_YEAR}, one town`, await timed(() => dashboard(db, year, { town: TOWNS[0]!.code })), 200);
  row(`dashboard, ${YEARS} years`, await timed(() => dashboard(db, all, {})), 200);
  return out;
}

async function runEngine(engine: Engine): Promise<string[][]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `qs-bench-figures-${engine}-`));
  let pgDatabase: { url: string; drop(): Promise<void> } | undefined;
  const env: Record<string, string> = { QINGSHAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (engine === 'postgres') {
    pgDatabase = await benchDatabase('qs_bench_fig');
    env.DATABASE_URL = pgDatabase.url;
  }
  const database = await openConfiguredDatabase(loadConfig(env));
  try {
    await database.migrate();
    const db = database.db;
    await seedDefaultRules(db);
    await loadShippedData(db);
    await generateEnterprises(db);
    const out: string[][] = [];
    if (ONLY !== 'monitoring') out.push(...(await recordFigures(db, engine)));
    if (ONLY !== 'records') monitoring.push(...(await monitoringPanels(db, engine, STATIONS[engine])));
    return out;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (pgDatabase && process.env.BENCH_KEEP === '1') console.log(`kept ${env.DATABASE_URL}`);
    else if (pgDatabase) {
      await pgDatabase.drop();
    }
  }
}

installModules(MODULES);
console.log(`bench:figures on ${machine()}`);
console.log(`${YEARS} years × scale ${SCALE}; median and slowest of ${REPS} runs after one warm-up\n`);
const rows: string[][] = [['engine', 'query', 'median ms', 'max ms', 'CPU ms', '× raw scan', 'target']];
const monitoring: string[][] = [['engine', 'panel', 'median ms', 'p95 ms', '× faster than raw', 'target']];
for (const engine of enginesFromArgs()) rows.push(...(await runEngine(engine)));
if (ONLY !== 'monitoring') {
  // CPU ms: the mean per run of this process's CPU time plus, on PostgreSQL, the backends' (cpuMeter)
  console.log(
    `\nrecords: median and slowest wall time, mean CPU time per run; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(table(rows));
}
if (ONLY !== 'records') {
  console.log(
    `\nmonitoring panels: median and p95 of ${PANEL_REPS} runs over rollups (${RAW_REPS} over raw readings), stations in turn; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(table(monitoring));
}
process.exit(0);
