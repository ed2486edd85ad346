import type { NatsConnection } from 'nats';
import type { ModuleContext, ModuleService } from '../../platform/module.ts';
import type { Bus, IngestWriter } from './bus.ts';
import { type Gateway, startGateway } from './gateway.ts';
import { batchingFor, writerBatchingFor } from './group-commit.ts';
import { type IngestThread, startIngestThread } from './ingest-thread.ts';
import { type Journal, openJournal } from './journal.ts';
import { claimJournal } from './journal-identity.ts';
import { onStationChanged } from './registry-events.ts';
import { startDemoStations } from './simulator.ts';

/** The gateway of one app (routes ask it which loggers are connected; the demo stations dial it). */
export type GatewayHolder = { gateway: Gateway | null };

const holders = new WeakMap<ModuleContext, GatewayHolder>();

export function gatewayHolder(ctx: ModuleContext): GatewayHolder {
  let h = holders.get(ctx);
  if (!h) {
    h = { gateway: null };
    holders.set(ctx, h);
  }
  return h;
}

/**
 * Tells the bus gateways (INGEST_BUS) that loggers' registrations changed: it hears every change the
 * services announce (registry-events.ts), whoever called them. Without INGEST_BUS it does nothing:
 * the in-process gateway reads the registry inside each batch and caches nothing.
 */
export type DirectoryNotifier = { changed(mns: readonly (string | null | undefined)[]): void };

/**
 * A change is announced again this long after: a service that takes its caller's transaction
 * (electricity's, the demo seed's) announces before the commit, and a gateway asking at once would
 * cache the old registration again until its TTL.
 */
const REANNOUNCE_MS = 2_000;

// The NATS client and the bus load only with INGEST_BUS: a platform without it never needs them
// (platform/startup-modules.test.ts checks what loads at start).
const busModule = () => import('./bus.ts');

type NotifierHolder = {
  nc: NatsConnection | null;
  notifier: DirectoryNotifier;
  unlisten: (() => void) | null;
  publishDirectoryChanges: Awaited<ReturnType<typeof busModule>>['publishDirectoryChanges'] | null;
};
const notifiers = new WeakMap<ModuleContext, NotifierHolder>();

export function directoryNotifier(ctx: ModuleContext): DirectoryNotifier {
  let n = notifiers.get(ctx);
  if (!n) {
    const publish = (mns: string[]) => {
      const bus = ctx.config.ingestBus;
      const nc = holder.nc;
      if (!bus || !nc || nc.isClosed() || !holder.publishDirectoryChanges) return;
      try {
        holder.publishDirectoryChanges(nc, bus, mns);
      } catch (e) {
        // the gateways' cache TTL still bounds how long the old registration is used
        ctx.log(`warn: directory change not published: ${(e as Error).message}`);
      }
    };
    const holder: NotifierHolder = {
      nc: null,
      unlisten: null,
      publishDirectoryChanges: null,
      notifier: {
        changed(mns) {
          const named = mns.filter((m): m is string => !!m);
          if (named.length === 0 || !holder.nc) return;
          publish(named);
          setTimeout(() => publish(named), REANNOUNCE_MS).unref();
        },
      },
    };
    notifiers.set(ctx, holder);
    n = holder;
  }
  return n.notifier;
}

/** Its own small connection, so edits reach the gateways whether or not this process runs a gateway or a writer. */
export function directoryNotifierService(ctx: ModuleContext): ModuleService {
  directoryNotifier(ctx);
  const holder = notifiers.get(ctx)!;
  return {
    name: 'hj212DirectoryNotifier',
    async start() {
      const bus = ctx.config.ingestBus;
      if (!bus || holder.nc) return;
      holder.publishDirectoryChanges = (await busModule()).publishDirectoryChanges;
      const { connect } = await import('nats');
      holder.nc = await connect({
        servers: bus.url,
        name: 'qingshan-directory',
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
      });
      holder.unlisten = onStationChanged((mn) => holder.notifier.changed([mn]));
    },
    async stop() {
      holder.unlisten?.();
      holder.unlisten = null;
      const nc = holder.nc;
      holder.nc = null;
      await nc?.drain().catch(() => nc.close());
    },
    status: () => (holder.nc ? { connected: !holder.nc.isClosed() } : null),
  };
}

/**
 * The HJ 212 gateway as a module service: HJ212_PORT decides whether and where it listens;
 * INGEST_BUS makes it publish to JetStream instead of writing in-process; otherwise frames go
 * through the local ingest journal (INGEST_JOURNAL, journal.ts) unless it is off. With the journal
 * the gateway and the journal's appending half run in a worker thread (ingest-thread.ts) unless
 * INGEST_THREAD=0; its writer stays on this thread, with the database.
 */
export function gatewayService(ctx: ModuleContext): ModuleService {
  const holder = gatewayHolder(ctx);
  let bus: Bus | null = null;
  let journal: Journal | null = null;
  let thread: IngestThread | null = null;
  const log = (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) =>
    ctx.log(`${level}: ${message} ${fields ? JSON.stringify(fields) : ''}`);
  return {
    name: 'hj212Gateway',
    async start() {
      if (ctx.config.hj212Port === null || holder.gateway) return;
      const engine = ctx.config.databaseUrl ? 'postgres' : 'pglite';
      const batch = batchingFor(engine);
      const busLib = ctx.config.ingestBus ? await busModule() : null;
      if (ctx.config.ingestBus && busLib) bus = await busLib.connectBus(ctx.config.ingestBus, 'qingshan-gateway');
      else if (ctx.config.ingestJournal) {
        // a journal written for another database is moved aside, not replayed (journal-identity.ts)
        await claimJournal(ctx, ctx.config.ingestJournal, log);
        if (ctx.config.ingestThread) {
          thread = await startIngestThread({
            dir: ctx.config.ingestJournal,
            db: ctx.db,
            batch: writerBatchingFor(engine),
            port: ctx.config.hj212Port,
            host: ctx.config.hj212Host,
            maxConnections: ctx.config.hj212MaxConnections,
            log,
          });
          holder.gateway = thread;
          ctx.log(
            `HJ 212 gateway listening on ${ctx.config.hj212Host}:${thread.port} in its own thread (journal ${ctx.config.ingestJournal})`,
          );
          return;
        }
        journal = await openJournal({
          dir: ctx.config.ingestJournal,
          db: ctx.db,
          batch: writerBatchingFor(engine),
          log,
        });
      }
      const sink = bus && busLib ? busLib.busSink(bus) : journal?.sink;
      holder.gateway = await startGateway({
        db: ctx.db,
        ...(sink ? { sink } : {}),
        batch,
        maxConnections: ctx.config.hj212MaxConnections,
        port: ctx.config.hj212Port,
        host: ctx.config.hj212Host,
        log,
      }).catch(async (e: Error) => {
        await journal?.close();
        journal = null;
        throw e;
      });
      ctx.log(
        `HJ 212 gateway listening on ${ctx.config.hj212Host}:${holder.gateway.port}${journal ? ` (journal ${ctx.config.ingestJournal})` : ''}`,
      );
    },
    async stop() {
      // the ingest thread closes its gateway, then its appender, then lets the writer drain
      await holder.gateway?.close();
      holder.gateway = null;
      thread = null;
      // after the gateway: nothing new arrives; what is journaled and not stored is replayed at the next start
      await journal?.close();
      journal = null;
      await bus?.close();
      bus = null;
    },
    status() {
      const g = holder.gateway;
      if (!g) return null;
      const batches = g.batches ?? journal?.commits.stats ?? null;
      const j = journal?.stats ?? thread?.journalStats();
      return {
        port: g.port,
        bus: bus ? bus.config.stream : null,
        published: g.stats.published,
        openConnections: g.stats.openConnections,
        frames: g.stats.frames,
        stored: g.stats.stored,
        duplicates: g.stats.duplicates,
        quarantined: g.stats.quarantined,
        badCrc: g.stats.badCrc,
        // group commit: transactions so far and the largest one (frames), when storing in-process
        batches: batches?.batches ?? null,
        largestBatch: batches?.largest ?? null,
        // lanes committing side by side (PostgreSQL) and the most that ever did at once
        batchLanes: batches?.lanes ?? null,
        mostBatchesInFlight: batches?.mostInFlight ?? null,
        // the local ingest journal: acked once fsync'ed there, stored by its writer (null: off)
        journal: journal || thread ? (ctx.config.ingestJournal ?? null) : null,
        // the gateway and the appender in a worker thread: its state, restarts after it died, and
        // how old the counts above are (the worker sends them every 200 ms)
        ingestThread: thread ? thread.thread.state : null,
        ingestThreadRestarts: thread ? thread.thread.restarts : null,
        ingestThreadError: thread ? thread.thread.lastError : null,
        statsAgeMs: thread ? thread.thread.statsAgeMs() : null,
        journaled: g.stats.journaled,
        journalPendingFrames: j?.pendingFrames ?? null,
        journalPendingBytes: j?.pendingBytes ?? null,
        journalLagMs: j?.lagMs ?? null,
        journalReplayed: j?.replayed ?? null,
        journalRetries: j?.retries ?? null,
        journalDeadLettered: j?.deadLettered ?? null,
        journalRefusedAfterAck: j?.refusedAfterAck ?? null,
        journalWaitingForRoom: j?.waitingForRoom ?? null,
        // frames waiting for the database now, and connections paused because too many wait
        pendingFrames: g.stats.pendingFrames,
        heldBackConnections: g.stats.heldBack,
      };
    },
  };
}

/**
 * With INGEST_BUS (and INGEST_WRITER not 0) this process also stores what the gateways published;
 * `npm run ingest-writer` runs more writers on other machines.
 */
export function ingestWriterService(ctx: ModuleContext): ModuleService {
  let bus: Bus | null = null;
  let writer: IngestWriter | null = null;
  return {
    name: 'ingestWriter',
    async start() {
      const config = ctx.config.ingestBus;
      if (!config?.writer || writer) return;
      const { connectBus, startIngestWriter } = await busModule();
      bus = await connectBus(config, 'qingshan-writer');
      writer = await startIngestWriter({
        db: ctx.db,
        bus,
        batch: batchingFor(ctx.config.databaseUrl ? 'postgres' : 'pglite'),
        log: (level, message, fields) => ctx.log(`${level}: ${message} ${fields ? JSON.stringify(fields) : ''}`),
      });
      ctx.log(`ingest writer consuming ${config.stream} (${config.durable})`);
    },
    async stop() {
      await writer?.stop();
      writer = null;
      await bus?.close();
      bus = null;
    },
    status: () => (writer && bus ? { stream: bus.config.stream, ...writer.stats } : null),
  };
}

/** Demo only: simulated loggers of the seeded stations send frames to the gateway over TCP. */
export function demoStationsService(ctx: ModuleContext): ModuleService {
  const holder = gatewayHolder(ctx);
  let stop: (() => Promise<void>) | null = null;
  let running = 0;
  return {
    name: 'hj212DemoStations',
    async start() {
      if (!ctx.config.demo || !holder.gateway) return;
      const sim = await startDemoStations(ctx.db, holder.gateway.port);
      running = sim.stations;
      stop = sim.stop;
    },
    async stop() {
      await stop?.();
      stop = null;
      running = 0;
    },
    status: () => (stop ? { stations: running } : null),
  };
}
