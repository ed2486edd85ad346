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
import { type GroupCommit, type GroupCommitOptions, type GroupCommitStats, groupCommit } from './group-commit.ts';
import { frameDataTime, GATEWAY_DECODE, type IngestOutcome } from './ingest.ts';

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
const HOUR = 3_600_000;

/**
 * The HJ 212 TCP gateway (issue 11). One StreamDecoder per connection, so one device's garbage
 * costs only that connection's parsing; every decoded frame goes to the store at once (in-process:
 * the group commit, so frames of all connections share transactions) and a connection's replies
 * are written in its frames' order. A frame is acked with 9014 only after its transaction
 * committed; a bad CRC is counted and logged, never acked (§6.3.1).
 */
export function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const maxConnections = opts.maxConnections ?? 2000;
  const idleTimeoutMs = opts.idleTimeoutMs ?? 10 * 60_000;
  const maxQueued = opts.maxQueuedFrames ?? 64;
  const maxPending = Math.max(1, opts.maxPendingFrames ?? 20_000);
  const backfillAfterMs = opts.backfillAfterMs ?? 2 * HOUR;
  const clockDriftMs = opts.clockDriftMs ?? 10 * 60_000;
  const log = opts.log ?? (() => {});
  const db = opts.db;
  // frames of every connection share one group commit: under load many frames, one transaction
  const commits: GroupCommit | null = !opts.sink && db ? groupCommit(db, opts.batch) : null;
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
  const stats: GatewayStats = {
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
  };
  const backfillLimits = { ...DEFAULT_BACKFILL_LIMITS, ...opts.backfillLimits };
  const backfillLimiter = new BackfillLimiter(backfillLimits);
  const sockets = new Set<net.Socket>();
  const byMn = new Map<string, net.Socket>();
  // frames decoded and not yet answered, over all connections; the connections paused for it
  let pending = 0;
  // each paused connection with whether its own queue lets it read again
  const heldBack = new Map<net.Socket, () => boolean>();
  const settledOne = () => {
    pending--;
    stats.pendingFrames = pending;
    if (pending < maxPending / 2 && heldBack.size > 0) {
      for (const [s, ownRoom] of heldBack) if (!s.destroyed && ownRoom()) s.resume();
      heldBack.clear();
      stats.heldBack = 0;
    }
  };

  const server = net.createServer((socket) => {
    if (sockets.size >= maxConnections) {
      stats.refusedConnections++;
      socket.destroy();
      return;
    }
    stats.connections++;
    sockets.add(socket);
    stats.openConnections = sockets.size;
    socket.setNoDelay(true);
    socket.setTimeout(idleTimeoutMs, () => socket.destroy());
    const remote = `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`;
    const deframer = new Deframer({ maxSegment: opts.maxSegmentBytes ?? 4096 });
    let queued = 0;
    let chain: Promise<void> = Promise.resolve();
    let idleFlush: ReturnType<typeof setTimeout> | undefined;
    // per connection: what it already did once (补传 asked, clock set)
    const done = new Set<string>();
    const pendingGaps = new Map<string, Date>();

    const write = (bytes: Uint8Array) => {
      if (!socket.destroyed) socket.write(bytes);
    };

    // the frame's outcome, started as soon as it is decoded; acks wait for it in arrival order
    const handle = async (frame: DecodedFrame, stored: Promise<{ outcome: GatewayOutcome } | { error: Error }>) => {
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
              remote,
              crc: frame.crc.received,
              expected: frame.crc.computed,
            });
          } else {
            stats.refused++;
            log('warn', 'HJ 212 frame refused', { mn: frame.header.MN, remote, reason: outcome.reason });
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
        outcome.kind === 'stored' ||
        outcome.kind === 'duplicate' ||
        outcome.kind === 'journaled' ||
        (outcome.kind === 'published' && outcome.station)
      )
        byMn.set(mn, socket);
      if (frame.flag?.ack) {
        write(encodeFrame(ack9014(frame)));
        stats.acks++;
      } else if (frame.header.CN === '1013') write(encodeFrame(reply9013(frame)));
      if (outcome.kind === 'stored' || outcome.kind === 'journaled') afterStored(outcome.station, frame);
      else if (outcome.kind === 'published' && outcome.station && !outcome.duplicate)
        afterStored(outcome.station, frame);
    };

    // Requests the platform sends on its own: 补传 after a gap, clock calibration when the logger drifts.
    const afterStored = (st: GatewayStation, frame: DecodedFrame) => {
      const dev = { ST: frame.header.ST ?? '32', PW: st.password, MN: st.mn };
      const as = (f: FrameInput): FrameInput => (st.edition === '2005' ? { ...f, edition: '2005' } : f);
      const now = Date.now();
      // once per station and connection (a reconnect), within the limiter's per-station and global bounds;
      // a deferred gap is remembered, since the station's last-frame time moves on with this frame
      const key = `backfill:${st.mn}`;
      const gapFrom =
        pendingGaps.get(st.mn) ??
        (st.lastFrameAt && now - st.lastFrameAt.getTime() > backfillAfterMs ? st.lastFrameAt : null);
      if (gapFrom && !done.has(key)) {
        if (backfillLimiter.take(st.mn, now)) {
          done.add(key);
          pendingGaps.delete(st.mn);
          for (const r of planBackfill(gapFrom, new Date(now), backfillLimits)) {
            write(encodeFrame(as(requestHistory(dev, r.cn, r.begin, r.end))));
            stats.backfillRequests++;
            log('info', 'HJ 212 gap: missing data requested (补传)', {
              mn: st.mn,
              cn: r.cn,
              from: r.begin.toISOString(),
            });
          }
        } else {
          pendingGaps.set(st.mn, gapFrom);
          stats.backfillDeferred = backfillLimiter.deferred;
        }
      }
      const dataTime = frame.header.CN === '2011' ? frameDataTime(frame) : null;
      if (!done.has('clock') && dataTime && Math.abs(now - dataTime.getTime()) > clockDriftMs) {
        done.add('clock');
        write(encodeFrame(as(setDeviceTime(dev, now))));
        stats.timeCalibrations++;
        log('info', 'HJ 212 logger clock calibrated (1012)', { mn: st.mn, loggerTime: formatDataTime(dataTime) });
      }
    };

    const enqueue = (events: DeframerEvent[]) => {
      for (const e of events) {
        if (e.type !== 'frame') continue;
        // decoded at once, on this connection's bytes only; copied because the deframer reuses its buffer
        const bytes = e.bytes.slice();
        const frame = decodeFrame(bytes, GATEWAY_DECODE);
        const raw = decoder.decode(bytes);
        stats.frames++;
        queued++;
        pending++;
        stats.pendingFrames = pending;
        // a device that floods faster than its frames are stored waits; other devices do not
        if (queued >= maxQueued) socket.pause();
        // the whole gateway is behind: whoever sends now waits too (TCP holds the rest), until
        // the backlog halved; a connection with nothing to send is never paused
        if (pending >= maxPending && !heldBack.has(socket)) {
          socket.pause();
          heldBack.set(socket, () => queued < maxQueued / 2);
          stats.heldBack = heldBack.size;
        }
        // stored at once (so its frames can share a transaction with everybody's), acked in order
        const stored = sink(frame, raw, remote).then(
          (outcome) => ({ outcome }),
          (error: Error) => ({ error }),
        );
        chain = chain
          .then(() => handle(frame, stored))
          .finally(() => {
            queued--;
            settledOne();
            if (queued < maxQueued / 2 && socket.isPaused() && !heldBack.has(socket)) socket.resume();
          });
      }
    };

    socket.on('data', (chunk: Uint8Array) => {
      const before = deframer.stats.garbageBytes;
      enqueue(deframer.push(chunk));
      stats.skippedBytes += deframer.stats.garbageBytes - before;
      if (idleFlush !== undefined) clearTimeout(idleFlush);
      // a frame sent without CR LF completes after a short silence
      if (deframer.buffered > 0) idleFlush = setTimeout(() => enqueue(deframer.flush()), 200);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (idleFlush !== undefined) clearTimeout(idleFlush);
      sockets.delete(socket);
      heldBack.delete(socket);
      stats.heldBack = heldBack.size;
      stats.openConnections = sockets.size;
      for (const [mn, s] of byMn) if (s === socket) byMn.delete(mn);
    });
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
            for (const s of sockets) s.destroy();
            server.close(() => done());
          });
          // frames already handed to the database finish, so nothing writes after close
          await commits?.drain();
        },
      });
    });
  });
}
