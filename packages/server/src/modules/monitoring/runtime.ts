import type { ModuleContext, ModuleService } from '../../platform/module.ts';
import { type Gateway, startGateway } from './gateway.ts';
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

/** The HJ 212 gateway as a module service: HJ212_PORT decides whether and where it listens. */
export function gatewayService(ctx: ModuleContext): ModuleService {
  const holder = gatewayHolder(ctx);
  return {
    name: 'hj212Gateway',
    async start() {
      if (ctx.config.hj212Port === null || holder.gateway) return;
      holder.gateway = await startGateway({
        db: ctx.db,
        port: ctx.config.hj212Port,
        host: ctx.config.hj212Host,
        log: (level, message, fields) => ctx.log(`${level}: ${message} ${fields ? JSON.stringify(fields) : ''}`),
      });
      ctx.log(`HJ 212 gateway listening on ${ctx.config.hj212Host}:${holder.gateway.port}`);
    },
    async stop() {
      await holder.gateway?.close();
      holder.gateway = null;
    },
    status() {
      const g = holder.gateway;
      if (!g) return null;
      return {
        port: g.port,
        openConnections: g.stats.openConnections,
        frames: g.stats.frames,
        stored: g.stats.stored,
        duplicates: g.stats.duplicates,
        quarantined: g.stats.quarantined,
        badCrc: g.stats.badCrc,
      };
    },
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
