// Gateway and writer processes, and simulated loggers, for the bus test and `npm run bench:ingest`:
// each process is started the way an operator starts it (`npm run gateway`, `npm run
// ingest-writer`), so a SIGKILL kills exactly what would die in production.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { type CpInput, encodeFrame, formatDataTime, StreamDecoder } from '@qingshan/hj212';
import { connect } from 'nats';
import type { Database } from '../../db/client.ts';
import { enterprises } from '../enterprises/tables.ts';
import { monitoringStations } from './tables.ts';

const CLI = (name: string) => fileURLToPath(new URL(`../../cli/${name}`, import.meta.url));

export type Proc = {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** SIGKILL: no clean-up, no flush, as when the machine's OOM killer or a power cut strikes */
  kill(): Promise<void>;
  /** SIGTERM: the process finishes what it holds and exits */
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** Starts a CLI with exactly this environment and waits for the line saying it is ready. */
export async function spawnCli(
  script: 'gateway.ts' | 'ingest-writer.ts',
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI(script)], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, QINGSHAN_ENV_FILE: 'none', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  });
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} not ready in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const check = () => {
      if (ready.test(out)) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`));
    });
  });
  return {
    child,
    pid: child.pid ?? 0,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      // a process that does not finish within 20 s is killed: a hung stop must not hang the caller
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

export type BusEnv = { INGEST_BUS: string; INGEST_STREAM: string; INGEST_SUBJECT: string; INGEST_ACK_WAIT_MS: string };

export function startGatewayProc(bus: BusEnv, port: number, extra: NodeJS.ProcessEnv = {}): Promise<Proc> {
  return spawnCli(
    'gateway.ts',
    { ...bus, HJ212_PORT: String(port), HJ212_HOST: '127.0.0.1', ...extra },
    /listening on port/,
  );
}

export function startWriterProc(bus: BusEnv, db: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): Promise<Proc> {
  return spawnCli('ingest-writer.ts', { ...bus, ...db, ...extra }, /ingest writer consuming/, 120_000);
}

/** Frames the stream holds that no writer has acked yet (taken, or still waiting). */
export async function unsettled(url: string, stream: string, durable: string): Promise<number> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    const i = await jsm.consumers.info(stream, durable);
    return i.num_pending + i.num_ack_pending;
  } finally {
    await nc.close();
  }
}

/** Waits until the writers have settled every frame in the stream; false on timeout. */
export async function drained(url: string, stream: string, durable: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await unsettled(url, stream, durable)) === 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** A real-time (2011) frame with a flag asking for an ack, built with the codec. */
export function realtimeFrame(mn: string, password: string, qn: string, at: number, cp?: CpInput): Uint8Array {
  return encodeFrame({
    header: { QN: qn, ST: '22', CN: '2011', PW: password, MN: mn, Flag: 5 },
    cp: cp ?? {
      DataTime: formatDataTime(at),
      a21026: { Rtd: (20 + (at % 7)).toFixed(1), Flag: 'N' },
      a21002: { Rtd: (40 + (at % 11)).toFixed(1), Flag: 'N' },
    },
  });
}

/**
 * A logger on one TCP connection: sends frames, records which QNs were acked (9014) and how long
 * each ack took. It reconnects when the gateway dies, as loggers do; a frame sent to a dead
 * gateway is simply never acked.
 */
export class SimLogger {
  readonly acked = new Map<string, number>();
  private socket: net.Socket | null = null;
  private readonly sentAt = new Map<string, number>();
  private closed = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly port: number,
    readonly host = '127.0.0.1',
  ) {}

  connect(): Promise<void> {
    return new Promise((resolve) => this.dial(resolve));
  }

  private dial(onConnect?: () => void): void {
    if (this.closed) {
      onConnect?.();
      return;
    }
    const s = net.connect({ port: this.port, host: this.host });
    const decoder = new StreamDecoder({ lenient: true });
    let up = false;
    s.setNoDelay(true);
    s.once('connect', () => {
      up = true;
      this.socket = s;
      onConnect?.();
    });
    s.on('data', (chunk: Uint8Array) => {
      const now = performance.now();
      for (const f of decoder.push(chunk)) {
        const qn = f.header.QN;
        if (f.header.CN !== '9014' || !qn || this.acked.has(qn)) continue;
        this.acked.set(qn, now - (this.sentAt.get(qn) ?? now));
        this.sentAt.delete(qn);
      }
      for (const w of this.waiters) w();
    });
    s.on('error', () => s.destroy());
    s.on('close', () => {
      if (this.socket === s) this.socket = null;
      // still waiting for a first connection: keep the promise for the next try
      if (!this.closed) setTimeout(() => this.dial(up ? undefined : onConnect), 100);
      else if (!up) onConnect?.();
    });
  }

  get connected(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  /** false when there is no connection at the moment (the frame is not sent) */
  send(qn: string, bytes: Uint8Array): boolean {
    if (!this.socket || this.socket.destroyed) return false;
    this.sentAt.set(qn, performance.now());
    this.socket.write(bytes);
    return true;
  }

  /** waits until every QN given is acked; false on timeout */
  waitAcked(qns: string[], timeoutMs = 10_000): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (qns.every((q) => this.acked.has(q))) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(true);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.closed = true;
    this.socket?.destroy();
  }
}

/** One enterprise and a station per MN, written straight to the database (no server is running yet). */
export async function seedStations(database: Database, mns: string[], password: string): Promise<void> {
  const uscc = `91360322${Date.now().toString(36).toUpperCase().padStart(10, '0')}`.slice(0, 18);
  const [e] = await database.db
    .insert(enterprises)
    .values({
      name: `上栗县测试陶瓷有限公司${uscc.slice(-4)}`,
      nameSearch: 'slxcscc',
      uscc,
      usccValid: false,
      address: '上栗镇',
      townCode: '360322100',
      industryCode: 'C3071',
    })
    .returning({ id: enterprises.id });
  for (let i = 0; i < mns.length; i += 500)
    await database.db.insert(monitoringStations).values(
      mns.slice(i, i + 500).map((mn) => ({
        enterpriseId: e!.id,
        name: `窑炉排口${mn.slice(-4)}`,
        mn,
        password,
        edition: '2017',
        outletKind: 'gas',
        rtdIntervalSeconds: 30,
        minIntervalMinutes: 10,
      })),
    );
}
