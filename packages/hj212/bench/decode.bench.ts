/**
 * W1 / T1 micro-benchmark (shared/perf/plan.md §5.2, §5.3): decode and encode of a fixed corpus of realistic
 * minute-data frames, compared in the same run with a naive split/regex decoder and with a CRC-only pass (the
 * floor no decoder can beat). Variants run interleaved, 5 repetitions, median reported; ratios are what to
 * compare across machines. Rates are frames per second of CPU time (user + system of this process, from
 * `process.cpuUsage`), which other load on a shared machine disturbs far less than wall time.
 *
 *   npm run bench -w packages/hj212            (from the repository root)
 *   HJ212_BENCH_FRAMES=2000 npm run bench -w packages/hj212   (smaller corpus)
 */

import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { crc16Hj212 } from '../src/crc.ts';
import { decodeFrame } from '../src/decode.ts';
import { encodeFrame, type FrameInput } from '../src/encode.ts';
import { makeDevice, makeUpload } from '../src/simulator/profiles.ts';
import { StreamDecoder } from '../src/stream.ts';
import { naiveDecode } from './naive.ts';

const loadAtStart = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const FRAMES = Number(process.env.HJ212_BENCH_FRAMES ?? 10_000);
const REPS = 5;
const PHASES = 8;
let phase = 0;
const progress = (msg: string) => console.log(`[${++phase}/${PHASES}] ${msg}`);

// ---------------------------------------------------------------------------------------------------------------
progress(`building a corpus of ${FRAMES} minute-data frames (CN=2051, seeded)`);
const inputs: FrameInput[] = [];
const devices = Array.from({ length: 200 }, (_, i) => makeDevice(i, i % 2 === 0 ? 'water' : 'air', '2017', 42));
const t0 = Date.UTC(2026, 0, 1, 0, 0, 0);
for (let i = 0; i < FRAMES; i++) {
  const dev = devices[i % devices.length]!;
  const minute = Math.floor(i / devices.length) * 10;
  inputs.push(makeUpload(dev, { cn: '2051', dataTime: t0 + minute * 60_000, qn: undefined, ack: true }));
}
const frames = inputs.map((x) => encodeFrame(x));
const totalBytes = frames.reduce((s, f) => s + f.length, 0);
let values = 0;
for (const f of frames.slice(0, 500)) values += decodeFrame(f).fields.length;
const valuesPerFrame = values / Math.min(500, frames.length);
const stream = new Uint8Array(totalBytes);
{
  let p = 0;
  for (const f of frames) {
    stream.set(f, p);
    p += f.length;
  }
}
const jsonTexts = frames.map((f) => {
  const d = decodeFrame(f);
  return JSON.stringify({ header: d.header, cp: d.cp });
});
const invalid = frames.filter((f) => !decodeFrame(f).ok).length;
console.log(
  `      ${frames.length} frames, ${(totalBytes / 1e6).toFixed(2)} MB, ${(totalBytes / frames.length).toFixed(0)} B/frame, ` +
    `${valuesPerFrame.toFixed(1)} values/frame, ${invalid} invalid`,
);

// ---------------------------------------------------------------------------------------------------------------
let sink = 0;

const variants: Record<string, () => void> = {
  'crc-only': () => {
    for (const f of frames) {
      const len = (f[2]! - 48) * 1000 + (f[3]! - 48) * 100 + (f[4]! - 48) * 10 + (f[5]! - 48);
      sink += crc16Hj212(f, 6, 6 + len);
    }
  },
  decode: () => {
    // Validated frame with CRC verdict, header, issues and every CP value as a number; strings on demand.
    for (const f of frames) {
      const d = decodeFrame(f);
      sink += d.ok ? 1 : 0;
      sink += d.number('w01018', 'Avg') ?? d.number('a21026', 'Avg') ?? 0;
    }
  },
  'decode + cp map (every value as a string)': () => {
    for (const f of frames) {
      const d = decodeFrame(f);
      sink += d.ok ? 1 : 0;
      sink += (d.cp.DataTime as string).length;
    }
  },
  naive: () => {
    for (const f of frames) {
      const d = naiveDecode(f);
      sink += d === null ? 0 : (d.cp.DataTime as string).length;
    }
  },
  encode: () => {
    for (const x of inputs) sink += encodeFrame(x).length;
  },
  'stream (deframe+decode, 64 KiB reads)': () => {
    const dec = new StreamDecoder();
    for (let p = 0; p < stream.length; p += 65_536) {
      for (const d of dec.push(stream.subarray(p, Math.min(stream.length, p + 65_536)))) sink += d.ok ? 1 : 0;
    }
    sink += dec.end().frames.length;
  },
  'JSON.parse of the same content': () => {
    for (const t of jsonTexts) sink += JSON.parse(t).cp.DataTime.length;
  },
};

const names = Object.keys(variants);
const short = (name: string) => name.replace(' + cp map (every value as a string)', '+map').split(' ')[0];
const bytesOf = (name: string) => (name.startsWith('JSON.parse') ? jsonBytes() : totalBytes);
let jsonByteCount = 0;
function jsonBytes(): number {
  if (jsonByteCount === 0) jsonByteCount = jsonTexts.reduce((s, t) => s + t.length, 0);
  return jsonByteCount;
}

progress('warm-up (3 passes of every variant)');
for (let k = 0; k < 3; k++) for (const n of names) variants[n]!();

const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let rep = 1; rep <= REPS; rep++) {
  const line: string[] = [];
  for (const n of names) {
    const start = process.cpuUsage();
    variants[n]!();
    const used = process.cpuUsage(start);
    const s = (used.user + used.system) / 1e6;
    samples[n]!.push(frames.length / s);
    line.push(`${short(n)} ${(frames.length / s / 1000).toFixed(0)}k/s`);
  }
  progress(`repetition ${rep}/${REPS}: ${line.join(' | ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
progress('allocations per frame (V8 sampling heap profiler at a 1-byte interval: every allocation is recorded)');
interface Sampled {
  samples: { size: number }[];
}
const session = new Session();
session.connect();
const retained: unknown[] = [];
async function allocations(fn: (f: Uint8Array) => unknown, n = 200): Promise<{ count: number; bytes: number }> {
  const run = async (k: number) => {
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 1,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    for (let i = 0; i < k; i++) retained.push(fn(frames[i % frames.length]!));
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const samples = (profile as unknown as Sampled).samples;
    return { count: samples.length, bytes: samples.reduce((t, x) => t + x.size, 0) };
  };
  const base = await run(0);
  const full = await run(n);
  retained.length = 0;
  return { count: (full.count - base.count) / n, bytes: (full.bytes - base.bytes) / n };
}
const allocDecode = await allocations((f) => decodeFrame(f));
const allocMap = await allocations((f) => decodeFrame(f).cp);
const allocNaive = await allocations((f) => naiveDecode(f));
session.disconnect();

// ---------------------------------------------------------------------------------------------------------------
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fps = Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
const cpu = os.cpus()[0]?.model ?? 'unknown';
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
console.log('');
console.log(`machine: ${cpu}, ${cores} cores, node ${process.version}, ${os.platform()} ${os.arch()}`);
console.log(
  `load average at start ${loadAtStart}, at end ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `corpus: ${frames.length} frames of CN=2051, ${(totalBytes / frames.length).toFixed(0)} B/frame, ${valuesPerFrame.toFixed(1)} values/frame`,
);
console.log('');
console.log('| variant | frames/s (CPU) | MB/s | µs CPU/frame |');
console.log('|---|---:|---:|---:|');
for (const n of names) {
  const mbs = (fps[n]! * (bytesOf(n) / frames.length)) / 1e6;
  console.log(
    `| ${n} | ${Math.round(fps[n]!).toLocaleString('en-US')} | ${mbs.toFixed(1)} | ${(1e6 / fps[n]!).toFixed(2)} |`,
  );
}
console.log('');
const dec = fps.decode!;
const ratioNaive = dec / fps.naive!;
const ratioCrc = fps['crc-only']! / dec;
console.log(
  `decode ÷ naive            = ${ratioNaive.toFixed(2)}×  (T1 target ≥ 3×)   ${ratioNaive >= 3 ? 'met' : 'NOT met'}`,
);
console.log(
  `crc-only ÷ decode         = ${ratioCrc.toFixed(2)}×  (T1 target ≤ 3×)   ${ratioCrc <= 3 ? 'met' : 'NOT met'}`,
);
console.log(
  `decode frames/s           = ${Math.round(dec).toLocaleString('en-US')}  (target ≥ 150,000)   ${dec >= 150_000 ? 'met' : 'NOT met'}`,
);
console.log(`decode ÷ JSON.parse       = ${(dec / fps['JSON.parse of the same content']!).toFixed(2)}×`);
console.log(`encode ÷ decode           = ${(fps.encode! / dec).toFixed(2)}×`);
console.log(
  `decode+map ÷ naive        = ${(fps['decode + cp map (every value as a string)']! / fps.naive!).toFixed(2)}×`,
);
const perValue = (a: { count: number; bytes: number }) =>
  `${a.count.toFixed(1)} allocations, ${a.bytes.toFixed(0)} B per frame = ${(a.count / valuesPerFrame).toFixed(2)} allocations, ${(a.bytes / valuesPerFrame).toFixed(0)} B per value`;
console.log(`allocated, decode          : ${perValue(allocDecode)}  (T1 target ≤ 1 allocation per value)`);
console.log(`allocated, decode + cp map : ${perValue(allocMap)}`);
console.log(`allocated, naive           : ${perValue(allocNaive)}`);
if (sink === 42) console.log(''); // keeps the work observable
