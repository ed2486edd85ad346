import { shanghaiDateOf, todayInShanghai } from '@qingshan/core';
import { describe, expect, it } from 'vitest';
import { type Client, login, type SeededDemo } from '../../test/helpers.ts';

// The demo's requests for government information (seed.ts), seeded on the tests' fake today,
// 2026-06-15: the desk's list has work on the statutory clock and answers of each common kind, and
// the demo citizen and 金花烟花 (qiye1) each find their own. seed/demo-this-year.test.ts registers
// these checks on the demo it seeds once for every module.
type View = {
  id: string;
  code: string;
  status: string;
  applicantName: string;
  receivedAt: string;
  dueDate: string | null;
  extensionDays: number;
  outcome: string | null;
  clause: string | null;
  answeredAt: string | null;
  answeredOnTime: boolean | null;
};
type Detail = {
  request: View;
  events: { action: string; at: string; public: boolean }[];
  clocks: { state: string; dueDate: string; completedAt: string | null }[];
};

export function describeDisclosureThisYear(demo: () => SeededDemo): void {
  const today = todayInShanghai();
  const signIn = (username: string): Promise<Client> => {
    const { t, accounts } = demo();
    return login(t, username, accounts.find((a) => a.username === username)!.password);
  };
  const list = async (c: Client): Promise<View[]> => {
    const res = await c.request({ method: 'GET', url: '/api/disclosure-requests?pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  describe("the demo's requests for government information", () => {
    it('gives the desk open requests on their clocks and answers of each kind, every step in order before now', async () => {
      const clerk = await signIn('clerk');
      const items = await list(clerk);
      const open = items.filter((r) => r.status !== 'answered');
      const answered = items.filter((r) => r.status === 'answered');
      expect(open.length).toBe(4);
      expect(answered.map((r) => `${r.outcome}${r.clause ? `:${r.clause}` : ''}`).sort()).toEqual([
        'disclose',
        'disclose',
        'not-exist',
        'not-ours',
        'not-processed:petition',
        'partial:third-party',
        'withhold:process-info',
      ]);
      const now = Date.now();
      const states: string[] = [];
      for (const r of items) {
        const res = await clerk.request({ method: 'GET', url: `/api/disclosure-requests/${r.id}` });
        expect(res.statusCode, res.body).toBe(200);
        const d: Detail = res.json();
        const times = d.events.map((e) => Date.parse(e.at));
        expect(
          times.every((x, i) => i === 0 || x >= times[i - 1]!),
          r.code,
        ).toBe(true);
        expect(Date.parse(r.receivedAt)).toBeLessThanOrEqual(times[0]!);
        expect(times.at(-1)!).toBeLessThan(now);
        const [clock] = d.clocks;
        expect(clock, r.code).toBeDefined();
        expect(clock!.dueDate).toBe(r.dueDate);
        if (r.status === 'answered') {
          expect([r.answeredOnTime, clock!.state], r.code).toEqual([true, 'met']);
          expect(shanghaiDateOf(new Date(r.answeredAt!)) < today).toBe(true);
        } else {
          expect(r.dueDate! >= today, r.code).toBe(true);
          states.push(clock!.state);
        }
      }
      // one of them is due within the clock's warning: the list's first, and on the desk's worklist
      expect(states.sort()).toEqual(['due-soon', 'running', 'running', 'running']);
      expect(items[0]!.dueDate).toBe(open.map((r) => r.dueDate!).sort()[0]);
      const extended = open.find((r) => r.extensionDays > 0);
      expect(extended?.extensionDays).toBe(15);
      const worklist = (await clerk.request({ method: 'GET', url: '/api/worklist?pageSize=200' })).json().items as {
        ownerType: string;
        state: string;
      }[];
      expect(
        worklist
          .filter((i) => i.ownerType === 'disclosure')
          .map((i) => i.state)
          .sort(),
      ).toEqual(['due-soon', 'running', 'running', 'running']);
      // the head consented to the extension when asked: no request for consent waits in an inbox
      const unread = await demo().t.database.query<{ n: number }>(
        "select count(*)::int as n from notifications where kind = 'disclosure.extension-requested' and read_at is null",
      );
      expect(unread[0]!.n).toBe(0);
    });

    it('lets the demo citizen and 金花烟花 find their own answered request and its message, dated when it was answered', async () => {
      for (const [username, outcome] of [
        ['qunzhong', 'disclose'],
        ['qiye1', 'partial'],
      ] as const) {
        const c = await signIn(username);
        const mine = await list(c);
        expect(
          mine.map((r) => [r.status, r.outcome]),
          username,
        ).toEqual([['answered', outcome]]);
        const inbox = (await c.request({ method: 'GET', url: '/api/inbox?pageSize=100' })).json().items as {
          link: string | null;
          createdAt: string;
        }[];
        const messages = inbox.filter((n) => n.link === `/disclosure/track?code=${mine[0]!.code}`);
        expect(messages.length, username).toBeGreaterThan(0);
        expect(messages.map((n) => n.createdAt)).toContain(mine[0]!.answeredAt);
      }
      expect(await list(await signIn('qiye2'))).toEqual([]);
    });
  });
}
