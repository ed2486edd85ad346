/**
 * Stream benchmark (issue 8 §7): 5 MB of LF-less bogus frames fed to the StreamDecoder in small reads, beside a
 * baseline measured in the same run — the same number of bytes of valid minute-data frames in the same reads.
 * Before the fix the deframer's line-end search ran to the end of every read for every bogus candidate (quadratic
 * in the read size: 6.5 s for 5 MB reported; 1.4 s CPU for the "bogus frames, no LF" input in 64 KiB reads measured
 * here, against 0.05 s after); now every byte costs O(1) and the bogus input costs a small multiple of valid frames.
 * Times are CPU time of this process (`process.cpuUsage`), median of 3 runs; `work` is the deframer's own counter
 * of bytes examined and copied.
 *
 *   npm run bench:stream -w packages/hj212
 */
import os from 'node:os';
import { encodeFrame } from '../src/encode.ts';
import { makeDevice, makeUpload } from '../src/simulator/profiles.ts';
import { StreamDecoder } from '../src/stream.ts';

const BYTES = 5_000_000;
const REPS = 3;

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function repeatTo(unit: Uint8Array, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let p = 0; p < bytes; p += unit.length) out.set(unit.subarray(0, Math.min(unit.length, bytes - p)), p);
  return out;
}

// Valid frames: seeded minute-data uploads, concatenated to 5 MB.
const devices = Array.from({ length: 50 }, (_, i) => makeDevice(i, i % 2 === 0 ? 'water' : 'air', '2017', 42));
const parts: Uint8Array[] = [];
let total = 0;
for (let i = 0; total < BYTES; i++) {
  const f = encodeFrame(
    makeUpload(devices[i % devices.length]!, { cn: '2051', dataTime: Date.UTC(2026, 0, 1) + i * 60_000, ack: true }),
  );
  parts.push(f);
  total += f.length;
}
const valid = new Uint8Array(BYTES);
{
  let p = 0;
  for (const f of parts) {
    if (p >= BYTES) break;
    valid.set(f.subarray(0, Math.min(f.length, BYTES - p)), p);
    p += f.length;
  }
}

const inputs: Record<string, Uint8Array> = {
  'valid frames (baseline)': valid,
  'bogus frames, no LF': repeatTo(ascii('##0999ST=32;CN=2011;PW=123456;MN=1;'), BYTES),
  'bogus frames inside CP, no LF': repeatTo(ascii('##0999QN=1;ST=32;CN=2011;CP=&&a=1;b=2;'), BYTES),
  'endless candidates, no LF': repeatTo(ascii(`##9999QN=${'A'.repeat(997)}`), BYTES),
};

function run(bytes: Uint8Array, chunk: number): { cpuMs: number; wallMs: number; frames: number; work: number } {
  const d = new StreamDecoder({ lenient: true });
  const cpu = process.cpuUsage();
  const t = performance.now();
  let frames = 0;
  for (let p = 0; p < bytes.length; p += chunk) frames += d.push(bytes.subarray(p, p + chunk)).length;
  frames += d.end().frames.length;
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs, frames, work: d.deframer.stats.work };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, node ${process.version}`);
console.log(
  `load average at start ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`input: ${(BYTES / 1e6).toFixed(1)} MB each, fed to StreamDecoder (lenient); CPU ms, median of ${REPS}`);
console.log('');
console.log('| input | read size | CPU ms | wall ms | MB/s (CPU) | frames | work / byte | × baseline |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const chunk of [64, 1460, 65_536]) {
  let baseline = 0;
  for (const [name, bytes] of Object.entries(inputs)) {
    run(bytes, chunk); // warm-up
    const runs = Array.from({ length: REPS }, () => run(bytes, chunk));
    const cpu = median(runs.map((r) => r.cpuMs));
    const wall = median(runs.map((r) => r.wallMs));
    if (baseline === 0) baseline = cpu;
    const r = runs[0]!;
    console.log(
      `| ${name} | ${chunk} B | ${cpu.toFixed(0)} | ${wall.toFixed(0)} | ${(bytes.length / 1e3 / cpu).toFixed(1)} | ${r.frames} | ${(r.work / bytes.length).toFixed(2)} | ${(cpu / baseline).toFixed(2)}× |`,
    );
  }
}
console.log('');
console.log(
  `load average at end ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
