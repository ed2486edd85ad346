// The P2 load generator as a process of its own (bench:ingest starts it): the API probes run in the
// bench process at the same time, and sharing its event loop would add their work to every ack's
// measured latency. Argument: one JSON object; prints one JSON line with the RateResult.
import { atRate, connectLoggers, setQnBase } from './ingest-load.ts';

const a = JSON.parse(process.argv[2] ?? '{}') as {
  port: number;
  mns: string[];
  rate: number;
  seconds: number;
  t0: number;
  qnBase: number;
};
setQnBase(a.qnBase);
const loggers = await connectLoggers(a.port, a.mns.length);
const r = await atRate(loggers, a.mns, a.rate, a.seconds, a.t0);
for (const l of loggers) l.close();
// Infinity does not survive JSON: a frame never acked is reported as null
console.log(JSON.stringify(r, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
process.exit(0);
