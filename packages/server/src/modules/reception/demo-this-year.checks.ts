import { todayInShanghai } from '@qingshan/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, login, loginAs, type SeededDemo, thisYearsFigures } from '../../test/helpers.ts';

// The demo's reception days of the seeding year (seedReceptionThisYear), seeded on the tests' fake
// today, 2026-06-15: the dashboard's default period counts them, and none of their concerns is
// still open work. seed/demo-this-year.test.ts registers these checks on the demo it seeds once
// for every module.
const FIGURES = ['receptionEnterprises', 'receptionPeople', 'receptionConcernsAccepted', 'receptionConcernsResolved'];

export function describeReceptionThisYear(demo: () => SeededDemo): void {
  const today = todayInShanghai();
  const since = `${today.slice(0, 4)}-01-01`;
  const count = async (sql: string, params: unknown[] = []) =>
    (await demo().t.database.query<{ n: number }>(sql, params))[0]!.n;

  describe("the demo's reception days of this year", () => {
    let leader: Client;
    beforeAll(async () => {
      leader = await loginAs(demo().t, ['leader']);
    });

    it('gives this year non-zero reception figures, each counting exactly the records it lists', async () => {
      const { view } = await thisYearsFigures(leader, FIGURES);
      expect(view.from).toBe(since);
      // a reception day every month gone by
      const months = view.monthly.filter((m: { month: string }) => m.month < today.slice(0, 7));
      expect(months.length).toBeGreaterThan(0);
      for (const m of months) expect(m.values.receptionPeople, m.month).toBeGreaterThan(0);
    });

    it('leaves every concern of this year answered and finished before today, and nothing on a worklist', async () => {
      const { t, accounts } = demo();
      expect(
        await count(
          `select count(*)::int as n from reception_concerns c join reception_sessions s on s.id = c.session_id
          where s.date >= $1 and (c.status not in ('resolved', 'not-accepted') or c.due_date >= $2
            or (c.resolved_at at time zone 'Asia/Shanghai')::date >= $2)`,
          [since, today],
        ),
      ).toBe(0);
      expect(
        await count(
          `select count(*)::int as n from clocks where owner_type = 'reception-concern' and completed_at is null`,
        ),
      ).toBe(0);
      // the days from today on are the upcoming ones, open for booking: nobody has come to them yet
      expect(
        await count(
          `select count(*)::int as n from reception_attendances a join reception_sessions s on s.id = a.session_id
          where s.date >= $1`,
          [today],
        ),
      ).toBe(0);
      for (const username of ['inspector', 'clerk', 'leader']) {
        const account = accounts.find((a) => a.username === username)!;
        const c = await login(t, username, account.password);
        const items = (await c.request({ method: 'GET', url: '/api/worklist?pageSize=200' })).json().items;
        expect(
          items.filter((i: { ownerType: string }) => i.ownerType === 'reception-concern'),
          username,
        ).toEqual([]);
      }
    });

    it('received none of the enterprises the demo enterprise accounts belong to on the days gone by', async () => {
      const mine = "(select enterprise_id from users where username in ('qiye1', 'qiye2'))";
      expect(
        await count(
          "select count(*)::int as n from users where username in ('qiye1', 'qiye2') and enterprise_id is not null",
        ),
      ).toBe(2);
      expect(
        await count(
          `select count(*)::int as n from reception_attendances a join reception_sessions s on s.id = a.session_id
          where s.date >= $1 and a.enterprise_id in ${mine}`,
          [since],
        ),
      ).toBe(0);
      expect(
        await count(
          // days gone by only: the coming days have their bookings (seed/demo-sign-ins.checks.ts)
          `select count(*)::int as n from reception_bookings b join reception_sessions s on s.id = b.session_id
          where s.date >= $1 and s.date < $2 and (b.enterprise_id in ${mine} or b.citizen_user_id is not null)`,
          [since, today],
        ),
      ).toBe(0);
    });
  });
}
