import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingsExtended, bookingsRegular } from '../modules/appointments/figures.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { petitionsClosed, petitionsOnTime } from '../modules/petitions/figures.ts';
import { badRatingsRectifiedOnTime, ratingDistribution } from '../modules/ratings/figures.ts';
import { createUser } from '../modules/users/service.ts';
import { buildTestApp, type Client, login, makeEnterprise, STRONG_PASSWORD, type TestApp } from '../test/helpers.ts';
import { seedServiceA } from './service-a.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  for (let i = 0; i < 5; i++) await makeEnterprise(t, { contacts: [{ name: `联系人${i}`, phone: `1380799000${i}` }] });
  // the seed assigns work to the demo accounts by username, as on a real first start
  for (const [username, role] of [
    ['clerk', 'clerk'],
    ['leader', 'leader'],
  ] as const) {
    await createUser(t.database.db, SYSTEM_ACTOR, { username, displayName: username, roles: [role] }, STRONG_PASSWORD);
  }
}, 60_000);

type Item = { title: string; state: string; profileKey: string };
async function worklistOf(c: Client): Promise<Item[]> {
  const res = await c.request({ method: 'GET', url: '/api/worklist?pageSize=200' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
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
    // 11 written replies (the objected referral went back to the referring office, not closed here)
    expect(await petitionsClosed(db, from, to)).toBe(11);
    expect(await petitionsOnTime(db, from, to)).toBeGreaterThanOrEqual(7);
    const dist = await ratingDistribution(db, from, to);
    expect(dist.reduce((s, d) => s + d.count, 0)).toBe(res.ratings);
    const bad = await badRatingsRectifiedOnTime(db, from, to);
    expect(bad.bad).toBe(res.badRatings);
    expect(bad.rectifiedOnTime).toBeLessThanOrEqual(bad.bad);
    const channels = await t.database.query<{ channel: string }>('select distinct channel from petitions order by 1');
    expect(channels.map((c) => c.channel)).toEqual(['letter', 'online', 'phone', 'visit']);
    // 12369 reports are their own case type, with their own clocks, all closed in 2020
    const reported = await t.database.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from reports group by 1 order by 1',
    );
    expect(reported).toEqual([
      { status: 'replied', n: 2 },
      { status: 'transferred', n: 1 },
    ]);
  }, 120_000);

  it('leaves no 2020 clock open: the bureau did its work, the petitioners let their windows lapse', async () => {
    const open2020 = await t.database.query<{ title: string }>(
      `select title from clocks where completed_at is null and start < '2021-01-01T00:00:00+08:00' order by title`,
    );
    expect(open2020).toEqual([]);
    // 10 review windows unused, 1 re-review window unused after the review (长平乡)
    const lapsed = await t.database.query<{ profile_key: string; n: number }>(
      `select profile_key, count(*)::int as n from clocks where lapsed group by 1 order by 1`,
    );
    expect(lapsed).toEqual([
      { profile_key: 'petition.re-review-request', n: 1 },
      { profile_key: 'petition.review-request', n: 10 },
    ]);
    // the honest misses stay on record: 彭高镇 was answered 11 days after its 60-day limit
    const late = await t.database.query<{ title: string }>(
      `select p.title from petitions p join clocks c on c.owner_id = p.id::text and c.profile_key = 'petition.resolution'
        where p.closed_on_time = false and c.completed_at is not null and not c.lapsed order by 1`,
    );
    expect(late.map((l) => l.title)).toEqual(['彭高镇陶瓷厂窑炉冒黑烟']);
  });

  it('gives a fresh demo live work for the leader and the clerk, none of it overdue', async () => {
    const leader = await worklistOf(await login(t, 'leader'));
    const clerk = await worklistOf(await login(t, 'clerk'));
    for (const items of [leader, clerk]) {
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((i) => !['running', 'due-soon'].includes(i.state))).toEqual([]);
      // a petitioner's window is never staff work
      expect(items.filter((i) => i.profileKey.endsWith('-request'))).toEqual([]);
    }
    const pick = (items: Item[], title: string) => items.find((i) => i.title === title)?.state;
    expect(pick(leader, '信访受理告知：金山镇石料加工点运输扬尘')).toBe('due-soon');
    expect(pick(leader, '信访受理告知：桐木镇某花炮厂仓库外焚烧废包装物')).toBe('running');
    expect(pick(leader, '信访办理：彭高镇陶瓷园区周边居民反映夜间噪声')).toBe('due-soon');
    expect(pick(clerk, '信访办理：福田镇养殖场粪污异味')).toBe('running');
    // the cases with working-day clocks always exist (a year without the notice is 暂定, never skipped)
    expect(pick(leader, '转送信访异议期：上栗镇夜市烧烤油烟扰民')).toBeDefined();
    expect(clerk.filter((i) => i.profileKey === 'rating.rectify').map((i) => i.title)).toEqual([
      expect.stringMatching(/^差评整改：信访 XF\w+ 赤山镇小河沟水体发黑$/),
    ]);
  });

  it('skips a second run', async () => {
    expect((await seedServiceA(t.database.db)).skipped).toBe(true);
  });
});
