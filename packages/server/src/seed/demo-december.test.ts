import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoAccount } from '../platform/module.ts';
import { buildTestApp, login, type TestApp } from '../test/helpers.ts';
import { seedDemo } from './seed.ts';

// Issue 8 §1: a demo seeded in late December used to skip its live cases with working-day
// clocks (the next year had no holiday notice). Seeded at 2026-12-28 they exist, marked 暂定,
// and the booking window is open into January.
let t: TestApp;
beforeAll(async () => {
  vi.setSystemTime(new Date('2026-12-28T10:00:00+08:00'));
  t = await buildTestApp();
}, 60_000);
afterAll(() => {
  vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));
  return t.close();
});

type Item = { title: string; profileKey: string; dueDate: string; provisional: boolean };

describe('seedDemo on 2026-12-28', () => {
  it('records the live cases with working-day clocks, provisional, and opens January slots', async () => {
    const accounts: DemoAccount[] = await seedDemo(t.database.db, () => {});
    const items = async (username: string): Promise<Item[]> => {
      const c = await login(t, username, accounts.find((a) => a.username === username)!.password);
      return (await c.request({ method: 'GET', url: '/api/worklist?pageSize=200' })).json().items;
    };
    const leader = await items('leader');
    const clerk = await items('clerk');
    const objection = leader.find((i) => i.title === '转送信访异议期：上栗镇夜市烧烤油烟扰民');
    expect(objection).toMatchObject({ provisional: true });
    expect(objection!.dueDate).toMatch(/^2027-01-/);
    const rectify = clerk.filter((i) => i.profileKey === 'rating.rectify');
    expect(rectify).toHaveLength(1);
    expect(rectify[0]).toMatchObject({ provisional: true });
    const january = await t.database.query<{ n: number }>(
      "select count(*)::int as n from appointment_slots where date between '2027-01-04' and '2027-01-31' and not closed",
    );
    expect(january[0]!.n).toBeGreaterThan(0);
  }, 300_000);
});
