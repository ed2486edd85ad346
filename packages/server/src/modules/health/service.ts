import { type Database, pingDatabase } from '../../db/client.ts';

export type HealthCheck =
  | { ok: true; engine: string; latencyMs: number }
  | { ok: false; engine: string; error: string };

/** Pings the database: reachable, and how long one round trip took (0.1 ms steps). */
export async function checkHealth(database: Database): Promise<HealthCheck> {
  const t0 = performance.now();
  try {
    await pingDatabase(database.db);
    return { ok: true, engine: database.engine, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch (e) {
    return { ok: false, engine: database.engine, error: (e as Error).message };
  }
}
