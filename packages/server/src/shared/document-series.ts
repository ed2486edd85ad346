import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.ts';

/**
 * The next number of a 文号 series (`上环审〔2026〕`): one more than the highest any of its registers
 * has given. Two registers share 上环审 (the window's decisions and the EIA report-form approvals),
 * and each counting only its own gave one number twice. The lock, held to commit, makes concurrent
 * decisions of either register take their numbers one after the other.
 */
export async function nextInSeries(tx: Tx, series: string, registers: readonly PgColumn[]): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document-series:${series}`}))`);
  let highest = 0;
  for (const column of registers) {
    const [row] = await tx
      .select({ n: sql<number>`coalesce(max(substring(${column} from ${'〕(\\d+)号$'})::int), 0)::int` })
      .from(column.table as PgTable)
      .where(sql`${column} like ${`${series}%`}`);
    highest = Math.max(highest, Number(row?.n ?? 0));
  }
  return highest + 1;
}
