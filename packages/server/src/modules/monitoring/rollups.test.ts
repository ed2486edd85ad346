import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { ensurePartition, rowsOf } from './readings.ts';
import { rollUpInto, rollUpPeriod, rollUpRange } from './rollups.ts';

// The three ways the platform's hour and day values are computed (the job's per-(station, hour)
// path, rollUpRange's one pass over a range, and rollUpInto's plain inserts for a bulk load) give
// the same values: minute values decide an hour over real-time ones, flagged values never count,
// an hour with only flagged values keeps their flag, a day is the mean of its valid hours.

let database: Database;
let stationId: string;

const at = (s: string) => new Date(s);
// 2026-05-10 08:00 and 09:00 Shanghai, and 2026-05-11 01:00 Shanghai (the next Shanghai day,
// still 2026-05-10 in UTC)
const H1 = '2026-05-10T08:00:00+08:00';
const H2 = '2026-05-10T09:00:00+08:00';
const H3 = '2026-05-11T01:00:00+08:00';
const MAY = [at('2026-05-01T00:00:00+08:00'), at('2026-06-01T00:00:00+08:00')] as const;

type Row = {
  factor: string;
  t: string;
  cn: string;
  value: number | null;
  min: number | null;
  max: number | null;
  flag: string;
};

async function platformRows(table = 'monitoring_readings_long'): Promise<Row[]> {
  return rowsOf<Row>(
    await database.db.execute(
      sql.raw(`select factor, data_time::text as t, cn, value, min, max, flag from "${table}"
        where station_id = '${stationId}' and source = 'platform' order by cn, data_time, factor`),
    ),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const [e] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into enterprises (name, name_search, uscc, uscc_valid, address, town_code, industry_code)
      values ('汇总测试企业', 'hzcs', 'ROLLUPTEST0000001', false, '上栗县测试路 1 号', '360322100', '2672') returning id`),
  );
  const [s] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into monitoring_stations (enterprise_id, name, mn, password, edition, outlet_kind,
        rtd_interval_seconds, min_interval_minutes)
      values (${e!.id}, '汇总测试点', 'ROLLUPTEST000001', '123456', '2017', 'water', 30, 10) returning id`),
  );
  stationId = s!.id;
  await ensurePartition(db, 'monitoring_readings', at(H1));
  const r = (factor: string, time: string, cn: string, value: number, flag: string, min?: number, max?: number) =>
    sql`(${stationId}, ${factor}, ${time}::timestamptz, ${cn}, ${value}, ${min ?? null}::float8, ${max ?? null}::float8, ${flag})`;
  await db.execute(sql`insert into monitoring_readings (station_id, factor, data_time, cn, value, min, max, flag) values
    ${sql.join(
      [
        // H1, w01018: two valid minute values, one flagged; a real-time value the minute values outrank
        r('w01018', '2026-05-10T08:00:00+08:00', '2051', 10, 'N', 9, 11),
        r('w01018', '2026-05-10T08:10:00+08:00', '2051', 20, 'N', 18, 22),
        r('w01018', '2026-05-10T08:20:00+08:00', '2051', 999, 'D', 999, 999),
        r('w01018', '2026-05-10T08:30:00+08:00', '2011', 70, 'N'),
        // H2, w01018: real-time values only
        r('w01018', '2026-05-10T09:00:00+08:00', '2011', 40, 'N'),
        r('w01018', '2026-05-10T09:30:00+08:00', '2011', 50, 'n'),
        // H1, w00000: only a flagged value
        r('w00000', '2026-05-10T08:40:00+08:00', '2051', 7, 'D'),
        // H3, the next Shanghai day
        r('w01018', '2026-05-11T01:10:00+08:00', '2051', 8, 'N'),
      ],
      sql`, `,
    )}`);
});

afterAll(async () => {
  await database?.close();
});

describe('rollups', () => {
  it('the job, a range and a bulk load compute the same hour and day values', async () => {
    const db = database.db;
    const job = await rollUpPeriod(db, stationId, ...MAY);
    const expected = await platformRows();
    expect(expected.map((x) => [x.cn, new Date(x.t).toISOString(), x.factor, x.value, x.min, x.max, x.flag])).toEqual([
      ['2031', at('2026-05-10T00:00:00+08:00').toISOString(), 'w00000', null, null, null, 'D'],
      ['2031', at('2026-05-10T00:00:00+08:00').toISOString(), 'w01018', 30, 9, 70, 'N'],
      ['2031', at('2026-05-11T00:00:00+08:00').toISOString(), 'w01018', 8, 8, 8, 'N'],
      ['2061', at(H1).toISOString(), 'w00000', null, null, null, 'D'],
      ['2061', at(H1).toISOString(), 'w01018', 15, 9, 70, 'N'],
      ['2061', at(H2).toISOString(), 'w01018', 45, 40, 50, 'N'],
      ['2061', at(H3).toISOString(), 'w01018', 8, 8, 8, 'N'],
    ]);
    expect(job).toEqual({ hours: 4, days: 3 });

    await db.execute(sql`delete from monitoring_readings_long where station_id = ${stationId}`);
    expect(await rollUpRange(db, ...MAY)).toEqual({ hours: 4, days: 3 });
    // twice: upserts, nothing doubles
    expect(await rollUpRange(db, ...MAY)).toEqual({ hours: 4, days: 3 });
    expect(await platformRows()).toEqual(expected);

    await db.execute(sql`create table rollup_bulk (like monitoring_readings_long including defaults)`);
    await db.execute(
      sql`create table rollup_bulk_readings as select * from monitoring_readings where station_id = ${stationId}`,
    );
    expect(await rollUpInto(db, { readings: 'rollup_bulk_readings', into: 'rollup_bulk' })).toEqual({
      hours: 4,
      days: 3,
    });
    expect(await platformRows('rollup_bulk')).toEqual(expected);
    await expect(
      rollUpInto(db, { readings: 'rollup_bulk_readings', into: 'rollup_bulk; drop table x' }),
    ).rejects.toThrow(/not a table name/);
  });

  it('a range that covers part of a day recomputes that day from all its hour values', async () => {
    const db = database.db;
    await rollUpRange(db, ...MAY);
    // only H2's hour is in this range; the day's value still averages H1 and H2
    expect(await rollUpRange(db, at(H2), at('2026-05-10T10:00:00+08:00'))).toMatchObject({ hours: 1 });
    const day = (await platformRows()).find((x) => x.cn === '2031' && x.factor === 'w01018');
    expect(day?.value).toBe(30);
  });
});
