/**
 * A full garbage collection (two, see below) once the platform has started (main.ts, after it listens). Starting
 * leaves well over a hundred megabytes of garbage in the V8 heap — module compilation, migrations,
 * the demo seed, the routes' schemas — and V8 only collects it once the process allocates enough
 * again, which an idle platform holding thousands of quiet device connections never does: measured
 * on PostgreSQL (bench:ingest --phases=idle), the heap held about 210 MB at start against 80 MB
 * live. Collecting once also sets V8's next collection threshold from the live heap instead of the
 * start-up peak. `gc` exists only under `node --expose-gc` (npm start passes it); without it this
 * does nothing.
 */
export function collectStartupGarbage(
  gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc,
): { heapUsedBefore: number; heapUsedAfter: number } | null {
  if (typeof gc !== 'function') return null;
  const heapUsedBefore = process.memoryUsage().heapUsed;
  gc();
  // The first collection frees the garbage; its pages go back to the system only at the next one
  // (they are swept concurrently meanwhile). Before the gateway had a thread of its own, the first
  // device connections made V8 collect again; an idle main thread never does (bench:ingest
  // --phases=idle, PostgreSQL, 2026-12-05: RSS at start 292 MB with the second collection, 344
  // without).
  gc();
  return { heapUsedBefore, heapUsedAfter: process.memoryUsage().heapUsed };
}
