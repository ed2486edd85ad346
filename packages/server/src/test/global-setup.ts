import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.ts';
import { MODULES } from '../modules/index.ts';
import { seedDefaultRules } from '../modules/rules/service.ts';
import { installModules } from '../platform/registry.ts';
import { loadShippedData } from '../platform/shipped.ts';

// The template database gets every installed module's rule defaults.
installModules(MODULES);

// One migrated template per run, cloned by every test file: migrating per file would cost
// seconds each (stack.md pitfall 3). PGlite: a tarball of a migrated data dir; PostgreSQL: a
// template database that each file copies with CREATE DATABASE … TEMPLATE.
declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { engine: 'pglite'; tarball: string } | { engine: 'postgres'; adminUrl: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `qs_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const tplUrl = withDatabase(url, template);
    const database = await openPostgres(tplUrl);
    await database.migrate();
    // the rule registry's defaults are loaded on every start (main.ts), so tests start with them too
    await seedDefaultRules(database.db);
    await loadShippedData(database.db);
    await database.close();
    project.provide('dbTemplate', { engine: 'postgres', adminUrl: url, template });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      // Clones left by a crashed file are dropped too, so runs never pile up databases.
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
        `qs_t_${process.pid}_%`,
      ]);
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-pglite-tpl-'));
  const database = await openPglite({});
  await database.migrate();
  await seedDefaultRules(database.db);
  await loadShippedData(database.db);
  const blob = await database.dump!();
  await database.close();
  const tarball = path.join(dir, 'template.tar');
  fs.writeFileSync(tarball, Buffer.from(await blob.arrayBuffer()));
  project.provide('dbTemplate', { engine: 'pglite', tarball });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
