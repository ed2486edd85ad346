import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { DemoAccount } from '../platform/module.ts';
import { buildTestApp, login, type TestApp } from '../test/helpers.ts';
import { demoAccountsFile, seedIfEmpty } from './seed.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await buildTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-seed-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('demoAccountsFile', () => {
  it('gives each PostgreSQL database its own file and PGlite the one in its data folder', () => {
    const cfg = (env: Record<string, string>) => loadConfig({ QINGSHAN_DATA_DIR: dir, ...env });
    expect(demoAccountsFile(cfg({}))).toBe(path.join(dir, 'demo-accounts.json'));
    const a = demoAccountsFile(cfg({ DATABASE_URL: 'postgres://u:secret@db.example:5433/qingshan' }));
    const b = demoAccountsFile(cfg({ DATABASE_URL: 'postgres://u@db.example:5433/qingshan_try' }));
    expect(a).toBe(path.join(dir, 'demo-accounts.db.example_5433_qingshan.json'));
    expect(b).not.toBe(a);
    expect(a).not.toContain('secret');
  });
});

describe('seedIfEmpty', () => {
  // One database per file: the interrupted run and the resumed one follow each other.
  it('leaves nothing behind when interrupted, then seeds fully on the next start without touching another database’s file', async () => {
    const config = loadConfig({
      QINGSHAN_DATA_DIR: dir,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/this_one',
    });
    const other = path.join(dir, 'demo-accounts.json');
    fs.writeFileSync(other, '[{"username":"admin","password":"of-another-database"}]\n', { mode: 0o600 });
    const own = demoAccountsFile(config);

    // The process "dies" while the service records are being written, after the accounts exist.
    await expect(
      seedIfEmpty(t.database, config, (line) => {
        if (line.startsWith('信访件')) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await count('users')).toBe(0);
    expect(await count('enterprises')).toBe(0);
    expect(fs.existsSync(own)).toBe(false);

    const printed: string[] = [];
    await seedIfEmpty(t.database, config, (line) => printed.push(line));
    expect(fs.readFileSync(other, 'utf8')).toContain('of-another-database');
    expect(fs.statSync(own).mode & 0o777).toBe(0o600);
    const accounts = JSON.parse(fs.readFileSync(own, 'utf8')) as DemoAccount[];
    const admin = accounts.find((a) => a.username === 'admin')!;
    expect(printed.some((l) => l.includes(admin.password))).toBe(true);
    // Demo accounts are for trying out: they sign in and work without a forced change.
    const c = await login(t, 'admin', admin.password);
    expect((await c.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);

    // A later start seeds nothing and only points at the file.
    const again: string[] = [];
    await seedIfEmpty(t.database, config, (line) => again.push(line));
    expect(again).toEqual([`演示账号 Demo accounts: ${own}`]);
  }, 600_000);
});

describe('seedIfEmpty without demo data', () => {
  it('creates one admin whose printed password must be changed at first sign-in', async () => {
    const empty = await buildTestApp();
    try {
      const printed: string[] = [];
      await seedIfEmpty(empty.database, loadConfig({ QINGSHAN_DATA_DIR: dir, QINGSHAN_DEMO: '0' }), (l) =>
        printed.push(l),
      );
      // the name is generated (admin-<hex>), never the guessable "admin"
      const account = printed.map((l) => l.match(/^ {2}(admin-[0-9a-f]{6}) {2}(\S+)$/)).find(Boolean);
      expect(account).toBeDefined();
      const [, username, password] = account!;
      const c = await login(empty, username!, password!);
      const res = await c.request({ method: 'GET', url: '/api/users' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(printed.join('\n')).toContain(`npm run user:reset-password -- ${username}`);
    } finally {
      await empty.close();
    }
  });
});
