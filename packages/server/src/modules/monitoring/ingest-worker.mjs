// The ingest worker thread's entry (ingest-thread.ts starts it). Plain JavaScript because no
// TypeScript loader reaches a worker on Node 20: `--import tsx` in execArgv fails there with
// "Unknown file extension .ts", under `npm start` and under Vitest alike. tsx's API registers
// its loader for this thread, then the TypeScript module runs.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
