import path from 'node:path';
import type { Config } from '../config.ts';
import { type Database, openPglite, openPostgres } from './client.ts';
import { lockDataDir } from './lock.ts';

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * PGlite in <data dir>/pglite, locked against a second process.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database & { release(): void }> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    return { ...database, release() {} };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
    return {
      ...database,
      async close() {
        await database.close();
        release();
      },
      release,
    };
  } catch (e) {
    release();
    throw e;
  }
}
