// The back-fill storm's loggers as a process of their own (storm-memory.ts starts it), so their
// sockets and frames never count in the gateway process's memory. Argument: one JSON object;
// prints one JSON line when every frame is acked.
import { pause, setQnBase, stormLogger } from './ingest-load.ts';

const a = JSON.parse(process.argv[2] ?? '{}') as {
  port: number;
  prefix: string;
  n: number;
  from: number;
  window: number;
};
const mns = Array.from({ length: a.n }, (_, i) => `${a.prefix}${String(i).padStart(24 - a.prefix.length, '0')}`);
setQnBase(7_000_000_000);
const t = performance.now();
const results = await Promise.all(mns.map((mn, i) => stormLogger(a.port, mn, 60, a.from, i, a.window)));
const ms = performance.now() - t;
console.log(JSON.stringify({ ms, redials: results.reduce((n, r) => n + r.redials, 0) }));
await pause(10);
process.exit(0);
