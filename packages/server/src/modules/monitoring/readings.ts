import { sql } from 'drizzle-orm';
import { doublePrecision, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';

// Query definitions of the month-partitioned readings tables. They are created by the hand-written
// migration drizzle/0007_monitoring_readings.sql (drizzle-kit cannot express PARTITION BY), which
// is why they live here and not in tables.ts: drizzle-kit would otherwise generate a plain table.
// Their station_id is no foreign key (dropped by 0016_readings_no_station_fk.sql, which says why).
const readingColumns = {
  stationId: uuid('station_id').notNull(),
  factor: text('factor').notNull(),
  dataTime: timestamp('data_time', { withTimezone: true }).notNull(),
  cn: text('cn').notNull(),
  value: doublePrecision('value'),
  min: doublePrecision('min'),
  max: doublePrecision('max'),
  cou: doublePrecision('cou'),
  flag: text('flag'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Real-time (2011) and minute (2051) values: short-lived, leave by whole month partitions. */
export const monitoringReadings = pgTable('monitoring_readings', readingColumns);

/** Hourly (2061) and daily (2031) values, the station's own (`source = station`) and the platform's: kept. */
export const monitoringReadingsLong = pgTable('monitoring_readings_long', {
  ...readingColumns,
  source: text('source').notNull(),
});

export type ReadingTable = 'monitoring_readings' | 'monitoring_readings_long';

export const SHORT_CNS = new Set(['2011', '2051']);
export const LONG_CNS = new Set(['2061', '2031']);

const SHANGHAI_MS = 8 * 3_600_000;

/** The Shanghai calendar month a time falls in, as { y, m } (partitions follow the county's months). */
export function monthOf(at: Date): { y: number; m: number } {
  const d = new Date(at.getTime() + SHANGHAI_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
}

function monthStart(y: number, m: number): string {
  const yy = m > 12 ? y + 1 : y;
  const mm = m > 12 ? 1 : m;
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-01 00:00:00+08`;
}

export function partitionName(table: ReadingTable, y: number, m: number): string {
  return `${table}_${y}${String(m).padStart(2, '0')}`;
}

// Per database (tests open many): partitions this process has seen exist.
const known = new WeakMap<object, Set<string>>();

/**
 * Creates the month partition a reading needs, once. Runs outside the frame's transaction so a
 * failed frame never undoes it; two gateways racing on the first reading of a month both succeed.
 */
export async function ensurePartition(db: Db, table: ReadingTable, at: Date): Promise<void> {
  const { y, m } = monthOf(at);
  const name = partitionName(table, y, m);
  let seen = known.get(db);
  if (!seen) {
    seen = new Set();
    known.set(db, seen);
  }
  if (seen.has(name)) return;
  const create = sql.raw(
    `create table if not exists "${name}" partition of "${table}" for values from ('${monthStart(y, m)}') to ('${monthStart(y, m + 1)}')`,
  );
  try {
    await db.execute(create);
  } catch (e) {
    // a concurrent creator won the race: the partition is there, which is all that matters
    const exists = rowsOf<{ ok: boolean }>(await db.execute(sql`select to_regclass(${name}) is not null as ok`));
    if (!exists[0]?.ok) throw e;
  }
  seen.add(name);
}

/** Month partitions of a table, oldest first, with the month each holds. */
export async function listPartitions(db: Tx, table: ReadingTable): Promise<{ name: string; y: number; m: number }[]> {
  const res = await db.execute(sql`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = ${table} order by c.relname`);
  const out: { name: string; y: number; m: number }[] = [];
  for (const r of rowsOf<{ name: string }>(res)) {
    const match = /_(\d{4})(\d{2})$/.exec(r.name);
    if (match) out.push({ name: r.name, y: Number(match[1]), m: Number(match[2]) });
  }
  return out;
}

/** Drops whole month partitions of real-time/minute values older than `keepMonths` full months. */
export async function dropOldPartitions(db: Db, keepMonths: number, now = new Date()): Promise<string[]> {
  const { y, m } = monthOf(now);
  const current = y * 12 + (m - 1);
  const dropped: string[] = [];
  for (const p of await listPartitions(db, 'monitoring_readings')) {
    if (current - (p.y * 12 + (p.m - 1)) > keepMonths) {
      await db.execute(sql.raw(`drop table if exists "${p.name}"`));
      dropped.push(p.name);
    }
  }
  const seen = known.get(db);
  for (const d of dropped) seen?.delete(d);
  return dropped;
}

/** Rows of a raw query: node-postgres and PGlite answer in slightly different shapes. */
export function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as T[];
}
