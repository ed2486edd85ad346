import type { Db } from '../../db/client.ts';
import { type IngestItem, type IngestResult, ingestBatch } from './ingest.ts';

// Group commit (issue 11, P2/P3): frames that arrive while a transaction commits, or within a few
// milliseconds of an idle moment, are stored together in the next one. A commit costs an fsync and
// a round trip per statement whatever the number of frames, so under load the batch grows and the
// cost per frame falls; at a trickle a frame waits only the short window.
//
// Lanes: the frames are split by MN over `lanes` queues, each with at most one batch in flight. A
// station's frames always take the same lane, so its batches commit in arrival order and two of
// its frames are judged in the order they came (the rule state is read before and written in the
// batch's transaction); different stations' batches overlap. With one lane (PGlite: one connection)
// a frame that arrives during a long batch waits for the whole of it and then for its own; on
// PostgreSQL the round trips and the fsync of one lane's batch overlap the others' work, so a
// backlog is split into several short batches instead of one long one (bench:ingest, P2).

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
  /** queues by MN, each with one batch in flight: transactions at once, at most (1 unless set) */
  lanes?: number;
  /**
   * a lane commits when it holds a full batch or its oldest frame has waited this long, ms, even
   * right after its previous commit (unset: what queued during a commit goes at once). For a writer
   * nobody waits on (the ingest journal acks before it): a batch's statements cost the same for 16
   * frames as for 100, and their CPU is spent on the event loop that writes the acks.
   */
  lingerMs?: number;
};

export type GroupCommitStats = {
  batches: number;
  frames: number;
  largest: number;
  /** the batch size the time target allows now (the largest over the lanes) */
  limit: number;
  lanes: number;
  /** batches in flight now, and the most there ever were at once */
  inFlight: number;
  mostInFlight: number;
};

/** The smallest batch the time target may shrink to: below it the commit itself dominates. */
const MIN_FRAMES = 8;

export type GroupCommit = {
  /** resolves once the frame's batch committed (or the frame alone failed): only then may it be acked */
  submit(item: IngestItem): Promise<IngestResult>;
  /** resolves when every frame submitted so far is decided */
  drain(): Promise<void>;
  stats: GroupCommitStats;
};

/** How a batch is stored: ingestBatch, or (tests of the batching policy) a stand-in. */
export type StoreBatch = (items: readonly IngestItem[]) => Promise<IngestResult[]>;

type Waiting = { item: IngestItem; resolve: (r: IngestResult) => void; at: number };

/** The lane of an MN: FNV-1a of its characters, so the same MN always takes the same lane. */
export function laneOf(mn: string | undefined, lanes: number): number {
  if (lanes <= 1 || !mn) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < mn.length; i++) h = Math.imul(h ^ mn.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}

export function groupCommit(
  db: Db,
  opts: GroupCommitOptions = {},
  store: StoreBatch = (items) => ingestBatch(db, items),
): GroupCommit {
  const maxFrames = Math.max(1, opts.maxFrames ?? 256);
  const windowMs = Math.max(0, opts.windowMs ?? 2);
  const targetMs = opts.targetMs;
  const laneCount = Math.max(1, Math.floor(opts.lanes ?? 1));
  const lingerMs = Math.max(0, opts.lingerMs ?? 0);
  const stats: GroupCommitStats = {
    batches: 0,
    frames: 0,
    largest: 0,
    limit: targetMs ? Math.min(maxFrames, 64) : maxFrames,
    lanes: laneCount,
    inFlight: 0,
    mostInFlight: 0,
  };
  const idle: (() => void)[] = [];
  const busy = () => lanes.some((l) => l.busy());

  const lane = () => {
    // the current batch size: maxFrames, or what the time target allows
    let limit = stats.limit;
    let queue: Waiting[] = [];
    let running = false;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (running || queue.length === 0) return;
      const batch = queue.length <= limit ? queue : queue.slice(0, limit);
      queue = queue.length <= limit ? [] : queue.slice(limit);
      const started = performance.now();
      running = true;
      stats.batches++;
      stats.frames += batch.length;
      stats.largest = Math.max(stats.largest, batch.length);
      stats.inFlight++;
      stats.mostInFlight = Math.max(stats.mostInFlight, stats.inFlight);
      store(batch.map((w) => w.item))
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
          running = false;
          stats.inFlight--;
          // only a full batch says how many frames fit the target; a small one took the commit's floor
          if (targetMs && batch.length >= limit) {
            const perFrame = (performance.now() - started) / batch.length;
            const fit = Math.floor(targetMs / Math.max(perFrame, 1e-3));
            // grow gently, shrink at once: a slow batch is what a waiting request feels
            limit = Math.max(MIN_FRAMES, Math.min(maxFrames, fit, limit * 2));
            stats.limit = Math.max(...lanes.map((l) => l.limit()));
          }
          // what queued meanwhile has waited a whole commit already: it goes at once, unless the
          // lane lingers until a full batch or its oldest frame's time is up
          if (queue.length > 0) {
            if (lingerMs === 0 || queue.length >= limit) flush();
            else timer ??= setTimeout(flush, Math.max(0, queue[0]!.at + lingerMs - performance.now()));
          } else if (!busy()) for (const f of idle.splice(0)) f();
        });
    };

    return {
      busy: () => running || queue.length > 0,
      limit: () => limit,
      push(w: Waiting) {
        queue.push(w);
        if (running) return;
        if (queue.length >= limit || (windowMs === 0 && lingerMs === 0)) flush();
        else timer ??= setTimeout(flush, Math.max(windowMs, lingerMs));
      },
    };
  };
  const lanes = Array.from({ length: laneCount }, lane);

  return {
    stats,
    submit(item) {
      return new Promise<IngestResult>((resolve) => {
        lanes[laneOf(item.mn ?? item.frame.header.MN?.trim(), laneCount)]!.push({
          item,
          resolve,
          at: performance.now(),
        });
      });
    },
    drain() {
      if (!busy()) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

/**
 * How each engine batches. PostgreSQL serves requests on other pool connections while a batch
 * commits, so several lanes commit at once (4 of the pool's 10 connections) and a batch is capped
 * at 250 frames: under a backlog a frame waits for a few short batches, not one of 1,000 frames.
 * PGlite has one connection and runs each query on the calling thread, so it keeps one lane and
 * cuts a batch to what it stores in about 50 ms (the API's p99 budget is 100 ms, issue 14).
 */
export function batchingFor(engine: 'pglite' | 'postgres'): GroupCommitOptions {
  return engine === 'postgres' ? { maxFrames: 250, lanes: 4 } : { maxFrames: 512, targetMs: 50 };
}

/**
 * The ingest journal's writer (journal.ts): the same lanes, except that a lane lingers up to
 * 100 ms for a fuller batch. The devices were acked at the fsync, so this costs them nothing; at
 * 2,000 frames/s it stores batches of about 50 frames per lane instead of a few each, at a third
 * of the CPU per frame (bench:ingest-profile), CPU the acks' event loop no longer spends. For the
 * same reason its batches on PostgreSQL may hold 1,000 frames, not the 250 that keep a commit-ack
 * device's wait short: a backlog drains in fewer transactions (bench:ingest P3-only, ten runs
 * alternated 2026-12-06: PostgreSQL's CPU 30–34 µs a frame against 34–40, P3 0.43–0.47× of the
 * readings' COPY against 0.38–0.45×).
 */
export function writerBatchingFor(engine: 'pglite' | 'postgres'): GroupCommitOptions {
  const base = batchingFor(engine);
  return { ...base, ...(engine === 'postgres' ? { maxFrames: 1_000 } : {}), lingerMs: 100 };
}
