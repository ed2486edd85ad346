import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export type DemoAccount = { username: string; password: string; role: string; enterprise: string | null };

export type Ctx = {
  baseUrl: string;
  accounts: DemoAccount[];
  account(role: string): DemoAccount;
  /** A fresh page with its own cookies (a new browser context). */
  newPage(): Promise<Page>;
  /** full page unless `window`: what the window shows (a scrolled position) */
  screenshot(page: Page, name: string, opts?: { window?: boolean }): Promise<void>;
  login(page: Page, role: string): Promise<void>;
};

export type Journey = { name: string; run(ctx: Ctx): Promise<void> };

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startServer(): Promise<{
  baseUrl: string;
  dataDir: string;
  proc: ChildProcess;
  /** the server's log lines since the last call (pino JSON at warn and above) */
  takeLog(): string[];
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    QINGSHAN_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // exactly this environment: a developer's .env must not point the journeys elsewhere
    QINGSHAN_ENV_FILE: 'none',
  };
  delete env.DATABASE_URL;
  // One process (node --import tsx), so stopping its PID stops the server (stack.md pitfall 11).
  // E2E_NOW (e.g. 2026-12-28T10:00:00+08:00) starts the server's clock at that instant.
  const clock = process.env.E2E_NOW ? ['--import', './e2e/fake-now.ts'] : [];
  const proc = spawn(process.execPath, ['--import', 'tsx', ...clock, 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout?.on('data', (d) => {
    log += d;
  });
  proc.stderr?.on('data', (d) => {
    log += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`server up at ${baseUrl} (data in ${dataDir})`);
  let taken = log.length;
  return {
    baseUrl,
    dataDir,
    proc,
    takeLog() {
      const lines = log.slice(taken).split('\n').filter(Boolean);
      taken = log.length;
      return lines;
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A non-localhost name for the server, as an intranet user types it (browsers treat localhost and
  // 127.0.0.1 as secure and forgive what a real host name does not): see INTRANET_HOST.
  `--host-resolver-rules=MAP ${'qingshan.test'} 127.0.0.1`,
];

/** Resolves to 127.0.0.1 inside the journeys' browser only. */
export const INTRANET_HOST = 'qingshan.test';

/**
 * What went wrong in the pages behind a journey's back: an uncaught exception, a console error, a
 * response of 5xx. run.ts fails the journey on any of them, so a page that throws in a corner the
 * journey's assertions do not look at is still caught. A 4xx is not here: journeys provoke refusals
 * on purpose and read them on the page; the browser's own line for it ("Failed to load resource")
 * is skipped for that reason.
 */
export const pageProblems: string[] = [];

function watch(ctx: BrowserContext): void {
  ctx.on('weberror', (e) => pageProblems.push(`uncaught in the page: ${e.error().message}`));
  ctx.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    if (m.text().startsWith('Failed to load resource')) return;
    pageProblems.push(`console ${m.type()}: ${m.text().slice(0, 300)} (${m.page()?.url() ?? 'no page'})`);
  });
  ctx.on('response', (r) => {
    if (r.status() >= 500) pageProblems.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
  });
}

export async function launchBrowser(): Promise<{
  contexts: BrowserContext[];
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}> {
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];
  return {
    contexts,
    async newContext() {
      // A persistent context per journey user: separate cookies, Debian's chromium (never a download).
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-chromium-'));
      dirs.push(dir);
      const ctx = await chromium.launchPersistentContext(dir, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ARGS,
        headless: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 860 },
      });
      watch(ctx);
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}
