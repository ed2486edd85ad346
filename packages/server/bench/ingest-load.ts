// The HJ 212 load bench:ingest sends, shared by the bench and its P2 sender process (p2-sender.ts):
// frames of 10 values, a steady rate over simulated loggers with each ack's latency, and the
// storm's loggers that re-send an hour each.
import net from 'node:net';
import { type CpInput, encodeFrame, formatDataTime, StreamDecoder } from '@qingshan/hj212';
import { realtimeFrame, SimLogger } from '../src/modules/monitoring/bus-procs.ts';

export const PASSWORD = '123456';
export const FACTORS = [
  'a21026',
  'a21002',
  'a34013',
  'a21005',
  'a19001',
  'a01011',
  'a01012',
  'a01013',
  'a01014',
  'a00000',
];

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export function cp10(at: number, seed: number, cn: '2011' | '2051'): CpInput {
  const cp: Record<string, string | Record<string, string>> = { DataTime: formatDataTime(at) };
  FACTORS.forEach((code, i) => {
    const v = (10 + ((seed * 7 + i * 13) % 50) + (at % 1000) / 1000).toFixed(2);
    cp[code] = cn === '2011' ? { Rtd: v, Flag: 'N' } : { Min: v, Avg: v, Max: v, Flag: 'N' };
  });
  return cp;
}

/** QNs unique across the bench and its sender processes: each process starts at its own base. */
let qnSeq = 0;
export const setQnBase = (base: number) => {
  qnSeq = base;
};
export const nextQn = () => `2026${String(qnSeq++).padStart(13, '0')}`;

export async function connectLoggers(port: number, n: number): Promise<SimLogger[]> {
  const ls = Array.from({ length: n }, () => new SimLogger(port));
  await Promise.all(ls.map((l) => l.connect()));
  return ls;
}

export type RateResult = {
  sent: number;
  acked: number;
  p50: number;
  p99: number;
  max: number;
  /** p99 of the frames sent in each second of the run */
  perSecond: number[];
  /** how long the frames not acked within 30 s took to drain afterwards, ms */
  backlogMs: number;
};

/** Frames at a steady rate over the loggers for `seconds`; ack latencies of the frames sent. */
export async function atRate(
  loggers: SimLogger[],
  mns: string[],
  rate: number,
  seconds: number,
  t0: number,
): Promise<RateResult> {
  const sent: { l: SimLogger; qn: string }[] = [];
  const tickMs = 10;
  const end = performance.now() + seconds * 1000;
  let k = 0;
  const start = performance.now();
  let next = start;
  while (performance.now() < end) {
    // frames due by the clock, not by the ticks counted: a sender whose event loop lags (acks
    // arriving while it sends, a loaded machine) still offers rate × seconds frames
    const due = Math.floor((rate * (Math.min(performance.now(), end) - start)) / 1000);
    while (k < due) {
      const i = k % loggers.length;
      const qn = nextQn();
      if (loggers[i]!.send(qn, realtimeFrame(mns[i]!, PASSWORD, qn, t0 + k * 1000, cp10(t0 + k * 1000, k, '2011'))))
        sent.push({ l: loggers[i]!, qn });
      k++;
    }
    next += tickMs;
    await pause(Math.max(0, next - performance.now()));
  }
  const byLogger = (l: SimLogger) => sent.filter((x) => x.l === l).map((x) => x.qn);
  await Promise.all(loggers.map((l) => l.waitAcked(byLogger(l), 30_000)));
  // a frame not acked within the wait counts as slower than any that was
  const all = sent.map((x) => x.l.acked.get(x.qn) ?? Number.POSITIVE_INFINITY);
  const lat = all.filter((v) => Number.isFinite(v));
  // what the server could not take at this rate is still queued: the next phase starts after it
  // drained, or its figure would measure this backlog
  const drainStart = performance.now();
  await Promise.all(loggers.map((l) => l.waitAcked(byLogger(l), 600_000)));
  const backlogMs = lat.length < sent.length ? performance.now() - drainStart : 0;
  // p99 by the second the frames were sent in: a backlog grows second by second, a stall is one bad second
  const perSecond: number[] = [];
  const per = Math.max(1, Math.round(rate));
  for (let i = 0; i < all.length; i += per) perSecond.push(pct(all.slice(i, i + per), 99));
  return {
    sent: sent.length,
    acked: lat.length,
    p50: pct(all, 50),
    p99: pct(all, 99),
    max: pct(all, 100),
    perSecond,
    backlogMs,
  };
}

/**
 * A logger of the storm: connects, re-sends `frames` minute frames (an hour) with at most `window`
 * of them unacked, as a logger that waits for replies does, and resolves when every one is acked.
 * A connection that fails or drops is dialled again and the unacked frames re-sent (the gateway
 * acks a retransmit without storing it twice).
 */
export function stormLogger(
  port: number,
  mn: string,
  frames: number,
  from: number,
  seed: number,
  window: number,
): Promise<{ redials: number }> {
  return new Promise((resolve) => {
    const out = new Map<string, Uint8Array>();
    let made = 0;
    let acked = 0;
    let redials = 0;
    let socket: net.Socket | null = null;
    const make = () => {
      const qn = nextQn();
      const bytes = encodeFrame({
        header: { QN: qn, ST: '22', CN: '2051', PW: PASSWORD, MN: mn, Flag: 5 },
        cp: cp10(from + made * 60_000, made + seed, '2051'),
      });
      made++;
      out.set(qn, bytes);
      return bytes;
    };
    const dial = () => {
      const s = net.connect({ port, host: '127.0.0.1' });
      const decoder = new StreamDecoder({ lenient: true });
      socket = s;
      s.setNoDelay(true);
      const pump = () => {
        while (made < frames && out.size < window) s.write(make());
      };
      s.once('connect', () => {
        for (const bytes of out.values()) s.write(bytes);
        pump();
      });
      s.on('data', (chunk: Uint8Array) => {
        for (const f of decoder.push(chunk))
          if (f.header.CN === '9014' && f.header.QN && out.delete(f.header.QN)) acked++;
        if (acked === frames) {
          socket = null;
          s.destroy();
          resolve({ redials });
        } else pump();
      });
      s.on('error', () => s.destroy());
      s.on('close', () => {
        if (socket !== s) return;
        redials++;
        setTimeout(dial, 100 + Math.random() * 400);
      });
    };
    dial();
  });
}
