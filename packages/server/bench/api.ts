// npm run bench:api [-- --engine=pglite|postgres]: requests per second of the busiest staff
// endpoints as a ratio to /api/health (one `select 1`) measured in the same run, on both engines.
// 20 connections, BENCH_SECONDS (default 8) per endpoint, a throw-away database per engine
// seeded like bench:abuse (demo data plus 3,000 enterprises and ten years of visits). Loopback only.
import { type BenchServer, enginesFromArgs, fmt, type Load, load, machine, startServer, table } from './harness.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;

const ENDPOINTS: { name: string; path: string; target: number }[] = [
  { name: 'health (baseline)', path: '/api/health', target: 1 },
  {
    name: 'enterprise search',
    path: `/api/enterprises?q=${encodeURIComponent('金花')}&page=1&pageSize=20`,
    target: 0.3,
  },
  { name: 'worklist', path: '/api/worklist?page=1&pageSize=20', target: 0.3 },
  { name: 'figures for a year', path: '/api/figures?from=2020-01-01&to=2020-12-31', target: 0.1 },
];

async function runEngine(s: BenchServer): Promise<{ name: string; target: number; r: Load }[]> {
  const out = [];
  for (const e of ENDPOINTS) {
    // warm-up: caches, JIT, the first plan of each query
    await load(`${s.baseUrl}${e.path}`, { connections: 4, seconds: 1, headers: s.headers });
    const r = await load(`${s.baseUrl}${e.path}`, { connections: CONNECTIONS, seconds: SECONDS, headers: s.headers });
    out.push({ name: e.name, target: e.target, r });
  }
  return out;
}

console.log(`bench:api on ${machine()}`);
console.log(`${CONNECTIONS} connections × ${SECONDS} s per endpoint, signed in as a leader\n`);
const rows: string[][] = [['engine', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', '× health', 'target', 'non-2xx']];
for (const engine of enginesFromArgs()) {
  const s = await startServer(engine);
  try {
    const results = await runEngine(s);
    const health = results[0]!.r.rps;
    for (const { name, target, r } of results) {
      const ratio = r.rps / health;
      rows.push([
        engine,
        name,
        fmt(r.rps),
        fmt(r.p50),
        fmt(r.p99),
        fmt(ratio, 2),
        target === 1 ? '' : `≥ ${target} ${ratio >= target ? 'met' : 'not met'}`,
        String(r.non2xx + r.errors),
      ]);
    }
  } finally {
    await s.stop();
  }
}
console.log(table(rows));
