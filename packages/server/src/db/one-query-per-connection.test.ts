import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, syncSlots } from '../modules/appointments/service.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { buildTestApp, loginAs, makeEnterprise, type TestApp } from '../test/helpers.ts';

// node-postgres warns when a query is sent on a connection that is still running one (a
// Promise.all inside a transaction) and pg 9 makes it an error. On PostgreSQL every client.query
// is watched here; on PGlite there is no such connection and the flows simply run.
type Watched = { _activeQuery: unknown; _queryQueue: unknown[] };
const overlapping: string[] = [];
const original = pg.Client.prototype.query;
let t: TestApp;
beforeAll(async () => {
  pg.Client.prototype.query = function (this: Watched, ...args: unknown[]) {
    if (this._activeQuery || this._queryQueue.length > 0)
      overlapping.push(
        String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).slice(0, 120),
      );
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  t = await buildTestApp();
});
afterAll(async () => {
  pg.Client.prototype.query = original;
  await t.close();
});

describe('a transaction sends its queries one at a time', () => {
  it('appointments: materialising slots reads plans, exceptions and the calendar in sequence', async () => {
    const service = await createService(t.database.db, SYSTEM_ACTOR, {
      name: `窗口${Date.now()}`,
      location: '上栗县政务服务中心',
      active: true,
    });
    await t.database.db.transaction((tx) => syncSlots(tx, service.id, '2026-06-15', '2026-06-30'));
    expect(overlapping).toEqual([]);
  });

  it('reception: a booking reads both caps in sequence', async () => {
    overlapping.length = 0;
    const clerk = await loginAs(t, ['clerk']);
    const date = new Date(Date.now() + 20 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const created = await clerk.request({
      method: 'POST',
      url: '/api/reception/sessions',
      payload: { kind: 'enterprise', date, leaderName: '王局长', sections: ['行政审批股'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const e = await makeEnterprise(t);
    const ent = await loginAs(t, ['enterprise'], e.id);
    const booked = await ent.request({
      method: 'POST',
      url: `/api/reception/sessions/${created.json().id}/bookings`,
      payload: { people: ['甲'], concern: '咨询排污许可登记' },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(overlapping).toEqual([]);
  });
});
