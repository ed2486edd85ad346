import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { buildTestApp, login } from '../test/helpers.ts';
import { demoAccountsFile, seedIfEmpty } from './seed.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-seed-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

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

// seedIfEmpty with demo data (an interrupted first start, then a full one) is checked in
// demo.test.ts, on the one demo seed that file makes.
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
