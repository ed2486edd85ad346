import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type DecodedFrame, decodeFrame } from '@qingshan/hj212';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { frameDataTime, GATEWAY_DECODE } from './frame-checks.ts';
import type { FrameSink, GatewayOutcome } from './gateway.ts';
import { type GroupCommit, type GroupCommitOptions, groupCommit, type StoreBatch } from './group-commit.ts';
import { type IngestItem, ingestBatch } from './ingest.ts';
import {
  type Appender,
  type AppenderStats,
  decodeSegment,
  type JournaledRecord,
  type JournalRecord,
  type RegistryRow,
  SEGMENT,
  startAppender,
  type WriterReport,
} from './journal-appender.ts';
import { onStationChanged } from './registry-events.ts';
import { monitoringFrames, monitoringStations } from './tables.ts';

export { decodeSegment, encodeRecord, type JournalRecord } from './journal-appender.ts';

// The local ingest journal (issue 11, P2): the in-process analogue of the JetStream bus (bus.ts).
// A frame of a registered station that passes the checks ingest.ts makes (CRC mode, password) is
// appended to a segment file and made durable (an O_DSYNC write, or fdatasync where there is no
// O_DSYNC), and only then resolved, so the gateway acks it; a writer stores it later through the
// same group commit (lingering for fuller batches, writerBatchingFor), so rules, alarms and readings
// are those of the ack-after-commit path. Up to two writes run at once; frames appended while both
// run share the next one, and a write's frames are acked only after every earlier write (journal-appender.ts, pump).
//
// Frames of an MN that is not a registered station (quarantine, HJ 212 electricity meters, a
// rejected MN) are not journaled: they go to the group commit at once and are acked after it
// committed, as without the journal, so every outcome the database decides for them is kept.
//
// Replay. A checkpoint file holds the low watermark: every frame with a sequence number at or
// below it is settled (committed, or refused by the database). On start, every intact record
// above it is stored again. A frame that committed after the last checkpoint is met again:
// - with a key (MN+QN+CN+DataTime, or MN+CN+DataTime) the frames table's unique indexes make it
//   a duplicate, and a duplicate writes no reading and judges no rule;
// - without a key (no QN and no CN or DataTime; such a frame has no readings), the writer looks
//   for the row itself: same MN, same received_at (the journal's own receive time, kept in the
//   record to the millisecond) and the same raw bytes. Two different frames of one logger with
//   identical bytes received in the same millisecond would be taken for one.
// The watermark is a file rather than a row written in the batch's transaction because the group
// commit's lanes commit out of order and ingest.ts owns that transaction; a stale checkpoint only
// costs a longer replay, never a lost or doubled frame.
//
// The journal is two halves joined by a small link (journal-appender.ts): the appender (registry
// checks, segments, durable writes, room) and the writer here (replay at start, the pending map,
// the group commit into the database, settling, retries, dead letter, checkpoint, deleting settled
// segments). openJournal joins them with direct calls in one thread; ingest-thread.ts runs the
// appender with the gateway in a worker thread and this writer on the main thread, which owns the
// database (PGlite cannot be shared across threads). The writer always starts first: it replays
// what the last process left and tells the appender the first sequence number to use.

export type JournalWriterOptions = {
  dir: string;
  db: Db;
  batch?: GroupCommitOptions;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
  /** test hook: how the writer stores a batch (default ingestBatch) */
  store?: StoreBatch;
};

export type JournalOptions = JournalWriterOptions & {
  /** frames journaled and not yet settled by the database, at most; beyond it nothing is acked */
  maxPendingFrames?: number;
  /** the same bound in journal bytes */
  maxPendingBytes?: number;
  /** a segment grows to this size, then a new one starts; settled segments are deleted */
  segmentBytes?: number;
  /** test hook: after an fdatasync, before the frames it covered are resolved (acked) */
  onSynced?: (seqs: readonly number[]) => void | Promise<void>;
};

export type JournalWriterStats = {
  /** frames stored again at start because they were journaled and not settled */
  replayed: number;
  /** frames settled by the database (stored, duplicate, or refused there) */
  settled: number;
  /**
   * frames the database refused after the journal accepted them: the station removed and its MN
   * rejected in between (an edited password or CRC setting does not: the journal's frames are vetted)
   */
  refusedAfterAck: number;
  /** store attempts that failed and are tried again */
  retries: number;
  /** frames that failed again and again while others committed: kept in dead-letter.log */
  deadLettered: number;
  /** received from the appender, not yet settled: frames and bytes */
  pendingFrames: number;
  pendingBytes: number;
  /** age of the oldest unsettled frame, ms (0 when none) */
  lagMs: number;
  segments: number;
};

export type JournalStats = JournalWriterStats & AppenderStats;

/** The writing half; its methods are what a WriterLink carries (journal-appender.ts). */
export type JournalWriter = {
  stats: JournalWriterStats;
  commits: GroupCommit;
  /** where an appender starts numbering: after every intact record found */
  nextSeq(): number;
  report(): WriterReport;
  /** called whenever report() changes: the link passes it to the appender */
  onReport: ((r: WriterReport) => void) | null;
  journaled(segment: string, records: readonly JournaledRecord[], frames: readonly DecodedFrame[] | null): void;
  direct(frame: DecodedFrame, raw: string, remote: string | null, now: Date): Promise<GatewayOutcome>;
  lookup(mn: string): Promise<RegistryRow | null>;
  all(): Promise<RegistryRow[]>;
  /**
   * After the appender's thread died: reads the segments again and stores what it made durable but
   * never handed over (it was never acked; storing it is harmless), so a new appender can start
   * after every intact record. Resolves to the sequence number the new appender starts at.
   */
  recover(): Promise<number>;
  /** resolves when nothing received is unsettled, or false after timeoutMs */
  drained(timeoutMs?: number): Promise<boolean>;
  /** lets the writer finish within timeoutMs, writes the checkpoint, releases the lock (after the appender closed) */
  close(timeoutMs?: number): Promise<void>;
  /** test hook: stop as a crash would (no drain, no checkpoint); the lock is released */
  abandon(): Promise<void>;
};

export type Journal = {
  sink: FrameSink;
  readonly stats: JournalStats;
  commits: GroupCommit;
  /** resolves when nothing journaled is unsettled, or false after timeoutMs */
  drained(timeoutMs?: number): Promise<boolean>;
  /** stops acking, lets the writer finish within timeoutMs, writes the checkpoint, releases the lock */
  close(timeoutMs?: number): Promise<void>;
  /** test hook: stop as a crash would (no drain, no checkpoint); the lock is released */
  abandon(): Promise<void>;
};

const CHECKPOINT = 'checkpoint';
const LOCK = 'journal.lock';

/** Journal directories this process holds: the lock file's PID is ours, so it cannot tell them apart. */
const heldHere = new Set<string>();

/** Takes the directory's lock file, or says who holds it. A lock left by a dead process is taken over. */
function takeLock(dir: string): void {
  const file = path.join(dir, LOCK);
  if (heldHere.has(dir)) throw new Error(`ingest journal ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(dir);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    let alive = false;
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive)
      throw new Error(
        `ingest journal ${dir} is in use by process ${pid}: two processes must not share one journal (INGEST_JOURNAL)`,
      );
    fs.rmSync(file, { force: true });
  }
  throw new Error(`ingest journal ${dir}: could not take ${LOCK}`);
}

function releaseLock(dir: string): void {
  heldHere.delete(dir);
  fs.rmSync(path.join(dir, LOCK), { force: true });
}

type KnownSegment = { name: string; firstSeq: number; lastSeq: number };
type Pending = { seq: number; item: IngestItem; bytes: number; attempts: number; failingSince: number | null };

/** The frame's retransmit identity is absent: no unique index can tell a replayed copy (ingest.ts frameKey). */
const keyless = (frame: DecodedFrame) => !frame.header.QN && !(frame.header.CN && frameDataTime(frame));

const stationColumns = {
  mn: monitoringStations.mn,
  password: monitoringStations.password,
  crcModes: monitoringStations.crcModes,
  edition: monitoringStations.edition,
  lastFrameAt: monitoringStations.lastFrameAt,
};
const toRegistryRow = (r: {
  mn: string;
  password: string;
  crcModes: string[];
  edition: string;
  lastFrameAt: Date | null;
}): RegistryRow => ({ ...r, lastFrameAt: r.lastFrameAt?.getTime() ?? null });

/** Opens the writing half: takes the directory's lock, reads what the last process left and starts storing it. */
export async function openJournalWriter(opts: JournalWriterOptions): Promise<JournalWriter> {
  const dir = path.resolve(opts.dir);
  const log = opts.log ?? (() => {});
  fs.mkdirSync(dir, { recursive: true });
  takeLock(dir);

  const stats: JournalWriterStats = {
    replayed: 0,
    settled: 0,
    refusedAfterAck: 0,
    retries: 0,
    deadLettered: 0,
    pendingFrames: 0,
    pendingBytes: 0,
    lagMs: 0,
    segments: 0,
  };
  const commits = groupCommit(opts.db, opts.batch, opts.store ?? ((items) => ingestBatch(opts.db, items)));
  // received and not settled, in sequence order (a Map keeps insertion order; see recover)
  const pending = new Map<number, Pending>();
  const segments: KnownSegment[] = [];
  let closed = false;
  let abandoned = false;
  let checkpointed = 0;
  let drainWaiters: (() => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** the highest sequence number received (or replayed, or found at start) */
  let highest = 0;
  let nextSeq = 1;
  let receivedFrames = 0;
  let receivedBytes = 0;
  let onReport: ((r: WriterReport) => void) | null = null;

  const report = (): WriterReport => ({
    pendingFrames: pending.size,
    pendingBytes: stats.pendingBytes,
    receivedFrames,
    receivedBytes,
  });
  const reported = () => onReport?.(report());

  const watermark = (): number => {
    for (const k of pending.keys()) return k - 1;
    return highest;
  };

  // asynchronous, one at a time: a loaded disk must not stall the event loop
  let checkpointing: Promise<void> | null = null;
  const writeCheckpoint = (): Promise<void> => {
    if (checkpointing) return checkpointing;
    const w = watermark();
    if (w === checkpointed) return Promise.resolve();
    const tmp = path.join(dir, `${CHECKPOINT}.tmp`);
    checkpointing = (async () => {
      // not fsync'ed: a checkpoint lost in a crash only makes the replay start earlier
      await fsp.writeFile(tmp, `${w}\n`);
      await fsp.rename(tmp, path.join(dir, CHECKPOINT));
      checkpointed = w;
      // segments whose frames are all settled are of no further use; the newest known one may
      // still be the appender's active segment, so it stays
      while (segments.length > 1 && segments[0]!.lastSeq <= w) {
        const s = segments.shift()!;
        await fsp.rm(path.join(dir, s.name), { force: true });
      }
      stats.segments = segments.length;
    })().finally(() => {
      checkpointing = null;
    });
    return checkpointing;
  };

  const settle = (p: Pending) => {
    pending.delete(p.seq);
    stats.settled++;
    stats.pendingFrames = pending.size;
    stats.pendingBytes -= p.bytes;
    reported();
    if (pending.size === 0) for (const w of drainWaiters.splice(0)) w();
  };

  const deadLetter = (p: Pending, error: Error) => {
    fs.appendFileSync(
      path.join(dir, 'dead-letter.log'),
      `${JSON.stringify({ seq: p.seq, receivedAt: p.item.now.toISOString(), remote: p.item.remote, raw: p.item.raw, error: error.message })}\n`,
    );
    stats.deadLettered++;
    log('warn', 'ingest journal: a frame failed again and again while others were stored; kept in dead-letter.log', {
      mn: p.item.frame.header.MN,
      error: error.message,
    });
    settle(p);
  };

  const write = (p: Pending) => {
    if (abandoned) return;
    p.attempts++;
    const settledBefore = stats.settled;
    void commits.submit(p.item).then((r) => {
      if (abandoned) return;
      if (r.kind !== 'error') {
        if (r.kind === 'refused') {
          stats.refusedAfterAck++;
          log('warn', 'ingest journal: the database refused a frame the journal had accepted', {
            mn: p.item.frame.header.MN,
            reason: r.reason,
          });
        }
        settle(p);
        return;
      }
      // the database is away, or this frame alone cannot be stored: it was acked, so it is kept
      // and tried again; only when others are stored meanwhile, ten times over, is it set aside
      stats.retries++;
      p.failingSince ??= settledBefore;
      if (p.attempts >= 10 && stats.settled > p.failingSince) return deadLetter(p, r.error);
      if (p.attempts === 1)
        log('warn', 'ingest journal: frame not stored, tried again', {
          mn: p.item.frame.header.MN,
          error: r.error.message,
        });
      const t = setTimeout(
        () => {
          timers.delete(t);
          write(p);
        },
        Math.min(30_000, 250 * 2 ** Math.min(p.attempts, 7)),
      );
      timers.add(t);
    });
  };

  const track = (seq: number, item: IngestItem, bytes: number): Pending => {
    const p: Pending = { seq, item, bytes, attempts: 0, failingSince: null };
    pending.set(seq, p);
    stats.pendingFrames = pending.size;
    stats.pendingBytes += bytes;
    if (seq > highest) highest = seq;
    return p;
  };

  const decode = (raw: string) => decodeFrame(Buffer.from(raw, 'utf8'), GATEWAY_DECODE);
  // A journaled frame, vetted: its CRC and password were checked before it was journaled and acked
  // (ingest.ts IngestItem). One from the ingest thread comes undecoded and is decoded when its batch
  // is stored, not when it arrives: under a backlog thousands wait here (up to the pending bound),
  // and a decoded frame (tens of objects) waiting that long outlives V8's young generation and is
  // copied by the scavenges on its way; the raw text is one flat string. Nor is the decoded frame
  // kept once read: the batch that stores it reads it once (ingest.ts storeBatch), and kept here it
  // would live until the commit, about 3 kB of heap a frame promoted to the old generation while a
  // blast is stored. Its MN (the group commit's lane) comes with it.
  const journaledItem = (r: JournalRecord & { mn?: string }, frame?: DecodedFrame): IngestItem => {
    const raw = r.raw;
    const base = { raw, remote: r.remote, now: new Date(r.receivedAt), vetted: true };
    if (frame) return { ...base, frame };
    return {
      get frame() {
        return decode(raw);
      },
      ...base,
      ...(r.mn !== undefined ? { mn: r.mn } : {}),
    };
  };

  /** the segment a record was written to: its last intact sequence number moves on */
  const noteSegment = (name: string, lastSeq: number) => {
    const known = segments.at(-1)?.name === name ? segments.at(-1) : segments.find((s) => s.name === name);
    if (known) known.lastSeq = Math.max(known.lastSeq, lastSeq);
    else {
      segments.push({ name, firstSeq: Number(SEGMENT.exec(name)?.[1] ?? lastSeq), lastSeq });
      segments.sort((a, b) => a.firstSeq - b.firstSeq);
    }
    stats.segments = segments.length;
  };

  /**
   * Reads every segment: an intact record above `after` that is not pending is stored again; a
   * segment with nothing intact, or all settled, is deleted (its name may be the next segment's).
   */
  const scan = async (after: number) => {
    const toReplay: { rec: JournalRecord; bytes: number }[] = [];
    const files = (await fsp.readdir(dir)).filter((f) => SEGMENT.test(f)).sort();
    for (const name of files) {
      const { records, torn } = decodeSegment(await fsp.readFile(path.join(dir, name)));
      if (torn)
        log('warn', 'ingest journal: a segment ends in a torn record, the rest of it skipped', { segment: name });
      const firstSeq = Number(SEGMENT.exec(name)![1]);
      let lastSeq = firstSeq - 1;
      for (const r of records) {
        lastSeq = Math.max(lastSeq, r.seq);
        nextSeq = Math.max(nextSeq, r.seq + 1);
        if (r.seq > after && !pending.has(r.seq)) toReplay.push({ rec: r, bytes: Buffer.byteLength(r.raw) + 64 });
      }
      if (records.length === 0 || lastSeq <= checkpointed) {
        await fsp.rm(path.join(dir, name), { force: true });
        const i = segments.findIndex((s) => s.name === name);
        if (i >= 0) segments.splice(i, 1);
      } else noteSegment(name, lastSeq);
    }
    stats.segments = segments.length;
    // replayed in journal order; keyless frames already stored (see the header) are settled at once
    for (const { rec, bytes } of toReplay) {
      const frame = decode(rec.raw);
      const p = track(rec.seq, journaledItem(rec, frame), bytes);
      stats.replayed++;
      if (keyless(frame)) {
        const [hit] = await opts.db
          .select({ id: monitoringFrames.id })
          .from(monitoringFrames)
          .where(
            and(
              eq(monitoringFrames.mn, frame.header.MN?.trim() ?? ''),
              eq(monitoringFrames.receivedAt, p.item.now),
              eq(monitoringFrames.raw, rec.raw),
            ),
          )
          .limit(1);
        if (hit) {
          settle(p);
          continue;
        }
      }
      write(p);
    }
    if (toReplay.length > 0)
      log('info', 'ingest journal: frames journaled before a stop are stored again', { frames: toReplay.length });
    highest = Math.max(highest, nextSeq - 1);
    reported();
  };

  // ---- start: read what the last process left ----
  try {
    const c = Number.parseInt(fs.readFileSync(path.join(dir, CHECKPOINT), 'utf8'), 10);
    if (Number.isSafeInteger(c) && c >= 0) checkpointed = c;
  } catch {
    checkpointed = 0;
  }
  nextSeq = checkpointed + 1;
  try {
    await scan(checkpointed);
  } catch (e) {
    releaseLock(dir);
    throw e;
  }

  const checkpointTimer = setInterval(() => {
    stats.lagMs = 0;
    for (const p of pending.values()) {
      stats.lagMs = Math.max(0, Date.now() - p.item.now.getTime());
      break;
    }
    writeCheckpoint().catch((e: Error) => log('warn', 'ingest journal: checkpoint not written', { error: e.message }));
  }, 200);
  checkpointTimer.unref();

  const drained = (timeoutMs = 60_000): Promise<boolean> => {
    if (pending.size === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), timeoutMs);
      drainWaiters.push(() => {
        clearTimeout(t);
        resolve(true);
      });
    });
  };

  const stopAll = () => {
    clearInterval(checkpointTimer);
    for (const t of timers) clearTimeout(t);
    timers.clear();
    releaseLock(dir);
  };

  return {
    stats,
    commits,
    nextSeq: () => Math.max(nextSeq, highest + 1),
    report,
    get onReport() {
      return onReport;
    },
    set onReport(f) {
      onReport = f;
    },
    journaled(segment, records, frames) {
      if (abandoned) return;
      if (records.length === 0) {
        noteSegment(segment, Number(SEGMENT.exec(segment)?.[1] ?? 1) - 1);
        return;
      }
      for (const [i, r] of records.entries()) {
        receivedFrames++;
        receivedBytes += r.bytes;
        write(track(r.seq, journaledItem(r, frames?.[i]), r.bytes));
      }
      noteSegment(segment, records.at(-1)!.seq);
      nextSeq = Math.max(nextSeq, highest + 1);
      reported();
    },
    async direct(frame, raw, remote, now) {
      if (closed) throw new Error('the ingest journal is closed');
      const r = await commits.submit({ frame, raw, remote, now });
      if (r.kind === 'error') throw r.error;
      return r;
    },
    async lookup(mn) {
      const [r] = await opts.db
        .select(stationColumns)
        .from(monitoringStations)
        .where(eq(monitoringStations.mn, mn))
        .limit(1);
      return r ? toRegistryRow(r) : null;
    },
    async all() {
      return (await opts.db.select(stationColumns).from(monitoringStations)).map(toRegistryRow);
    },
    async recover() {
      // everything the appender posted before it died has been received (Node delivers a dead
      // worker's queued messages before its exit event): what lies above is durable, never acked
      await scan(highest);
      return Math.max(nextSeq, highest + 1);
    },
    drained,
    async close(timeoutMs = 10_000) {
      if (closed) return;
      closed = true;
      const all = await drained(timeoutMs);
      if (!all)
        log('warn', 'ingest journal: closed with frames not yet stored; they are stored at the next start', {
          frames: pending.size,
        });
      // a batch in flight may still commit: it settles nothing now, and the replay finds it stored
      abandoned = true;
      await checkpointing?.catch(() => {});
      await writeCheckpoint().catch(() => {});
      stopAll();
    },
    async abandon() {
      closed = true;
      abandoned = true;
      drainWaiters = [];
      clearInterval(checkpointTimer);
      // a checkpoint already being written lands before abandon resolves and the lock goes: renamed
      // later, it would overwrite whatever the next writer (or a test) made of the directory meanwhile
      await checkpointing?.catch(() => {});
      stopAll();
      await commits.drain();
    },
  };
}

/**
 * The journal in one thread (npm run gateway, tests, INGEST_THREAD=0): the writer opens first and
 * replays, then the appender starts after the last intact record, the two joined by direct calls.
 */
export async function openJournal(opts: JournalOptions): Promise<Journal> {
  const writer = await openJournalWriter(opts);
  let appender: Appender;
  try {
    appender = await startAppender({
      dir: opts.dir,
      nextSeq: writer.nextSeq(),
      report: writer.report(),
      link: {
        journaled: (segment, records, frames) => writer.journaled(segment, records, frames),
        direct: (frame, raw, remote, now) => writer.direct(frame, raw, remote, now),
        lookup: (mn) => writer.lookup(mn),
        all: () => writer.all(),
      },
      ...(opts.maxPendingFrames !== undefined ? { maxPendingFrames: opts.maxPendingFrames } : {}),
      ...(opts.maxPendingBytes !== undefined ? { maxPendingBytes: opts.maxPendingBytes } : {}),
      ...(opts.segmentBytes !== undefined ? { segmentBytes: opts.segmentBytes } : {}),
      ...(opts.onSynced ? { onSynced: opts.onSynced } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
  } catch (e) {
    await writer.abandon();
    throw e;
  }
  writer.onReport = (r) => appender.control.report(r);
  // what the replay settled while the appender started
  appender.control.report(writer.report());
  const stopChanges = onStationChanged((mn) => appender.control.changed(mn));
  return {
    sink: appender.sink,
    get stats(): JournalStats {
      return { ...writer.stats, ...appender.stats };
    },
    commits: writer.commits,
    drained: (timeoutMs) => writer.drained(timeoutMs),
    async close(timeoutMs = 10_000) {
      stopChanges();
      await appender.close();
      await writer.close(timeoutMs);
    },
    async abandon() {
      stopChanges();
      await appender.abandon();
      await writer.abandon();
    },
  };
}
