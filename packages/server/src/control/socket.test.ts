import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../modules/audit/tables.ts';
import { buildTestApp, type Client, login, loginAs, makeUser, type TestApp } from '../test/helpers.ts';
import { callControlSocket, controlSocketPath, startControlSocket } from './socket.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');

let t: TestApp;
let dataDir: string;
let control: Awaited<ReturnType<typeof startControlSocket>>;
beforeAll(async () => {
  t = await buildTestApp();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-control-'));
  // a socket file left behind by a killed server must not stop the next one
  fs.mkdirSync(path.join(dataDir, 'run'), { recursive: true });
  fs.writeFileSync(controlSocketPath({ dataDir }), '');
  control = await startControlSocket(t.database, { dataDir, backupDir: t.backupDir }, () => {});
});
afterAll(async () => {
  await control?.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// the CLI must find this test's socket, not a database of its own
function cliEnv() {
  const env: NodeJS.ProcessEnv = { ...process.env, QINGSHAN_DATA_DIR: dataDir, QINGSHAN_ENV_FILE: 'none' };
  delete env.DATABASE_URL;
  return env;
}

const mode = (p: string) => fs.statSync(p).mode & 0o777;

async function firstLine(file: string) {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()) });
  for await (const line of lines) return JSON.parse(line);
}

describe('hot backup while the server runs', () => {
  it('POST /api/admin/backups writes a 0600 dump into the backup folder and audits it', async () => {
    const admin = await loginAs(t, ['admin']);
    const res = await admin.request({ method: 'POST', url: '/api/admin/backups' });
    expect(res.statusCode).toBe(201);
    const { file, rows, bytes } = res.json();
    expect(path.dirname(file)).toBe(t.backupDir);
    expect(mode(file)).toBe(0o600);
    expect(fs.statSync(file).size).toBe(bytes);
    expect(rows).toBeGreaterThan(0);
    expect(await firstLine(file)).toMatchObject({ format: 'qingshan-dump' });
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'backup.create'));
    expect(audit.some((a) => a.actorName === admin.username)).toBe(true);
  });

  it('the control socket is 0600 in a 0700 folder and takes a backup for the command line', async () => {
    expect(control).not.toBeNull();
    expect(mode(control!.path)).toBe(0o600);
    expect(mode(path.dirname(control!.path))).toBe(0o700);
    const out = path.join(t.backupDir, 'by-socket.jsonl.gz');
    const r = await callControlSocket({ dataDir }, { cmd: 'backup', file: out });
    expect(r).toMatchObject({ ok: true, file: out });
    expect(mode(out)).toBe(0o600);
    // never over an existing file
    expect(await callControlSocket({ dataDir }, { cmd: 'backup', file: out })).toMatchObject({ ok: false });
  });

  it('npm run db:backup talks to the running server', async () => {
    const out = path.join(t.backupDir, 'by-cli.jsonl.gz');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'packages/server/src/cli/backup.ts', '--out', out],
      { cwd: ROOT, env: cliEnv() },
    );
    expect(stdout).toContain('hot');
    expect(stdout).toContain(out);
    expect(mode(out)).toBe(0o600);
  });
});

describe('npm run user:reset-password', () => {
  it('prints a new password that signs in but must be changed first', async () => {
    const u = await makeUser(t, ['admin']);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'packages/server/src/cli/reset-password.ts', u.username],
      { cwd: ROOT, env: cliEnv() },
    );
    const password = stdout.match(new RegExp(`^  ${u.username}  (\\S+)$`, 'm'))?.[1];
    expect(password).toBeDefined();
    const c: Client = await login(t, u.username, password!);
    const res = await c.request({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, u.id));
    expect(audit.find((a) => a.action === 'user.reset-password')?.actorName).toMatch(/^server-console:/);
  });

  it('says so for an unknown user and exits non-zero', async () => {
    const r = await callControlSocket({ dataDir }, { cmd: 'reset-password', username: 'no-such-user' });
    expect(r).toMatchObject({ ok: false });
    await expect(
      run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/reset-password.ts', 'no-such-user'], {
        cwd: ROOT,
        env: cliEnv(),
      }),
    ).rejects.toMatchObject({ code: 1 });
  });
});
