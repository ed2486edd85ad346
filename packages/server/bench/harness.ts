// Shared by bench:api and bench:abuse: start the server on a throw-away database of either
// engine, sign in, measure with autocannon, read the server's own event-loop delay, clean up.
// Loopback only: the server listens on 127.0.0.1 and nothing else is contacted.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';

export type Engine = 'pglite' | 'postgres';

export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));

export type BenchServer = {
  engine: Engine;
  baseUrl: string;
  /** cookie and CSRF headers of a signed-in leader (a staff role that sees every figure) */
  headers: Record<string, string>;
  /** the server process (bench:ingest reads its RSS) and the demo accounts (it signs in as monitor) */
  pid: number;
  accounts: { username: string; password: string }[];
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (/^ready \d+$/m.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** A fresh PostgreSQL database of this machine's server for one bench run: its URL, and how to drop it. */
export async function benchDatabase(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(POSTGRES_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function startServer(engine: Engine): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `qs-bench-${engine}-`));
  let database: { url: string; drop(): Promise<void> } | undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    QINGSHAN_DATA_DIR: dataDir,
    QINGSHAN_DEMO: '1',
    LOG_LEVEL: 'warn',
    SCHEDULER_INTERVAL_MS: '0',
    LOGIN_RATE_LIMIT: '1000',
    IMPORT_LIMIT_BYTES: String(20 * 1024 * 1024),
  };
  delete env.DATABASE_URL;
  if (engine === 'postgres') {
    database = await benchDatabase('qs_bench');
    env.DATABASE_URL = database.url;
  }
  // BENCH_CPU_PROF=<dir>: the server (and its ingest thread) writes a V8 CPU profile there on exit;
  // BENCH_NODE_FLAGS: more flags for the server's node (--trace-gc, say), its output then copied to
  // BENCH_SERVER_LOG (a file) when that is set
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      ...profile,
      '--import',
      'tsx',
      SERVE,
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const serverLog = process.env.BENCH_SERVER_LOG;
  if (serverLog) child.stdout!.on('data', (b: Buffer) => fs.appendFileSync(serverLog, b));
  const cleanup = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  try {
    // a loaded machine (other sessions building) has taken over 3 minutes to migrate and seed
    await waitForReady(child, 600_000);
    const baseUrl = `http://127.0.0.1:${env.PORT}`;
    // one accounts file per database (demo-accounts.json on PGlite, demo-accounts.<server>_<db>.json on
    // PostgreSQL); the data folder is this run's own, so it holds exactly one
    const file = fs.readdirSync(dataDir).find((f) => /^demo-accounts(\..+)?\.json$/.test(f));
    if (!file) throw new Error(`no demo accounts file in ${dataDir}`);
    const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as {
      username: string;
      password: string;
    }[];
    const headers = await signIn(baseUrl, accounts.find((a) => a.username === 'leader')!);
    return { engine, baseUrl, headers, pid: child.pid ?? 0, accounts, stop: cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

export async function signIn(
  baseUrl: string,
  account: { username: string; password: string },
): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

export type Load = { p50: number; p99: number; rps: number; non2xx: number; errors: number };

export async function load(
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Load> {
  const r: Result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers ?? {},
    timeout: 30,
  });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/**
 * The server's event-loop delay p99 (ms) since the previous call: prom-client's
 * monitorEventLoopDelay histogram (10 ms resolution), reset on every /metrics read.
 */
export async function eventLoopP99(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const m = /^qingshan_nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text);
  if (!m) throw new Error('no event-loop metric in /metrics');
  return Number(m[1]) * 1000;
}

/** The server's main-thread V8 heap and memory outside it (MB), from /metrics (prom-client's process metrics). */
export type HeapFigures = { heapUsed: number; heapTotal: number; external: number };
export async function heapOf(baseUrl: string): Promise<HeapFigures> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const read = (name: string) => {
    const m = new RegExp(`^qingshan_${name} (\\S+)$`, 'm').exec(text);
    if (!m) throw new Error(`no ${name} in /metrics`);
    return Number(m[1]) / 2 ** 20;
  };
  return {
    heapUsed: read('nodejs_heap_size_used_bytes'),
    heapTotal: read('nodejs_heap_size_total_bytes'),
    external: read('nodejs_external_memory_bytes'),
  };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`).join('\n');
}

export function enginesFromArgs(): Engine[] {
  const arg = process.argv.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
  if (arg === 'pglite' || arg === 'postgres') return [arg];
  return ['pglite', 'postgres'];
}
