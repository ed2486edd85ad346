import type { Db } from '../../db/client.ts';
import { type IngestItem, type IngestResult, ingestBatch } from './ingest.ts';

// Group commit (issue 11, P2/P3): frames that arrive while a transaction commits, or within a few
// milliseconds of an idle moment, are stored together in the next one. A commit costs an fsync and
// a round trip per statement whatever the number of frames, so under load the batch grows and the
// cost per frame falls; at a trickle a frame waits only the short window. One batch is in flight
// at a time: batches commit in arrival order, so two frames of a station are judged in the order
// they came, and PGlite (one connection) is never asked for two transactions at once.

export type GroupCommitOptions = {
  /** frames stored in one transaction at most */
  maxFrames?: number;
  /**
   * how long a batch may hold the database, ms: the batch size follows the rate the last batches
   * were stored at. On PGlite (one connection) every API query waits for the batch in progress,
   * so this bounds what ingest adds to a request; unset, batches are as large as maxFrames.
   */
  targetMs?: number;
  /** how long the first frame after an idle moment waits for company, ms */
  windowMs?: number;
};

export type GroupCommitStats = { batches: number; frames: number; largest: number; limit: number };

/** The smallest batch the time target may shrink to: below it the commit itself dominates. */
const MIN_FRAMES = 8;

export type GroupCommit = {
  /** resolves once the frame's batch committed (or the frame alone failed): only then may it be acked */
  submit(item: IngestItem): Promise<IngestResult>;
  /** resolves when every frame submitted so far is decided */
  drain(): Promise<void>;
  stats: GroupCommitStats;
};

type Waiting = { item: IngestItem; resolve: (r: IngestResult) => void };

export function groupCommit(db: Db, opts: GroupCommitOptions = {}): GroupCommit {
  const maxFrames = Math.max(1, opts.maxFrames ?? 256);
  const windowMs = Math.max(0, opts.windowMs ?? 2);
  const targetMs = opts.targetMs;
  // the current batch size: maxFrames, or what the time target allows
  let limit = targetMs ? Math.min(maxFrames, 64) : maxFrames;
  const stats: GroupCommitStats = { batches: 0, frames: 0, largest: 0, limit };
  let queue: Waiting[] = [];
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const idle: (() => void)[] = [];

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (running || queue.length === 0) return;
    const batch = queue.length <= limit ? queue : queue.slice(0, limit);
    queue = queue.length <= limit ? [] : queue.slice(limit);
    const started = performance.now();
    stats.batches++;
    stats.frames += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    running = ingestBatch(
      db,
      batch.map((w) => w.item),
    )
      .then(
        (results) => {
          if (results.length !== batch.length) throw new Error('ingestBatch answered a different number of frames');
          results.forEach((r, k) => {
            batch[k]!.resolve(r);
          });
        },
        (e: Error) => {
          for (const w of batch) w.resolve({ kind: 'error', error: e });
        },
      )
      .catch((e: Error) => {
        for (const w of batch) w.resolve({ kind: 'error', error: e });
      })
      .finally(() => {
        running = null;
        // only a full batch says how many frames fit the target; a small one took the commit's floor
        if (targetMs && batch.length >= limit) {
          const perFrame = (performance.now() - started) / batch.length;
          const fit = Math.floor(targetMs / Math.max(perFrame, 1e-3));
          // grow gently, shrink at once: a slow batch is what a waiting request feels
          limit = Math.max(MIN_FRAMES, Math.min(maxFrames, fit, limit * 2));
          stats.limit = limit;
        }
        // what queued meanwhile has waited a whole commit already: it goes at once
        if (queue.length > 0) flush();
        else for (const f of idle.splice(0)) f();
      });
  };

  return {
    stats,
    submit(item) {
      return new Promise<IngestResult>((resolve) => {
        queue.push({ item, resolve });
        if (running) return;
        if (queue.length >= limit || windowMs === 0) flush();
        else timer ??= setTimeout(flush, windowMs);
      });
    },
    drain() {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

/**
 * How each engine batches. PostgreSQL serves requests on other pool connections while a batch
 * commits, so batches may be large; PGlite has one connection, so a batch is cut to what it
 * stores in about 50 ms (the API's p99 budget is 100 ms, issue 14).
 */
export function batchingFor(engine: 'pglite' | 'postgres'): GroupCommitOptions {
  return engine === 'postgres' ? { maxFrames: 1_000 } : { maxFrames: 512, targetMs: 50 };
}
