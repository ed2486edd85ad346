import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingsExtended, bookingsRegular } from '../modules/appointments/figures.ts';
import { petitionsClosed, petitionsOnTime } from '../modules/petitions/figures.ts';
import { badRatingsRectifiedOnTime, ratingDistribution } from '../modules/ratings/figures.ts';
import { buildTestApp, makeEnterprise, makeUser, type TestApp } from '../test/helpers.ts';
import { seedServiceA } from './service-a.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  for (let i = 0; i < 5; i++) await makeEnterprise(t, { contacts: [{ name: `联系人${i}`, phone: `1380799000${i}` }] });
  await makeUser(t, ['clerk']);
}, 60_000);
afterAll(() => t.close());

describe('seedServiceA', () => {
  it('loads 2020 bookings, petitions and ratings whose figures come out of the records', async () => {
    const res = await seedServiceA(t.database.db);
    expect(res.skipped).toBe(false);
    const from = new Date('2020-01-01T00:00:00+08:00');
    const to = new Date('2021-01-01T00:00:00+08:00');
    const db = t.database.db;
    const ext = await bookingsExtended(db, from, to);
    const reg = await bookingsRegular(db, from, to);
    expect(ext).toBe(res.extendedBookings);
    expect(ext).toBeGreaterThan(0);
    expect(reg).toBeGreaterThan(ext);
    // 9 written replies (the objected referral went back to the referring office, not closed here)
    expect(await petitionsClosed(db, from, to)).toBe(9);
    expect(await petitionsOnTime(db, from, to)).toBeGreaterThanOrEqual(7);
    const dist = await ratingDistribution(db, from, to);
    expect(dist.reduce((s, d) => s + d.count, 0)).toBe(res.ratings);
    const bad = await badRatingsRectifiedOnTime(db, from, to);
    expect(bad.bad).toBe(res.badRatings);
    expect(bad.rectifiedOnTime).toBeLessThanOrEqual(bad.bad);
    const channels = await t.database.query<{ channel: string }>('select distinct channel from petitions order by 1');
    expect(channels.map((c) => c.channel)).toEqual(['hotline-12369', 'letter', 'online', 'phone', 'visit']);
  }, 120_000);

  it('skips a second run', async () => {
    expect((await seedServiceA(t.database.db)).skipped).toBe(true);
  });
});
