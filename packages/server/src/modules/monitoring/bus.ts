import { createHash } from 'node:crypto';
import { type DecodedFrame, decodeFrame } from '@qingshan/hj212';
import { eq } from 'drizzle-orm';
import {
  AckPolicy,
  type ConsumerMessages,
  connect,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamClient,
  type JsMsg,
  type NatsConnection,
  nanos,
  headers as natsHeaders,
  RetentionPolicy,
  StorageType,
} from 'nats';
import type { Db } from '../../db/client.ts';
import { electricityMeters } from '../electricity/tables.ts';
import type { FrameSink, GatewayOutcome } from './gateway.ts';
import { type GroupCommitOptions, groupCommit } from './group-commit.ts';
import { crcAccepted, frameDataTime, GATEWAY_DECODE, unstorable } from './ingest.ts';
import { monitoringQuarantine, monitoringStations } from './tables.ts';

// Scale-out (issue 11): gateways publish each frame to a JetStream stream and ack the device once
// JetStream has stored it; writers pull from one durable consumer, store through the same group
// commit the in-process gateway uses, and ack each message only after its batch committed. A
// writer killed between commit and ack gets the messages again, and the frames table's unique
// indexes (MN+QN, MN+CN+DataTime) turn them into duplicates; nothing acknowledged to a device can
// be lost.

export type BusConfig = {
  url: string;
  /** JetStream stream name */
  stream: string;
  /**
   * subject prefix: frames go to <prefix>.frames, station look-ups to <prefix>.directory, and the
   * MNs whose registration changed to <prefix>.directory.changed
   */
  prefix: string;
  /** the writers' shared durable consumer */
  durable: string;
  /** a frame a writer took but did not ack (it died) is handed out again after this long */
  ackWaitMs: number;
};

const framesSubject = (c: BusConfig) => `${c.prefix}.frames`;
const directorySubject = (c: BusConfig) => `${c.prefix}.directory`;
const directoryChangedSubject = (c: Pick<BusConfig, 'prefix'>) => `${c.prefix}.directory.changed`;

export type Bus = { config: BusConfig; nc: NatsConnection; js: JetStreamClient; close(): Promise<void> };

/**
 * Connects and makes sure the stream and the writers' consumer exist (both idempotent, so every
 * gateway and writer may call it). Work-queue retention deletes a frame once a writer acked it;
 * discard "new" makes a full stream refuse the publish, so the gateway does not ack and the
 * logger retransmits later, instead of JetStream silently dropping the oldest acknowledged frames.
 */
export async function connectBus(config: BusConfig, name: string): Promise<Bus> {
  const nc = await connect({ servers: config.url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
  const jsm = await nc.jetstreamManager();
  const streamConfig = {
    name: config.stream,
    subjects: [framesSubject(config)],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    discard: DiscardPolicy.New,
    max_age: nanos(7 * 24 * 3_600_000),
    max_bytes: 8 * 1024 ** 3,
    duplicate_window: nanos(10 * 60_000),
  };
  try {
    await jsm.streams.info(config.stream);
  } catch {
    await jsm.streams.add(streamConfig).catch(async (e: Error) => {
      // another process created it a moment ago
      if (!/already in use|exists/i.test(e.message)) throw e;
    });
  }
  try {
    await jsm.consumers.info(config.stream, config.durable);
  } catch {
    await jsm.consumers
      .add(config.stream, {
        durable_name: config.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(config.ackWaitMs),
        max_deliver: -1,
        max_ack_pending: 2_000,
      })
      .catch((e: Error) => {
        if (!/already in use|exists/i.test(e.message)) throw e;
      });
  }
  return {
    config,
    nc,
    js: nc.jetstream(),
    async close() {
      await nc.drain().catch(() => nc.close());
    },
  };
}

/** Deletes the stream (tests and the benchmark use a stream of their own). */
export async function deleteStream(url: string, stream: string): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

/**
 * What a gateway needs to know of a logger to refuse what the in-process path would refuse: a
 * monitoring station, or a data logger reporting electricity meters (electricity/hj212-meters.ts:
 * its bindings share one password, and its CRC is judged by the standard's algorithm only, as the
 * writer judges it). `kind` is absent in answers from writers older than meter support: a station.
 */
type DirectoryEntry =
  | {
      found: true;
      kind?: 'station' | 'meter';
      passwordSha256: string;
      crcModes: string[];
      edition: string;
      lastFrameAt: number | null;
    }
  | { found: false; rejected: boolean };

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');

/** The writer answers station look-ups, so gateways need no database credentials, only the bus. */
export function serveDirectory(bus: Bus, db: Db): () => void {
  const sub = bus.nc.subscribe(directorySubject(bus.config), {
    queue: 'directory',
    callback: (err, msg) => {
      if (err) return;
      const mn = dec.decode(msg.data).trim().slice(0, 64);
      void lookUp(db, mn)
        .then((entry) => msg.respond(enc.encode(JSON.stringify(entry))))
        .catch(() => {});
    },
  });
  return () => sub.unsubscribe();
}

async function lookUp(db: Db, mn: string): Promise<DirectoryEntry> {
  const [s] = await db
    .select({
      password: monitoringStations.password,
      crcModes: monitoringStations.crcModes,
      edition: monitoringStations.edition,
      lastFrameAt: monitoringStations.lastFrameAt,
    })
    .from(monitoringStations)
    .where(eq(monitoringStations.mn, mn))
    .limit(1);
  if (s)
    return {
      found: true,
      kind: 'station',
      passwordSha256: sha256(s.password),
      crcModes: s.crcModes,
      edition: s.edition,
      lastFrameAt: s.lastFrameAt?.getTime() ?? null,
    };
  // the writer's order too (ingest.ts): a station's MN first, then a meter logger's, then quarantine
  const [m] = await db
    .select({ password: electricityMeters.hj212Password })
    .from(electricityMeters)
    .where(eq(electricityMeters.hj212Mn, mn))
    .limit(1);
  if (m)
    return {
      found: true,
      kind: 'meter',
      passwordSha256: sha256(m.password ?? ''),
      crcModes: [],
      edition: '2017',
      lastFrameAt: null,
    };
  const [q] = await db
    .select({ state: monitoringQuarantine.state })
    .from(monitoringQuarantine)
    .where(eq(monitoringQuarantine.mn, mn))
    .limit(1);
  return { found: false, rejected: q?.state === 'rejected' };
}

/**
 * Tells every gateway that these MNs' registration changed (a station registered or edited, a
 * quarantined logger accepted or rejected, a meter bound or unbound), so a cached look-up is not
 * used for up to its TTL after staff changed a password. Plain NATS, not JetStream: a gateway
 * that misses it (reconnecting) still drops the entry when its TTL runs out.
 */
export function publishDirectoryChanges(
  nc: NatsConnection,
  config: Pick<BusConfig, 'prefix'>,
  mns: readonly string[],
): void {
  for (const mn of new Set(mns)) if (mn) nc.publish(directoryChangedSubject(config), enc.encode(mn));
}

export type BusSinkOptions = {
  /** how long a station look-up answer is reused */
  directoryTtlMs?: number;
  /** how long to wait for a writer to answer a look-up */
  directoryTimeoutMs?: number;
  publishTimeoutMs?: number;
};

/** The dedup key JetStream keeps for its duplicate window: the same identity the database's unique indexes use. */
function messageId(mn: string, frame: DecodedFrame): string | undefined {
  const qn = frame.header.QN;
  const t = frameDataTime(frame);
  // answers to one request share its QN (附录 C): CN and DataTime tell them apart, as in the database
  if (qn) return `${mn}/${qn}/${frame.header.CN ?? ''}/${t?.getTime() ?? ''}`;
  return frame.header.CN && t ? `${mn}/${frame.header.CN}/${t.getTime()}` : undefined;
}

/**
 * The gateway's side of the bus: refuse what the writer would refuse (bad CRC, wrong password,
 * rejected MN), publish the rest and resolve once JetStream stored it. With no writer answering
 * look-ups and nothing cached, only frames whose CRC verifies with the standard's algorithm are
 * taken (the writer re-checks the password); a Modbus-variant CRC cannot be judged, so it is not
 * acked and the logger retransmits later.
 */
export function busSink(bus: Bus, opts: BusSinkOptions = {}): FrameSink {
  const ttl = opts.directoryTtlMs ?? 60_000;
  const lookupTimeout = opts.directoryTimeoutMs ?? 1_000;
  const publishTimeout = opts.publishTimeoutMs ?? 5_000;
  const cache = new Map<string, { entry: DirectoryEntry; until: number }>();
  const subject = framesSubject(bus.config);

  const asking = new Map<string, Promise<DirectoryEntry | null>>();
  // an invalidation bumps the MN's generation: a look-up already under way when it arrived may
  // carry the old registration, so its answer serves the frames waiting on it but is not cached
  const generation = new Map<string, number>();
  bus.nc.subscribe(directoryChangedSubject(bus.config), {
    callback: (err, msg) => {
      if (err) return;
      const mn = dec.decode(msg.data).trim();
      cache.delete(mn);
      if (asking.has(mn)) generation.set(mn, (generation.get(mn) ?? 0) + 1);
    },
  });
  // frames of a connection are handled at once, not one after another: one look-up per MN serves
  // every frame that arrives while it is under way
  const directory = (mn: string): Promise<DirectoryEntry | null> => {
    const hit = cache.get(mn);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.entry);
    let p = asking.get(mn);
    if (!p) {
      p = ask(mn, hit?.entry ?? null).finally(() => asking.delete(mn));
      asking.set(mn, p);
    }
    return p;
  };
  const ask = async (mn: string, stale: DirectoryEntry | null): Promise<DirectoryEntry | null> => {
    const gen = generation.get(mn) ?? 0;
    try {
      const reply = await bus.nc.request(directorySubject(bus.config), enc.encode(mn), { timeout: lookupTimeout });
      const entry = JSON.parse(dec.decode(reply.data)) as DirectoryEntry;
      if ((generation.get(mn) ?? 0) !== gen) {
        generation.delete(mn);
        return entry;
      }
      // bounded: a flood of invented MNs must not grow the cache without end
      if (cache.size > 50_000) cache.clear();
      cache.set(mn, { entry, until: Date.now() + (entry.found ? ttl : Math.min(ttl, 10_000)) });
      return entry;
    } catch {
      return stale;
    }
  };

  return async (frame, raw, remote, now = new Date()): Promise<GatewayOutcome> => {
    const mn = frame.header.MN?.trim();
    if (!mn) return { kind: 'refused', reason: 'no-mn' };
    const bad = unstorable(raw);
    if (bad) return { kind: 'refused', reason: bad };
    const entry = await directory(mn);
    if (entry && !entry.found && entry.rejected) return { kind: 'refused', reason: 'rejected-mn' };
    const crcModes = entry?.found ? entry.crcModes : [];
    if (!crcAccepted(frame, { crcModes })) return { kind: 'refused', reason: 'bad-crc' };
    if (entry?.found && sha256(frame.header.PW ?? '') !== entry.passwordSha256)
      return { kind: 'refused', reason: 'bad-password' };

    const h = natsHeaders();
    if (remote) h.set('Qs-Remote', remote);
    h.set('Qs-Received-At', now.toISOString());
    const ack = await bus.js.publish(subject, enc.encode(raw), {
      msgID: messageId(mn, frame),
      headers: h,
      timeout: publishTimeout,
    });
    // a meter logger's frames get no 补传 or clock requests: the in-process path sends none either
    if (!entry?.found || entry.kind === 'meter') return { kind: 'published', station: null, duplicate: ack.duplicate };
    const previous = entry.lastFrameAt;
    entry.lastFrameAt = now.getTime();
    return {
      kind: 'published',
      duplicate: ack.duplicate,
      station: {
        mn,
        edition: entry.edition,
        password: frame.header.PW ?? '',
        lastFrameAt: previous === null ? null : new Date(previous),
      },
    };
  };
}

export type WriterStats = {
  consumed: number;
  stored: number;
  duplicates: number;
  quarantined: number;
  refused: number;
  errors: number;
  /** frames in the stream not yet stored (read from JetStream every few seconds) */
  pending: number;
};

export type IngestWriter = { stats: WriterStats; stop(): Promise<void> };

export type WriterOptions = {
  db: Db;
  bus: Bus;
  /** frames taken from the stream and not yet settled, at most: they fill the group commit's batches */
  maxInFlight?: number;
  batch?: GroupCommitOptions;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
};

/**
 * A writer: pulls frames from the durable consumer into the group commit, and acks each message
 * only after the transaction holding its frame committed.
 */
export async function startIngestWriter(opts: WriterOptions): Promise<IngestWriter> {
  const { bus, db } = opts;
  const log = opts.log ?? (() => {});
  const maxInFlight = Math.max(1, opts.maxInFlight ?? 1_000);
  const commits = groupCommit(db, opts.batch);
  const stats: WriterStats = {
    consumed: 0,
    stored: 0,
    duplicates: 0,
    quarantined: 0,
    refused: 0,
    errors: 0,
    pending: 0,
  };
  const stopDirectory = serveDirectory(bus, db);
  const consumer = await bus.js.consumers.get(bus.config.stream, bus.config.durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: maxInFlight });
  let stopping = false;

  const handle = async (m: JsMsg) => {
    stats.consumed++;
    const bytes = m.data;
    const raw = dec.decode(bytes);
    const frame = decodeFrame(bytes, GATEWAY_DECODE);
    const at = m.headers?.get('Qs-Received-At');
    const receivedAt = at && !Number.isNaN(Date.parse(at)) ? new Date(at) : new Date(m.info.timestampNanos / 1e6);
    try {
      const outcome = await commits.submit({
        frame,
        raw,
        remote: m.headers?.get('Qs-Remote') || null,
        now: receivedAt,
      });
      if (outcome.kind === 'error') throw outcome.error;
      if (outcome.kind === 'stored') stats.stored++;
      else if (outcome.kind === 'duplicate') stats.duplicates++;
      else if (outcome.kind === 'quarantined') stats.quarantined++;
      else if (outcome.kind === 'meter') stats[outcome.duplicate ? 'duplicates' : 'stored']++;
      else {
        stats.refused++;
        log('warn', 'HJ 212 frame from the bus refused', { mn: frame.header.MN, reason: outcome.reason });
      }
      // a refused frame is settled too: retrying cannot change a wrong password or CRC
      m.ack();
    } catch (e) {
      stats.errors++;
      log('warn', 'HJ 212 frame from the bus not stored; redelivered later', {
        mn: frame.header.MN,
        error: (e as Error).message,
      });
      if (!stopping) m.nak(2_000);
    }
  };

  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    for await (const m of messages) {
      if (stopping) break;
      const p = handle(m).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
  })();

  const pendingTimer = setInterval(() => {
    consumer
      .info(true)
      .then((i) => {
        stats.pending = i.num_pending + i.num_ack_pending;
      })
      .catch(() => {});
  }, 2_000);
  pendingTimer.unref();

  return {
    stats,
    async stop() {
      stopping = true;
      clearInterval(pendingTimer);
      stopDirectory();
      await messages.close().catch(() => {});
      await loop.catch(() => {});
      await Promise.allSettled(inFlight);
    },
  };
}
