// The demo's window bookings, petitions and ratings of the seeding year (1 January to yesterday):
// the dashboard's default period, this year, counts them, and all of it is finished past work. One
// set of checks for the three modules, since the ratings are given on the other two's records;
// seed/demo-this-year.test.ts registers them on the demo it seeds once for every module.
import { todayInShanghai } from '@qingshan/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, login, type SeededDemo, thisYearsFigures } from '../../test/helpers.ts';
import { clocksOf } from '../clocks/service.ts';

const KEYS = [
  'bookingsExtended',
  'bookingsRegular',
  'ratingsLevel5',
  'ratingsLevel4',
  'ratingsLevel3',
  'ratingsLevel2',
  'ratingsLevel1',
  'badRatings',
  'badRatingsRectifiedOnTime',
  'petitionsClosed',
  'petitionsClosedWithLimit',
  'petitionsOnTime',
];
// seedPetitions' live case answered a few days ago, whose bad rating is still being rectified
const LIVE_REPLIED = '赤山镇小河沟水体发黑';
// seedPetitions' live case the demo citizen filed from her account, answered a few days ago: hers to rate
const CITIZEN_REPLIED = '上栗镇居民楼下餐馆油烟直排';

export function describeRatingsThisYear(demo: () => SeededDemo): void {
  const signIn = (username: string): Promise<Client> =>
    login(demo().t, username, demo().accounts.find((a) => a.username === username)!.password);
  const query = <T>(sql: string) => demo().t.database.query<T>(sql);

  describe("the demo's bookings, petitions and ratings of this year", () => {
    let today: string;
    let yearFrom: string;
    beforeAll(() => {
      today = todayInShanghai();
      yearFrom = `${today.slice(0, 4)}-01-01`;
    });

    it('give every figure of the three modules a value for this year, each the count of the records it lists', async () => {
      const leader = await signIn('leader');
      const { view: body, records } = await thisYearsFigures(leader, KEYS);
      expect(body.from).toBe(yearFrom);
      // the past's records, and today's bookings of the coming week (counted once booked)
      for (const key of KEYS) for (const x of records[key]!) expect(x.date <= today, `${key} ${x.date}`).toBe(true);
      // a few closed on time among them, not every one
      expect(body.values.petitionsOnTime).toBeLessThanOrEqual(body.values.petitionsClosedWithLimit!);
      expect(body.values.badRatingsRectifiedOnTime).toBeLessThanOrEqual(body.values.badRatings!);
    });

    it('spreads the bookings over the months so far, all settled; from today on only the coming week’s, each leaving a place', async () => {
      const months = await query<{ month: string; n: number }>(
        `select to_char(date, 'MM') as month, count(*)::int as n from appointments
        where date >= '${yearFrom}' and date < '${today}' group by 1 order by 1`,
      );
      expect(months.map((m) => m.month)).toEqual(
        Array.from({ length: Number(today.slice(5, 7)) }, (_, i) => String(i + 1).padStart(2, '0')),
      );
      const [open] = await query<{ n: number }>(
        `select count(*)::int as n from appointments where date < '${today}' and status in ('booked', 'arrived')`,
      );
      expect(open!.n).toBe(0);
      // the coming week's (appointments/seed.ts seedComingBookings): booked, within the week, and
      // never a slot's last place, so the portals can still book every slot
      const coming = await query<{ status: string; days: number; booked: number; capacity: number }>(
        `select a.status, (a.date - '${today}'::date)::int as days, s.booked, s.capacity
           from appointments a join appointment_slots s on s.id = a.slot_id where a.date >= '${today}'`,
      );
      expect(coming.length).toBeGreaterThan(0);
      for (const c of coming) {
        expect(c.status).toBe('booked');
        expect(c.days).toBeLessThanOrEqual(7);
        expect(c.booked).toBeLessThan(c.capacity);
      }
      // the demo citizen holds no open window booking, so a journey signed in as her can book either
      // window; the sign-ins' own bookings are checked in seed/demo-sign-ins.checks.ts
      const [citizenOpen] = await query<{ n: number }>(
        `select count(*)::int as n from appointments where citizen_user_id is not null and status in ('booked', 'arrived')`,
      );
      expect(citizenOpen!.n).toBe(0);
    });

    it('leaves the petitions and ratings of this year settled: every clock done and due before today, no worklist item, no unread message', async () => {
      const petitions = await query<{ id: string; status: string; acceptance: string; resolution: string | null }>(
        `select id::text as id, status, acceptance_due_date::text as acceptance, resolution_due_date::text as resolution
         from petitions where received_at >= '${yearFrom}T00:00:00+08:00'
          and status in ('replied', 'not-accepted') and title not in ('${LIVE_REPLIED}', '${CITIZEN_REPLIED}')`,
      );
      const ratings = await query<{ id: string; state: string; contact: string; rectify: string; rectified: string }>(
        `select r.id::text as id, x.state, x.contact_due_date::text as contact, x.rectify_due_date::text as rectify,
              to_char(x.rectified_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as rectified
         from ratings r join rating_rectifications x on x.rating_id = r.id
        where r.created_at >= '${yearFrom}T00:00:00+08:00' and r.label not like '%${LIVE_REPLIED}'`,
      );
      expect(petitions.length).toBeGreaterThan(0);
      expect(ratings.length).toBeGreaterThan(0);
      for (const p of petitions) {
        expect(p.acceptance < today).toBe(true);
        if (p.resolution) expect(p.resolution < today).toBe(true);
      }
      for (const x of ratings) {
        expect(x.state).toBe('rectified');
        expect([x.contact < today, x.rectify < today, x.rectified < today]).toEqual([true, true, true]);
      }
      const owners = [
        ...petitions.map((p) => ({ ownerType: 'petition', ownerId: p.id })),
        ...ratings.map((x) => ({ ownerType: 'rating', ownerId: x.id })),
      ];
      for (const owner of owners) {
        for (const c of await clocksOf(demo().t.database.db, owner)) {
          expect(c.completedAt, c.title).not.toBeNull();
          expect(c.dueDate < today, `${c.title} due ${c.dueDate}`).toBe(true);
        }
      }
      const ids = new Set(owners.map((o) => o.ownerId));
      for (const username of ['leader', 'clerk']) {
        const c = await signIn(username);
        const res = await c.request({ method: 'GET', url: '/api/worklist?pageSize=200' });
        expect(res.statusCode, res.body).toBe(200);
        const mine = (res.json().items as { ownerId: string; title: string }[]).filter((i) => ids.has(i.ownerId));
        expect(mine.map((i) => i.title)).toEqual([]);
      }
      const links = owners.map((o) =>
        o.ownerType === 'petition' ? `/staff/petitions/${o.ownerId}` : `/staff/ratings?focus=${o.ownerId}`,
      );
      const unread = await query<{ title: string; link: string }>(
        'select title, link from notifications where read_at is null and link is not null',
      );
      expect(unread.filter((n) => links.includes(n.link)).map((n) => n.title)).toEqual([]);
      const [own] = await query<{ n: number }>(
        `select ((select count(*) from ratings where created_at >= '${yearFrom}T00:00:00+08:00'
                 and (enterprise_id in (select enterprise_id from users where username in ('qiye1', 'qiye2'))
                      or rater_user_id is not null))
            + (select count(*) from petitions where received_at >= '${yearFrom}T00:00:00+08:00'
                 and (enterprise_id is not null or citizen_user_id is not null) and title <> '${CITIZEN_REPLIED}'))::int as n`,
      );
      expect(own!.n).toBe(0);
    });

    it('gives the demo citizen one answered case of her own to rate from her account, and the staff see the rating', async () => {
      const citizen = await signIn('qunzhong');
      const mine = await citizen.request({ method: 'GET', url: '/api/petitions?pageSize=50' });
      expect(mine.statusCode, mine.body).toBe(200);
      const cases = mine.json().items as { id: string; code: string; title: string; status: string }[];
      const answered = cases.find((p) => p.title === CITIZEN_REPLIED);
      expect(answered?.status).toBe('replied');
      const detail = await citizen.request({ method: 'GET', url: `/api/petitions/${answered!.id}` });
      expect(detail.json().rating).toBeNull();
      // the reply reached her inbox too
      const inbox = await citizen.request({ method: 'GET', url: '/api/inbox?pageSize=50' });
      expect((inbox.json().items as { body: string }[]).some((n) => n.body.includes(CITIZEN_REPLIED))).toBe(true);
      // she rates it on the public tracking page with the phone she filed it with, as the page does;
      // a good rating, so no clock, worklist item or message appears for the checks that read those
      const rated = await citizen.request({
        method: 'POST',
        url: `/api/public/petitions/${answered!.code}/rating`,
        payload: {
          phone: '13979905678',
          level: 5,
          indicators: { efficiency: 5, result: 5, attitude: 5, convenience: 5 },
        },
      });
      expect(rated.statusCode, rated.body).toBe(201);
      const leader = await signIn('leader');
      const staff = await leader.request({
        method: 'GET',
        url: '/api/ratings?eventType=petition&level=5&pageSize=100',
      });
      expect((staff.json().items as { id: string }[]).map((r) => r.id)).toContain(rated.json().id);
    });
  });
}
