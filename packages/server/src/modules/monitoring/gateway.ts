import net from 'node:net';
import {
  ack9014,
  type DecodedFrame,
  Deframer,
  type DeframerEvent,
  decodeFrame,
  encodeFrame,
  type FrameInput,
  formatDataTime,
  reply9013,
  requestHistory,
  setDeviceTime,
} from '@qingshan/hj212';
import type { Db } from '../../db/client.ts';
import { BackfillLimiter, type BackfillLimits, DEFAULT_BACKFILL_LIMITS, planBackfill } from './backfill.ts';
import { frameDataTime, GATEWAY_DECODE } from './frame-checks.ts';
import type { GroupCommit, GroupCommitOptions, GroupCommitStats } from './group-commit.ts';
import type { IngestOutcome } from './ingest.ts';

/** What the gateway needs of a station to send it requests of its own (补传, clock). */
export type GatewayStation = { mn: string; password: string; edition: string; lastFrameAt: Date | null };

export type GatewayOutcome =
  | IngestOutcome
  /** stored in the ingest bus (INGEST_BUS); a writer stores it in the database later */
  | { kind: 'published'; station: GatewayStation | null; duplicate: boolean }
  /** appended to the local ingest journal and fsync'ed (journal.ts); its writer stores it later */
  | { kind: 'journaled'; station: GatewayStation };

/** Where a decoded frame goes; the device is acked once the returned promise resolves. */
export type FrameSink = (
  frame: DecodedFrame,
  raw: string,
  remote: string | null,
  now?: Date,
) => Promise<GatewayOutcome>;

export type GatewayOptions = {
  /** frames are stored in this database in-process, unless a sink is given */
  db?: Db;
  /** e.g. the JetStream bus (bus.ts busSink) */
  sink?: FrameSink;
  /** how frames are grouped into transactions when the gateway stores them itself */
  batch?: GroupCommitOptions;
  /** 0 picks a free port (tests); the caller decides whether the gateway runs at all */
  port: number;
  host?: string;
  /** connections beyond this are refused at accept */
  maxConnections?: number;
  /** largest data segment accepted, bytes (表 2 says 1024; real loggers send up to ~1.7 kB) */
  maxSegmentBytes?: number;
  /** a connection silent this long is closed */
  idleTimeoutMs?: number;
  /** frames of one connection waiting for the database before its socket is paused */
  maxQueuedFrames?: number;
  /**
   * frames of all connections waiting for the database before a connection that sends more is
   * paused (until the total is back under half): a reconnect storm of 10 k loggers each re-sending
   * an hour would otherwise hold up to maxQueuedFrames decoded frames per connection in memory
   */
  maxPendingFrames?: number;
  /** a gap this long between frames of a station makes the gateway ask for the missing hours and days (补传) */
  backfillAfterMs?: number;
  /** bounds on 补传 requests (periods, per station, per second) */
  backfillLimits?: Partial<BackfillLimits>;
  /** a logger clock off by more than this gets a time calibration (1012) */
  clockDriftMs?: number;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
  /** an MN is now answered on a connection (true) or no longer (false): connectedMns for another thread */
  onMn?: (mn: string, connected: boolean) => void;
  /** test hook: after each frame is handled (stored or refused), before its ack is written */
  onOutcome?: (outcome: GatewayOutcome, frame: DecodedFrame) => void | Promise<void>;
};

export type GatewayStats = {
  connections: number;
  openConnections: number;
  refusedConnections: number;
  frames: number;
  stored: number;
  duplicates: number;
  quarantined: number;
  /** frames stored in the ingest bus (INGEST_BUS) */
  published: number;
  /** frames stored in the local ingest journal (journal.ts) */
  journaled: number;
  badCrc: number;
  refused: number;
  acks: number;
  skippedBytes: number;
  errors: number;
  /** history requests sent (2061 and 2031 count one each) */
  backfillRequests: number;
  /** stations whose 补传 waited for a later frame because the gateway-wide rate was spent */
  backfillDeferred: number;
  timeCalibrations: number;
  /** frames decoded and waiting for the database now, over all connections */
  pendingFrames: number;
  /** connections paused now because the gateway-wide pending bound is reached */
  heldBack: number;
};

/** Counts of a gateway that has seen nothing yet. */
export const zeroGatewayStats = (): GatewayStats => ({
  connections: 0,
  openConnections: 0,
  refusedConnections: 0,
  frames: 0,
  stored: 0,
  duplicates: 0,
  quarantined: 0,
  published: 0,
  journaled: 0,
  badCrc: 0,
  refused: 0,
  acks: 0,
  skippedBytes: 0,
  errors: 0,
  backfillRequests: 0,
  backfillDeferred: 0,
  timeCalibrations: 0,
  pendingFrames: 0,
  heldBack: 0,
});

export type Gateway = {
  port: number;
  stats: GatewayStats;
  /** the group commit's counts when the gateway stores frames itself (null with a sink) */
  batches: GroupCommitStats | null;
  /** MNs with an open connection now */
  connectedMns(): string[];
  close(): Promise<void>;
};

const decoder = new TextDecoder('utf-8');

/**
 * One connection. What only a device that sends needs (its deframer, its reply chain, what it was
 * already asked) is made when it first sends: 10 k idle loggers hold a socket and this each (P2).
 */
class Conn {
  lastActive = Date.now();
  deframer: Deframer | null = null;
  remote: string | null = null;
  /** frames decoded and not yet answered on this connection */
  queued = 0;
  chain: Promise<void> | null = null;
  idleFlush: ReturnType<typeof setTimeout> | undefined = undefined;
  /** frames read but left undecoded while the gateway is over its pending bound, in order */
  waiting: Uint8Array[] | null = null;
  /** MNs this connection was asked 补传 for, and 补传 deferred by the limiter, by MN */
  backfillAsked: Set<string> | null = null;
  pendingGaps: Map<string, Date> | null = null;
  clockSet = false;
  /** replies of this tick are gathered in one write (see write) */
  corked = false;
  /** MNs whose frames came over this connection (byMn) */
  mns: string[] | null = null;
  constructor(readonly socket: net.Socket) {}
}
const HOUR = 3_600_000;
/** How long a connection is silent before a frame sent without CR LF is taken as complete. */
const IDLE_FLUSH_MS = 200;

/**
 * The HJ 212 TCP gateway (issue 11). One StreamDecoder per connection, so one device's garbage
 * costs only that connection's parsing; every decoded frame goes to the store at once (in-process:
 * the group commit, so frames of all connections share transactions) and a connection's replies
 * are written in its frames' order. A frame is acked with 9014 only after its transaction
 * committed; a bad CRC is counted and logged, never acked (§6.3.1).
 */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const maxConnections = opts.maxConnections ?? 2000;
  const idleTimeoutMs = opts.idleTimeoutMs ?? 10 * 60_000;
  const maxQueued = opts.maxQueuedFrames ?? 64;
  // 5,000 is five rounds of the largest batches (4 lanes × 250 on PostgreSQL): more waiting decoded
  // frames stores nothing sooner, they only wait longer, outlive V8's young generation and are
  // collected late (bench:storm-memory, 3,000 stations: RSS peak 822 MB at 20,000, 601 MB at 5,000)
  const maxPending = Math.max(1, opts.maxPendingFrames ?? 5_000);
  const backfillAfterMs = opts.backfillAfterMs ?? 2 * HOUR;
  const clockDriftMs = opts.clockDriftMs ?? 10 * 60_000;
  const log = opts.log ?? (() => {});
  const db = opts.db;
  // frames of every connection share one group commit: under load many frames, one transaction
  // loaded only here: the ingest worker thread (a sink, no database) must not load Drizzle and ingest.ts
  const commits: GroupCommit | null =
    !opts.sink && db ? (await import('./group-commit.ts')).groupCommit(db, opts.batch) : null;
  const sink: FrameSink | undefined =
    opts.sink ??
    (commits
      ? async (frame, raw, remote, now = new Date()) => {
          const r = await commits.submit({ frame, raw, remote, now });
          if (r.kind === 'error') throw r.error;
          return r;
        }
      : undefined);
  if (!sink) throw new Error('startGateway needs a database or a sink');
  const stats = zeroGatewayStats();

  const backfillLimits = { ...DEFAULT_BACKFILL_LIMITS, ...opts.backfillLimits };
  const backfillLimiter = new BackfillLimiter(backfillLimits);
  const maxSegment = opts.maxSegmentBytes ?? 4096;
  const conns = new Map<net.Socket, Conn>();
  const byMn = new Map<string, net.Socket>();
  // frames decoded and not yet answered, over all connections; the connections held back for it
  let pending = 0;
  const heldBack = new Set<Conn>();
  const settledOne = () => {
    pending--;
    stats.pendingFrames = pending;
    if (pending < maxPending / 2 && heldBack.size > 0) release();
  };
  // the backlog halved: held connections decode what they kept, oldest first, while there is room
  const release = () => {
    for (const c of heldBack) {
      if (c.socket.destroyed) {
        heldBack.delete(c);
        continue;
      }
      const kept = c.waiting;
      let k = 0;
      while (kept && k < kept.length && pending < maxPending) submit(c, kept[k++]!);
      if (kept && k < kept.length) {
        kept.splice(0, k);
        break; // the bound is reached again: the rest wait for the next halving
      }
      c.waiting = null;
      heldBack.delete(c);
      if (c.queued < maxQueued / 2) c.socket.resume();
    }
    stats.heldBack = heldBack.size;
  };

  const write = (c: Conn, bytes: Uint8Array) => {
    if (c.socket.destroyed) return;
    c.lastActive = Date.now();
    // The replies decided in one tick (the acks of a group commit's frames from this connection)
    // leave in one write: a write per ack was a system call per frame, a tenth of the server's CPU
    // under P3's load (a --cpu-prof of the server), and a packet per ack for the device to read.
    if (!c.corked) {
      c.corked = true;
      c.socket.cork();
      process.nextTick(() => {
        c.corked = false;
        c.socket.uncork();
      });
    }
    c.socket.write(bytes);
  };

  // the frame's outcome, started as soon as it is decoded; acks wait for it in arrival order
  const handle = async (
    c: Conn,
    frame: DecodedFrame,
    stored: Promise<{ outcome: GatewayOutcome } | { error: Error }>,
  ) => {
    const settled = await stored;
    if ('error' in settled) {
      // not stored, so not acked: the logger retransmits (表 1) and the next try may succeed
      stats.errors++;
      log('warn', 'HJ 212 frame not stored', { mn: frame.header.MN, error: settled.error.message });
      return;
    }
    const { outcome } = settled;
    await opts.onOutcome?.(outcome, frame);
    switch (outcome.kind) {
      case 'refused':
        if (outcome.reason === 'bad-crc') {
          stats.badCrc++;
          log('warn', 'HJ 212 frame with a bad CRC dropped, not acked', {
            mn: frame.header.MN,
            remote: c.remote,
            crc: frame.crc.received,
            expected: frame.crc.computed,
          });
        } else {
          stats.refused++;
          log('warn', 'HJ 212 frame refused', { mn: frame.header.MN, remote: c.remote, reason: outcome.reason });
        }
        return;
      case 'duplicate':
        stats.duplicates++;
        break;
      case 'quarantined':
        stats.quarantined++;
        break;
      case 'meter': // an electricity meter logger's frame (electricity/hj212-meters.ts)
        if (outcome.duplicate) stats.duplicates++;
        else stats.stored++;
        break;
      case 'stored':
        stats.stored++;
        break;
      case 'published':
        stats.published++;
        if (outcome.duplicate) stats.duplicates++;
        break;
      case 'journaled':
        stats.journaled++;
        break;
    }
    const mn = frame.header.MN ?? '';
    if (
      (outcome.kind === 'stored' ||
        outcome.kind === 'duplicate' ||
        outcome.kind === 'journaled' ||
        (outcome.kind === 'published' && outcome.station)) &&
      !c.socket.destroyed
    ) {
      if (byMn.get(mn) !== c.socket) {
        byMn.set(mn, c.socket);
        opts.onMn?.(mn, true);
      }
      // remembered on the connection, so its close forgets exactly its MNs
      if (!c.mns) c.mns = [mn];
      else if (!c.mns.includes(mn)) c.mns.push(mn);
    }
    if (frame.flag?.ack) {
      write(c, encodeFrame(ack9014(frame)));
      stats.acks++;
    } else if (frame.header.CN === '1013') write(c, encodeFrame(reply9013(frame)));
    if (outcome.kind === 'stored' || outcome.kind === 'journaled') afterStored(c, outcome.station, frame);
    else if (outcome.kind === 'published' && outcome.station && !outcome.duplicate)
      afterStored(c, outcome.station, frame);
  };

  // Requests the platform sends on its own: 补传 after a gap, clock calibration when the logger drifts.
  const afterStored = (c: Conn, st: GatewayStation, frame: DecodedFrame) => {
    const dev = { ST: frame.header.ST ?? '32', PW: st.password, MN: st.mn };
    const as = (f: FrameInput): FrameInput => (st.edition === '2005' ? { ...f, edition: '2005' } : f);
    const now = Date.now();
    // once per station and connection (a reconnect), within the limiter's per-station and global bounds;
    // a deferred gap is remembered, since the station's last-frame time moves on with this frame
    const gapFrom =
      c.pendingGaps?.get(st.mn) ??
      (st.lastFrameAt && now - st.lastFrameAt.getTime() > backfillAfterMs ? st.lastFrameAt : null);
    if (gapFrom && !c.backfillAsked?.has(st.mn)) {
      if (backfillLimiter.take(st.mn, now)) {
        if (!c.backfillAsked) c.backfillAsked = new Set();
        c.backfillAsked.add(st.mn);
        c.pendingGaps?.delete(st.mn);
        for (const r of planBackfill(gapFrom, new Date(now), backfillLimits)) {
          write(c, encodeFrame(as(requestHistory(dev, r.cn, r.begin, r.end))));
          stats.backfillRequests++;
          log('info', 'HJ 212 gap: missing data requested (补传)', {
            mn: st.mn,
            cn: r.cn,
            from: r.begin.toISOString(),
          });
        }
      } else {
        if (!c.pendingGaps) c.pendingGaps = new Map();
        c.pendingGaps.set(st.mn, gapFrom);
        stats.backfillDeferred = backfillLimiter.deferred;
      }
    }
    const dataTime = frame.header.CN === '2011' ? frameDataTime(frame) : null;
    if (!c.clockSet && dataTime && Math.abs(now - dataTime.getTime()) > clockDriftMs) {
      c.clockSet = true;
      write(c, encodeFrame(as(setDeviceTime(dev, now))));
      stats.timeCalibrations++;
      log('info', 'HJ 212 logger clock calibrated (1012)', { mn: st.mn, loggerTime: formatDataTime(dataTime) });
    }
  };

  // one frame decoded and handed to the store at once (so it can share a transaction with
  // everybody's); its reply waits for the frames before it on the connection
  const submit = (c: Conn, bytes: Uint8Array) => {
    const frame = decodeFrame(bytes, GATEWAY_DECODE);
    const raw = decoder.decode(bytes);
    stats.frames++;
    c.queued++;
    pending++;
    stats.pendingFrames = pending;
    // a device that floods faster than its frames are stored waits; other devices do not
    if (c.queued >= maxQueued) c.socket.pause();
    if (pending >= maxPending) hold(c);
    const stored = sink(frame, raw, c.remote).then(
      (outcome) => ({ outcome }),
      (error: Error) => ({ error }),
    );
    c.chain = (c.chain ?? Promise.resolve())
      .then(() => handle(c, frame, stored))
      .finally(() => {
        c.queued--;
        settledOne();
        if (c.queued < maxQueued / 2 && c.socket.isPaused() && !heldBack.has(c)) c.socket.resume();
      });
  };

  // the whole gateway is behind: whoever sends now waits (TCP holds the rest, and what this
  // connection had already read stays raw bytes, not decoded frames) until the backlog halved;
  // a connection with nothing to send is never paused
  const hold = (c: Conn) => {
    c.socket.pause();
    if (heldBack.has(c)) return;
    heldBack.add(c);
    stats.heldBack = heldBack.size;
  };

  const take = (c: Conn, events: DeframerEvent[]) => {
    for (const e of events) {
      if (e.type !== 'frame') continue;
      // copied because the deframer reuses its buffer
      const bytes = e.bytes.slice();
      if (c.waiting || pending >= maxPending) {
        if (c.waiting) c.waiting.push(bytes);
        else c.waiting = [bytes];
        hold(c);
      } else submit(c, bytes);
    }
  };

  // Listeners shared by every connection (`this` is the socket): an idle connection costs its
  // socket and one small Conn, no closures, no timer of its own.
  function onData(this: net.Socket, chunk: Uint8Array) {
    const c = conns.get(this);
    if (!c) return;
    c.lastActive = Date.now();
    if (!c.deframer) {
      c.deframer = new Deframer({ maxSegment });
      c.remote = `${this.remoteAddress ?? ''}:${this.remotePort ?? ''}`;
    }
    const deframer = c.deframer;
    const before = deframer.stats.garbageBytes;
    take(c, deframer.push(chunk));
    stats.skippedBytes += deframer.stats.garbageBytes - before;
    if (c.idleFlush !== undefined) clearTimeout(c.idleFlush);
    c.idleFlush = undefined;
    // a frame sent without CR LF completes after a short silence
    if (deframer.buffered > 0) c.idleFlush = setTimeout(flushConn, IDLE_FLUSH_MS, c);
  }
  const flushConn = (c: Conn) => {
    c.idleFlush = undefined;
    if (!c.deframer || c.socket.destroyed) return;
    // A paused connection is silent because the gateway stopped reading it (its frames wait for the
    // store), not because the device finished: the rest of a frame may be in the socket already.
    // Completing the part read so far cut a P3 frame in two (a bad CRC, the rest skipped, no ack).
    if (c.socket.isPaused()) c.idleFlush = setTimeout(flushConn, IDLE_FLUSH_MS, c);
    else take(c, c.deframer.flush());
  };
  function onError(this: net.Socket) {
    this.destroy();
  }
  function onClose(this: net.Socket) {
    const c = conns.get(this);
    if (!c) return;
    if (c.idleFlush !== undefined) clearTimeout(c.idleFlush);
    conns.delete(this);
    heldBack.delete(c);
    c.waiting = null;
    stats.heldBack = heldBack.size;
    stats.openConnections = conns.size;
    if (c.mns)
      for (const mn of c.mns)
        if (byMn.get(mn) === this) {
          byMn.delete(mn);
          opts.onMn?.(mn, false);
        }
  }

  // One sweep for every connection instead of a timer per socket: a connection silent (nothing
  // read, nothing written) for idleTimeoutMs is closed within a quarter of that more (at most 5 s
  // more). One whose frames the gateway still holds is waiting for us, not silent.
  const sweepMs = Math.min(5_000, Math.max(10, Math.floor(idleTimeoutMs / 4)));
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const c of conns.values())
      if (now - c.lastActive >= idleTimeoutMs && c.queued === 0 && !c.waiting) c.socket.destroy();
  }, sweepMs);
  sweeper.unref();

  const server = net.createServer((socket) => {
    if (conns.size >= maxConnections) {
      stats.refusedConnections++;
      socket.destroy();
      return;
    }
    stats.connections++;
    conns.set(socket, new Conn(socket));
    stats.openConnections = conns.size;
    socket.setNoDelay(true);
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
  });
  server.maxConnections = maxConnections + 1;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // a reconnect storm (10 k loggers at once) overflows Node's default accept queue of 511 and the
    // refused loggers retry seconds later; the kernel caps this at net.core.somaxconn
    server.listen({ port: opts.port, host: opts.host ?? '0.0.0.0', backlog: 4096 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        port,
        stats,
        batches: commits?.stats ?? null,
        connectedMns: () => [...byMn.keys()],
        close: async () => {
          await new Promise<void>((done) => {
            clearInterval(sweeper);
            for (const s of conns.keys()) s.destroy();
            server.close(() => done());
          });
          // frames already handed to the database finish, so nothing writes after close
          await commits?.drain();
        },
      });
    });
  });
}
