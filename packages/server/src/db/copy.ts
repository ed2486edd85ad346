import type { Readable } from 'node:stream';
import type { Tx } from './client.ts';
import type { ProxyConnection } from './pglite-proxy.ts';

// Bulk rows by COPY inside a Drizzle transaction, on either engine: the ingest path's frames and
// readings (issue 11, P3). COPY loads rows about twice as fast as INSERT … SELECT unnest(…) (stack.md:
// 143 k against 68 k rows/s on PostgreSQL, client included), and the rows travel as one text in
// COPY's own format instead of one array literal per column bound as parameters.
// COPY has no ON CONFLICT: a row that breaks a unique index fails the statement, and with it the
// transaction, as a plain INSERT would.

/** A value in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped. */
export function copyField(x: string | null | undefined): string {
  if (x === null || x === undefined) return '\\N';
  // most values (numbers, codes, ISO instants, uuids) hold none of the four: no regular expression run
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13) return x.replace(/[\\\t\n\r]/g, escapeChar);
  }
  return x;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeChar = (c: string) => ESCAPES[c]!;

/** A finite number, or `\N`; a non-finite one is refused: it is no float8 this platform stores. */
export function copyNumber(x: number | null | undefined): string {
  if (x === null || x === undefined) return '\\N';
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return String(x);
}

// node-postgres' COPY stream, loaded on the first COPY (PGlite never needs it)
let copyFromStdin: typeof import('pg-copy-streams').from | undefined;

type PgClient = { query(stream: unknown): Readable & NodeJS.WritableStream };

/** The connection under a Drizzle transaction: node-postgres' client, or the PGlite proxy's transaction. */
function connectionOf(tx: Tx): PgClient | ProxyConnection {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('copyRows: no connection under this transaction');
  return client as PgClient | ProxyConnection;
}

/**
 * Appends `rows` (lines in COPY's text format, each ending in a newline) to `table`'s `columns`,
 * inside `tx`. Table and column names are the caller's constants, never input.
 */
export async function copyRows(tx: Tx, table: string, columns: readonly string[], rows: string): Promise<void> {
  if (rows.length === 0) return;
  const conn = connectionOf(tx);
  const target = `${table} (${columns.join(', ')})`;
  if ('copyFrom' in conn) {
    await conn.copyFrom(`copy ${target} from '/dev/blob'`, rows);
    return;
  }
  copyFromStdin ??= (await import('pg-copy-streams')).from;
  const stream = conn.query(copyFromStdin(`copy ${target} from stdin`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(rows);
  });
}
