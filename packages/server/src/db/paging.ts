import { type SQL, sql } from 'drizzle-orm';

/** One page of rows, as the database returns it (a drill-down never loads the whole period). */
export type RowPage = { limit: number; offset: number };

/** `limit … offset …` to append after a query's ORDER BY; nothing without a page. */
export function limitOffset(page: RowPage | undefined): SQL {
  return page ? sql` limit ${page.limit} offset ${page.offset}` : sql``;
}
