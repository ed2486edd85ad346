import net from 'node:net';
import { type CpInput, encodeFrame, formatDataTime } from '@qingshan/hj212';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { DEMO_STATIONS, DEMO_UNKNOWN_MN, type DemoStation } from './demo-stations.ts';
import { monitoringStations } from './tables.ts';

const EVERY_MS = 5_000;

/** How long after the demo starts its `over` factors surge, so a fresh demo shows a rule-raised alarm. */
export const DEMO_START_SURGE_MS = 3 * 60_000;

/**
 * A value near the station's usual level. `over` factors surge for a quarter of each hour (and
 * right after the demo starts) by `surge`, or 1.8 spreads: the minute values cross the limit, so
 * the alarm rules raise an early warning from the loggers' own frames.
 */
export function demoValue(v: DemoStation['values'][string], at: number, startedAt?: number): number {
  const minute = new Date(at).getUTCMinutes();
  const wave = Math.sin(at / 600_000) * v.spread * 0.5;
  const noise = (Math.random() - 0.5) * v.spread;
  const surging =
    (minute >= 20 && minute < 35) ||
    (startedAt !== undefined && at >= startedAt && at - startedAt < DEMO_START_SURGE_MS);
  const surge = v.over && surging ? (v.surge ?? v.spread * 1.8) : 0;
  return Math.max(0, Math.round((v.base + wave + noise + surge) * 100) / 100);
}

export function demoCp(s: DemoStation, at: number, cn: '2011' | '2051', startedAt?: number): CpInput {
  const cp: Record<string, string | Record<string, string>> = { DataTime: formatDataTime(at) };
  for (const f of s.body.factors) {
    const v = s.values[f.code];
    if (!v) continue;
    const value = demoValue(v, at, startedAt).toFixed(2);
    cp[f.code] = cn === '2011' ? { Rtd: value, Flag: 'N' } : { Min: value, Avg: value, Max: value, Flag: 'N' };
  }
  return cp;
}

/**
 * Demo mode: each seeded station dials the gateway over TCP, as a real logger does, and sends a
 * real-time frame every few seconds (one frame per station per 5 s keeps the CPU cost negligible);
 * one unregistered logger keeps knocking so the quarantine has an entry.
 */
export async function startDemoStations(db: Db, port: number): Promise<{ stations: number; stop(): Promise<void> }> {
  const rows = await db
    .select({ mn: monitoringStations.mn })
    .from(monitoringStations)
    .where(
      inArray(
        monitoringStations.mn,
        DEMO_STATIONS.map((s) => s.body.mn),
      ),
    );
  const present = new Set(rows.map((r) => r.mn));
  const devices = DEMO_STATIONS.filter((s) => present.has(s.body.mn));
  if (devices.length === 0) return { stations: 0, stop: async () => {} };
  const sockets: net.Socket[] = [];
  const timers: ReturnType<typeof setInterval>[] = [];
  let stopped = false;
  const dial = (
    mn: string,
    st: string,
    pw: string,
    edition: '2017' | '2005',
    cp: (at: number) => CpInput,
    every: number,
  ) => {
    let socket: net.Socket | null = null;
    const connect = () => {
      if (stopped) return;
      const s = net.connect({ port, host: '127.0.0.1' });
      // a logger reports as soon as it is connected, then on its interval
      s.once('connect', () => send());
      s.on('error', () => s.destroy());
      s.on('data', () => {}); // acks and platform requests: a demo logger needs nothing from them
      s.on('close', () => {
        socket = null;
        if (!stopped) setTimeout(connect, 5_000).unref();
      });
      socket = s;
      sockets.push(s);
    };
    connect();
    function send() {
      if (!socket || socket.connecting) return;
      const at = Date.now();
      const header = { ST: st, CN: '2011', PW: pw, MN: mn, ...(edition === '2017' ? { Flag: 5 } : {}) };
      socket.write(encodeFrame({ header, cp: cp(at), edition }, edition === '2005' ? { edition: '2005' } : {}));
    }
    const t = setInterval(send, every);
    t.unref();
    timers.push(t);
  };
  const startedAt = Date.now();
  for (const s of devices)
    dial(s.body.mn, s.st, s.body.password, s.body.edition, (at) => demoCp(s, at, '2011', startedAt), EVERY_MS);
  const first = DEMO_STATIONS[0];
  if (first) dial(DEMO_UNKNOWN_MN, '31', '654321', '2017', (at) => demoCp(first, at, '2011'), 60_000);
  return {
    stations: devices.length,
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
    },
  };
}
