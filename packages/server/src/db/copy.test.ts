import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/db.ts';
import type { Database } from './client.ts';
import { copyField, copyNumber, copyRows } from './copy.ts';

// COPY is how ingest writes frames and readings (issue 11, P3): whatever a device sends must come
// back as sent, inside the caller's transaction, on both engines.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.query('create table if not exists copy_probe (k int primary key, t text, x float8)');
});
afterAll(async () => {
  await database.query('drop table if exists copy_probe');
  await database.close();
});

const line = (k: number, t: string | null, x: number | null) => `${k}\t${copyField(t)}\t${copyNumber(x)}\n`;

async function probe(): Promise<{ k: number; t: string | null; x: number | null }[]> {
  return (
    await database.query<{ k: number; t: string | null; x: number | null }>('select k, t, x from copy_probe order by k')
  ).map((r) => ({ k: Number(r.k), t: r.t, x: r.x === null ? null : Number(r.x) }));
}

describe('copyRows: rows by COPY inside a Drizzle transaction', () => {
  it('any text but NUL comes back as sent (tabs, newlines, backslashes, \\N as text, CJK), numbers exactly', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 16 }).filter((s) => !s.includes('\u0000'));
    const special = fc.constantFrom('\\N', '\\', '\t', '\n', '\r\n', '\\.', '上栗县', '', 'a\\tb');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            t: fc.option(fc.oneof(text, special), { nil: null }),
            x: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
          }),
          { maxLength: 6 },
        ),
        async (rows) => {
          await database.query('delete from copy_probe');
          await database.db.transaction(async (tx) => {
            await copyRows(tx, 'copy_probe', ['k', 't', 'x'], rows.map((r, k) => line(k, r.t, r.x)).join(''));
          });
          // -0 reads back as 0 from its text
          expect(await probe()).toEqual(rows.map((r, k) => ({ k, t: r.t, x: r.x === 0 ? 0 : r.x })));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a row that breaks a unique index fails the COPY and the transaction: nothing of it stays', async () => {
    await database.query('delete from copy_probe');
    await database.query(`insert into copy_probe (k, t) values (1, 'kept')`);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into copy_probe (k, t) values (2, 'undone')`);
        await copyRows(tx, 'copy_probe', ['k', 't', 'x'], line(3, 'new', 1) + line(1, 'again', 2));
      }),
    ).rejects.toThrow();
    expect(await probe()).toEqual([{ k: 1, t: 'kept', x: null }]);
  });

  it('a non-finite number is refused before anything is sent', () => {
    expect(() => copyNumber(Number.NaN)).toThrow(RangeError);
    expect(() => copyNumber(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
    expect(copyNumber(null)).toBe('\\N');
    expect(copyField('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
  });
});
