import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { PgliteProxy } from './pglite-proxy.ts';

// Queries go through the query builder with each module's tables; the relational API (and so a
// schema object gathering every table) is not used.
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction or the database itself: services accept either so they compose. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type QueryFn = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Raw SQL for tools (backup, restore, tests) that work below Drizzle. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  migrate(): Promise<void>;
  /** Runs fn on one connection inside a transaction (committed if fn resolves), for raw SQL tools. */
  inTransaction<T>(fn: (query: QueryFn) => Promise<T>, isolation?: 'repeatable read'): Promise<T>;
  /** PGlite only: the data folder as a tarball (test templates, backups). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
};

// Both engines get the same session time zone, or date_trunc and ::date differ between them
// (stack.md pitfall 4).
export const TIME_ZONE = 'Asia/Shanghai';

/** The PostgreSQL server cannot be used as configured: the operator gets a sentence, not a stack. */
export class DatabaseUnavailableError extends Error {}

function describeConnectFailure(url: string, e: { code?: string; message?: string }): string | null {
  let where = url;
  let name = '';
  try {
    const u = new URL(url);
    name = decodeURIComponent(u.pathname.replace(/^\//, '')) || u.username;
    where = `${u.hostname}:${u.port || '5432'}`;
  } catch {
    // DATABASE_URL was checked by loadConfig; keep the raw text
  }
  if (e.code === '3D000') {
    return (
      `PostgreSQL 上没有数据库 ${name}。请先创建，例如：createdb -h ${where.split(':')[0]} -U postgres ${name}` +
      `（或 psql -c 'create database "${name}"'），再启动。\n` +
      `The database ${name} does not exist on ${where}. Create it first, e.g. createdb -h ${where.split(':')[0]} -U postgres ${name}, then start again.`
    );
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH' || e.code === 'ETIMEDOUT') {
    return (
      `连接不上 PostgreSQL（${where}）：请确认服务已启动、地址和端口正确。\n` +
      `Cannot reach PostgreSQL at ${where} (${e.code}): check that it runs and DATABASE_URL names the right host and port.`
    );
  }
  if (e.code === '28P01' || e.code === '28000') {
    return (
      `PostgreSQL 拒绝登录（${where}）：请检查 DATABASE_URL 中的用户名和密码。\n` +
      `PostgreSQL at ${where} refused the login: check the user and password in DATABASE_URL.`
    );
  }
  return null;
}

/**
 * Each engine's driver is imported by its own open function, so a process loads one of them: on
 * PostgreSQL, drizzle's PGlite driver pulled in PGlite's whole JavaScript module (5.7 MB of heap when
 * imported alone; PGlite itself runs in its worker thread either way), and on PGlite, pg and drizzle's
 * node-postgres driver (6 MB) were loaded for nothing (issue 11).
 */
async function postgresDriver() {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  return { pg, drizzle, migrate };
}

export async function openPostgres(url: string): Promise<Database> {
  const { pg, drizzle: drizzlePg, migrate: migratePg } = await postgresDriver();
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c TimeZone=${TIME_ZONE}` });
  // A broken idle client must not crash the process; the next query reports the problem.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (e) {
    await pool.end().catch(() => {});
    const message = describeConnectFailure(url, e as { code?: string });
    throw message ? new DatabaseUnavailableError(message) : e;
  }
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    async query(text, params) {
      const r = await pool.query(text, params as unknown[]);
      return r.rows;
    },
    async inTransaction(fn, isolation) {
      const client = await pool.connect();
      try {
        await client.query(isolation ? `begin isolation level ${isolation}` : 'begin');
        const result = await fn(async (text, params) => (await client.query(text, params as unknown[])).rows);
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async migrate() {
      // Two processes starting at once against one PostgreSQL must not both migrate: hold a
      // session-level advisory lock on a dedicated connection while the migrator runs.
      const client = new pg.Client({ connectionString: url, options: `-c TimeZone=${TIME_ZONE}` });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock(2120001)');
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.end();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The embedded PGlite, owned by a worker thread (db/pglite-worker.js): its queries run there, so a
 * heavy figures query or an import does not stall requests that never touch the database.
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  // A data folder PGlite has not initialised yet: it runs initdb in its worker first, and that thread
  // keeps initdb's memory until its own GC gets to it, which may be never on an idle platform — the
  // process held 860 MB right after such an open against 440 MB when the worker is opened again
  // (bench:startup-memory, 2026-12-05). Closed and opened once more, the worker starts clean.
  const fresh =
    options.dataDir !== undefined && !options.loadDataDir && !fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const [{ drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let client = await PgliteProxy.create({ ...options, timeZone: TIME_ZONE });
  if (fresh) {
    await client.close();
    client = await PgliteProxy.create({ ...options, timeZone: TIME_ZONE });
  }
  // Drizzle's pglite driver calls only query (with rowMode and parsers) and transaction, which the
  // proxy implements with PGlite's own semantics.
  const asPglite = client as unknown as PGlite;
  const db = drizzlePglite(asPglite) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async query(text, params) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as never[];
    },
    inTransaction: (fn) =>
      client.transaction((tx) =>
        fn(async (text, params) => (await tx.query(text, params as unknown[])).rows as never[]),
      ),
    migrate: () => migratePglite(drizzlePglite(asPglite), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
  } as Database;
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
