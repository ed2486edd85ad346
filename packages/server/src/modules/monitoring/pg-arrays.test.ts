import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { booleanArray, instantArray, numberArray, textArray } from './pg-arrays.ts';
import { rowsOf } from './readings.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

// what the database reads back from a literal, each element as text (null stays null)
async function readBack(literal: string, type: string): Promise<(string | null)[]> {
  const [row] = rowsOf<{ xs: (string | null)[] }>(
    await database.db.execute(sql`select array(select x::text from unnest(${literal}::${sql.raw(type)}) x) as xs`),
  );
  return row!.xs;
}

describe('pg-arrays: literals the database reads back as the values they were built from', () => {
  it('any texts, device bytes included (quotes, backslashes, braces, commas, blanks, NULL as a word)', async () => {
    // PostgreSQL text holds no NUL (ingest refuses such frames before building any literal)
    const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
    const special = fc.constantFrom('"', '\\', '{', '}', ',', ' ', 'NULL', 'null', '', '\\"', '{"a":1}');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.oneof(text, special), { nil: null }), { maxLength: 8 }), async (xs) => {
        expect(await readBack(textArray(xs), 'text[]')).toEqual(xs);
      }),
      { numRuns: 60 },
    );
  });

  it('numbers as float8 exactly, instants to the millisecond, booleans; a non-finite number is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }), { maxLength: 8 }),
        async (xs) => {
          const [row] = rowsOf<{ xs: (number | null)[] }>(
            await database.db.execute(sql`select ${numberArray(xs)}::float8[] as xs`),
          );
          // -0 reads back as 0 from its text, as it would from the driver's own literal
          expect(row!.xs.map((x) => (x === null ? null : Number(x)))).toEqual(xs.map((x) => (x === 0 ? 0 : x)));
        },
      ),
      { numRuns: 40 },
    );
    const at = [new Date('2026-11-01T00:00:00.123Z'), null, new Date(0)];
    const [row] = rowsOf<{ xs: (string | null)[] }>(
      await database.db.execute(
        sql`select array(select to_char(x at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from unnest(${instantArray(at)}::timestamptz[]) x) as xs`,
      ),
    );
    expect(row!.xs).toEqual(at.map((d) => d?.toISOString() ?? null));
    expect(await readBack(booleanArray([true, null, false]), 'boolean[]')).toEqual(['true', null, 'false']);
    expect(() => numberArray([1, Number.NaN])).toThrow(RangeError);
    expect(() => numberArray([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});
