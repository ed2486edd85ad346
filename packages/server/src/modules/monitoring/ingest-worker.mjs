// The ingest worker thread's entry (ingest-thread.ts starts it). Plain JavaScript because no
// TypeScript loader reaches a worker on Node 20: `--import tsx` in execArgv fails there with
// "Unknown file extension .ts", under `npm start` and under Vitest alike. tsx's require hooks
// (tsx/cjs/api) load the TypeScript modules in this thread itself; its ESM API (tsx/esm/api) would
// also work, but module.register() runs its hooks on a thread of their own, which cost about 15 MB
// more RSS per worker (a bare worker costs about 15 MB; measured with process.memoryUsage after a
// full GC). The modules loaded here are ESM in syntax; tsx compiles them for require, and
// @qingshan/hj212's ESM build is required as ESM (Node ≥ 20.19, the engines field).
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
createRequire(import.meta.url)('./ingest-worker.ts');
