import v8 from 'node:v8';

export type StartupCollection = {
  heapUsedBefore: number;
  heapUsedAfter: number;
  /** the V8 heap's committed memory (process.memoryUsage().heapTotal) before and after */
  heapTotalBefore: number;
  heapTotalAfter: number;
};

/**
 * A full, compacting garbage collection (two, see below) once the platform has started (main.ts, after it
 * listens). Starting leaves well over a hundred megabytes of garbage in the V8 heap — module
 * compilation, migrations, the demo seed, the routes' schemas — and V8 only collects it once the
 * process allocates enough again, which an idle platform holding thousands of quiet device
 * connections never does. Collecting once also sets V8's next collection threshold from the live
 * heap instead of the start-up peak.
 *
 * Compacting, because a plain full GC frees the garbage but keeps the pages it lived on: the
 * objects that stay (modules, schemas, caches) are scattered over every page start-up filled, and
 * V8's heuristics move only a few pages' worth. Measured on PostgreSQL (bench:ingest
 * --phases=idle): 86 MB live held 173 MB committed after a plain GC. For this one collection V8 is
 * told to compact every fragmented page (`--compact-on-every-full-gc`), and told to stop again
 * right after, so the collections of a running platform (ingest, exports) keep V8's defaults.
 *
 * `gc` exists only under `node --expose-gc` (npm start passes it); without it this does nothing.
 */
export function collectStartupGarbage(
  gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc,
  setFlags: (flags: string) => void = v8.setFlagsFromString,
): StartupCollection | null {
  if (typeof gc !== 'function') return null;
  const before = process.memoryUsage();
  setFlags('--compact-on-every-full-gc');
  try {
    gc();
    // The first collection frees the garbage; its pages go back to the system only at the next one
    // (they are swept concurrently meanwhile). Before the gateway had a thread of its own, the first
    // device connections made V8 collect again; an idle main thread never does (bench:ingest
    // --phases=idle, PostgreSQL, 2026-12-05: RSS at start 292 MB with the second collection, 344
    // without, measured before the collection compacted).
    gc();
  } finally {
    setFlags('--no-compact-on-every-full-gc');
  }
  const after = process.memoryUsage();
  return {
    heapUsedBefore: before.heapUsed,
    heapUsedAfter: after.heapUsed,
    heapTotalBefore: before.heapTotal,
    heapTotalAfter: after.heapTotal,
  };
}
