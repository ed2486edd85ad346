import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../test/global-setup.ts';

const run = promisify(execFile);
const PROBE = path.resolve(import.meta.dirname, '../test/startup-probe.ts');

/**
 * Packages the platform loads on the first request that needs them, never at start (issue 11: the
 * memory of an idle platform). Each is held for the life of the process once loaded; the README's
 * "Memory of the platform process" gives what each costs. Loaded by:
 *   exceljs — the xlsx exports and the register's import (shared/excel.ts);
 *   docx — the Word letters and reports (each module's builder file, imported by its route);
 *   nodemailer — the first e-mail, only with SMTP_URL;
 *   aedes, mqtt — the meters' MQTT service, when it starts (not with MQTT_PORT=0 and no MQTT_URL);
 *   pinyin-pro — the first enterprise name written (its search key; `@qingshan/core/pinyin`);
 *   nats — the ingest bus and its directory notifier, only with INGEST_BUS (monitoring/runtime.ts).
 */
const LOADED_ON_FIRST_USE = ['exceljs', 'docx', 'nodemailer', 'aedes', 'mqtt', 'pinyin-pro', 'nats'];

/** The other engine's driver (db/client.ts imports each in its own open function). */
const OTHER_ENGINE = { pglite: ['pg', 'pg-pool'], postgres: ['@electric-sql/pglite'] };

/** The platform started in a process of its own (test/startup-probe.ts) on this engine's database: the packages it loaded. */
async function packagesLoadedAtStart(tpl = inject('dbTemplate')): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-startup-modules-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QINGSHAN_DATA_DIR: dataDir,
    QINGSHAN_DEMO: '0',
    QINGSHAN_ENV_FILE: 'none',
    LOG_LEVEL: 'warn',
    SCHEDULER_INTERVAL_MS: '0',
    MQTT_PORT: '0',
  };
  for (const k of ['DATABASE_URL', 'MQTT_URL', 'SMTP_URL', 'INGEST_BUS', 'HJ212_PORT']) delete env[k];
  let drop: (() => Promise<void>) | undefined;
  if (tpl.engine === 'pglite') env.PROBE_PGLITE_TARBALL = tpl.tarball;
  else {
    // named as test/db.ts names its clones, so the global teardown drops it if this file crashes
    const name = `qs_t_${process.ppid}_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: tpl.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${tpl.template}`);
    env.DATABASE_URL = withDatabase(tpl.adminUrl, name);
    drop = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', PROBE], { env, maxBuffer: 16 * 2 ** 20 });
    const line = stdout.split('\n').find((l) => l.startsWith('loaded '));
    if (!line) throw new Error(`the probe printed no module list:\n${stdout}`);
    return JSON.parse(line.slice('loaded '.length)) as string[];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await drop?.();
  }
}

describe('the platform at start', () => {
  it('loads the export, e-mail, MQTT and pinyin libraries only when a request or a service needs them, and one database driver', async () => {
    const tpl = inject('dbTemplate');
    const loaded = await packagesLoadedAtStart(tpl);
    // the probe sees the packages every start loads, whether imported as ES modules or CommonJS
    expect(loaded).toEqual(expect.arrayContaining(['fastify', 'zod', 'drizzle-orm', 'pino']));
    expect(loaded.filter((p) => LOADED_ON_FIRST_USE.includes(p))).toEqual([]);
    expect(loaded.filter((p) => OTHER_ENGINE[tpl.engine].includes(p))).toEqual([]);
  });
});
