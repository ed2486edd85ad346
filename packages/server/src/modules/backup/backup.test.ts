import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite, openPostgres } from '../../db/client.ts';
import { withDatabase } from '../../test/global-setup.ts';
import { buildTestApp, loginAs, makeEnterprise, type TestApp } from '../../test/helpers.ts';
import { RestoreError, restoreDump, snapshotTables, writeDump } from './dump.ts';

const run = promisify(execFile);

// A migrated, empty PGlite: from the run's template when there is one (fast, emptied of the
// reference rows the template carries), else migrated here.
async function freshPglite() {
  const tpl = inject('dbTemplate');
  if (tpl.engine !== 'pglite') {
    const db = await openPglite({});
    await db.migrate();
    return db;
  }
  const db = await openPglite({ loadDataDir: new Blob([fs.readFileSync(tpl.tarball)]) });
  const tables = await db.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public'`,
  );
  await db.query('alter table audit_entries disable trigger user');
  await db.query(`truncate ${tables.map((t) => `"${t.name}"`).join(', ')} cascade`);
  await db.query('alter table audit_entries enable trigger user');
  return db;
}
let t: TestApp;
let dir: string;
let dump: string;
beforeAll(async () => {
  t = await buildTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-backup-'));
  const e = await makeEnterprise(t, { contacts: [{ name: '张三', phone: '13800000000' }], tags: ['key-polluter'] });
  await loginAs(t, ['enterprise'], e.id);
  await makeEnterprise(t, { location: { lat: 27.9, lng: 113.8 } });
  dump = path.join(dir, 'dump.jsonl.gz');
  await writeDump(t.database, dump);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Where the embedded default moves to a server: with TEST_POSTGRES_URL (set by .ci/run) or
// DATABASE_URL, the dump is also loaded into a fresh PostgreSQL database.
const pgUrl = process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL;

describe('backup and restore', () => {
  it('round-trips every table into a fresh PGlite', async () => {
    const target = await freshPglite();
    try {
      await restoreDump(target, dump);
      expect(await snapshotTables(target)).toEqual(await snapshotTables(t.database));
    } finally {
      await target.close();
    }
  });

  it.runIf(pgUrl)('round-trips every table into a fresh PostgreSQL database', async () => {
    const name = `qs_restore_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = await openPostgres(withDatabase(pgUrl!, name));
    try {
      await target.migrate();
      await restoreDump(target, dump);
      expect(await snapshotTables(target)).toEqual(await snapshotTables(t.database));
    } finally {
      await target.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('refuses a target that already holds data, and changes nothing', async () => {
    const target = await freshPglite();
    try {
      await restoreDump(target, dump);
      const before = await snapshotTables(target);
      await expect(restoreDump(target, dump)).rejects.toBeInstanceOf(RestoreError);
      expect(await snapshotTables(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  // The CLIs restore into a PGlite data folder whatever engine the suite runs on, so the PostgreSQL
  // run would repeat the PGlite run's test exactly (each CLI start migrates a fresh PGlite: slow).
  it.skipIf(process.env.DATABASE_URL)(
    'the CLIs restore into a data folder and audit:verify checks it, failing on tampering',
    async () => {
      const dataDir = path.join(dir, 'restored');
      const env = { ...process.env, QINGSHAN_DATA_DIR: dataDir, DATABASE_URL: '' };
      delete (env as Record<string, string | undefined>).DATABASE_URL;
      const root = path.resolve(import.meta.dirname, '../../../../..');
      const tsx = ['--import', 'tsx'];
      const restore = await run('node', [...tsx, 'packages/server/src/cli/restore.ts', dump], { cwd: root, env });
      expect(restore.stdout).toContain('restored');
      const ok = await run('node', [...tsx, 'packages/server/src/cli/audit-verify.ts'], { cwd: root, env });
      expect(ok.stdout).toContain('intact');
      const db = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
      await db.query('alter table audit_entries disable trigger user');
      await db.query(`update audit_entries set actor_name = 'someone-else' where seq = 2`);
      await db.close();
      const broken = await run('node', [...tsx, 'packages/server/src/cli/audit-verify.ts'], { cwd: root, env }).catch(
        (e) => e,
      );
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('entry 2');
    },
    120_000,
  );
});
