import type { Db } from '../../db/client.ts';
import { type IngestItem, type IngestResult, ingestBatch } from './ingest.ts';

// Group commit (issue 11, P2/P3): frames that arrive while a transaction commits, or within a few
// milliseconds of an idle moment, are stored together in the next one. A commit costs an fsync and
// a round trip per statement whatever the number of frames, so under load the batch grows and the
// cost per frame falls; at a trickle a frame waits only the short window. One batch is in flight
// at a time: batches commit in arrival order, so two frames of a station are judged in the order
// they came, and PGlite (one connection) is never asked for two transactions at once.

export type GroupCommitOptions = {
  /** frames stored in one transaction at most: bounds how long a batch holds PGlite's only connection */
  maxFrames?: number;
  /** how long the first frame after an idle moment waits for company, ms */
  windowMs?: number;
};

export type GroupCommitStats = { batches: number; frames: number; largest: number };

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
  const stats: GroupCommitStats = { batches: 0, frames: 0, largest: 0 };
  let queue: Waiting[] = [];
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const idle: (() => void)[] = [];

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (running || queue.length === 0) return;
    const batch = queue.length <= maxFrames ? queue : queue.slice(0, maxFrames);
    queue = queue.length <= maxFrames ? [] : queue.slice(maxFrames);
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
        if (queue.length >= maxFrames || windowMs === 0) flush();
        else timer ??= setTimeout(flush, windowMs);
      });
    },
    drain() {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
