import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/db.ts';
import type { Database } from './client.ts';
import { CopyText, copyRows } from './copy.ts';

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

const rowsOf = (rows: readonly { k: number; t: string | null; x: number | null }[], capacity?: number) => {
  const out = new CopyText(capacity);
  for (const r of rows) out.number(r.k).text(r.t).number(r.x).end();
  return out;
};

async function probe(): Promise<{ k: number; t: string | null; x: number | null }[]> {
  return (
    await database.query<{ k: number; t: string | null; x: number | null }>('select k, t, x from copy_probe order by k')
  ).map((r) => ({ k: Number(r.k), t: r.t, x: r.x === null ? null : Number(r.x) }));
}

describe('copyRows: rows by COPY inside a Drizzle transaction', () => {
  it('any text but NUL comes back as sent (tabs, newlines, backslashes, \\N as text, CJK), numbers exactly', async () => {
    // short texts go through the byte loop, long ones (48 characters and more) may go in one native write
    const text = fc
      .oneof(fc.string({ unit: 'binary', maxLength: 16 }), fc.string({ unit: 'binary', minLength: 40, maxLength: 120 }))
      .filter((s) => !s.includes('\u0000'));
    const long = (c: string) => c.repeat(60);
    const special = fc.constantFrom(
      '\\N',
      '\\',
      '\t',
      '\n',
      '\r\n',
      '\\.',
      '上栗县',
      '',
      'a\\tb',
      long('a'),
      `${long('x')}\t`,
      `${long('y')}上栗`,
      `\\${long('z')}`,
      long('é'),
    );
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
            // a small first buffer, so that growing it is part of what is tried
            await copyRows(
              tx,
              'copy_probe',
              ['k', 't', 'x'],
              rowsOf(
                rows.map((r, k) => ({ ...r, k })),
                16,
              ),
            );
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
        await copyRows(
          tx,
          'copy_probe',
          ['k', 't', 'x'],
          rowsOf([
            { k: 3, t: 'new', x: 1 },
            { k: 1, t: 'again', x: 2 },
          ]),
        );
      }),
    ).rejects.toThrow();
    expect(await probe()).toEqual([{ k: 1, t: 'kept', x: null }]);
  });

  it('a non-finite number is refused before anything is sent; the text is what COPY reads', () => {
    expect(() => new CopyText().number(Number.NaN)).toThrow(RangeError);
    expect(() => new CopyText().number(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
    const text = (c: CopyText) => c.bytes().toString('utf8');
    expect(text(new CopyText().number(null).text('a\tb\\c\nd\re').boolean(true).end())).toBe(
      '\\N\ta\\tb\\\\c\\nd\\re\tt\n',
    );
    // non-ASCII from any point on, escapes after it included
    expect(text(new CopyText(4).text('ab上栗\t县\\').end())).toBe('ab上栗\\t县\\\\\n');
    // a long text, escaped or not
    const frame = `##0101QN=20261206101500000;CN=2051;${'a'.repeat(80)}`;
    expect(text(new CopyText(4).text(frame).text(`${frame}\r\n`).end())).toBe(`${frame}\t${frame}\\r\\n\n`);
  });

  it('repeat starts a row with fields written before, so rows sharing their first fields encode them once', async () => {
    const c = new CopyText(8);
    const start = c.byteLength;
    c.number(7).text('同\t一');
    const end = c.byteLength;
    c.number(1).end();
    c.repeat(start, end).number(2).end();
    c.repeat(start, end).number(null).end();
    expect(c.bytes().toString('utf8')).toBe('7\t同\\t一\t1\n7\t同\\t一\t2\n7\t同\\t一\t\\N\n');
    // only a span of its own, and only at a row's start
    expect(() => c.repeat(0, c.byteLength + 1)).toThrow(RangeError);
    expect(() => new CopyText().text('x').repeat(0, 0)).toThrow(RangeError);
    await database.query('create table if not exists copy_repeat (k int, t text, n int)');
    try {
      await database.db.transaction((tx) => copyRows(tx, 'copy_repeat', ['k', 't', 'n'], c));
      expect(await database.query('select k, t, n from copy_repeat order by n nulls last')).toEqual([
        { k: 7, t: '同\t一', n: 1 },
        { k: 7, t: '同\t一', n: 2 },
        { k: 7, t: '同\t一', n: null },
      ]);
    } finally {
      await database.query('drop table copy_repeat');
    }
  });
});
