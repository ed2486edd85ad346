import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { errorMessageForRecord } from '../../db/errors.ts';
import { scheduledJobs } from './tables.ts';

export type JobRow = typeof scheduledJobs.$inferSelect;
export type JobHandler = (ctx: { db: Db; job: JobRow }) => Promise<void>;

/** Exponential back-off: base · 2^(attempt−1), capped (attempt counts from 1). */
export function backoffMs(attempt: number, baseMs: number, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Queues a one-off job. With a key, scheduling again moves the existing job (one row per key),
 * e.g. a reminder that follows an appointment's new time.
 */
export async function scheduleJob(
  tx: Tx,
  input: { kind: string; runAt: Date; payload?: Record<string, unknown>; key?: string | null; maxAttempts?: number },
): Promise<string> {
  const values = {
    kind: input.kind,
    runAt: input.runAt,
    payload: input.payload ?? {},
    key: input.key ?? null,
    maxAttempts: input.maxAttempts ?? 5,
  };
  const [row] = input.key
    ? await tx
        .insert(scheduledJobs)
        .values(values)
        .onConflictDoUpdate({
          target: scheduledJobs.key,
          set: { runAt: values.runAt, payload: values.payload, status: 'pending', attempts: 0, lastError: null },
        })
        .returning({ id: scheduledJobs.id })
    : await tx.insert(scheduledJobs).values(values).returning({ id: scheduledJobs.id });
  return row!.id;
}

export async function cancelJob(tx: Tx, key: string): Promise<void> {
  await tx.delete(scheduledJobs).where(and(eq(scheduledJobs.key, key), eq(scheduledJobs.status, 'pending')));
}

export type RecurringJob = { kind: string; everyMs: number };

export type SchedulerOptions = {
  db: Db;
  handlers: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  /** how often start() ticks; tests call tick() themselves */
  intervalMs?: number;
  /** a claim older than this is presumed dead (its process crashed) and may be taken over */
  leaseMs?: number;
  batch?: number;
  retryBaseMs?: number;
  owner?: string;
  onError?: (e: unknown, job?: JobRow) => void;
};

/**
 * In-process scheduler over the scheduled_jobs table. Each tick claims due jobs with
 * FOR UPDATE SKIP LOCKED and a lease, so two processes on one PostgreSQL never run the same job
 * at once, and a job whose process died is taken over when its lease expires.
 */
export class Scheduler {
  readonly owner: string;
  readonly #o: Required<Omit<SchedulerOptions, 'owner' | 'onError'>> & Pick<SchedulerOptions, 'onError'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = false;
  #ensured = false;

  constructor(o: SchedulerOptions) {
    this.owner = o.owner ?? `scheduler-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.#o = {
      db: o.db,
      handlers: o.handlers,
      recurring: o.recurring ?? [],
      intervalMs: o.intervalMs ?? 30_000,
      leaseMs: o.leaseMs ?? 5 * 60_000,
      batch: o.batch ?? 20,
      retryBaseMs: o.retryBaseMs ?? 30_000,
      onError: o.onError,
    };
  }

  #handlers(): Record<string, JobHandler> {
    return this.#o.handlers;
  }

  start(): void {
    this.#stopped = false;
    const loop = () => {
      if (this.#stopped) return;
      this.#running = this.tick()
        .catch((e) => this.#o.onError?.(e))
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(loop, this.#o.intervalMs);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running?.catch(() => {});
  }

  async #ensureRecurring(): Promise<void> {
    if (this.#ensured) return;
    for (const r of this.#o.recurring) {
      await this.#o.db
        .insert(scheduledJobs)
        .values({
          kind: r.kind,
          key: `recurring:${r.kind}`,
          intervalMs: r.everyMs,
          runAt: new Date(),
          maxAttempts: 1_000_000,
        })
        .onConflictDoUpdate({ target: scheduledJobs.key, set: { intervalMs: r.everyMs } });
    }
    this.#ensured = true;
  }

  /** Claims the due jobs this process may run. */
  async claim(): Promise<JobRow[]> {
    const { db, leaseMs, batch } = this.#o;
    const kinds = Object.keys(this.#handlers());
    if (!kinds.length) return [];
    const now = sql`now()`;
    const due = db
      .select({ id: scheduledJobs.id })
      .from(scheduledJobs)
      .where(
        and(
          inArray(scheduledJobs.kind, kinds),
          or(
            and(eq(scheduledJobs.status, 'pending'), lte(scheduledJobs.runAt, now)),
            and(eq(scheduledJobs.status, 'running'), lte(scheduledJobs.leaseUntil, now)),
          ),
        ),
      )
      .orderBy(asc(scheduledJobs.runAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    return db
      .update(scheduledJobs)
      .set({
        status: 'running',
        lockedBy: this.owner,
        leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        attempts: sql`${scheduledJobs.attempts} + 1`,
      })
      .where(inArray(scheduledJobs.id, due))
      .returning();
  }

  /** Runs every due job once; returns the jobs run. */
  async tick(): Promise<{ ran: string[]; failed: string[] }> {
    await this.#ensureRecurring();
    const claimed = await this.claim();
    const ran: string[] = [];
    const failed: string[] = [];
    for (const job of claimed) {
      try {
        const handler = this.#handlers()[job.kind];
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler({ db: this.#o.db, job });
        await this.#finish(job, null);
        ran.push(job.kind);
      } catch (e) {
        this.#o.onError?.(e, job);
        await this.#finish(job, errorMessageForRecord(e));
        failed.push(job.kind);
      }
    }
    return { ran, failed };
  }

  async #finish(job: JobRow, error: string | null): Promise<void> {
    const mine = and(eq(scheduledJobs.id, job.id), eq(scheduledJobs.lockedBy, this.owner));
    const base = { lockedBy: null, leaseUntil: null, lastRunAt: new Date(), runs: sql`${scheduledJobs.runs} + 1` };
    if (job.intervalMs !== null) {
      // recurring jobs never die: a failure only delays the next run
      const delay = error
        ? Math.max(job.intervalMs, backoffMs(job.attempts, this.#o.retryBaseMs, 10 * 60_000))
        : job.intervalMs;
      await this.#o.db
        .update(scheduledJobs)
        .set({
          ...base,
          status: 'pending',
          attempts: error ? job.attempts : 0,
          lastError: error,
          runAt: new Date(Date.now() + delay),
        })
        .where(mine);
      return;
    }
    if (!error) {
      await this.#o.db
        .update(scheduledJobs)
        .set({ ...base, status: 'done', lastError: null })
        .where(mine);
      return;
    }
    const giveUp = job.attempts >= job.maxAttempts;
    await this.#o.db
      .update(scheduledJobs)
      .set({
        ...base,
        status: giveUp ? 'failed' : 'pending',
        lastError: error,
        runAt: new Date(Date.now() + backoffMs(job.attempts, this.#o.retryBaseMs)),
      })
      .where(mine);
  }
}
