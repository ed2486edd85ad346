// Figures over petitions for the dashboard (pure SQL; (db, from, to), from inclusive, to
// exclusive, by the date the written answer went out). Closed = a written reply or a notice of
// non-acceptance was issued; on time = the clock's verdict when it closed (closed_on_time, set from
// completeClock: an approved extension is inside the clock). A matter without a statutory handling
// period (suggestions, opinions, matters routed into another procedure: closed_on_time null) is
// neither on time nor late: it counts as closed, but the on-time rate is on time ÷ closed with a
// limit (petitionsClosedWithLimit), so it stays out of both sides of that rate.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { limitOffset, type RowPage } from '../../db/paging.ts';

export type PetitionRecord = {
  id: string;
  code: string;
  channel: string;
  type: string;
  title: string;
  status: string;
  receivedAt: string;
  repliedAt: string;
  resolutionDueDate: string | null;
  closedOnTime: boolean;
  keyCase: boolean;
};

async function rows<T>(db: Tx, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(q);
  return ((res as unknown as { rows?: T[] }).rows ?? (res as unknown as T[])) as T[];
}

const closedIn = (from: Date, to: Date) =>
  sql`p.replied_at is not null and p.replied_at >= ${from.toISOString()}::timestamptz and p.replied_at < ${to.toISOString()}::timestamptz`;

export async function petitionsClosed(db: Tx, from: Date, to: Date): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from petitions p where ${closedIn(from, to)}`,
  );
  return r?.n ?? 0;
}

export async function petitionsOnTime(db: Tx, from: Date, to: Date): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from petitions p where ${closedIn(from, to)} and p.closed_on_time`,
  );
  return r?.n ?? 0;
}

/** Closed petitions that had a handling limit: the denominator of the on-time rate. */
export async function petitionsClosedWithLimit(db: Tx, from: Date, to: Date): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from petitions p where ${closedIn(from, to)} and p.closed_on_time is not null`,
  );
  return r?.n ?? 0;
}

const FILTERS = {
  all: sql``,
  withLimit: sql`and p.closed_on_time is not null`,
  onTime: sql`and p.closed_on_time`,
};

async function records(
  db: Tx,
  from: Date,
  to: Date,
  filter: keyof typeof FILTERS,
  page?: RowPage,
): Promise<PetitionRecord[]> {
  return rows(
    db,
    sql`select p.id::text as id, p.code, p.channel, p.type, p.title, p.status,
          to_char(p.received_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "receivedAt",
          to_char(p.replied_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as "repliedAt",
          p.resolution_due_date::text as "resolutionDueDate", coalesce(p.closed_on_time, false) as "closedOnTime", p.key_case as "keyCase"
        from petitions p where ${closedIn(from, to)} ${FILTERS[filter]}
        order by p.replied_at, p.id${limitOffset(page)}`,
  );
}

export const petitionsClosedRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, 'all', page);
export const petitionsClosedWithLimitRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, 'withLimit', page);
export const petitionsOnTimeRecords = (db: Tx, from: Date, to: Date, page?: RowPage) =>
  records(db, from, to, 'onTime', page);
