import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { withDatabase } from './global-setup.ts';

/** A fresh, migrated database of the engine under test, private to the calling test file. */
export async function openTestDatabase(): Promise<Database> {
  const tpl = inject('dbTemplate');
  if (tpl.engine === 'pglite') {
    const buf = fs.readFileSync(tpl.tarball);
    return openPglite({ loadDataDir: new Blob([buf]) });
  }
  const name = `qs_t_${process.ppid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tpl.adminUrl });
  await admin.connect();
  try {
    // Two files cloning the template at the same instant can collide; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${tpl.template}`);
        break;
      } catch (e) {
        if (attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const database = await openPostgres(withDatabase(tpl.adminUrl, name));
  return {
    ...database,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: tpl.adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
