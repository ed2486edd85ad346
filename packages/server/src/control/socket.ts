import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../modules/audit/service.ts';
import { createBackup } from '../modules/backup/service.ts';
import { resetPassword } from '../modules/users/service.ts';

// The running server owns the embedded database (a second process may not open it), so the
// commands an operator runs on the server's machine — a hot backup, a password reset — ask the
// server over a Unix socket in the data folder. The folder is 0700 and the socket 0600: whoever
// can connect is the account the server runs as, i.e. someone already able to read the database
// files. Nothing listens on the network for this.

export type ControlRequest = { cmd: 'backup'; file?: string | undefined } | { cmd: 'reset-password'; username: string };

export type ControlResponse =
  | { ok: true; file: string; tables: number; rows: number; bytes: number }
  | { ok: true; username: string; password: string }
  | { ok: false; error: string };

export function controlSocketPath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'run', 'control.sock');
}

/** Who ran a command on the server's machine, for the audit log (no session, no IP). */
export function consoleActor(): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry for this uid (containers)
  }
  return { id: null, name: `server-console:${user}`, roles: ['system'], ip: null };
}

/** Runs one command against an open database: used by the socket and by the offline fallback. */
export async function runControlCommand(
  database: Database,
  config: Pick<Config, 'backupDir'>,
  req: ControlRequest,
): Promise<ControlResponse> {
  if (req.cmd === 'backup') {
    const r = await createBackup(database, consoleActor(), { dir: config.backupDir, file: req.file });
    return { ok: true, ...r };
  }
  if (req.cmd === 'reset-password') {
    try {
      const { password } = await resetPassword(database.db, consoleActor(), { username: req.username });
      return { ok: true, username: req.username, password };
    } catch (e) {
      if (e instanceof AppError && e.code === 'RECORD_NOT_FOUND') {
        return { ok: false, error: `没有用户名为 ${req.username} 的账号 / no account named ${req.username}` };
      }
      throw e;
    }
  }
  return { ok: false, error: 'unknown command' };
}

function parseRequest(line: string): ControlRequest | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    if (v.cmd === 'backup' && (v.file === undefined || (typeof v.file === 'string' && path.isAbsolute(v.file)))) {
      return { cmd: 'backup', file: v.file as string | undefined };
    }
    if (v.cmd === 'reset-password' && typeof v.username === 'string' && v.username.length > 0) {
      return { cmd: 'reset-password', username: v.username };
    }
  } catch {
    // fall through: not JSON
  }
  return null;
}

/**
 * Listens on the control socket. A socket file left by a killed server is replaced; one that a
 * live server answers on is left alone (two servers on one PostgreSQL database with the same data
 * folder): this server then runs without it and says so.
 */
export async function startControlSocket(
  database: Database,
  config: Pick<Config, 'dataDir' | 'backupDir'>,
  log: (line: string) => void,
): Promise<{ path: string; close(): Promise<void> } | null> {
  const file = controlSocketPath(config);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(file), 0o700);
  if (fs.existsSync(file)) {
    if (await answers(file)) {
      log(`控制通道 ${file} 已被另一个服务进程使用 / control socket in use by another server: not listening`);
      return null;
    }
    fs.unlinkSync(file);
  }
  const server = net.createServer((conn) => {
    let buffer = '';
    conn.setEncoding('utf8');
    conn.on('error', () => {});
    conn.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > 64 * 1024) conn.destroy();
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      const req = parseRequest(buffer.slice(0, nl));
      conn.removeAllListeners('data');
      const reply = (r: ControlResponse) => conn.end(`${JSON.stringify(r)}\n`);
      if (!req) return reply({ ok: false, error: 'bad request' });
      runControlCommand(database, config, req).then(reply, (e: Error) => reply({ ok: false, error: e.message }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  fs.chmodSync(file, 0o600);
  return {
    path: file,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(file, { force: true });
      }),
  };
}

function answers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.createConnection(file);
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/**
 * Sends one command to the running server. null when no server listens (no socket, or one left
 * by a killed server): the caller then works on the database directly.
 */
export function callControlSocket(
  config: Pick<Config, 'dataDir'>,
  req: ControlRequest,
): Promise<ControlResponse | null> {
  const file = controlSocketPath(config);
  if (!fs.existsSync(file)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const c = net.createConnection(file);
    let data = '';
    let connected = false;
    c.setEncoding('utf8');
    c.once('connect', () => {
      connected = true;
      c.write(`${JSON.stringify(req)}\n`);
    });
    c.on('data', (d: string) => {
      data += d;
    });
    c.once('end', () => {
      try {
        resolve(JSON.parse(data) as ControlResponse);
      } catch {
        reject(new Error(`unexpected answer from the server: ${data.slice(0, 200)}`));
      }
    });
    c.once('error', (e: NodeJS.ErrnoException) => {
      if (!connected && (e.code === 'ECONNREFUSED' || e.code === 'ENOENT')) resolve(null);
      else reject(e);
    });
  });
}
