import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userFacingErrorText } from '../../db/errors.ts';
import { AppError } from '../../errors.ts';
import { hasRole, type SessionUser } from '../../plugins/auth.ts';
import { jobs } from './tables.ts';

export type JobRow = typeof jobs.$inferSelect;

export type JobHandle = {
  id: string;
  progress(processed: number, total: number): Promise<void>;
};

/**
 * Runs `work` after the response has gone out, recording progress and the outcome in a jobs row
 * the client polls. A job cut short by a restart is marked failed at the next boot
 * (failInterruptedJobs), never left "running" forever.
 */
export async function startJob(
  db: Db,
  kind: string,
  createdBy: string | null,
  work: (job: JobHandle) => Promise<unknown>,
  onSettled?: (p: Promise<void>) => void,
): Promise<string> {
  const [row] = await db.insert(jobs).values({ kind, createdBy }).returning({ id: jobs.id });
  const id = row!.id;
  const handle: JobHandle = {
    id,
    async progress(processed, total) {
      await db.update(jobs).set({ processed, total }).where(eq(jobs.id, id));
    },
  };
  const run = (async () => {
    await new Promise((r) => setImmediate(r));
    try {
      const result = await work(handle);
      await db.update(jobs).set({ status: 'done', result, finishedAt: new Date() }).where(eq(jobs.id, id));
    } catch (e) {
      await db
        .update(jobs)
        .set({ status: 'failed', error: userFacingErrorText(e), finishedAt: new Date() })
        .where(eq(jobs.id, id))
        .catch(() => {});
    }
  })();
  onSettled?.(run);
  return id;
}

export async function getJob(db: Db, user: SessionUser, id: string): Promise<JobRow> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  if (row.createdBy !== user.id && !hasRole(user, 'admin')) throw new AppError('FORBIDDEN_RECORD');
  return row;
}

export async function failInterruptedJobs(db: Db): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'failed', error: 'interrupted by a server restart', finishedAt: new Date() })
    .where(eq(jobs.status, 'running'));
}
