import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openPostgres } from '../../db/client.ts';
import { withDatabase } from '../../test/global-setup.ts';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { startClock } from '../clocks/service.ts';
import { clockAlerts } from '../clocks/tables.ts';
import { deliveries, notifications } from '../notifications/tables.ts';
import { startSmtpServer } from '../notifications/test-servers.ts';
import { updateRule } from '../rules/service.ts';
import { createPlatformScheduler } from './runtime.ts';
import { backoffMs, Scheduler, scheduleJob } from './service.ts';
import { scheduledJobs } from './tables.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  t = await buildTestApp();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** A second connection to the same database: a second server process, as far as locking goes. */
async function secondConnection(): Promise<{ db: Database['db']; close(): Promise<void> }> {
  const tpl = inject('dbTemplate');
  if (tpl.engine === 'pglite') return { db: t.database.db, close: async () => {} };
  const [row] = await t.database.query<{ name: string }>('select current_database() as name');
  const other = await openPostgres(withDatabase(tpl.adminUrl, row!.name));
  return { db: other.db, close: () => other.close() };
}

describe('back-off', () => {
  it('doubles per attempt up to the cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30, 1000, 60_000)).toBe(60_000);
  });
});

describe('scheduler', () => {
  it('runs each job exactly once with two schedulers on one database, and retries failures', async () => {
    const second = await secondConnection();
    const runs = new Map<string, number>();
    const handler = async ({ job }: { job: { payload: unknown } }) => {
      const n = (job.payload as { n: number }).n;
      // let the other scheduler try to claim while this one holds the job
      await new Promise((r) => setTimeout(r, 5));
      if (n === 0 && !runs.has('0')) {
        runs.set('0', 0);
        throw new Error('first attempt fails');
      }
      runs.set(String(n), (runs.get(String(n)) ?? 0) + 1);
    };
    for (let n = 0; n < 30; n++)
      await scheduleJob(t.database.db, { kind: 'test.count', runAt: new Date(Date.now() - 1000), payload: { n } });
    const a = new Scheduler({
      db: t.database.db,
      handlers: { 'test.count': handler },
      batch: 4,
      retryBaseMs: 0,
      owner: 'A',
    });
    const b = new Scheduler({
      db: second.db,
      handlers: { 'test.count': handler },
      batch: 4,
      retryBaseMs: 0,
      owner: 'B',
    });
    try {
      for (let i = 0; i < 40; i++) {
        const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
        if (!ra.ran.length && !rb.ran.length && !ra.failed.length && !rb.failed.length) break;
      }
    } finally {
      await second.close();
    }
    for (let n = 0; n < 30; n++) expect(runs.get(String(n)), `job ${n}`).toBe(1);
    const rows = await t.database.db.select().from(scheduledJobs).where(eq(scheduledJobs.kind, 'test.count'));
    expect(rows.every((r) => r.status === 'done')).toBe(true);
    const retried = rows.find((r) => (r.payload as { n: number }).n === 0)!;
    expect(retried.attempts).toBe(2);
  });

  it('keeps jobs across restarts: a job claimed by a dead process is taken over after its lease', async () => {
    await scheduleJob(t.database.db, { kind: 'test.lease', runAt: new Date(Date.now() - 1000), key: 'lease-test' });
    const dead = new Scheduler({
      db: t.database.db,
      handlers: { 'test.lease': async () => {} },
      // long enough that no pause of a loaded machine ends it before the next check
      leaseMs: 600_000,
      owner: 'dead',
    });
    const claimed = await dead.claim(); // claimed, then the "process" dies without finishing
    expect(claimed.map((j) => j.kind)).toContain('test.lease');
    let ran = 0;
    const fresh = new Scheduler({
      db: t.database.db,
      handlers: { 'test.lease': async () => void ran++ },
      owner: 'fresh',
    });
    expect((await fresh.tick()).ran).not.toContain('test.lease'); // lease still held
    // the lease runs out (moved back rather than waited for, so no timing is involved)
    await t.database.db
      .update(scheduledJobs)
      .set({ leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(scheduledJobs.key, 'lease-test'));
    expect((await fresh.tick()).ran).toContain('test.lease');
    expect(ran).toBe(1);
  });
});

describe('overdue escalation through the real scheduler and SMTP', () => {
  it('warns the assignee, escalates to leaders by in-app and e-mail, once per clock and state', async () => {
    const clerk = await loginAs(t, ['clerk']);
    const leader = await loginAs(t, ['leader']);
    for (const [c, email] of [
      [clerk, 'clerk@bureau.test'],
      [leader, 'leader@bureau.test'],
    ] as const) {
      const res = await c.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { email } });
      expect(res.statusCode, res.body).toBe(200);
    }
    // started long ago with a 5-working-day profile: overdue now
    const overdue = await startClock(t.database.db, SYSTEM_ACTOR, {
      ownerType: 'test',
      ownerId: 'esc-1',
      profileKey: 'application.incomplete-notice',
      start: new Date(Date.now() - 40 * 86_400_000),
      title: '测试申请 SQ-001 补正告知期限',
      link: '/staff/test/esc-1',
      assigneeUserId: clerk.userId,
    });
    expect(overdue.state).toBe('overdue');

    const make = (owner: string, db = t.database.db) =>
      createPlatformScheduler({
        db,
        channels: { smtpUrl: smtp.url, mailFrom: 'qingshan@bureau.test' },
        intervalMs: 0,
        scanEveryMs: 0,
        dispatchEveryMs: 0,
        retryBaseMs: 0,
        owner,
      });
    const second = await secondConnection();
    const s1 = make('S1');
    const s2 = make('S2', second.db);
    try {
      for (let i = 0; i < 3; i++) await Promise.all([s1.tick(), s2.tick()]);
    } finally {
      await second.close();
    }

    const alerts = await t.database.db.select().from(clockAlerts).where(eq(clockAlerts.clockId, overdue.id));
    expect(alerts.map((a) => a.state)).toEqual(['overdue']);

    const leaderInbox = (await leader.request({ method: 'GET', url: '/api/inbox' })).json();
    const escalations = leaderInbox.items.filter((n: { kind: string }) => n.kind === 'clock.escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0].title).toContain('测试申请 SQ-001');
    expect(escalations[0].link).toBe('/staff/test/esc-1');
    const clerkInbox = (await clerk.request({ method: 'GET', url: '/api/inbox?unread=true' })).json();
    expect(clerkInbox.items.map((n: { kind: string }) => n.kind)).toEqual(['clock.overdue']);

    // the clocks' mails only: the same scheduler also runs other modules' jobs (the monthly report to leaders)
    const clockMail = (m: { headers: Record<string, unknown> }) =>
      String(m.headers['x-qingshan-kind']).startsWith('clock.');
    const toLeader = smtp.mails.filter((m) => m.to.includes('leader@bureau.test') && clockMail(m));
    expect(toLeader).toHaveLength(1);
    expect(toLeader[0]!.subject).toContain('超期督办');
    expect(toLeader[0]!.subject).toContain('测试申请 SQ-001');
    expect(toLeader[0]!.text).toContain(overdue.dueDate);
    expect(toLeader[0]!.headers['x-qingshan-kind']).toBe('clock.escalated');
    expect(smtp.mails.filter((m) => m.to.includes('clerk@bureau.test') && clockMail(m))).toHaveLength(1);
    const sent = (await t.database.db.select().from(deliveries).where(eq(deliveries.status, 'sent'))).filter((d) =>
      d.kind.startsWith('clock.'),
    );
    expect(sent.map((d) => d.target).sort()).toEqual(['clerk@bureau.test', 'leader@bureau.test']);

    // more ticks: nothing new
    await s1.tick();
    await s1.tick();
    const [{ n }] = (await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(eq(notifications.kind, 'clock.escalated'))) as [{ n: number }];
    expect(n).toBe(1);
    expect(smtp.mails.filter((m) => m.to.includes('leader@bureau.test') && clockMail(m))).toHaveLength(1);
  });

  it('warns once when a clock enters due-soon', async () => {
    const clerk = await loginAs(t, ['clerk']);
    // a clock warned from its first day: warnBefore ≥ length
    await t.database.db.transaction((tx) =>
      updateRule(tx, SYSTEM_ACTOR, 'rating.rectify-contact', {
        value: { length: 3, unit: 'working', warnBefore: 3 },
        source: '测试',
        effectiveFrom: '2020-01-01',
        reason: '测试：从第一天起提醒',
      }),
    );
    const c = await startClock(t.database.db, SYSTEM_ACTOR, {
      ownerType: 'test',
      ownerId: 'soon-1',
      profileKey: 'rating.rectify-contact',
      start: new Date(),
      title: '差评回访 测试',
      assigneeRole: 'clerk',
    });
    expect(c.state).toBe('due-soon');
    const s = createPlatformScheduler({
      db: t.database.db,
      channels: {},
      intervalMs: 0,
      scanEveryMs: 0,
      dispatchEveryMs: 0,
      retryBaseMs: 0,
    });
    await s.tick();
    await s.tick();
    const inbox = (await clerk.request({ method: 'GET', url: '/api/inbox' })).json();
    expect(inbox.items.filter((n: { title: string }) => n.title.includes('差评回访 测试'))).toHaveLength(1);
  });
});
