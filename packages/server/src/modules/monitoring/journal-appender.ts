import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
// zlib's CRC-32 (native): enough to tell a torn or flipped record from an intact one
import { crc32 } from 'node:zlib';
import type { DecodedFrame } from '@qingshan/hj212';
import { crcAccepted, unstorable } from './frame-checks.ts';
import type { FrameSink, GatewayOutcome } from './gateway.ts';

// The appending half of the local ingest journal (journal.ts has the whole story and the writing
// half). It checks a frame against the station registry, appends it to a segment file, makes it
// durable and only then lets the gateway ack it. It knows no database: what it needs of the writer
// goes through a WriterLink, which is a direct call when both halves share a thread (openJournal)
// and a message to the main thread when the gateway and this half run in the ingest worker thread
// (ingest-thread.ts), so an ack never waits for the event loop that serves the API or builds SQL.
// Imports stay lean for that thread: no Drizzle, no tables, no ingest.ts.
//
// Record: u32 LE length, u32 LE CRC-32 of the payload, payload = UTF-8 JSON [seq, receivedAtMs,
// remote, raw]. Reading stops at the first record whose length or checksum does not hold (a torn
// tail after a crash: never fsync'ed, so never acked); a new process never appends to an old
// segment, it starts a new one.

const RECORD_HEADER = 8;
export const SEGMENT = /^(\d{16})\.seg$/;
export const segmentName = (firstSeq: number) => `${String(firstSeq).padStart(16, '0')}.seg`;
// A segment is written with O_DSYNC where the platform has it: each write returns once it is as
// durable as after an fdatasync, so a batch costs one round trip through libuv's thread pool and
// the event loop instead of two (write, then fdatasync). Each round trip waits for the loop to be
// free, and on a busy loop that wait, not the disk, was most of an ack's latency (bench:ingest P2).
const DSYNC = fs.constants.O_DSYNC ?? 0;
const SEGMENT_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | DSYNC;
// Two: a frame that comes while one write runs need not wait for it (see pump). More would only
// split the same frames into smaller writes; the bound keeps libuv's pool (4 threads) for others.
const WRITES_IN_FLIGHT = 2;

export type JournalRecord = { seq: number; receivedAt: number; remote: string | null; raw: string };

export function encodeRecord(r: JournalRecord): Buffer {
  const json = JSON.stringify([r.seq, r.receivedAt, r.remote, r.raw]);
  const length = Buffer.byteLength(json, 'utf8');
  const out = Buffer.allocUnsafe(RECORD_HEADER + length);
  out.writeUInt32LE(length, 0);
  out.write(json, RECORD_HEADER, 'utf8');
  out.writeUInt32LE(crc32(out.subarray(RECORD_HEADER)), 4);
  return out;
}

/**
 * The intact records of a segment, in order, and whether it ended cleanly. Never throws: a short,
 * oversized or mis-summed record (or a payload that is not the expected JSON) ends the segment.
 */
export function decodeSegment(buf: Uint8Array): { records: JournalRecord[]; torn: boolean } {
  const records: JournalRecord[] = [];
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 0;
  while (at < b.length) {
    if (b.length - at < RECORD_HEADER) return { records, torn: true };
    const len = b.readUInt32LE(at);
    const sum = b.readUInt32LE(at + 4);
    if (len === 0 || len > b.length - at - RECORD_HEADER) return { records, torn: true };
    const payload = b.subarray(at + RECORD_HEADER, at + RECORD_HEADER + len);
    if (crc32(payload) !== sum) return { records, torn: true };
    let v: unknown;
    try {
      v = JSON.parse(payload.toString('utf8'));
    } catch {
      return { records, torn: true };
    }
    if (
      !Array.isArray(v) ||
      v.length !== 4 ||
      !Number.isSafeInteger(v[0]) ||
      typeof v[1] !== 'number' ||
      !(v[2] === null || typeof v[2] === 'string') ||
      typeof v[3] !== 'string'
    )
      return { records, torn: true };
    records.push({ seq: v[0], receivedAt: v[1], remote: v[2], raw: v[3] });
    at += RECORD_HEADER + len;
  }
  return { records, torn: false };
}

/** A station as the appender checks frames against it (lastFrameAt: epoch ms, so it crosses threads as a number). */
export type RegistryRow = {
  mn: string;
  password: string;
  crcModes: string[];
  edition: string;
  lastFrameAt: number | null;
};

/**
 * A durable record handed to the writer; bytes is what it counts against the pending bound, mn the
 * frame's MN as the appender checked it (not written to the segment: a replay decodes the frame).
 */
export type JournaledRecord = JournalRecord & { bytes: number; mn?: string };

/** What the appender needs of the writing half (and of the database behind it). */
export type WriterLink = {
  /**
   * Records made durable, in sequence order, in segment `segment`; called before their frames are
   * acked, so an acked frame is the writer's (a message posted before the ack is delivered even if
   * the posting thread dies right after). `frames`: the decoded frames when in the same thread.
   * No records: the segment was just opened.
   */
  journaled(segment: string, records: JournaledRecord[], frames: readonly DecodedFrame[] | null): void;
  /** a frame of an MN the registry does not hold (quarantine, meters, rejected): stored at once */
  direct(frame: DecodedFrame, raw: string, remote: string | null, now: Date): Promise<GatewayOutcome>;
  /** one station's registration, or null */
  lookup(mn: string): Promise<RegistryRow | null>;
  /** every station's registration */
  all(): Promise<RegistryRow[]>;
};

/**
 * The writer's counts, as of one moment: frames and bytes journaled and not yet settled, and how
 * many frames and bytes of the link it has received so far (so those still on their way count too).
 */
export type WriterReport = {
  pendingFrames: number;
  pendingBytes: number;
  receivedFrames: number;
  receivedBytes: number;
};

/** What the writing half tells the appender. */
export type AppenderControl = {
  /** the writer's counts changed (frames settled, replayed, received) */
  report(r: WriterReport): void;
  /** a station's registration changed (registry-events.ts): checked afresh from the next frame */
  changed(mn: string): void;
};

export type AppenderOptions = {
  dir: string;
  /** the first sequence number to use: after every intact record the writer found (journal.ts) */
  nextSeq: number;
  link: WriterLink;
  /** the writer's counts when the appender starts (what it replays) */
  report?: WriterReport;
  maxPendingFrames?: number;
  maxPendingBytes?: number;
  segmentBytes?: number;
  /** how often the whole registry is read again (edits made by other processes) */
  registryRefreshMs?: number;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
  /** test hook: after an fdatasync, before the frames it covered are resolved (acked) */
  onSynced?: (seqs: readonly number[]) => void | Promise<void>;
};

export type AppenderStats = {
  /** frames appended and synced since start */
  journaled: number;
  fsyncs: number;
  /** journaled and not yet settled by the writer, with those being appended: frames and bytes */
  pendingFrames: number;
  pendingBytes: number;
  /** frames waiting for room (the bound is reached) before they are journaled */
  waitingForRoom: number;
  /** frames of unregistered MNs stored at once, not journaled */
  direct: number;
};

/** Counts of an appender that has journaled nothing yet. */
export const zeroAppenderStats = (): AppenderStats => ({
  journaled: 0,
  fsyncs: 0,
  pendingFrames: 0,
  pendingBytes: 0,
  waitingForRoom: 0,
  direct: 0,
});

export type Appender = {
  sink: FrameSink;
  stats: AppenderStats;
  control: AppenderControl;
  /** stops accepting frames, waits for the writes in flight, closes the segment */
  close(): Promise<void>;
  /** test hook: stops as a crash would (writes in flight are neither resolved nor waited for) */
  abandon(): Promise<void>;
};

const MB = 1024 * 1024;

type Station = { found: true; password: string; crcModes: string[]; edition: string } | { found: false };

/**
 * What the appender checks a frame against, held in memory: the whole registry is read at start
 * and every 30 s; a change (registry-events.ts, through the link) drops the MN at once and the next
 * frame asks again. A look-up that started before a change is not cached (generation check).
 */
function stationCache(link: WriterLink, log: NonNullable<AppenderOptions['log']>, refreshMs: number) {
  const byMn = new Map<string, Station>();
  const asking = new Map<string, Promise<Station>>();
  /** when each station's last frame came, as this process knows it (补传 needs the gap) */
  const lastSeen = new Map<string, number | null>();
  let generation = 0;
  const remember = (r: RegistryRow): Station => {
    const known = lastSeen.get(r.mn) ?? null;
    const dbAt = r.lastFrameAt;
    lastSeen.set(r.mn, known === null ? dbAt : dbAt === null ? known : Math.max(known, dbAt));
    return { found: true, password: r.password, crcModes: r.crcModes, edition: r.edition };
  };
  const take = (rows: readonly RegistryRow[]) => {
    byMn.clear();
    for (const r of rows) byMn.set(r.mn, remember(r));
  };
  const loadAll = async () => {
    const g = ++generation;
    const rows = await link.all();
    if (g === generation) take(rows);
  };
  const ask = async (mn: string): Promise<Station> => {
    const g = generation;
    const r = await link.lookup(mn);
    const entry: Station = r ? remember(r) : { found: false };
    // bounded: a flood of invented MNs must not grow the cache without end
    if (byMn.size > 100_000) byMn.clear();
    if (g === generation) byMn.set(mn, entry);
    return entry;
  };
  const timer = setInterval(() => {
    loadAll().catch((e: Error) => log('warn', 'ingest journal: station registry not re-read', { error: e.message }));
  }, refreshMs);
  timer.unref();
  return {
    loadAll,
    changed(mn: string) {
      generation++;
      byMn.delete(mn);
    },
    get(mn: string): Station | Promise<Station> {
      const hit = byMn.get(mn);
      if (hit) return hit;
      let p = asking.get(mn);
      if (!p) {
        p = ask(mn).finally(() => asking.delete(mn));
        asking.set(mn, p);
      }
      return p;
    },
    /** the previous frame's time, and records this one */
    seen(mn: string, at: number): number | null {
      const previous = lastSeen.get(mn) ?? null;
      lastSeen.set(mn, at);
      return previous;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

type Segment = {
  name: string;
  /** bytes written or being written: the next write's offset */
  bytes: number;
  fh: fsp.FileHandle | null;
  /** a write to it failed: nothing more is written to it */
  broken: boolean;
};
type Appending = {
  seq: number;
  record: Buffer;
  rec: JournaledRecord;
  frame: DecodedFrame;
  resolve: () => void;
  reject: (e: Error) => void;
};

/** Starts the appending half; the registry is read through the link before the first frame is taken. */
export async function startAppender(opts: AppenderOptions): Promise<Appender> {
  const dir = path.resolve(opts.dir);
  const log = opts.log ?? (() => {});
  const link = opts.link;
  const maxFrames = Math.max(1, opts.maxPendingFrames ?? 20_000);
  const maxBytes = Math.max(64 * 1024, opts.maxPendingBytes ?? 64 * MB);
  const segmentBytes = Math.max(64 * 1024, opts.segmentBytes ?? 16 * MB);
  const stats = zeroAppenderStats();
  const registry = stationCache(link, log, opts.registryRefreshMs ?? 30_000);
  let nextSeq = opts.nextSeq;
  let active: Segment | null = null;
  let appending: Appending[] = [];
  let closed = false;
  let abandoned = false;
  const roomWaiters: (() => void)[] = [];

  // The pending bound, as the appender can know it: the writer's last report, plus what was sent
  // to it since (not yet received when it reported), plus what is being appended now.
  let report: WriterReport = opts.report ?? { pendingFrames: 0, pendingBytes: 0, receivedFrames: 0, receivedBytes: 0 };
  let sentFrames = 0;
  let sentBytes = 0;
  let reservedFrames = 0;
  let reservedBytes = 0;
  const recount = () => {
    stats.pendingFrames = report.pendingFrames + (sentFrames - report.receivedFrames) + reservedFrames;
    stats.pendingBytes = report.pendingBytes + (sentBytes - report.receivedBytes) + reservedBytes;
    // woken below 90 % of the bound, so a full journal does not wake every waiter on every frame
    if (roomWaiters.length > 0 && stats.pendingFrames < maxFrames * 0.9 && stats.pendingBytes < maxBytes * 0.9)
      for (const w of roomWaiters.splice(0)) w();
  };
  recount();

  await registry.loadAll();

  const openSegment = async (firstSeq: number): Promise<Segment> => {
    const name = segmentName(firstSeq);
    const fh = await fsp.open(path.join(dir, name), SEGMENT_FLAGS);
    return { name, bytes: 0, fh, broken: false };
  };
  const retire = async (s: Segment | null) => {
    if (!s?.fh) return;
    const fh = s.fh;
    s.fh = null;
    await fh.close().catch(() => {});
  };

  // Up to WRITES_IN_FLIGHT batches are written at once, each at its own offset in the active
  // segment (a positional write, durable on return: O_DSYNC, or its own fdatasync), so a frame that
  // arrives while a write runs starts its own write at once instead of waiting for that one to
  // return first: one disk wait instead of two, and the disk is shared with the database's WAL.
  // Writes may complete out of order, but a write's frames are resolved (acked) only when it and
  // every write issued before it have completed, in issue order. Why replay stays correct:
  // - Before every earlier write has returned, a later write's records may lie after a hole (a range
  //   an earlier write has not filled yet: zeros, or a torn record, if the process dies then).
  //   decodeSegment stops at the first record whose length or CRC-32 does not hold, so records after
  //   a hole are never replayed; none of them was acked, because nothing is acked before all earlier
  //   writes returned. Everything acked lies before any possible hole.
  // - A new process never appends to an old segment (it starts a new one, numbered after the last
  //   intact record the writer found), so a hole is never filled later and the unreadable records
  //   behind it stay unread; their sequence numbers may be used again in the new segment, which is
  //   read on its own. The same holds for an appender restarted in a live process (ingest-thread.ts):
  //   the writer reads the segments again first (JournalWriter.recover) and it starts after them.
  // - A write that fails makes its segment unusable: it is rejected, and so is every write issued
  //   after it into the same segment, even one that returned (it may follow a hole); the next batch
  //   starts a new segment. A new segment (rotation, or after a failure) is opened only once no write
  //   is in flight, so no segment starts while an earlier one may still get a hole, and a segment's
  //   file is closed only after its last write returned.
  type Write = { batch: Appending[]; seg: Segment; done: boolean; error: Error | null };
  const inFlight: Write[] = [];
  let opening = false;

  const writeAt = async (seg: Segment, buffers: Buffer[], total: number, at: number) => {
    let { bytesWritten } = await seg.fh!.writev(buffers, at);
    // a short write: the rest, so no record is torn while the process lives
    while (bytesWritten < total) {
      const rest = Buffer.concat(buffers).subarray(bytesWritten);
      bytesWritten += (await seg.fh!.write(rest, 0, rest.length, at + bytesWritten)).bytesWritten;
    }
    if (!DSYNC) await seg.fh!.datasync();
  };

  const unreserve = (batch: readonly Appending[]) => {
    reservedFrames -= batch.length;
    for (const a of batch) reservedBytes -= a.record.length;
  };

  /** resolves or rejects the completed writes at the head, in issue order */
  const complete = () => {
    while (inFlight.length > 0 && inFlight[0]!.done && !abandoned) {
      const w = inFlight.shift()!;
      unreserve(w.batch);
      if (w.error) {
        recount();
        for (const a of w.batch) a.reject(w.error);
        continue;
      }
      // handed to the writer before any of them is acked
      const records = w.batch.map((a) => a.rec);
      sentFrames += records.length;
      for (const r of records) sentBytes += r.bytes;
      link.journaled(
        w.seg.name,
        records,
        w.batch.map((a) => a.frame),
      );
      recount();
      for (const a of w.batch) a.resolve();
    }
    pump();
  };

  const startSegment = async () => {
    const old = active;
    active = null;
    await retire(old);
    try {
      active = await openSegment(appending[0]!.seq);
      // abandoned meanwhile: close has already closed what it knew of
      if (abandoned) await retire(active);
      // the writer deletes settled segments: it must know this one even if no write to it succeeds
      else link.journaled(active.name, [], null);
    } catch (e) {
      // not durable, so not acked: the logger sends these frames again
      const failed = appending.splice(0);
      unreserve(failed);
      recount();
      for (const a of failed) a.reject(e as Error);
    }
  };

  const pump = () => {
    while (appending.length > 0 && inFlight.length < WRITES_IN_FLIGHT && !opening && !abandoned) {
      if (!active?.fh || active.broken || active.bytes >= segmentBytes) {
        if (inFlight.length > 0) return; // complete() calls again when the last one is done
        opening = true;
        void startSegment().finally(() => {
          opening = false;
          pump();
        });
        return;
      }
      const batch = appending;
      appending = [];
      const seg = active;
      const buffers = batch.map((a) => a.record);
      const total = buffers.reduce((n, b) => n + b.length, 0);
      const at = seg.bytes;
      seg.bytes += total;
      const w: Write = { batch, seg, done: false, error: null };
      inFlight.push(w);
      void (async () => {
        try {
          await writeAt(seg, buffers, total, at);
          stats.fsyncs++;
          await opts.onSynced?.(batch.map((a) => a.seq));
        } catch (e) {
          // not durable, so not acked; the segment may now hold a torn record or a hole
          w.error = e as Error;
          seg.broken = true;
          const hole = new Error(`an earlier journal write failed (${w.error.message}): this one may follow a hole`);
          for (const later of inFlight)
            if (later !== w && later.seg === seg && later.batch[0]!.seq > batch[0]!.seq) later.error ??= hole;
        }
        w.done = true;
        complete();
      })();
    }
  };

  const writing = () => inFlight.length > 0 || appending.length > 0 || opening;

  const hasRoom = () => stats.pendingFrames < maxFrames && stats.pendingBytes < maxBytes;
  const room = (): Promise<void> | null => {
    if (hasRoom()) return null;
    stats.waitingForRoom++;
    return new Promise<void>((resolve) => roomWaiters.push(resolve)).finally(() => stats.waitingForRoom--);
  };

  const notRunning = () => new Error('the ingest journal is closed');

  const sink: FrameSink = async (frame, raw, remote, now = new Date()): Promise<GatewayOutcome> => {
    if (closed) throw notRunning();
    const mn = frame.header.MN?.trim();
    if (!mn) return { kind: 'refused', reason: 'no-mn' };
    const bad = unstorable(raw);
    if (bad) return { kind: 'refused', reason: bad };
    const got = registry.get(mn);
    const station = got instanceof Promise ? await got : got;
    if (!station.found) {
      // quarantine, meters, rejected MNs: decided and acked by the database, as without the journal
      stats.direct++;
      return link.direct(frame, raw, remote, now);
    }
    // closed while the registry was asked: nothing may open a segment after close
    if (closed) throw notRunning();
    if (!crcAccepted(frame, station)) return { kind: 'refused', reason: 'bad-crc' };
    if ((frame.header.PW ?? '') !== station.password) return { kind: 'refused', reason: 'bad-password' };

    // the writer is behind by the bound: this frame (and so its connection) waits, unacked
    for (let wait = room(); wait; wait = room()) {
      await wait;
      if (closed) throw notRunning();
    }
    const seq = nextSeq++;
    const rec: JournaledRecord = { seq, receivedAt: now.getTime(), remote, raw, bytes: 0, mn };
    const record = encodeRecord(rec);
    rec.bytes = record.length;
    reservedFrames++;
    reservedBytes += record.length;
    recount();
    await new Promise<void>((resolve, reject) => {
      appending.push({ seq, record, rec, frame, resolve, reject });
      pump();
    });
    stats.journaled++;
    const previous = registry.seen(mn, now.getTime());
    return {
      kind: 'journaled',
      station: {
        mn,
        password: frame.header.PW ?? '',
        edition: station.edition,
        lastFrameAt: previous === null ? null : new Date(previous),
      },
    };
  };

  const stop = async () => {
    registry.stop();
    for (const w of roomWaiters.splice(0)) w();
    await retire(active);
    active = null;
  };

  return {
    sink,
    stats,
    control: {
      report(r) {
        report = r;
        recount();
      },
      changed: (mn) => registry.changed(mn),
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of roomWaiters.splice(0)) w();
      while (writing()) await new Promise((r) => setTimeout(r, 5));
      await stop();
    },
    async abandon() {
      closed = true;
      abandoned = true;
      await stop();
    },
  };
}
