// npm run bench:abuse [-- --engine=pglite|postgres]: does heavy database work stall the server?
// On each engine: an idle baseline, then the same probes while the maximal figures query (ten
// years, the longest period the rules allow) runs back to back, then while the maximal import
// (a CSV of enterprise.import-max-rows rows) runs. Probes: the server's event-loop delay p99,
// /api/health (one `select 1`) and /api/reference/towns (never touches the database).
// Loopback only, a throw-away database per engine, about 1.5 minutes per engine (most of it the
// server's first start and demo seed).
import { makeValidUscc } from '@qingshan/core';
import {
  type BenchServer,
  enginesFromArgs,
  eventLoopP99,
  fmt,
  type Load,
  load,
  machine,
  startServer,
  table,
} from './harness.ts';

const PROBE_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PROBE_CONNECTIONS = 5;
const FIGURES_CLIENTS = 4;
const IMPORT_ROWS = 10_000;

type Probe = { eventLoopP99: number; health: Load; noDb: Load };

async function probe(s: BenchServer): Promise<Probe> {
  await eventLoopP99(s.baseUrl); // resets the histogram
  const [health, noDb] = await Promise.all([
    load(`${s.baseUrl}/api/health`, { connections: PROBE_CONNECTIONS, seconds: PROBE_SECONDS }),
    load(`${s.baseUrl}/api/reference/towns`, { connections: PROBE_CONNECTIONS, seconds: PROBE_SECONDS }),
  ]);
  return { eventLoopP99: await eventLoopP99(s.baseUrl), health, noDb };
}

/** Runs `work` in a loop on n clients until `stop` resolves; returns the runs' durations. */
async function whileRunning(n: number, work: () => Promise<void>, stop: Promise<unknown>) {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const durations: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (!stopped) {
        const t0 = performance.now();
        await work();
        durations.push(performance.now() - t0);
      }
    }),
  );
  return durations;
}

function importCsv(rows: number): Buffer {
  const lines = ['企业名称,统一社会信用代码,地址,乡镇,行业代码'];
  for (let i = 0; i < rows; i++) {
    const uscc = makeValidUscc(`91360322MA${String(i).padStart(7, '0')}`);
    lines.push(`压测导入企业${i}号,${uscc},上栗镇测试路${i}号,上栗镇,2672`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function runEngine(engine: 'pglite' | 'postgres') {
  const t0 = performance.now();
  const s = await startServer(engine);
  const startup = performance.now() - t0;
  try {
    const idle = await probe(s);

    const figuresUrl = `${s.baseUrl}/api/figures?from=2020-01-01&to=2029-12-31`;
    let figuresFailed = 0;
    const figuresProbe = probe(s);
    const figureRuns = await whileRunning(
      FIGURES_CLIENTS,
      async () => {
        const r = await fetch(figuresUrl, { headers: s.headers });
        await r.arrayBuffer();
        if (!r.ok) figuresFailed++;
      },
      figuresProbe,
    );
    const underFigures = await figuresProbe;

    const csv = importCsv(IMPORT_ROWS);
    const importStart = performance.now();
    const started = await fetch(`${s.baseUrl}/api/enterprises/import`, {
      method: 'POST',
      headers: { ...s.headers, 'content-type': 'text/csv' },
      body: csv,
    });
    if (started.status !== 202) throw new Error(`import refused: ${started.status} ${await started.text()}`);
    const { jobId } = (await started.json()) as { jobId: string };
    const underImport = await probe(s);
    // The benchmark does not wait for the import to finish (that would be the import's speed, not
    // the server's responsiveness, and unbounded): it reports how far the job got during the probe.
    const job = (await (await fetch(`${s.baseUrl}/api/jobs/${jobId}`, { headers: s.headers })).json()) as {
      status: string;
      processed: number;
    };
    const importMs = performance.now() - importStart;
    return { engine, startup, idle, underFigures, figureRuns, figuresFailed, underImport, job, importMs };
  } finally {
    await s.stop();
  }
}

const engines = enginesFromArgs();
console.log(`bench:abuse on ${machine()}`);
console.log(
  `probes: ${PROBE_CONNECTIONS} connections each on /api/health and /api/reference/towns for ${PROBE_SECONDS} s; load: ${FIGURES_CLIENTS} clients looping GET /api/figures?from=2020-01-01&to=2029-12-31, then one import of ${IMPORT_ROWS} CSV rows\n`,
);
const rows: string[][] = [
  [
    'engine',
    'phase',
    'event-loop p99 ms',
    'health p50 / p99 ms',
    'no-DB p50 / p99 ms',
    'health req/s',
    'no-DB req/s',
    'load',
  ],
];
for (const engine of engines) {
  const r = await runEngine(engine);
  const line = (phase: string, p: Probe, note: string) => [
    engine,
    phase,
    fmt(p.eventLoopP99, 1),
    `${fmt(p.health.p50)} / ${fmt(p.health.p99)}`,
    `${fmt(p.noDb.p50)} / ${fmt(p.noDb.p99)}`,
    fmt(p.health.rps),
    fmt(p.noDb.rps),
    note,
  ];
  const sorted = [...r.figureRuns].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  rows.push(line('idle', r.idle, `server up in ${fmt(r.startup / 1000, 1)} s`));
  rows.push(
    line(
      'figures, 10 years',
      r.underFigures,
      `${sorted.length} figure queries, median ${fmt(median)} ms${r.figuresFailed ? `, ${r.figuresFailed} failed` : ''}`,
    ),
  );
  rows.push(
    line(
      `import ${IMPORT_ROWS} rows`,
      r.underImport,
      `job ${r.job.status}, ${fmt(r.job.processed)} rows read in ${fmt(r.importMs / 1000, 1)} s`,
    ),
  );
  for (const p of [r.idle, r.underFigures, r.underImport]) {
    if (p.health.non2xx || p.health.errors || p.noDb.non2xx || p.noDb.errors) {
      rows.push([engine, '', '', `health non-2xx ${p.health.non2xx}, errors ${p.health.errors}`, '', '', '', '']);
    }
  }
}
console.log(table(rows));
