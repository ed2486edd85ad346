import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type DecodedFrame, decodeFrame } from '@qingshan/hj212';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { FrameSink, GatewayOutcome } from './gateway.ts';
import { type GroupCommit, type GroupCommitOptions, groupCommit, type StoreBatch } from './group-commit.ts';
import { crcAccepted, frameDataTime, GATEWAY_DECODE, type IngestItem, ingestBatch, unstorable } from './ingest.ts';
import { onStationChanged } from './registry-events.ts';
import { monitoringFrames, monitoringStations } from './tables.ts';

// The local ingest journal (issue 11, P2): the in-process analogue of the JetStream bus (bus.ts).
// A frame of a registered station that passes the checks ingest.ts makes (CRC mode, password) is
// appended to a segment file and made durable (an O_DSYNC write, or fdatasync where there is no
// O_DSYNC), and only then resolved, so the gateway acks it; a writer stores it later through the
// same group commit (lingering for fuller batches, writerBatchingFor), so rules, alarms and readings
// are those of the ack-after-commit path. Up to two writes run at once; frames appended while both
// run share the next one, and a write's frames are acked only after every earlier write (see pump).
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
// Record: u32 LE length, u32 LE CRC-32 of the payload, payload = UTF-8 JSON [seq, receivedAtMs,
// remote, raw]. Reading stops at the first record whose length or checksum does not hold (a torn
// tail after a crash: never fsync'ed, so never acked); a new process never appends to an old
// segment, it starts a new one.

export type JournalOptions = {
  dir: string;
  db: Db;
  batch?: GroupCommitOptions;
  /** frames journaled and not yet settled by the database, at most; beyond it nothing is acked */
  maxPendingFrames?: number;
  /** the same bound in journal bytes */
  maxPendingBytes?: number;
  /** a segment grows to this size, then a new one starts; settled segments are deleted */
  segmentBytes?: number;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
  /** test hook: after an fdatasync, before the frames it covered are resolved (acked) */
  onSynced?: (seqs: readonly number[]) => void | Promise<void>;
  /** test hook: how the writer stores a batch (default ingestBatch) */
  store?: StoreBatch;
};

export type JournalStats = {
  /** frames appended and synced since start */
  journaled: number;
  /** frames stored again at start because they were journaled and not settled */
  replayed: number;
  /** frames settled by the database (stored, duplicate, or refused there) */
  settled: number;
  /** frames the database refused after the journal accepted them (a registry edit in between) */
  refusedAfterAck: number;
  /** store attempts that failed and are tried again */
  retries: number;
  /** frames that failed again and again while others committed: kept in dead-letter.log */
  deadLettered: number;
  fsyncs: number;
  /** journaled, not yet settled: frames and bytes */
  pendingFrames: number;
  pendingBytes: number;
  /** age of the oldest unsettled frame, ms (0 when none) */
  lagMs: number;
  /** frames waiting for room (the bound is reached) before they are journaled */
  waitingForRoom: number;
  segments: number;
  /** frames of unregistered MNs stored at once, not journaled */
  direct: number;
};

export type Journal = {
  sink: FrameSink;
  stats: JournalStats;
  commits: GroupCommit;
  /** resolves when nothing journaled is unsettled, or false after timeoutMs */
  drained(timeoutMs?: number): Promise<boolean>;
  /** stops acking, lets the writer finish within timeoutMs, writes the checkpoint, releases the lock */
  close(timeoutMs?: number): Promise<void>;
  /** test hook: stop as a crash would (no drain, no checkpoint); the lock is released */
  abandon(): Promise<void>;
};

const MB = 1024 * 1024;
const RECORD_HEADER = 8;
const CHECKPOINT = 'checkpoint';
const LOCK = 'journal.lock';
const SEGMENT = /^(\d{16})\.seg$/;
const segmentName = (firstSeq: number) => `${String(firstSeq).padStart(16, '0')}.seg`;
// A segment is written with O_DSYNC where the platform has it: each write returns once it is as
// durable as after an fdatasync, so a batch costs one round trip through libuv's thread pool and
// the event loop instead of two (write, then fdatasync). Each round trip waits for the loop to be
// free, and on a busy loop that wait, not the disk, was most of an ack's latency (bench:ingest P2).
const DSYNC = fs.constants.O_DSYNC ?? 0;
const SEGMENT_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | DSYNC;
// Two: a frame that comes while one write runs need not wait for it (see pump). More would only
// split the same frames into smaller writes; the bound keeps libuv's pool (4 threads) for others.
const WRITES_IN_FLIGHT = 2;

/** Journal directories this process holds: the lock file's PID is ours, so it cannot tell them apart. */
const heldHere = new Set<string>();

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE), as zlib computes it; Node 20 has no zlib.crc32. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type JournalRecord = { seq: number; receivedAt: number; remote: string | null; raw: string };

export function encodeRecord(r: JournalRecord): Buffer {
  const payload = Buffer.from(JSON.stringify([r.seq, r.receivedAt, r.remote, r.raw]), 'utf8');
  const out = Buffer.allocUnsafe(RECORD_HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  payload.copy(out, RECORD_HEADER);
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

type Station = { found: true; password: string; crcModes: string[]; edition: string } | { found: false };

/**
 * What the journal checks a frame against, held in memory: the whole registry is read at start and
 * every 30 s; an edit in this process (registry-events.ts) drops the MN at once and the next frame
 * reads it again. A look-up that started before an edit is not cached (generation check).
 */
function stationRegistry(db: Db, log: NonNullable<JournalOptions['log']>) {
  const byMn = new Map<string, Station>();
  const asking = new Map<string, Promise<Station>>();
  /** when each station's last frame came, as this process knows it (补传 needs the gap) */
  const lastSeen = new Map<string, number | null>();
  let generation = 0;
  const columns = {
    mn: monitoringStations.mn,
    password: monitoringStations.password,
    crcModes: monitoringStations.crcModes,
    edition: monitoringStations.edition,
    lastFrameAt: monitoringStations.lastFrameAt,
  };
  type Row = { mn: string; password: string; crcModes: string[]; edition: string; lastFrameAt: Date | null };
  const remember = (r: Row) => {
    const dbAt = r.lastFrameAt?.getTime() ?? null;
    const known = lastSeen.get(r.mn) ?? null;
    lastSeen.set(r.mn, known === null ? dbAt : dbAt === null ? known : Math.max(known, dbAt));
    return { found: true, password: r.password, crcModes: r.crcModes, edition: r.edition } as const;
  };
  const loadAll = async () => {
    const g = ++generation;
    const rows = await db.select(columns).from(monitoringStations);
    if (g !== generation) return;
    byMn.clear();
    for (const r of rows) byMn.set(r.mn, remember(r));
  };
  const ask = async (mn: string): Promise<Station> => {
    const g = generation;
    const [r] = await db.select(columns).from(monitoringStations).where(eq(monitoringStations.mn, mn)).limit(1);
    const entry: Station = r ? remember(r) : { found: false };
    // bounded: a flood of invented MNs must not grow the cache without end
    if (byMn.size > 100_000) byMn.clear();
    if (g === generation) byMn.set(mn, entry);
    return entry;
  };
  const stop = onStationChanged((mn) => {
    generation++;
    byMn.delete(mn);
  });
  const timer = setInterval(() => {
    loadAll().catch((e: Error) => log('warn', 'ingest journal: station registry not re-read', { error: e.message }));
  }, 30_000);
  timer.unref();
  return {
    loadAll,
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
      stop();
      clearInterval(timer);
    },
  };
}

type Segment = {
  name: string;
  firstSeq: number;
  lastSeq: number;
  /** bytes written or being written: the next write's offset */
  bytes: number;
  fh: fsp.FileHandle | null;
  /** a write to it failed: nothing more is written to it */
  broken: boolean;
};
type Pending = { seq: number; item: IngestItem; bytes: number; attempts: number; failingSince: number | null };
type Appending = { seq: number; record: Buffer; resolve: () => void; reject: (e: Error) => void };

/** The frame's retransmit identity is absent: no unique index can tell a replayed copy (ingest.ts frameKey). */
const keyless = (frame: DecodedFrame) => !frame.header.QN && !(frame.header.CN && frameDataTime(frame));

export async function openJournal(opts: JournalOptions): Promise<Journal> {
  const dir = path.resolve(opts.dir);
  const log = opts.log ?? (() => {});
  const maxFrames = Math.max(1, opts.maxPendingFrames ?? 20_000);
  const maxBytes = Math.max(64 * 1024, opts.maxPendingBytes ?? 64 * MB);
  const segmentBytes = Math.max(64 * 1024, opts.segmentBytes ?? 16 * MB);
  fs.mkdirSync(dir, { recursive: true });
  takeLock(dir);

  const stats: JournalStats = {
    journaled: 0,
    replayed: 0,
    settled: 0,
    refusedAfterAck: 0,
    retries: 0,
    deadLettered: 0,
    fsyncs: 0,
    pendingFrames: 0,
    pendingBytes: 0,
    lagMs: 0,
    waitingForRoom: 0,
    segments: 0,
    direct: 0,
  };
  const registry = stationRegistry(opts.db, log);
  const commits = groupCommit(opts.db, opts.batch, opts.store ?? ((items) => ingestBatch(opts.db, items)));
  // journaled and not settled, in sequence order (a Map keeps insertion order)
  const pending = new Map<number, Pending>();
  const segments: Segment[] = [];
  let active: Segment | null = null;
  let appending: Appending[] = [];
  let closed = false;
  let abandoned = false;
  let checkpointed = 0;
  const roomWaiters: (() => void)[] = [];
  let drainWaiters: (() => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const watermark = (): number => {
    for (const k of pending.keys()) return k - 1;
    return nextSeq - 1;
  };

  // asynchronous, one at a time: a loaded disk must not stall the event loop that writes the acks
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
      // segments whose frames are all settled are of no further use
      while (segments.length > 0 && segments[0] !== active && segments[0]!.lastSeq <= w) {
        const s = segments.shift()!;
        await fsp.rm(path.join(dir, s.name), { force: true });
      }
      stats.segments = segments.length;
    })().finally(() => {
      checkpointing = null;
    });
    return checkpointing;
  };

  // ---- start: read what the last process left ----
  let nextSeq = 1;
  try {
    const c = Number.parseInt(fs.readFileSync(path.join(dir, CHECKPOINT), 'utf8'), 10);
    if (Number.isSafeInteger(c) && c >= 0) checkpointed = c;
  } catch {
    checkpointed = 0;
  }
  nextSeq = checkpointed + 1;
  const toReplay: { rec: JournalRecord; bytes: number }[] = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => SEGMENT.test(f))
    .sort();
  for (const name of files) {
    const { records, torn } = decodeSegment(fs.readFileSync(path.join(dir, name)));
    if (torn) log('warn', 'ingest journal: a segment ends in a torn record, the rest of it skipped', { segment: name });
    const firstSeq = Number(SEGMENT.exec(name)![1]);
    let lastSeq = firstSeq - 1;
    for (const r of records) {
      lastSeq = Math.max(lastSeq, r.seq);
      nextSeq = Math.max(nextSeq, r.seq + 1);
      if (r.seq > checkpointed) toReplay.push({ rec: r, bytes: Buffer.byteLength(r.raw) + 64 });
    }
    // nothing intact, or all settled: of no use, and its name may be the next segment's
    if (records.length === 0 || lastSeq <= checkpointed) fs.rmSync(path.join(dir, name), { force: true });
    else segments.push({ name, firstSeq, lastSeq, bytes: 0, fh: null, broken: false });
  }
  stats.segments = segments.length;
  await registry.loadAll();

  // ---- the writer ----
  const settle = (p: Pending) => {
    pending.delete(p.seq);
    stats.settled++;
    stats.pendingFrames = pending.size;
    stats.pendingBytes -= p.bytes;
    // woken below 90 % of the bound, so a full journal does not wake every waiter on every frame
    if (roomWaiters.length > 0 && pending.size < maxFrames * 0.9 && stats.pendingBytes < maxBytes * 0.9)
      for (const w of roomWaiters.splice(0)) w();
    if (pending.size === 0) for (const w of drainWaiters.splice(0)) w();
  };

  /** a frame whose append failed: never acked, so never stored either */
  const forget = (p: Pending) => {
    pending.delete(p.seq);
    stats.pendingFrames = pending.size;
    stats.pendingBytes -= p.bytes;
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
    return p;
  };

  // replayed in journal order; keyless frames already stored (see the header) are settled at once
  for (const { rec, bytes } of toReplay) {
    const frame = decodeFrame(Buffer.from(rec.raw, 'utf8'), GATEWAY_DECODE);
    const item: IngestItem = { frame, raw: rec.raw, remote: rec.remote, now: new Date(rec.receivedAt) };
    const p = track(rec.seq, item, bytes);
    stats.replayed++;
    if (keyless(frame)) {
      const [hit] = await opts.db
        .select({ id: monitoringFrames.id })
        .from(monitoringFrames)
        .where(
          and(
            eq(monitoringFrames.mn, frame.header.MN?.trim() ?? ''),
            eq(monitoringFrames.receivedAt, item.now),
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

  // ---- appending ----
  const openSegment = async (firstSeq: number): Promise<Segment> => {
    const name = segmentName(firstSeq);
    const fh = await fsp.open(path.join(dir, name), SEGMENT_FLAGS);
    const s: Segment = { name, firstSeq, lastSeq: firstSeq - 1, bytes: 0, fh, broken: false };
    segments.push(s);
    stats.segments = segments.length;
    return s;
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
  //   intact record), so a hole is never filled later and the unreadable records behind it stay
  //   unread; their sequence numbers may be used again in the new segment, which is read on its own.
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

  /** resolves or rejects the completed writes at the head, in issue order */
  const complete = () => {
    while (inFlight.length > 0 && inFlight[0]!.done && !abandoned) {
      const w = inFlight.shift()!;
      if (w.error) for (const a of w.batch) a.reject(w.error);
      else {
        w.seg.lastSeq = w.batch.at(-1)!.seq;
        for (const a of w.batch) a.resolve();
      }
    }
    pump();
  };

  const startSegment = async () => {
    const old = active;
    active = null;
    await retire(old);
    try {
      active = await openSegment(appending[0]!.seq);
      // abandoned meanwhile: stopAll has already closed what it knew of
      if (abandoned) await retire(active);
    } catch (e) {
      // not durable, so not acked: the logger sends these frames again
      for (const a of appending.splice(0)) a.reject(e as Error);
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

  const hasRoom = () => pending.size < maxFrames && stats.pendingBytes < maxBytes;
  const room = (): Promise<void> | null => {
    if (hasRoom()) return null;
    stats.waitingForRoom++;
    return new Promise<void>((resolve) => roomWaiters.push(resolve)).finally(() => stats.waitingForRoom--);
  };

  const checkpointTimer = setInterval(() => {
    stats.lagMs = 0;
    for (const p of pending.values()) {
      stats.lagMs = Math.max(0, Date.now() - p.item.now.getTime());
      break;
    }
    writeCheckpoint().catch((e: Error) => log('warn', 'ingest journal: checkpoint not written', { error: e.message }));
  }, 200);
  checkpointTimer.unref();

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
      const r = await commits.submit({ frame, raw, remote, now });
      if (r.kind === 'error') throw r.error;
      return r;
    }
    if (!crcAccepted(frame, station)) return { kind: 'refused', reason: 'bad-crc' };
    if ((frame.header.PW ?? '') !== station.password) return { kind: 'refused', reason: 'bad-password' };

    // the writer is behind by the bound: this frame (and so its connection) waits, unacked
    for (let wait = room(); wait; wait = room()) {
      await wait;
      if (closed) throw notRunning();
    }
    const seq = nextSeq++;
    const record = encodeRecord({ seq, receivedAt: now.getTime(), remote, raw });
    const item: IngestItem = { frame, raw, remote, now };
    const p = track(seq, item, record.length);
    try {
      await new Promise<void>((resolve, reject) => {
        appending.push({ seq, record, resolve, reject });
        pump();
      });
    } catch (e) {
      forget(p);
      throw e;
    }
    stats.journaled++;
    write(p);
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

  const stopAll = async () => {
    clearInterval(checkpointTimer);
    for (const t of timers) clearTimeout(t);
    timers.clear();
    registry.stop();
    for (const w of roomWaiters.splice(0)) w();
    await retire(active);
    active = null;
    releaseLock(dir);
  };

  return {
    sink,
    stats,
    commits,
    drained,
    async close(timeoutMs = 10_000) {
      if (closed) return;
      closed = true;
      while (writing()) await new Promise((r) => setTimeout(r, 5));
      const all = await drained(timeoutMs);
      if (!all)
        log('warn', 'ingest journal: closed with frames not yet stored; they are stored at the next start', {
          frames: pending.size,
        });
      // a batch in flight may still commit: it settles nothing now, and the replay finds it stored
      abandoned = true;
      await checkpointing?.catch(() => {});
      await writeCheckpoint().catch(() => {});
      await stopAll();
    },
    async abandon() {
      closed = true;
      abandoned = true;
      drainWaiters = [];
      await stopAll();
      await commits.drain();
    },
  };
}
