import { todayInShanghai } from '@qingshan/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, type SeededDemo, thisYearsFigures } from '../../test/helpers.ts';

// The demo's visits of the seeding year (seed-this-year.ts), seeded on the tests' fake today,
// 2026-06-15: the dashboard's default period counts them, and none of them is still open.
// seed/demo-this-year.test.ts registers these checks on the demo it seeds once for every module.
export function describeVisitsThisYear(demo: () => SeededDemo): void {
  const today = todayInShanghai();
  const year = today.slice(0, 4);
  const count = async (sql: string, params: unknown[] = []) =>
    (await demo().t.database.query<{ n: number }>(sql, params))[0]!.n;

  describe("the demo's visits of this year", () => {
    let leader: Client;
    beforeAll(async () => {
      leader = await loginAs(demo().t, ['leader']);
    });

    it('gives this year non-zero visit figures, each counting exactly the records it lists', async () => {
      const { view } = await thisYearsFigures(leader, ['enterpriseVisits', 'campaigns']);
      expect(view.from).toBe(`${year}-01-01`);
      // a believable year: visits in most of the months gone by, none from today on
      const months = view.monthly.filter((m: { month: string }) => m.month < today.slice(0, 7));
      const visited = months.filter((m: { values: Record<string, number> }) => m.values.enterpriseVisits! > 0);
      expect(visited.length).toBeGreaterThanOrEqual(months.length - 1);
      expect(await count(`select count(*)::int as n from visits where date >= $1`, [today])).toBe(0);
    });

    it('leaves no follow-up open or due, and no campaign under way', async () => {
      const since = `${year}-01-01`;
      expect(
        await count(
          `select count(*)::int as n from visit_follow_ups f join visits v on v.id = f.visit_id
          where v.date >= $1 and (f.done_at is null or f.due_date >= $2
            or (f.done_at at time zone 'Asia/Shanghai')::date >= $2)`,
          [since, today],
        ),
      ).toBe(0);
      expect(
        await count(
          `select count(*)::int as n from visit_follow_ups f join visits v on v.id = f.visit_id where v.date >= $1`,
          [since],
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(`select count(*)::int as n from campaigns where start_date >= $1 and end_date >= $2`, [
          since,
          today,
        ]),
      ).toBe(0);
    });

    it('visits none of the enterprises the demo enterprise accounts belong to', async () => {
      expect(
        await count(
          "select count(*)::int as n from users where username in ('qiye1', 'qiye2') and enterprise_id is not null",
        ),
      ).toBe(2);
      expect(
        await count(
          `select count(*)::int as n from visit_enterprises ve join visits v on v.id = ve.visit_id
          where v.date >= $1 and ve.enterprise_id in (select enterprise_id from users where username in ('qiye1', 'qiye2'))`,
          [`${year}-01-01`],
        ),
      ).toBe(0);
    });
  });
}
