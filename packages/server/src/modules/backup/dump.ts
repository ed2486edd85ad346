import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { Database, QueryFn } from '../../db/client.ts';

// A logical, engine-neutral dump: gzip'd JSON lines, one header, then one line per row. Rows are
// read with row_to_json and written back with json_populate_recordset, so every column type
// (jsonb, arrays, timestamptz) survives, and a dump taken from the embedded PGlite loads into a
// PostgreSQL server and back — the path a bureau takes when it outgrows the embedded default.
export const DUMP_FORMAT = 'qingshan-dump';
export const DUMP_VERSION = 1;
const PAGE = 2000;

type Header = {
  format: string;
  version: number;
  createdAt: string;
  engine: string;
  tables: string[];
  migrations: number;
};

/**
 * Tables a dump leaves out: a database's identity (monitoring/tables.ts) is its own, so a database
 * restored from a dump keeps the one its migration gave it, and the ingest journal of the dumped
 * one is not replayed into it.
 */
const NOT_DUMPED = new Set(['database_identity']);

/** Application tables in an order that satisfies foreign keys (parents first). */
export async function tablesInDependencyOrder(database: Database | QueryFn): Promise<string[]> {
  const query: QueryFn = typeof database === 'function' ? database : database.query;
  const tables = (
    await query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    )
  )
    .map((r) => r.name)
    .filter((t) => !NOT_DUMPED.has(t));
  const edges = await query<{ child: string; parent: string }>(
    `select cc.relname as child, pc.relname as parent from pg_constraint k
       join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
       join pg_namespace n on n.oid = cc.relnamespace
     where k.contype = 'f' and n.nspname = 'public'`,
  );
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, path);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

async function orderColumns(query: QueryFn, table: string): Promise<string> {
  const pk = await query<{ col: string }>(
    `select a.attname as col from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = $1::regclass and i.indisprimary order by a.attnum`,
    [table],
  );
  return pk.length ? pk.map((p) => `"${p.col}"`).join(', ') : 'ctid';
}

export async function writeDump(
  database: Database,
  file: string,
  progress: (table: string, rows: number) => void = () => {},
): Promise<{ tables: number; rows: number }> {
  const tables = await tablesInDependencyOrder(database);
  const [mig] = await database
    .query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
    .catch(() => [{ n: 0 }]);
  const gzip = zlib.createGzip();
  // 0600 from the first byte (not chmod afterwards), and never over an existing file.
  const out = fs.createWriteStream(file, { mode: 0o600, flags: 'wx' });
  const opened = new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  gzip.pipe(out);
  const write = (line: unknown) =>
    new Promise<void>((resolve) => {
      if (gzip.write(`${JSON.stringify(line)}\n`)) resolve();
      else gzip.once('drain', () => resolve());
    });
  const header: Header = {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    createdAt: new Date().toISOString(),
    engine: database.engine,
    tables,
    migrations: mig?.n ?? 0,
  };
  await opened;
  await write(header);
  let total = 0;
  // One repeatable-read transaction: the dump is a consistent snapshot even while the server writes.
  await database.inTransaction(async (query) => {
    for (const table of tables) {
      const order = await orderColumns(query, table);
      let n = 0;
      for (let offset = 0; ; offset += PAGE) {
        const rows = await query<{ r: string }>(
          `select row_to_json(t)::text as r from "${table}" t order by ${order} limit ${PAGE} offset ${offset}`,
        );
        for (const row of rows) await write({ t: table, r: JSON.parse(row.r) });
        n += rows.length;
        if (rows.length < PAGE) break;
      }
      total += n;
      progress(table, n);
    }
  }, 'repeatable read');
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.end();
  });
  return { tables: tables.length, rows: total };
}

export class RestoreError extends Error {}

/**
 * Loads a dump into a migrated, empty database in one transaction: all or nothing.
 * Refuses a target that already holds data, so a restore can never mix two histories.
 */
export async function restoreDump(
  database: Database,
  file: string,
  progress: (table: string, rows: number) => void = () => {},
): Promise<{ tables: number; rows: number }> {
  let header: Header | undefined;
  const batches = new Map<string, unknown[]>();
  let total = 0;
  const counts = new Map<string, number>();
  await database.inTransaction(async (query) => {
    const targetTables = new Set(await tablesInDependencyOrder(query));
    const flush = async (table: string) => {
      const rows = batches.get(table);
      if (!rows?.length) return;
      await query(`insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json)`, [
        JSON.stringify(rows),
      ]);
      counts.set(table, (counts.get(table) ?? 0) + rows.length);
      batches.set(table, []);
    };
    let current: string | undefined;
    // Opened right before reading: readline drops lines emitted while nobody iterates yet.
    const lines = readline.createInterface({
      input: fs.createReadStream(file).pipe(zlib.createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (!line) continue;
      const obj = JSON.parse(line);
      if (!header) {
        if (obj.format !== DUMP_FORMAT || obj.version !== DUMP_VERSION) throw new RestoreError('not a Qingshan dump');
        header = obj as Header;
        for (const t of header.tables) {
          if (!targetTables.has(t)) throw new RestoreError(`the target has no table ${t}: migrate it first`);
          if (t.startsWith('__')) continue;
          const [c] = await query<{ n: number }>(`select count(*)::int as n from "${t}"`);
          if ((c?.n ?? 0) > 0) throw new RestoreError(`the target is not empty (table ${t} has rows)`);
        }
        continue;
      }
      const { t, r } = obj as { t: string; r: unknown };
      if (current && current !== t) {
        await flush(current);
        progress(current, counts.get(current) ?? 0);
      }
      current = t;
      const b = batches.get(t) ?? [];
      b.push(r);
      batches.set(t, b);
      total++;
      if (b.length >= 500) await flush(t);
    }
    if (!header) throw new RestoreError('the dump is empty');
    if (current) {
      await flush(current);
      progress(current, counts.get(current) ?? 0);
    }
  });
  return { tables: header!.tables.length, rows: total };
}

/** Every table's rows as sorted JSON text, for comparing two databases. */
export async function snapshotTables(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await tablesInDependencyOrder(database)) {
    const rows = await database.query<{ r: string }>(`select row_to_json(x)::text as r from "${t}" x`);
    out[t] = rows.map((r) => r.r).sort();
  }
  return out;
}
