// PGlite behind a worker thread: the app's queries, transactions and errors behave as they did on
// the main thread, and a heavy query no longer holds the event loop.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from './client.ts';

let d: Database;
beforeAll(async () => {
  d = await openPglite({});
  await d.query('create table t (id int primary key, n int not null default 0, at timestamptz, day date)');
  await d.query('insert into t (id) values (1)');
});
afterAll(() => d.close());

describe('PGlite in a worker thread', () => {
  it('runs with a 32 MB buffer pool, not PostgreSQL’s 128 MB: PGlite holds the pool resident from the start', async () => {
    const [row] = await d.query<{ shared_buffers: string }>('show shared_buffers');
    expect(row!.shared_buffers).toBe('32MB');
  });

  it('keeps the event loop turning while a heavy query runs', async () => {
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    // a second or more of work for the database; on the main thread the loop turned 0 times during it
    const [row] = await d.query<{ n: number }>(
      'select count(*)::int as n from generate_series(1, 1000000) g where md5(g::text) like $1',
      ['a%'],
    );
    done = true;
    expect(row!.n).toBeGreaterThan(0);
    expect(turns).toBeGreaterThan(100);
  });

  it('returns timestamps and dates to Drizzle as text, and values through its parsers', async () => {
    await d.query(`update t set at = '2020-03-01T08:00:00+08:00', day = '2020-03-01' where id = 1`);
    const r = (await d.db.execute(sql`select at, day, n from t where id = 1`)) as unknown as { rows: unknown[] };
    expect(r.rows[0]).toEqual({ at: '2020-03-01 08:00:00+08', day: '2020-03-01', n: 0 });
  });

  it('passes PostgreSQL errors on with their code and constraint', async () => {
    const e = await d.query('insert into t (id) values (1)').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: '23505', constraint: 't_pkey' });
  });

  it('rolls a transaction back when its callback throws, and a savepoint alone when a nested one does', async () => {
    await expect(
      d.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t (id) values (2)`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await d.query('select id from t where id = 2')).toEqual([]);

    await d.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (id) values (3)`);
      await tx.transaction(async (inner) => inner.execute(sql`insert into t (id) values (1)`)).catch(() => {});
      await tx.execute(sql`insert into t (id) values (4)`);
    });
    expect((await d.query<{ id: number }>('select id from t where id in (3, 4) order by id')).map((r) => r.id)).toEqual(
      [3, 4],
    );
  });

  it('keeps each transaction on one connection: concurrent read-modify-write loses nothing', async () => {
    const bump = () =>
      d.db.transaction(async (tx) => {
        const r = (await tx.execute(sql`select n from t where id = 1`)) as unknown as { rows: { n: number }[] };
        // a turn of the event loop between read and write, where another transaction could slip in
        await new Promise((resolve) => setImmediate(resolve));
        await tx.execute(sql`update t set n = ${Number(r.rows[0]!.n) + 1} where id = 1`);
      });
    await Promise.all(Array.from({ length: 20 }, bump));
    expect(await d.query('select n from t where id = 1')).toEqual([{ n: 20 }]);
  });

  it('dumps its data folder and opens the dump again', async () => {
    const blob = await d.dump!();
    const copy = await openPglite({ loadDataDir: blob });
    try {
      expect(await copy.query('select count(*)::int as n from t')).toEqual([{ n: 3 }]);
    } finally {
      await copy.close();
    }
  });
});
