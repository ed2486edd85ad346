// The demo's EIA cases and applications of the seeding year (seeded on the tests' fixed day,
// 2026-06-15): the dashboard's default period counts them, each figure lists what it counts, and
// all of it is finished work — no clock left running, nothing on a worklist or in an inbox.
// seed/demo-this-year.test.ts registers these checks on the demo it seeds once for every module.
import { todayInShanghai } from '@qingshan/core/calendar';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, type SeededDemo, thisYearsFigures } from '../../test/helpers.ts';
import { planEiaYear } from './seed-this-year.ts';

const KEYS = [
  'commitmentEiaApproved',
  'eiaExemptions',
  'eiaFilings',
  'applicationsDecided',
  'applicationsDecidedWithLimit',
  'applicationsOnTime',
  'oneVisitRate',
] as const;

type Row = { id: string };

export function describeEiaThisYear(demo: () => SeededDemo): void {
  const today = todayInShanghai();
  const year = today.slice(0, 4);
  const q = <T>(sql: string) => demo().t.database.query<T>(sql);
  // the year's finished applications: the live ones of the demo are decided today
  const yearApplications = () =>
    q<Row & { status: string; decided: string }>(
      `select id::text as id, status, to_char(decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as decided
       from applications where decided_at >= '${year}-01-01T00:00:00+08:00' and decided_at < '${today}T00:00:00+08:00'`,
    );
  async function yearCases() {
    const plan = await planEiaYear(demo().t.database.db, today);
    const rows = await q<
      Row & {
        enterprise: string;
        project: string;
        path: string;
        state: string;
        decided: string;
        verified: string | null;
      }
    >(
      `select id::text as id, enterprise_id::text as enterprise, project_name as project, path, state,
            decided_on::text as decided, verified_on::text as verified from eia_cases where code like '环评${year}-%'`,
    );
    return plan.map((p) => ({
      plan: p,
      row: rows.find((r) => r.enterprise === p.enterpriseId && r.project === p.projectName && r.path === p.path),
    }));
  }

  describe('the demo records of this year (EIA cases and applications)', () => {
    let leader: Client;
    beforeAll(async () => {
      leader = await loginAs(demo().t, ['leader']);
    });

    it('makes every figure of the two modules non-zero for this year, counting exactly what it lists', async () => {
      const { view: body } = await thisYearsFigures(leader, KEYS);
      expect(body.from).toBe(`${year}-01-01`);
      for (const key of KEYS) {
        // the trend spreads the year over its months
        const months = body.monthly.filter((m: { values: Record<string, number> }) => m.values[key]! > 0);
        if (key !== 'eiaExemptions') expect(months.length, key).toBeGreaterThan(1);
      }
      expect(body.values.applicationsOnTime).toBeLessThanOrEqual(body.values.applicationsDecidedWithLimit!);
      expect(body.values.oneVisitRate).toBeLessThan(body.values.applicationsDecided!);
      const { printed } = demo();
      expect(printed.some((l) => l.startsWith('环评事项（本年）'))).toBe(true);
      expect(printed.some((l) => l.startsWith('申请（本年）'))).toBe(true);
    });

    it('opens each case of the plan, finished before today, from its application where it had one', async () => {
      const cases = await yearCases();
      expect(cases.length).toBeGreaterThan(5);
      const apps = await yearApplications();
      for (const { plan, row } of cases) {
        expect(row, plan.projectName).toBeDefined();
        expect(row!.decided < today && row!.decided >= `${year}-01-01`, plan.projectName).toBe(true);
        if (plan.path === 'commitment') {
          expect(row!.state).toBe('verified');
          expect(row!.verified! < today).toBe(true);
        }
      }
      const linked = await q<{ n: number }>(
        `select count(*)::int as n from eia_cases where application_id in (${apps.map((a) => `'${a.id}'`).join(',')})`,
      );
      expect(linked[0]!.n).toBe(cases.filter((c) => c.plan.matter).length);
      expect(apps.every((a) => ['approved', 'refused'].includes(a.status) && a.decided < today)).toBe(true);
    });

    it('leaves no clock running, no worklist item, no inbox message and nothing on the enterprise accounts', async () => {
      const ids = [...(await yearApplications()).map((a) => a.id), ...(await yearCases()).map((c) => c.row!.id)];
      const list = ids.map((id) => `'${id}'`).join(',');
      const clocks = await q<{ completed: boolean }>(
        `select completed_at is not null as completed from clocks where owner_id in (${list})`,
      );
      expect(clocks.length).toBeGreaterThan(ids.length);
      expect(clocks.filter((c) => !c.completed)).toEqual([]);
      for (const roles of [['leader'], ['clerk'], ['approver'], ['inspector']] as const) {
        const c = await loginAs(demo().t, [...roles]);
        const items = (await c.request({ method: 'GET', url: '/api/worklist?pageSize=200' })).json().items as {
          link: string | null;
        }[];
        expect(items.filter((i) => ids.some((id) => i.link?.endsWith(id)))).toEqual([]);
      }
      const messages = await q<{ n: number }>(
        `select count(*)::int as n from notifications where ${ids.map((id) => `link like '%${id}'`).join(' or ')}`,
      );
      expect(messages[0]!.n).toBe(0);
      const owned = await q<{ n: number }>(
        `select count(*)::int as n from (
         select enterprise_id from applications where id::text in (${list})
         union all select enterprise_id from eia_cases where id::text in (${list})) r
       where r.enterprise_id in (select enterprise_id from users where enterprise_id is not null)`,
      );
      expect(owned[0]!.n).toBe(0);
    });
  });
}
