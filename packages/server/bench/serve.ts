// The server as the benchmarks run it: the same app, database opening, migrations and demo seed
// as main.ts, without the web build (not needed for API figures), plus a bulk of synthetic
// records so the heavy queries have something to chew on. Started by harness.ts as a child
// process; prints one line `ready <port>` when it listens.
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { MODULES } from '../src/modules/index.ts';
import { startGateway } from '../src/modules/monitoring/gateway.ts';
import { batchingFor } from '../src/modules/monitoring/group-commit.ts';
import { seedDefaultRules } from '../src/modules/rules/service.ts';
import { collectStartupGarbage } from '../src/platform/memory.ts';
import { installModules } from '../src/platform/registry.ts';
import { seedIfEmpty } from '../src/seed/seed.ts';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
await database.migrate();
installModules(MODULES);
await seedDefaultRules(database.db);
await seedIfEmpty(database, config, () => {});
await addBulk(database.db);
await seedStormStations(
  database.db,
  Number(process.env.BENCH_STORM_STATIONS ?? 0),
  process.env.BENCH_STORM_PREFIX ?? 'STORM',
);
const app = await buildApp({ config, database, serveWeb: false });
await app.listen({ port: config.port, host: '127.0.0.1' });
// bench:ingest's baseline for P2: a second gateway in this process that acks only after the commit
// (as INGEST_JOURNAL=off does), on the same database, measured in the same run as the journal's
const commitPort = Number(process.env.BENCH_COMMIT_GATEWAY_PORT ?? 0);
const commitGateway =
  commitPort > 0
    ? await startGateway({
        db: database.db,
        batch: batchingFor(database.engine),
        port: commitPort,
        host: '127.0.0.1',
        maxConnections: config.hj212MaxConnections,
      })
    : null;
// as main.ts does once it listens (harness.ts starts this with --expose-gc, as npm start does main.ts)
collectStartupGarbage();
console.log(`ready ${config.port}`);

const stop = async () => {
  await commitGateway?.close();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

/**
 * Enough records for ten years of figures to be real work: 3,000 more enterprises (the register's
 * search), 20,000 visits to two enterprises each across 2020-2029, and about 2,000 reception days with
 * four attendances each. Plain SQL, the same on both engines.
 */
async function addBulk(db: typeof database.db) {
  const [{ n } = { n: 0 }] = (
    (await db.execute(sql`select count(*)::int as n from enterprises where uscc like 'BENCH%'`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  if (n > 0) return;
  await db.execute(sql`insert into enterprises (name, name_search, uscc, uscc_valid, address, town_code, industry_code)
    select '上栗' || (array['金花','鸿达','兴旺','福源','长平','赤山','杨岐','彭高'])[1 + g % 8] || '测试' || g || '号企业',
      'sl' || g, 'BENCH' || lpad(g::text, 13, '0'), false, '萍乡市上栗县测试路 ' || g || ' 号',
      (select town_code from enterprises order by uscc limit 1), '2672'
    from generate_series(1, 3000) g`);
  await db.execute(sql`insert into visits (date, staff, summary)
    select date '2020-01-01' + (g % 3650), '[{"name":"测试","leader":false}]'::jsonb, 'bench visit ' || g
    from generate_series(1, 20000) g`);
  await db.execute(sql`insert into visit_enterprises (visit_id, enterprise_id)
    select v.id, e.id
    from (select id, row_number() over (order by id) as rn from visits where summary like 'bench visit %') v
    join (select id, row_number() over (order by id) - 1 as k from enterprises) e
      on e.k in ((v.rn * 7) % 3000, (v.rn * 7 + 1) % 3000)`);
  await db.execute(sql`insert into reception_sessions (date, kind, leader_name)
    select date '2021-01-01' + g, case when g % 2 = 0 then 'enterprise' else 'public' end, '测试局长'
    from generate_series(1, 2000) g
    on conflict do nothing`);
  await db.execute(sql`insert into reception_attendances (session_id, enterprise_id, person_name, walk_in)
    select s.id, case when s.kind = 'enterprise' then e.id end, '来访人' || a, a % 2 = 0
    from reception_sessions s
    cross join generate_series(1, 4) a
    join (select id, row_number() over (order by id) - 1 as k from enterprises) e on e.k = (a * 11 + (s.date - date '2021-01-01')) % 3000
    where s.leader_name = '测试局长'`);
  // A running PostgreSQL's autovacuum gathers statistics on a bulk like this within a minute; PGlite
  // and a server with autovacuum off (this machine's) never do, and the planner then guesses row
  // counts 50–100× too low. Measure the plans a running database gets.
  await db.execute(sql`analyze`);
}

/**
 * bench:ingest's back-fill storm: BENCH_STORM_STATIONS stations registered in two statements (MN =
 * prefix + zero-padded number, 24 characters, password 123456), each with the 10 factors the bench
 * sends and a limit on three, as the API registers them. Ten thousand registrations over the API,
 * a few at a time, would take longer than the storm they serve.
 */
async function seedStormStations(db: typeof database.db, n: number, prefix: string) {
  if (!(n > 0)) return;
  const width = 24 - prefix.length;
  await db.execute(sql`insert into monitoring_stations (enterprise_id, name, mn, password, edition, outlet_kind, rtd_interval_seconds, min_interval_minutes)
    select (select id from enterprises order by uscc limit 1), '补传压测排口' || g, ${prefix} || lpad(g::text, ${width}, '0'),
      '123456', '2017', 'gas', 30, 10
    from generate_series(0, ${n - 1}) g
    on conflict do nothing`);
  await db.execute(sql`insert into monitoring_factors (station_id, code, upper_limit)
    select s.id, f.code, case when f.k <= 3 then 200 end
    from monitoring_stations s
    cross join (values ('a21026', 1), ('a21002', 2), ('a34013', 3), ('a21005', 4), ('a19001', 5), ('a01011', 6),
                       ('a01012', 7), ('a01013', 8), ('a01014', 9), ('a00000', 10)) as f(code, k)
    where s.mn like ${`${prefix}%`}
    on conflict do nothing`);
}
