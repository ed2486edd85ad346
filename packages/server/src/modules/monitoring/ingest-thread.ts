import { Worker } from 'node:worker_threads';
import { decodeFrame } from '@qingshan/hj212';
import type { Db } from '../../db/client.ts';
import { GATEWAY_DECODE } from './frame-checks.ts';
import { type Gateway, type GatewayStats, zeroGatewayStats } from './gateway.ts';
import type { GroupCommitOptions, StoreBatch } from './group-commit.ts';
import type { FromWorker, IngestWorkerData, ToWorker } from './ingest-worker.ts';
import { type JournalStats, type JournalWriter, openJournalWriter } from './journal.ts';
import { type AppenderStats, type WriterReport, zeroAppenderStats } from './journal-appender.ts';
import { onStationChanged } from './registry-events.ts';

// The ingest front in its own thread (issue 11, P2: frame-to-ack p99 ≤ 50 ms at 2,000 frames/s).
// With the gateway, the journal and Fastify on one event loop, any synchronous work of an API
// handler or of a writer batch (building a batch's SQL) delayed every ack: 44–47 ms p99 alone,
// 105.6 ms with API probes on PostgreSQL. Here the gateway and the journal's appending half run in
// a worker thread (ingest-worker.ts): sockets, deframing, decoding, the registry checks, the
// durable segment writes and the acks never wait for this thread. The writing half (journal.ts
// openJournalWriter: replay, pending frames, group commit, retries, checkpoint) stays here with
// the database; PGlite cannot be shared across threads, and the writer is where the CPU goes.
//
// The link between them is a message per event: the worker sends the records it made durable
// (before it acks them: a message posted is delivered even if its thread dies right after), asks
// for a station it does not know and hands over frames of unregistered MNs (quarantine, meters),
// which are acked once this thread stored them, as without the journal. This thread sends the
// writer's pending counts (the backpressure bound) and registry changes (registry-events.ts).
//
// What /api/health and the station pages read (the gateway's counts, connected MNs) is a copy the
// worker refreshes every 200 ms and on each MN's connect or disconnect; health shows its age.
//
// The worker dying does not stop the platform: it is logged, health says so, the writer reads the
// segments again (what the worker made durable and never handed over is stored; it was never
// acked) and a new worker starts on the same port after every intact record. Loggers whose frames
// were not acked send them again.

const ENTRY = new URL('./ingest-worker.mjs', import.meta.url);
const STATS_MS = 200;

export type IngestThreadOptions = {
  dir: string;
  db: Db;
  /** the writer's group commit */
  batch?: GroupCommitOptions;
  port: number;
  host: string;
  maxConnections: number;
  log: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
  maxPendingFrames?: number;
  maxPendingBytes?: number;
  segmentBytes?: number;
  /** test hook: how the writer stores a batch */
  store?: StoreBatch;
};

export type IngestThreadState = 'starting' | 'running' | 'restarting' | 'stopped';

export type IngestThread = Gateway & {
  /** the journal's counts: the appender's as last reported by the worker, the writer's live */
  journalStats(): JournalStats;
  thread: { state: IngestThreadState; restarts: number; lastError: string | null; statsAgeMs(): number | null };
  writer: JournalWriter;
  /** test hook: ends the worker thread as a crash of it would; it is restarted */
  crashWorker(): Promise<void>;
  /** test hook: the whole ingest front stops as a crash of the process would (no drain, no checkpoint) */
  abandon(): Promise<void>;
};

/** Opens the writer (it replays what the last process left), then starts the worker; resolves once it listens. */
export async function startIngestThread(opts: IngestThreadOptions): Promise<IngestThread> {
  const log = opts.log;
  const writer = await openJournalWriter({
    dir: opts.dir,
    db: opts.db,
    log,
    ...(opts.batch ? { batch: opts.batch } : {}),
    ...(opts.store ? { store: opts.store } : {}),
  });

  // Counts of finished workers are kept, so health's totals do not fall back to 0 on a restart.
  const stats = zeroGatewayStats();
  const before = zeroGatewayStats();
  let appenderStats = zeroAppenderStats();
  const appenderBefore = zeroAppenderStats();
  const mns = new Set<string>();
  const thread: IngestThread['thread'] = {
    state: 'starting',
    restarts: 0,
    lastError: null,
    statsAgeMs: () => (statsAt === 0 ? null : Date.now() - statsAt),
  };
  let statsAt = 0;
  let worker: Worker | null = null;
  let stopping = false;
  let boundPort = opts.port;
  /** the writer's received counts when the current worker started: its report is relative to them */
  let base = { frames: 0, bytes: 0 };
  let closedSignal: (() => void) | null = null;

  const relative = (r: WriterReport): WriterReport => ({
    ...r,
    receivedFrames: r.receivedFrames - base.frames,
    receivedBytes: r.receivedBytes - base.bytes,
  });
  const send = (m: ToWorker) => worker?.postMessage(m);

  // one report per turn of the loop at most: a batch settles hundreds of frames at once
  let reportQueued = false;
  writer.onReport = () => {
    if (reportQueued) return;
    reportQueued = true;
    setImmediate(() => {
      reportQueued = false;
      send({ t: 'report', report: relative(writer.report()) });
    });
  };
  const stopChanges = onStationChanged((mn) => send({ t: 'changed', mn }));

  const add = <T extends Record<string, number>>(into: T, a: T, b: T) => {
    const out = into as Record<string, number>;
    for (const k of Object.keys(out)) out[k] = (a[k] ?? 0) + (b[k] ?? 0);
  };
  // gauges are the live worker's; counters add up over workers
  const GAUGES = new Set(['openConnections', 'pendingFrames', 'heldBack']);
  const takeStats = (g: GatewayStats, a: AppenderStats) => {
    add(stats, before, g);
    for (const k of GAUGES) (stats as Record<string, number>)[k] = (g as Record<string, number>)[k]!;
    appenderStats = { ...a };
    add(appenderStats, appenderBefore, a);
    appenderStats.pendingFrames = a.pendingFrames;
    appenderStats.pendingBytes = a.pendingBytes;
    appenderStats.waitingForRoom = a.waitingForRoom;
    statsAt = Date.now();
  };
  let lastGateway = zeroGatewayStats();
  let lastAppender = zeroAppenderStats();

  const answer = (w: Worker, id: number, p: Promise<unknown>) =>
    p.then(
      (result) => w.postMessage({ t: 'reply', id, result } satisfies ToWorker),
      (e: Error) => w.postMessage({ t: 'reply', id, error: e.message } satisfies ToWorker),
    );

  const startWorker = (nextSeq: number): Promise<Worker> =>
    new Promise<Worker>((resolve, reject) => {
      const r = writer.report();
      base = { frames: r.receivedFrames, bytes: r.receivedBytes };
      const data: IngestWorkerData = {
        dir: opts.dir,
        nextSeq,
        report: relative(r),
        port: boundPort,
        host: opts.host,
        maxConnections: opts.maxConnections,
        statsMs: STATS_MS,
        ...(opts.maxPendingFrames !== undefined ? { maxPendingFrames: opts.maxPendingFrames } : {}),
        ...(opts.maxPendingBytes !== undefined ? { maxPendingBytes: opts.maxPendingBytes } : {}),
        ...(opts.segmentBytes !== undefined ? { segmentBytes: opts.segmentBytes } : {}),
      };
      const w = new Worker(ENTRY, { workerData: data, name: 'hj212-ingest' });
      worker = w;
      let ready = false;
      lastGateway = zeroGatewayStats();
      lastAppender = zeroAppenderStats();
      w.on('message', (m: FromWorker) => {
        switch (m.t) {
          case 'journaled':
            writer.journaled(m.segment, m.records, null);
            return;
          case 'ask':
            if (m.kind === 'lookup') void answer(w, m.id, writer.lookup(m.mn));
            else if (m.kind === 'all') void answer(w, m.id, writer.all());
            else
              void answer(
                w,
                m.id,
                writer.direct(decodeFrame(Buffer.from(m.raw, 'utf8'), GATEWAY_DECODE), m.raw, m.remote, new Date(m.at)),
              );
            return;
          case 'stats':
            lastGateway = m.gateway;
            lastAppender = m.appender;
            takeStats(m.gateway, m.appender);
            return;
          case 'mn':
            if (m.connected) mns.add(m.mn);
            else mns.delete(m.mn);
            return;
          case 'log':
            log(m.level, m.message, m.fields);
            return;
          case 'ready':
            ready = true;
            boundPort = m.port;
            thread.state = 'running';
            resolve(w);
            return;
          case 'failed':
            thread.lastError = m.error;
            void w.terminate();
            reject(new Error(m.error));
            return;
          case 'closed':
            closedSignal?.();
            return;
        }
      });
      w.on('error', (e) => {
        thread.lastError = e.message;
        log('warn', 'HJ 212 ingest thread failed', { error: e.message });
        if (!ready) reject(e);
      });
      w.on('exit', (code) => {
        if (worker !== w) return;
        worker = null;
        if (!ready) {
          reject(new Error(`the ingest thread stopped while starting (exit code ${code})`));
          return;
        }
        // its messages were all delivered before this event: its last counts are final
        add(before, before, lastGateway);
        add(appenderBefore, appenderBefore, lastAppender);
        takeStats(zeroGatewayStats(), zeroAppenderStats());
        mns.clear();
        closedSignal?.();
        if (stopping) return;
        thread.state = 'restarting';
        thread.restarts++;
        log('warn', 'HJ 212 ingest thread stopped; starting it again (frames it acked are journaled)', {
          code,
          error: thread.lastError,
        });
        void restart(0);
      });
    });

  const restart = async (attempt: number): Promise<void> => {
    // at once the first time; a thread that keeps failing is tried again less and less often
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(30_000, 250 * 2 ** attempt)));
    if (stopping) return;
    try {
      await startWorker(await writer.recover());
      log('info', 'HJ 212 ingest thread running again', { port: boundPort, restarts: thread.restarts });
    } catch (e) {
      thread.lastError = (e as Error).message;
      log('warn', 'HJ 212 ingest thread not started; trying again', { error: (e as Error).message });
      return restart(attempt + 1);
    }
  };

  try {
    await startWorker(writer.nextSeq());
  } catch (e) {
    stopChanges();
    await writer.abandon();
    throw e;
  }

  const stopWorker = async (graceful: boolean) => {
    const w = worker;
    if (!w) return;
    if (graceful) {
      const closed = new Promise<void>((r) => {
        closedSignal = r;
      });
      w.postMessage({ t: 'close' } satisfies ToWorker);
      // a worker that no longer answers is ended: what it made durable is replayed at the next start
      const t = setTimeout(() => void w.terminate(), 15_000);
      await closed;
      clearTimeout(t);
    }
    await w.terminate();
  };

  return {
    get port() {
      return boundPort;
    },
    stats,
    batches: writer.commits.stats,
    connectedMns: () => [...mns],
    // pending: the writer's own count, live (the appender's copy is up to 200 ms old, and 0 after a restart)
    journalStats: () => ({
      ...writer.stats,
      ...appenderStats,
      pendingFrames: writer.stats.pendingFrames,
      pendingBytes: writer.stats.pendingBytes,
    }),
    thread,
    writer,
    async close() {
      if (stopping) return;
      stopping = true;
      stopChanges();
      // the gateway, then the appender (both in the worker), then the writer drains, as in one thread
      await stopWorker(true);
      thread.state = 'stopped';
      await writer.close();
    },
    async crashWorker() {
      await worker?.terminate();
    },
    async abandon() {
      stopping = true;
      stopChanges();
      await stopWorker(false);
      thread.state = 'stopped';
      await writer.abandon();
    },
  };
}
