import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { updateRule } from '../rules/service.ts';
import { clocksOf, completeClock, extendClock, pauseClock, resumeClock, startClock } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const at = (s: string) => new Date(`${s}T09:00:00+08:00`);

describe('clock service', () => {
  it('counts working days over the 调休 calendar and freezes the rule version', async () => {
    const db = t.database.db;
    // 2024-09-27 (Fri) + 5 working days: 09-29 (Sun) is a make-up workday, 10-01..07 National Day
    const c = await startClock(db, SYSTEM_ACTOR, {
      ownerType: 'test',
      ownerId: 'a1',
      profileKey: 'application.incomplete-notice',
      start: at('2024-09-27'),
      title: '测试 补正告知',
      link: '/staff/test/a1',
      assigneeRole: 'clerk',
    });
    expect(c.dueDate).toBe('2024-10-10');
    expect(c.ruleVersion).toBe(1);
    expect(c.state).toBe('overdue');

    // a later edit of the rule does not move a clock already started …
    await db.transaction((tx) =>
      updateRule(tx, SYSTEM_ACTOR, 'application.incomplete-notice', {
        value: { length: 3, unit: 'working', warnBefore: 1 },
        source: '测试来源',
        effectiveFrom: '2024-01-01',
        reason: '测试改版',
      }),
    );
    const [again] = await clocksOf(db, { ownerType: 'test', ownerId: 'a1' });
    expect(again!.dueDate).toBe('2024-10-10');
    // … while a new clock takes the new version
    const c2 = await startClock(db, SYSTEM_ACTOR, {
      ownerType: 'test',
      ownerId: 'a2',
      profileKey: 'application.incomplete-notice',
      start: at('2024-09-27'),
      title: 't',
    });
    expect(c2.ruleVersion).toBe(2);
    expect(c2.dueDate).toBe('2024-10-08');
  });

  it('pauses, resumes, extends and completes, refusing what the state forbids', async () => {
    const db = t.database.db;
    const c = await startClock(db, SYSTEM_ACTOR, {
      ownerType: 'test',
      ownerId: 'b1',
      profileKey: 'petition.resolution',
      start: at('2024-03-01'),
      title: '信访件 XF-TEST 办结期限',
    });
    expect(c.dueDate).toBe('2024-04-30');
    const paused = await pauseClock(db, SYSTEM_ACTOR, c.id, { reason: 'supplement', at: at('2024-03-10') });
    expect(paused.pauses).toHaveLength(1);
    await expect(pauseClock(db, SYSTEM_ACTOR, c.id, { reason: 'hearing' })).rejects.toMatchObject({
      code: 'CLOCK_STATE_CONFLICT',
    });
    const resumed = await resumeClock(db, SYSTEM_ACTOR, c.id, at('2024-03-20'));
    expect(resumed.dueDate).toBe('2024-05-10');
    await expect(resumeClock(db, SYSTEM_ACTOR, c.id)).rejects.toMatchObject({ code: 'CLOCK_STATE_CONFLICT' });
    const extended = await extendClock(db, SYSTEM_ACTOR, c.id, { days: 30, reason: '案情复杂，经批准延期' });
    expect(extended.dueDate).toBe('2024-06-09');
    expect(extended.extensions[0]).toMatchObject({ days: 30, approvedBy: 'system' });
    await expect(extendClock(db, SYSTEM_ACTOR, c.id, { days: 3, reason: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const done = await completeClock(db, SYSTEM_ACTOR, c.id, at('2024-06-01'));
    expect(done.state).toBe('met');
    await expect(completeClock(db, SYSTEM_ACTOR, c.id)).rejects.toMatchObject({ code: 'CLOCK_STATE_CONFLICT' });
  });

  it('refuses an unknown profile and a date outside the calendar; a year without the notice is provisional', async () => {
    const db = t.database.db;
    await expect(
      startClock(db, SYSTEM_ACTOR, {
        ownerType: 'test',
        ownerId: 'c',
        profileKey: 'no.such',
        start: new Date(),
        title: 'x',
      }),
    ).rejects.toMatchObject({ code: 'CLOCK_PROFILE_UNKNOWN' });
    // a due date in a year without the notice is computed provisionally, never refused
    const provisional = await startClock(db, SYSTEM_ACTOR, {
      ownerType: 'test',
      ownerId: 'c',
      profileKey: 'eia.report-book.statutory',
      start: at('2026-12-01'),
      title: 'x',
    });
    expect(provisional).toMatchObject({ provisional: true, state: 'running' });
    expect(provisional.dueDate).toMatch(/^2027-/);
    // only a date outside 2020–2099 is refused
    await expect(
      startClock(db, SYSTEM_ACTOR, {
        ownerType: 'test',
        ownerId: 'c',
        profileKey: 'eia.report-book.statutory',
        start: at('2099-12-01'),
        title: 'x',
      }),
    ).rejects.toMatchObject({ code: 'CALENDAR_OUT_OF_RANGE', extra: { year: 2100 } });
  });
});
