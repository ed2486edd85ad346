// npm run bench:figures [-- --years=5 --scale=1 --engine=pglite|postgres]: the period report and the
// leaders' dashboard over N years of a county's records, beside a raw scan of the same tables in
// the same run, on both engines. In-process (the services the routes call, no HTTP), a throw-away
// database per engine, records generated with generate_series (deterministic: no random()).
//
// Per year at --scale=1: 1,000 applications (with visits in person), 4,000 statutory clocks on
// four deadlines (2 % still open), 3,000 enterprise visits to two firms each, 24 reception days of
// 20 people. The target (issue 13; perf plan T6) is ≤ 200 ms for record figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CLOCK_PROFILES, TOWNS } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { rowsOf } from '../src/modules/figures/registry.ts';
import { MODULES } from '../src/modules/index.ts';
import { dashboard } from '../src/modules/period-report/dashboard.ts';
import { freshDraft } from '../src/modules/period-report/service.ts';
import { seedDefaultRules } from '../src/modules/rules/service.ts';
import { installModules } from '../src/platform/registry.ts';
import { loadShippedData } from '../src/platform/shipped.ts';
import { type Engine, enginesFromArgs, fmt, machine, POSTGRES_ADMIN_URL, table } from './harness.ts';

const arg = (name: string, dflt: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const YEARS = Math.min(10, Math.floor(arg('years', 5)));
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

async function generate(db: Db) {
  const towns = TOWNS.map((t) => t.code);
  const profiles = DEFAULT_CLOCK_PROFILES.filter(
    (p) => p.direction === 'after-start' && (p.binds ?? 'bureau') === 'bureau',
  )
    .slice(0, 4)
    .map((p) => ({ key: p.key, profile: { key: p.key, length: p.length, unit: p.unit, warnBefore: p.warnBefore } }));
  await db.execute(sql`insert into enterprises (name, name_search, uscc, uscc_valid, address, town_code, industry_code)
    select '上栗测试' || g || '号企业', 'cs' || g, 'BENCH' || lpad(g::text, 13, '0'), false, '上栗县测试路 ' || g || ' 号',
      (string_to_array(${towns.join(',')}, ','))[1 + g % ${towns.length}], (array['2672','3011','3071','0313','1013'])[1 + g % 5]
    from generate_series(1, 3000) g`);
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

async function time(fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await fn(); // warm-up: plans, caches, JIT
  const ms: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]! };
}

async function runEngine(engine: Engine): Promise<string[][]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `qs-bench-figures-${engine}-`));
  let dbName: string | undefined;
  const env: Record<string, string> = { QINGSHAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (engine === 'postgres') {
    dbName = `qs_bench_fig_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(POSTGRES_ADMIN_URL);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
  }
  const database = await openConfiguredDatabase(loadConfig(env));
  try {
    await database.migrate();
    const db = database.db;
    await seedDefaultRules(db);
    await loadShippedData(db);
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
    const scan = await time(() => rawScan(db));
    const out: string[][] = [];
    const row = (what: string, r: { median: number; max: number }, target?: number) =>
      out.push([
        engine,
        what,
        fmt(r.median, 1),
        fmt(r.max, 1),
        fmt(r.median / scan.median, 2),
        target ? `≤ ${target} ms ${r.median <= target ? 'met' : 'not met'}` : '',
      ]);
    row('raw scan of the same tables (baseline)', scan);
    row(`period report, ${LAST_YEAR}`, await time(() => freshDraft(db, year)), 200);
    row(`period report, ${YEARS} years`, await time(() => freshDraft(db, all)), 200);
    row(`dashboard, ${LAST_YEAR}`, await time(() => dashboard(db, year, {})), 200);
    row(`dashboard, ${LAST_YEAR}, one town`, await time(() => dashboard(db, year, { town: TOWNS[0]!.code })), 200);
    row(`dashboard, ${YEARS} years`, await time(() => dashboard(db, all, {})), 200);
    return out;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dbName && process.env.BENCH_KEEP === '1') console.log(`kept ${env.DATABASE_URL}`);
    else if (dbName) {
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

installModules(MODULES);
console.log(`bench:figures on ${machine()}`);
console.log(`${YEARS} years × scale ${SCALE}; median and slowest of ${REPS} runs after one warm-up\n`);
const rows: string[][] = [['engine', 'query', 'median ms', 'max ms', '× raw scan', 'target']];
for (const engine of enginesFromArgs()) rows.push(...(await runEngine(engine)));
console.log(`\n${table(rows)}`);
process.exit(0);
