// npm run bench:gateway-memory [-- --idle=10000]
// What one idle HJ 212 connection costs the gateway: the gateway alone in this process (a sink that
// answers at once, no database, so nothing else grows), --idle connections opened by a child process
// (their own sockets never count here), then the process's RSS, V8 heap and external/array-buffer
// memory before and after, after a full GC each time (--expose-gc), divided by the connections.
// Prints one table; loopback only.
import { spawn } from 'node:child_process';
import os from 'node:os';
import v8 from 'node:v8';
import { startGateway } from '../src/modules/monitoring/gateway.ts';

const arg = (name: string, dflt: number) => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(n) || n < 1) throw new Error(`--${name} must be a positive number`);
  return n;
};
const IDLE = arg('idle', 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const sample = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    heapTotal: h.total_heap_size,
  };
};

// the client: opens n sockets, says "up <n>" once all connected, holds them until stdin closes
const CLIENT = `
const net = require('node:net');
const [port, n] = process.argv.slice(1).map(Number);
let up = 0; const held = [];
const one = () => new Promise((res) => { const s = net.connect({ port, host: '127.0.0.1' }, () => { up++; res(); }); s.on('error', () => res()); held.push(s); });
(async () => { for (let i = 0; i < n; i += 500) await Promise.all(Array.from({ length: Math.min(500, n - i) }, one));
  console.log('up ' + up); })();
process.stdin.on('end', () => process.exit(0)); process.stdin.resume();
`;

const gateway = await startGateway({
  sink: async () => ({ kind: 'published', station: null, duplicate: false }),
  port: 0,
  host: '127.0.0.1',
  maxConnections: IDLE + 10,
});
await new Promise((r) => setTimeout(r, 200));
const before = sample();
const child = spawn(process.execPath, ['-e', CLIENT, String(gateway.port), String(IDLE)], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const up = await new Promise<number>((resolve) => {
  let out = '';
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    const m = /up (\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
});
// the accept callbacks of the last connections may still be queued
for (let i = 0; i < 50 && gateway.stats.openConnections < up; i++) await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 500));
const after = sample();
const held = gateway.stats.openConnections;
child.stdin!.end();
await new Promise((r) => child.once('exit', r));
await gateway.close();

const mb = (b: number) => (b / 2 ** 20).toFixed(1);
const per = (k: keyof typeof before) => ((after[k] - before[k]) / held).toFixed(0);
console.log(
  `gateway alone, ${held} idle connections held (of ${IDLE}); Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('| memory | before | held | per connection |');
for (const k of ['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'] as const)
  console.log(`| ${k} | ${mb(before[k])} MB | ${mb(after[k])} MB | ${per(k)} B |`);
process.exit(0);
