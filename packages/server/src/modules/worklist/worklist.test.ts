import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { completeClock, startClock } from '../clocks/service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('worklist', () => {
  it('lists open clocks assigned to me or my role by due date, with due-soon and overdue counted', async () => {
    const approver = await loginAs(t, ['approver']);
    const colleague = await loginAs(t, ['approver']);
    const monitor = await loginAs(t, ['monitor']);
    const mk = (title: string, start: Date, profileKey: string, extra: Record<string, unknown>) =>
      startClock(t.database.db, SYSTEM_ACTOR, { ownerType: 'eia', ownerId: title, profileKey, start, title, ...extra });
    // calendar-day profiles keep the states independent of today's weekday
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const late = await mk('逾期件', daysAgo(60), 'petition.acceptance-notice', { assigneeUserId: approver.userId });
    const later = await mk('正常件', new Date(), 'petition.resolution', { assigneeRole: 'approver' });
    const soon = await mk('临期件', daysAgo(27), 'petition.review-answer', { assigneeUserId: approver.userId });
    await mk('同事件', new Date(), 'petition.resolution', { assigneeUserId: colleague.userId });
    const done = await mk('已办结', new Date(), 'petition.resolution', { assigneeUserId: approver.userId });
    await completeClock(t.database.db, SYSTEM_ACTOR, done.id);

    const res = (await approver.request({ method: 'GET', url: '/api/worklist' })).json();
    expect(res.items.map((i: { title: string }) => i.title)).toEqual(['逾期件', '临期件', '正常件']);
    expect(res.items.map((i: { state: string }) => i.state)).toEqual(['overdue', 'due-soon', 'running']);
    expect(res.items[0].id).toBe(late.id);
    expect(res.items[1].id).toBe(soon.id);
    expect(res.items[2].id).toBe(later.id);
    const counts = (await approver.request({ method: 'GET', url: '/api/worklist/counts' })).json();
    expect(counts).toMatchObject({ total: 3, dueSoon: 1, overdue: 1 });
    const overdueOnly = (await approver.request({ method: 'GET', url: '/api/worklist?state=overdue' })).json();
    expect(overdueOnly.items.map((i: { title: string }) => i.title)).toEqual(['逾期件']);
    const paged = (await approver.request({ method: 'GET', url: '/api/worklist?page=2&pageSize=2' })).json();
    expect(paged).toMatchObject({ total: 3, page: 2 });
    expect(paged.items.map((i: { title: string }) => i.title)).toEqual(['正常件']);
    // the colleague sees the role item and their own, not mine
    const theirs = (await colleague.request({ method: 'GET', url: '/api/worklist' })).json();
    expect(theirs.items.map((i: { title: string }) => i.title).sort()).toEqual(['同事件', '正常件']);
    expect((await monitor.request({ method: 'GET', url: '/api/worklist/counts' })).json()).toMatchObject({ total: 0 });
  });
});
