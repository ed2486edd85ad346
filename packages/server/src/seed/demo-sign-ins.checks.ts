import { todayInShanghai } from '@qingshan/core';
import { describe, expect, it } from 'vitest';
import { type Client, login, type SeededDemo } from '../test/helpers.ts';

// What the demo's own sign-ins find of this year under their bookings (appointments/seed.ts
// seedDemoAccountBookings, reception/seed.ts seedUpcomingBookings), on the tests' fake today,
// 2026-06-15: 金花烟花 (qiye1) served, missed and coming window bookings and a coming reception
// day, the demo citizen a served one and a coming public day; nothing that stops a journey from
// booking again. seed/demo-this-year.test.ts registers these checks on its one demo.
type Booking = { id: string; date: string; status: string; extended: boolean; serviceId: string };
type ReceptionBooking = { sessionDate: string; sessionKind: string; status: string };

export function describeDemoSignInsThisYear(demo: () => SeededDemo): void {
  const today = todayInShanghai();
  const year = today.slice(0, 4);
  const weekOn = new Date(Date.parse(`${today}T00:00:00+08:00`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const signIn = (username: string): Promise<Client> => {
    const { t, accounts } = demo();
    return login(t, username, accounts.find((a) => a.username === username)!.password);
  };
  const get = async <T>(c: Client, url: string): Promise<T[]> => {
    const res = await c.request({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  describe("the demo sign-ins' bookings of this year", () => {
    it('gives 金花烟花 served, missed and coming window bookings, one of them in the evening hours, with places left', async () => {
      const firm = await signIn('qiye1');
      const mine = (await get<Booking>(firm, '/api/appointments?pageSize=100')).filter(
        (a) => a.date >= `${year}-01-01`,
      );
      const past = mine.filter((a) => a.date < today);
      const coming = mine.filter((a) => a.date >= today);
      expect(past.map((a) => a.status).sort()).toEqual(['no-show', 'served', 'served']);
      expect(past.some((a) => a.extended && a.status === 'served')).toBe(true);
      // one open booking a window (rules.md §5), in the coming week
      expect(coming.map((a) => a.status)).toEqual(['booked', 'booked']);
      expect(new Set(coming.map((a) => a.serviceId)).size).toBe(2);
      expect(coming.some((a) => a.extended)).toBe(true);
      for (const a of coming) expect(a.date > today && a.date <= weekOn, a.date).toBe(true);
      const full = await demo().t.database.query<{ n: number }>(
        `select count(*)::int as n from appointments a join appointment_slots s on s.id = a.slot_id
          where a.date >= $1 and s.booked >= s.capacity`,
        [today],
      );
      expect(full[0]!.n).toBe(0);
    });

    it('gives the demo citizen a served window booking and no open one, so she can book either window', async () => {
      const citizen = await signIn('qunzhong');
      const mine = await get<Booking>(citizen, '/api/appointments?pageSize=100');
      const served = mine.filter((a) => a.date >= `${year}-01-01`);
      expect(served.map((a) => a.status)).toEqual(['served']);
      expect(mine.filter((a) => a.status === 'booked' || a.status === 'arrived')).toEqual([]);
      // hers to rate from 我的预约: nobody rated it in her place
      const states = await citizen.request({
        method: 'GET',
        url: `/api/ratings/events?eventType=appointment&eventIds=${served[0]!.id}`,
      });
      expect(states.statusCode, states.body).toBe(200);
      expect(states.json().items[0].state).toBe('open');
    });

    it('books 金花烟花 on a coming enterprise day and the citizen on a coming public day, each coming day of the next two months booked', async () => {
      const mineOf = async (username: string) =>
        (await get<ReceptionBooking>(await signIn(username), '/api/reception/my-bookings')).filter(
          (b) => b.sessionDate > today,
        );
      const firm = await mineOf('qiye1');
      const citizen = await mineOf('qunzhong');
      expect(firm.map((b) => [b.sessionKind, b.status])).toEqual([['enterprise', 'booked']]);
      expect(citizen.map((b) => [b.sessionKind, b.status])).toEqual([['public', 'booked']]);
      const [y, m] = today.split('-').map(Number) as [number, number];
      const nextMonthEnd = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
      const days = await demo().t.database.query<{ date: string; n: number; people: number }>(
        `select s.date::text as date, count(b.id)::int as n, coalesce(sum(b.people_count), 0)::int as people
           from reception_sessions s left join reception_bookings b on b.session_id = s.id
          where s.date > $1 and s.date <= $2 group by s.id, s.date`,
        [today, nextMonthEnd],
      );
      expect(days.length).toBeGreaterThan(0);
      // booked, and far from the caps, so the portals can still book every day
      for (const d of days) expect(d.n > 0 && d.n <= 3 && d.people <= 4, d.date).toBe(true);
      const made = await demo().t.database.query<{ n: number }>(
        `select count(*)::int as n from reception_bookings b join reception_sessions s on s.id = b.session_id
          where s.date > $1 and b.created_at > now()`,
        [today],
      );
      expect(made[0]!.n).toBe(0);
    });
  });
}
