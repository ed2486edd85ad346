import { todayInShanghai } from '@qingshan/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, login, loginAs, type SeededDemo, thisYearsFigures } from '../../test/helpers.ts';
import { getCalendar } from '../calendar/service.ts';
import { evaluateRow } from '../clocks/service.ts';
import { clocks } from '../clocks/tables.ts';

// The demo's supervision and publicity of the seeding year, seeded on the tests' fake today
// (2026-06-15): this year's random draws and the records behind their results, the special
// campaigns' inspections and their rectification orders (this module), the positive-list
// decisions and the policies pushed to the firms they concern. The dashboard's default period
// counts them, and all of it is finished work: nothing running, nothing on a worklist.
// seed/demo-this-year.test.ts registers these checks on the demo it seeds once for every module.
const FIGURES = [
  'inspectionTargetsDrawn',
  'inspectionsDone',
  'positiveListFirms',
  'rectificationOrders',
  'rectifiedOnTime',
  'enforcementCases',
  'policyFirmsConcerned',
  'policyFirmsDelivered',
  'policyFirmsReached',
];

const DEMO_FIRMS = `(select enterprise_id from users where username in
  ('qiye1', 'qiye2') and enterprise_id is not null)`;

export function describeSiteInspectionsThisYear(demo: () => SeededDemo): void {
  const today = todayInShanghai();
  const since = `${today.slice(0, 4)}-01-01`;
  const count = async (sql: string, params: unknown[] = []) =>
    (await demo().t.database.query<{ n: number }>(sql, params))[0]!.n;

  describe("the demo's supervision and policy publicity of this year", () => {
    let leader: Client;
    beforeAll(async () => {
      leader = await loginAs(demo().t, ['leader']);
    });

    it('gives this year non-zero figures, each counting exactly the records it lists', async () => {
      const { t } = demo();
      const { view, records } = await thisYearsFigures(leader, FIGURES);
      expect(view.from).toBe(since);
      const demoFirms = (
        await t.database.query<{ id: string }>(`select enterprise_id as id from users where
      username in ('qiye1', 'qiye2')`)
      ).map((r) => r.id);
      for (const key of FIGURES.filter((k) => k.startsWith('policy')))
        for (const r of records[key]!) expect(demoFirms, `${key}: ${r.enterpriseName}`).not.toContain(r.enterpriseId);
      // every draw of this year is done against its plan, and reach never exceeds delivery
      expect(view.values.inspectionsDone).toBe(view.values.inspectionTargetsDrawn!);
      expect(view.values.policyFirmsReached).toBeLessThanOrEqual(view.values.policyFirmsDelivered!);
      expect(view.values.rectifiedOnTime).toBeLessThanOrEqual(view.values.rectificationOrders!);
      // orders are issued through the months gone by, not in one lump
      const months = view.monthly.filter(
        (m: { values: Record<string, number | undefined> }) => (m.values.rectificationOrders ?? 0) > 0,
      );
      expect(months.length).toBeGreaterThanOrEqual(3);
    });

    it('leaves every draw, inspection and order of this year finished before today, and nothing on a worklist', async () => {
      const { t, accounts } = demo();
      const start = `'${since}T00:00:00+08:00'`;
      expect(
        await count(
          `select count(*)::int as n from inspection_draws d where d.drawn_at >= ${start}
        and (d.status <> 'published' or d.published_at >= $1::timestamptz or d.publish_due_on >= $2::date)`,
          [`${today}T00:00:00+08:00`, today],
        ),
      ).toBe(0);
      expect(
        await count(
          `select count(*)::int as n from site_inspections where inspected_on >= $1 and status <> 'completed'`,
          [since],
        ),
      ).toBe(0);
      expect(
        await count(
          `select count(*)::int as n from rectification_orders o where o.created_at >= ${start}
          and (o.status <> 'accepted' or exists (select 1 from rectification_answers a where a.order_id = o.id
            and (a.verdict is null or a.verified_at >= $1::timestamptz)))`,
          [`${today}T00:00:00+08:00`],
        ),
      ).toBe(0);
      // their clocks are stopped, and were due before today
      const calendar = await getCalendar(t.database.db);
      const rows = (await t.database.db.select().from(clocks)).filter(
        (c) =>
          ['inspection-draw', 'rectification-order'].includes(c.ownerType) &&
          c.start >= new Date(`${since}T00:00:00+08:00`),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const c of rows) {
        const v = evaluateRow(c, calendar);
        expect(v.completedAt, c.title).not.toBeNull();
        expect(v.dueDate < today, `${c.title}: due ${v.dueDate}`).toBe(true);
      }
      // this year's case ran its course: decided, published, executed; its credit change decided
      expect(
        await count(
          `select count(*)::int as n from enforcement_cases where created_at >= ${start}
          and (stage <> 'execution' or decision_number is null or published_at is null)`,
        ),
      ).toBe(0);
      expect(
        await count(
          `select count(*)::int as n from credit_proposals p join enforcement_cases c on c.id::text = p.source_id
          where c.created_at >= ${start} and (p.status = 'open' or p.decided_at >= $1::timestamptz
            or p.created_at >= $1::timestamptz)`,
          [`${today}T00:00:00+08:00`],
        ),
      ).toBe(0);
      expect(
        await count(
          `select count(*)::int as n from credit_proposals p join enforcement_cases c on c.id::text = p.source_id
          where c.created_at >= ${start} and p.status = 'confirmed'`,
        ),
      ).toBe(1);
      // every penalty's credit proposal was raised with its decision (2020's too), not on the day
      // the demo was seeded
      expect(
        await count(
          `select count(*)::int as n from credit_proposals p join enforcement_cases c on c.id::text = p.source_id
          where c.published_at is null or p.created_at <> c.published_at`,
        ),
      ).toBe(0);
      // the positive list's decisions of this year raised no removal proposal waiting for an officer
      expect(
        await count(
          `select count(*)::int as n from positive_list_removal_proposals p join positive_list_entries l
        on l.id = p.entry_id where l.decided_on >= $1 and p.status = 'open'`,
          [since],
        ),
      ).toBe(0);
      for (const username of ['inspector', 'leader', 'clerk', 'admin']) {
        const account = accounts.find((a) => a.username === username)!;
        const c = await login(t, username, account.password);
        const items = (await c.request({ method: 'GET', url: '/api/worklist?pageSize=200' })).json().items;
        expect(
          items.filter((i: { ownerType: string }) => ['inspection-draw', 'rectification-order'].includes(i.ownerType)),
          username,
        ).toEqual([]);
      }
    });

    it('attaches nothing of this year to the demo enterprise accounts, nor sends them or the citizen a message', async () => {
      const { accounts } = demo();
      for (const [table, column] of [
        ['site_inspections', 'inspected_on'],
        ['rectification_orders', 'created_at'],
        ['positive_list_entries', 'decided_on'],
        ['enforcement_cases', 'created_at'],
      ])
        expect(
          await count(
            `select count(*)::int as n from ${table} where enterprise_id in ${DEMO_FIRMS} and ${column} >= $1::date`,
            [since],
          ),
          table,
        ).toBe(0);
      const demoUsers = `(select id from users where username in (${accounts.map((a) => `'${a.username}'`).join(', ')}))`;
      expect(await count(`select count(*)::int as n from policy_pushes where user_id in ${demoUsers}`)).toBe(0);
      expect(
        await count(
          `select count(*)::int as n from notifications where user_id in ${demoUsers} and kind like 'policy.%'`,
        ),
      ).toBe(0);
      // the pushes went to the concerned firms' own accounts, which are no demo accounts
      expect(await count('select count(*)::int as n from policy_pushes')).toBeGreaterThan(0);
      expect(
        await count(
          `select count(*)::int as n from policy_pushes p join notifications n on n.id = p.notification_id
        where n.created_at >= $1::timestamptz or p.pushed_at >= $1::timestamptz or p.read_at >= $1::timestamptz`,
          [`${today}T00:00:00+08:00`],
        ),
      ).toBe(0);
    });
  });
}
