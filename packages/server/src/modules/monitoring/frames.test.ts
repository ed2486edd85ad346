// pageFrames (frames.ts): the one query behind the station's and the meter's frames endpoints. The
// endpoints' own tests (evidence.test.ts, electricity/hj212-meters.test.ts) cover access and the
// window's bounds; this pins what tells the two sources apart.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { pageFrames } from './frames.ts';
import { monitoringFrames } from './tables.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const T0 = Date.parse('2026-06-15T02:00:00Z');
const MIN = 60_000;

describe('pageFrames', () => {
  it('a logger’s frames are those stored without a station under its MN, newest first; a station’s are its own', async () => {
    const station = randomUUID();
    const mn = `FRAMES${randomUUID().replaceAll('-', '').slice(0, 18)}`;
    const row = (qn: string, at: number, stationId: string | null, frameMn = mn) => ({
      stationId,
      mn: frameMn,
      qn,
      cn: '2011',
      raw: `##raw ${qn}`,
      crcValid: true,
      receivedAt: new Date(at),
    });
    await database.db.insert(monitoringFrames).values([
      row('L1', T0, null),
      row('L2', T0 + MIN, null),
      row('L3', T0 + 2 * MIN, null),
      // the same MN once a station was registered for it, and another logger's frame: not the logger's
      row('S1', T0 + 3 * MIN, station),
      row('O1', T0 + MIN, null, `${mn.slice(0, -1)}X`),
    ]);
    const qns = (p: { items: { qn: string | null }[] }) => p.items.map((f) => f.qn);

    const first = await pageFrames(database.db, { loggerMn: mn }, { page: 1, pageSize: 2 });
    expect(qns(first)).toEqual(['L3', 'L2']);
    expect(first.total).toBe(3);
    expect(qns(await pageFrames(database.db, { loggerMn: mn }, { page: 2, pageSize: 2 }))).toEqual(['L1']);
    // the window is [from, to)
    const window = { from: new Date(T0 + MIN), to: new Date(T0 + 2 * MIN) };
    const inWindow = await pageFrames(database.db, { loggerMn: mn }, { page: 1, pageSize: 10 }, window);
    expect([qns(inWindow), inWindow.total]).toEqual([['L2'], 1]);

    const own = await pageFrames(database.db, { stationId: station }, { page: 1, pageSize: 10 });
    expect([qns(own), own.total]).toEqual([['S1'], 1]);
    const before = await pageFrames(database.db, { stationId: station }, { page: 1, pageSize: 10 }, window);
    expect([qns(before), before.total]).toEqual([[], 0]);
  });
});
