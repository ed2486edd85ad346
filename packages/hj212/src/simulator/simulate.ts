/**
 * Device fleet simulator (Node only): N concurrent TCP connections behaving like data loggers. Each device
 * uploads realistic data on its cadence with A=1, waits for the platform's 9014 carrying the same QN, and
 * retransmits on timeout as 表 1 prescribes (10 s, 3 retries by default). Optionally injects the faults real
 * traffic shows (bad CRC, lower-case CRC, split and merged writes, garbage between frames) and answers
 * platform commands (9011 → data → 9012, 9013 for notifications). Reports counts and ack latency percentiles.
 */
import net from 'node:net';
import { exeRtn9012, qnRtn9011, reply9013 } from '../builders.ts';
import { crcToHex } from '../crc.ts';
import { encodeFrame, type FrameInput } from '../encode.ts';
import { StreamDecoder } from '../stream.ts';
import { createQnGenerator, formatDataTime } from '../time.ts';
import type { DecodedFrame } from '../types.ts';
import { type DeviceState, type Medium, makeDevice, makeRng, makeUpload, type UploadCn } from './profiles.ts';

export type Fault = 'badCrc' | 'lowercaseCrc' | 'split' | 'merged' | 'garbage';
export const FAULTS: readonly Fault[] = ['badCrc', 'lowercaseCrc', 'split', 'merged', 'garbage'];

export interface SimulateOptions {
  host?: string;
  port: number;
  /** Number of devices, one TCP connection each (default 10). */
  devices?: number;
  /** Upload command: 2011 realtime, 2051 minute, 2061 hourly data (default 2051). */
  cn?: '2011' | '2051' | '2061';
  /** Time between two uploads of one device, ms (default 60 000). */
  intervalMs?: number;
  /** How long devices keep uploading, ms. Outstanding acks are then awaited for at most `drainMs`. */
  durationMs: number;
  /** Probability that an upload carries one injected fault (default 0). */
  faultRate?: number;
  /** Which faults to inject (default all). */
  faults?: readonly Fault[];
  /** `2017` (default), `2005` (no QN, no ack, 2005 factor codes) or `mixed` (every fifth device is 2005). */
  editions?: '2017' | '2005' | 'mixed';
  /** `water`, `air` or `mixed` (default: alternate). */
  media?: Medium | 'mixed';
  /** Ack timeout of 表 1, ms (default 10 000). */
  ackTimeoutMs?: number;
  /** Retransmissions after the first send (表 1, default 3). */
  retries?: number;
  /** Wait for outstanding acks after `durationMs`, at most this long (default `ackTimeoutMs`). */
  drainMs?: number;
  seed?: number;
  /** Called every `progressMs` (default 5000) with the counts so far. */
  onProgress?: (report: SimulationReport) => void;
  progressMs?: number;
  signal?: AbortSignal;
}

export interface SimulationReport {
  devices: number;
  connected: number;
  connectErrors: number;
  elapsedMs: number;
  /** Uploads produced (first transmissions). */
  framesSent: number;
  /** Uploads that asked for an ack (A=1). 2005 devices do not. */
  ackRequested: number;
  acked: number;
  /** Retransmissions after an ack timeout. */
  retransmitted: number;
  /** Uploads given up after all retries. */
  unacked: number;
  /** Uploads still waiting at the end. */
  pending: number;
  /** 9014s whose QN was not (or no longer) outstanding: answers to retransmits already acknowledged. */
  duplicateAcks: number;
  /** Replies that failed to decode, or 9014 with a header other than ST=91 and the upload's edition Flag. */
  badReplies: number;
  /** Platform requests answered (9011/9012, 9013). */
  commandsAnswered: number;
  faults: Record<Fault, number>;
  /**
   * Bad-CRC transmissions of uploads that asked for an ack: the device must retransmit each. (A
   * 2005 device asks for none, so its corrupted frames are simply lost, as in the field.)
   */
  badCrcAwaitingAck: number;
  /** Ack latency from the first transmission of an upload to its 9014, ms. */
  latencyMs: { count: number; p50: number; p90: number; p99: number; max: number };
  bytesSent: number;
  bytesReceived: number;
}

interface Outstanding {
  qn: string;
  clean: Uint8Array;
  firstSent: number;
  attempts: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Modbus-TCP poll captured on an HJ 212 port (tonyxia2016/HJ212Receiver rx.log) and a DTU heartbeat. */
const GARBAGE: readonly Uint8Array[] = [
  Uint8Array.from([0x0e, 0x0f, 0x00, 0x00, 0x00, 0x06, 0x01, 0x04, 0x00, 0x00, 0x00, 0x64]),
  new TextEncoder().encode('www.usr.cn'),
];

function withCrc(frame: Uint8Array, transform: (hex: string) => string): Uint8Array {
  const out = frame.slice();
  const at = out.length - 6;
  const hex = String.fromCharCode(out[at]!, out[at + 1]!, out[at + 2]!, out[at + 3]!);
  const next = transform(hex);
  for (let i = 0; i < 4; i++) out[at + i] = next.charCodeAt(i);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let p = 0;
  for (const x of parts) {
    out.set(x, p);
    p += x.length;
  }
  return out;
}

/** Runs the fleet; resolves with the report when the duration (plus drain) is over. */
export async function simulate(options: SimulateOptions): Promise<SimulationReport> {
  const host = options.host ?? '127.0.0.1';
  const count = options.devices ?? 10;
  const cn: UploadCn = options.cn ?? '2051';
  const intervalMs = options.intervalMs ?? 60_000;
  const faultRate = options.faultRate ?? 0;
  const faults = options.faults ?? FAULTS;
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const drainMs = options.drainMs ?? ackTimeoutMs;
  const seed = options.seed ?? 212;
  const rng = makeRng(seed);
  const started = Date.now();
  const latencies: number[] = [];
  const report: SimulationReport = {
    devices: count,
    connected: 0,
    connectErrors: 0,
    elapsedMs: 0,
    framesSent: 0,
    ackRequested: 0,
    acked: 0,
    retransmitted: 0,
    unacked: 0,
    pending: 0,
    duplicateAcks: 0,
    badReplies: 0,
    commandsAnswered: 0,
    faults: { badCrc: 0, lowercaseCrc: 0, split: 0, merged: 0, garbage: 0 },
    badCrcAwaitingAck: 0,
    latencyMs: { count: 0, p50: 0, p90: 0, p99: 0, max: 0 },
    bytesSent: 0,
    bytesReceived: 0,
  };
  const snapshot = (): SimulationReport => {
    const sorted = [...latencies].sort((a, b) => a - b);
    report.latencyMs = {
      count: sorted.length,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? sorted[sorted.length - 1]! : 0,
    };
    report.elapsedMs = Date.now() - started;
    return { ...report, faults: { ...report.faults }, latencyMs: { ...report.latencyMs } };
  };

  let stopping = false;
  const progress =
    options.onProgress === undefined
      ? undefined
      : setInterval(() => options.onProgress?.(snapshot()), options.progressMs ?? 5000);

  const runDevice = (index: number): Promise<void> =>
    new Promise<void>((resolveDevice) => {
      const edition =
        options.editions === '2005' ? '2005' : options.editions === 'mixed' && index % 5 === 4 ? '2005' : '2017';
      const medium: Medium =
        options.media === 'water' || options.media === 'air' ? options.media : index % 2 === 0 ? 'water' : 'air';
      const dev: DeviceState = makeDevice(index, medium, edition, seed);
      const nextQn = createQnGenerator();
      const outstanding = new Map<string, Outstanding>();
      const timers = new Set<ReturnType<typeof setTimeout>>();
      const decoder = new StreamDecoder({ lenient: true });
      let closed = false;
      let uploadTimer: ReturnType<typeof setTimeout> | undefined;
      const socket = net.createConnection({ host, port: options.port });
      socket.setNoDelay(true);

      const later = (ms: number, fn: () => void) => {
        const t = setTimeout(() => {
          timers.delete(t);
          fn();
        }, ms);
        timers.add(t);
        return t;
      };
      const write = (bytes: Uint8Array) => {
        if (closed || socket.destroyed) return;
        report.bytesSent += bytes.length;
        socket.write(bytes);
      };
      const finish = () => {
        if (closed) return;
        closed = true;
        if (uploadTimer !== undefined) clearTimeout(uploadTimer);
        for (const t of timers) clearTimeout(t);
        for (const o of outstanding.values()) if (o.timer !== undefined) clearTimeout(o.timer);
        report.pending += outstanding.size;
        outstanding.clear();
        socket.end();
        socket.destroy();
        resolveDevice();
      };

      const armTimeout = (o: Outstanding) => {
        o.timer = setTimeout(() => {
          o.timer = undefined;
          if (closed || !outstanding.has(o.qn)) return;
          if (o.attempts > retries) {
            outstanding.delete(o.qn);
            report.unacked++;
            maybeDone();
            return;
          }
          o.attempts++;
          report.retransmitted++;
          write(o.clean);
          armTimeout(o);
        }, ackTimeoutMs);
      };

      /** Bytes of one transmission with the fault applied; returns the bytes to write now and the fault used. */
      const build = (): { input: FrameInput; clean: Uint8Array; qn: string | undefined } => {
        const now = Date.now();
        const qn = edition === '2005' ? undefined : nextQn();
        const input = makeUpload(dev, { cn, dataTime: now, qn, ack: edition !== '2005' });
        return { input, clean: encodeFrame(input), qn };
      };
      const track = (qn: string | undefined, clean: Uint8Array) => {
        report.framesSent++;
        if (qn === undefined) return;
        report.ackRequested++;
        const o: Outstanding = { qn, clean, firstSent: Date.now(), attempts: 1, timer: undefined };
        outstanding.set(qn, o);
        armTimeout(o);
      };

      const upload = () => {
        if (closed || stopping) return;
        const first = build();
        track(first.qn, first.clean);
        const fault = faultRate > 0 && rng() < faultRate ? faults[Math.floor(rng() * faults.length)] : undefined;
        if (fault !== undefined) report.faults[fault]++;
        switch (fault) {
          case 'badCrc':
            // A line error: this transmission fails the CRC, the retransmission is clean.
            if (first.qn !== undefined) report.badCrcAwaitingAck++;
            write(withCrc(first.clean, (h) => crcToHex((Number.parseInt(h, 16) + 1) & 0xffff)));
            break;
          case 'lowercaseCrc':
            write(withCrc(first.clean, (h) => h.toLowerCase()));
            break;
          case 'split': {
            const a = Math.max(1, Math.floor(first.clean.length / 3));
            const b = Math.max(a + 1, Math.floor((first.clean.length * 2) / 3));
            write(first.clean.subarray(0, a));
            later(2, () => write(first.clean.subarray(a, b)));
            later(4, () => write(first.clean.subarray(b)));
            break;
          }
          case 'merged': {
            // Two frames in one write: the upload and a realtime frame.
            const second = makeUpload(dev, {
              cn: '2011',
              dataTime: Date.now(),
              qn: edition === '2005' ? undefined : nextQn(),
              ack: edition !== '2005',
            });
            const secondBytes = encodeFrame(second);
            track(second.header.QN, secondBytes);
            write(concat([first.clean, secondBytes]));
            break;
          }
          case 'garbage':
            write(concat([GARBAGE[Math.floor(rng() * GARBAGE.length)]!, first.clean]));
            break;
          default:
            write(first.clean);
        }
        uploadTimer = setTimeout(upload, intervalMs);
      };

      const maybeDone = () => {
        if (stopping && outstanding.size === 0) finish();
      };

      const answerCommand = (f: DecodedFrame) => {
        const h = f.header;
        const reqCn = h.CN ?? '';
        if (reqCn === '2012' || reqCn === '2022') {
          write(encodeFrame(reply9013(f)));
          report.commandsAnswered++;
          return;
        }
        write(encodeFrame(qnRtn9011(f, 1)));
        const base = { QN: h.QN, ST: dev.ST, CN: reqCn, PW: dev.PW, MN: dev.MN, Flag: 0 };
        if (reqCn === '1011') write(encodeFrame({ header: base, cp: { SystemTime: formatDataTime(Date.now()) } }));
        else if (reqCn === '1061') write(encodeFrame({ header: base, cp: { RtdInterval: 30 } }));
        else if (reqCn === '1063') write(encodeFrame({ header: base, cp: { MinInterval: 10 } }));
        else if (reqCn === '2031' || reqCn === '2051' || reqCn === '2061') {
          const data = makeUpload(dev, { cn: reqCn, dataTime: Date.now(), qn: h.QN, ack: false });
          write(encodeFrame(data));
        }
        write(encodeFrame(exeRtn9012(f, 1)));
        report.commandsAnswered++;
      };

      const onReply = (f: DecodedFrame) => {
        if (!f.ok) {
          report.badReplies++;
          return;
        }
        const replyCn = f.header.CN;
        if (replyCn !== '9014') {
          if (replyCn !== undefined && !replyCn.startsWith('90')) answerCommand(f);
          return;
        }
        if (f.header.ST !== '91' || f.header.Flag !== '4') report.badReplies++;
        const qn = f.header.QN ?? (typeof f.cp.QN === 'string' ? f.cp.QN : undefined);
        const o = qn === undefined ? undefined : outstanding.get(qn);
        if (o === undefined) {
          report.duplicateAcks++;
          return;
        }
        if (o.timer !== undefined) clearTimeout(o.timer);
        outstanding.delete(o.qn);
        report.acked++;
        latencies.push(Date.now() - o.firstSent);
        maybeDone();
      };

      let wasConnected = false;
      socket.on('connect', () => {
        wasConnected = true;
        report.connected++;
        uploadTimer = setTimeout(upload, Math.floor(rng() * Math.min(intervalMs, 1000)));
      });
      socket.on('data', (chunk: Uint8Array) => {
        report.bytesReceived += chunk.length;
        for (const f of decoder.push(chunk)) onReply(f);
      });
      socket.on('error', () => {
        if (!wasConnected) report.connectErrors++;
        finish();
      });
      socket.on('close', finish);
      stopHooks.push(() => {
        if (uploadTimer !== undefined) clearTimeout(uploadTimer);
        maybeDone();
        // Only while still open: a timer armed after finish() would keep the process alive for the whole drain.
        if (!closed) later(drainMs, finish);
      });
      abortHooks.push(finish);
    });

  const stopHooks: (() => void)[] = [];
  const abortHooks: (() => void)[] = [];
  const runs: Promise<void>[] = [];
  for (let i = 0; i < count; i++) runs.push(runDevice(i));

  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const h of stopHooks) h();
  };
  const stopTimer = setTimeout(stop, options.durationMs);
  const onAbort = () => {
    stop();
    for (const h of abortHooks) h();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.all(runs);
  } finally {
    clearTimeout(stopTimer);
    if (progress !== undefined) clearInterval(progress);
    options.signal?.removeEventListener('abort', onAbort);
  }
  return snapshot();
}
