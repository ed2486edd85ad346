import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { failInterruptedJobs, startJob } from './service.ts';
import { jobs } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('background jobs never stay "running" for ever', () => {
  it('marks a job left running by a dead process failed, with a reason, at start', async () => {
    const [left] = await t.database.db.insert(jobs).values({ kind: 'enterprise-import' }).returning();
    const [done] = await t.database.db.insert(jobs).values({ kind: 'enterprise-import', status: 'done' }).returning();
    await failInterruptedJobs(t.database.db);
    const [after] = await t.database.db.select().from(jobs).where(eq(jobs.id, left!.id));
    expect(after!.status).toBe('failed');
    expect(after!.error).toContain('restart');
    expect(after!.finishedAt).not.toBeNull();
    const [untouched] = await t.database.db.select().from(jobs).where(eq(jobs.id, done!.id));
    expect(untouched!.status).toBe('done');
  });

  it('marks a job whose work throws failed with the error as its reason', async () => {
    const user = await loginAs(t, ['clerk']);
    let settled: Promise<void> | undefined;
    const id = await startJob(
      t.database.db,
      'test',
      user.userId,
      async () => {
        throw new Error('文件超过上限');
      },
      (p) => {
        settled = p;
      },
    );
    await settled;
    const res = await user.request({ method: 'GET', url: `/api/jobs/${id}` });
    expect(res.json()).toMatchObject({ status: 'failed', error: '文件超过上限' });
  });
});
