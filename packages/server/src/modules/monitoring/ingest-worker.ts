import { parentPort, workerData } from 'node:worker_threads';
import { type Gateway, type GatewayOutcome, startGateway } from './gateway.ts';
import {
  type Appender,
  type JournaledRecord,
  type RegistryRow,
  startAppender,
  type WriterReport,
} from './journal-appender.ts';

// The ingest worker thread (ingest-thread.ts has the why): the HJ 212 gateway and the journal's
// appending half, so a frame is read, checked, made durable and acked here, whatever the main
// thread's event loop is doing. What needs the database goes to the main thread as a message.
// Keep the imports lean: every module loaded here costs memory in the platform process.

/** What the main thread passes at start. */
export type IngestWorkerData = {
  dir: string;
  nextSeq: number;
  report: WriterReport;
  port: number;
  host: string;
  maxConnections: number;
  maxPendingFrames?: number;
  maxPendingBytes?: number;
  segmentBytes?: number;
  statsMs: number;
};

/** Messages from the main thread. */
export type ToWorker =
  | { t: 'reply'; id: number; result?: unknown; error?: string }
  | { t: 'report'; report: WriterReport }
  | { t: 'changed'; mn: string }
  | { t: 'close' };

/** Messages to the main thread. */
export type FromWorker =
  | { t: 'ready'; port: number }
  | { t: 'failed'; error: string }
  | { t: 'journaled'; segment: string; records: JournaledRecord[] }
  | { t: 'ask'; id: number; kind: 'lookup'; mn: string }
  | { t: 'ask'; id: number; kind: 'all' }
  | { t: 'ask'; id: number; kind: 'direct'; raw: string; remote: string | null; at: number }
  | { t: 'stats'; gateway: Gateway['stats']; appender: Appender['stats'] }
  | { t: 'mn'; mn: string; connected: boolean }
  | { t: 'log'; level: 'info' | 'warn'; message: string; fields?: Record<string, unknown> }
  | { t: 'closed' };

const port = parentPort!;
const data = workerData as IngestWorkerData;
const post = (m: FromWorker) => port.postMessage(m);
const log = (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) =>
  post({ t: 'log', level, message, ...(fields ? { fields } : {}) });

const asks = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextAsk = 1;
type Ask =
  | { kind: 'lookup'; mn: string }
  | { kind: 'all' }
  | { kind: 'direct'; raw: string; remote: string | null; at: number };
const ask = <T>(q: Ask): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const id = nextAsk++;
    asks.set(id, { resolve: resolve as (v: unknown) => void, reject });
    post({ t: 'ask', id, ...q } as FromWorker);
  });

let appender: Appender | null = null;
let gateway: Gateway | null = null;
// messages that come before the appender exists (a report, a change) are applied once it does
const early: ToWorker[] = [];

const onMessage = (m: ToWorker) => {
  switch (m.t) {
    case 'reply': {
      const a = asks.get(m.id);
      if (!a) return;
      asks.delete(m.id);
      if (m.error !== undefined) a.reject(new Error(m.error));
      else a.resolve(m.result);
      return;
    }
    case 'report':
    case 'changed':
      if (!appender) {
        early.push(m);
        return;
      }
      if (m.t === 'report') appender.control.report(m.report);
      else appender.control.changed(m.mn);
      return;
    case 'close':
      void close();
      return;
  }
};
port.on('message', onMessage);

let statsTimer: ReturnType<typeof setInterval> | undefined;
const sendStats = () => {
  if (gateway && appender) post({ t: 'stats', gateway: gateway.stats, appender: appender.stats });
};

let closing: Promise<void> | null = null;
const close = () => {
  closing ??= (async () => {
    clearInterval(statsTimer);
    // the gateway first: nothing new arrives; then the writes in flight finish
    await gateway?.close();
    await appender?.close();
    sendStats();
    for (const a of asks.values()) a.reject(new Error('the ingest journal is closed'));
    asks.clear();
    post({ t: 'closed' });
  })();
  return closing;
};

// no top-level await: this module is loaded through require (ingest-worker.mjs)
async function main(): Promise<void> {
  try {
    appender = await startAppender({
      dir: data.dir,
      nextSeq: data.nextSeq,
      report: data.report,
      log,
      ...(data.maxPendingFrames !== undefined ? { maxPendingFrames: data.maxPendingFrames } : {}),
      ...(data.maxPendingBytes !== undefined ? { maxPendingBytes: data.maxPendingBytes } : {}),
      ...(data.segmentBytes !== undefined ? { segmentBytes: data.segmentBytes } : {}),
      link: {
        // the main thread decodes the raw frame again: a decoded frame does not cross threads
        journaled: (segment, records) => post({ t: 'journaled', segment, records }),
        direct: (_frame, raw, remote, now) => ask<GatewayOutcome>({ kind: 'direct', raw, remote, at: now.getTime() }),
        lookup: (mn) => ask<RegistryRow | null>({ kind: 'lookup', mn }),
        all: () => ask<RegistryRow[]>({ kind: 'all' }),
      },
    });
    for (const m of early.splice(0)) onMessage(m);
    gateway = await startGateway({
      sink: appender.sink,
      port: data.port,
      host: data.host,
      maxConnections: data.maxConnections,
      // Behind the journal a frame waits for an fsync (a few ms), not for a commit: the commit path's
      // bounds (64 a connection, 5,000 in all) only let this thread decode frames far ahead of the
      // disk, and the decoded frames waiting outlived the young generation, so every scavenge
      // copied them (bench:ingest P3, PostgreSQL, a --cpu-prof of this thread: 75–97 µs a frame
      // with 24–30 µs of it collecting at 64/5,000; 56 µs with 7–13 at 16/1,000)
      maxQueuedFrames: 16,
      maxPendingFrames: 1_000,
      log,
      onMn: (mn, connected) => post({ t: 'mn', mn, connected }),
    });
    statsTimer = setInterval(sendStats, data.statsMs);
    post({ t: 'ready', port: gateway.port });
  } catch (e) {
    await appender?.close().catch(() => {});
    post({ t: 'failed', error: (e as Error).message });
  }
}
void main();
