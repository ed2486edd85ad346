// A drill-down page is read from the database as a page: the appointment, petition and rating
// figures used to load every record of the period and cut the page in memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.ts';
import { seedDemo } from '../../seed/seed.ts';
import { buildTestApp, type TestApp } from '../../test/helpers.ts';
import { figureSource } from './registry.ts';

let t: TestApp;
const YEAR = { from: '2020-01-01', to: '2020-12-31' };
const KEYS = [
  'bookingsExtended',
  'bookingsRegular',
  'petitionsClosed',
  'petitionsClosedWithLimit',
  'petitionsOnTime',
  'ratingsLevel5',
  'ratingsLevel2',
  'badRatings',
  'badRatingsDue',
  'badRatingsRectifiedOnTime',
];

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, () => {});
}, 300_000);
afterAll(() => t.close());

/** The database, counting the rows each statement hands back. */
function counting(db: Tx): { db: Tx; largest: () => number } {
  let largest = 0;
  const spy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver);
      return async (...args: unknown[]) => {
        const res = await (target.execute as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        const rows = (res as { rows?: unknown[] }).rows ?? (res as unknown[]);
        largest = Math.max(largest, rows.length);
        return res;
      };
    },
  });
  return { db: spy, largest: () => largest };
}

describe('figure drill-downs page in the database', () => {
  it.each(KEYS)('%s: a page of 2 reads 2 rows and is the same slice as the whole list', async (key) => {
    const source = figureSource(key)!;
    expect(source, key).toBeDefined();
    const all = await source.records(t.database.db as unknown as Tx, YEAR);
    expect(all.length, `${key} has demo records to page`).toBeGreaterThan(3);
    const spy = counting(t.database.db as unknown as Tx);
    const page = await source.records(spy.db, YEAR, { limit: 2, offset: 1 });
    expect(page.map((r) => r.id)).toEqual(all.slice(1, 3).map((r) => r.id));
    expect(spy.largest()).toBeLessThanOrEqual(2);
  });
});
