/**
 * Realistic device data for the simulator and the benchmark: the factor sets a wastewater outlet (ST=32) and
 * a flue-gas CEMS (ST=31) report, plausible values as bounded random walks, mostly `N` flags with the other
 * flags of 表 8 now and then, and the field layout of 附录 C (2011: `-Rtd,-Flag`; 2051/2061/2031:
 * `-Cou,-Min,-Avg,-Max,-Flag`; flue gas adds the converted `-ZsRtd`/`-ZsAvg`). Pure and seeded: no I/O.
 */
import type { CpFieldInput, FrameInput } from '../encode.ts';
import { factorInfo } from '../tables/codes.ts';
import { CHINA_OFFSET_MINUTES, formatDataTime, formatQn } from '../time.ts';

export type Medium = 'water' | 'air';
export type UploadCn = '2011' | '2051' | '2061' | '2031';

interface FactorSpec {
  code: string;
  base: number;
  /** Relative size of one random-walk step. */
  step: number;
  min: number;
  max: number;
  decimals: number;
  /** Has an emission amount (`-Cou`) in period data: flow × concentration. */
  cou: boolean;
  /** Flue-gas pollutant with O₂-converted values (`-Zs…`). */
  zs: boolean;
}

function f(
  code: string,
  base: number,
  min: number,
  max: number,
  decimals: number,
  cou = false,
  zs = false,
): FactorSpec {
  return { code, base, step: 0.03, min, max, decimals, cou, zs };
}

/** 10 factors of a municipal/industrial wastewater outlet (表 B.1). */
const WATER: readonly FactorSpec[] = [
  f('w00000', 12.5, 0, 80, 2, true),
  f('w01001', 7.2, 6, 9, 2),
  f('w01018', 35, 2, 120, 1, true),
  f('w21003', 2.1, 0.05, 15, 2, true),
  f('w21011', 0.32, 0.01, 3, 3, true),
  f('w21001', 9.5, 0.5, 30, 2, true),
  f('w01012', 11, 1, 60, 1, true),
  f('w01010', 18.4, 4, 32, 1),
  f('w01014', 820, 200, 2000, 1),
  f('w22001', 0.12, 0, 2, 3, true),
];

/** 10 factors of a flue-gas CEMS (表 B.2). */
const AIR: readonly FactorSpec[] = [
  f('a00000', 96, 20, 200, 2, true),
  f('a01011', 11.8, 3, 25, 2),
  f('a01012', 128.5, 40, 200, 1),
  f('a01013', -0.32, -2, 2, 3),
  f('a01014', 8.6, 1, 20, 1),
  f('a19001', 10.4, 5, 18, 1),
  f('a34013', 6.3, 0.2, 30, 2, true, true),
  f('a21026', 18.7, 0.5, 100, 2, true, true),
  f('a21002', 42.1, 2, 200, 2, true, true),
  f('a21005', 12.9, 0.5, 80, 2, true, true),
];

/** Systems for each medium (表 5): 32 surface-water pollution source, 31 air pollution source. */
export const MEDIUM_ST: Readonly<Record<Medium, string>> = { water: '32', air: '31' };

/** Seeded PRNG (mulberry32): deterministic corpora and fleets. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** State of one simulated device: identity, its factor set and the current value of each factor. */
export interface DeviceState {
  medium: Medium;
  edition: '2005' | '2017';
  ST: string;
  MN: string;
  PW: string;
  factors: readonly FactorSpec[];
  values: number[];
  rng: () => number;
}

/** A 24-hex-digit MN (表 3: EPC-96) for 2017 devices, a 14-digit station number for 2005 ones. */
export function makeMn(index: number, edition: '2005' | '2017'): string {
  if (edition === '2005') return `8888888${String(index).padStart(7, '0')}`;
  return `010000A89000${(0x16f000 + index).toString(16).toUpperCase().padStart(12, '0')}`;
}

export function makeDevice(index: number, medium: Medium, edition: '2005' | '2017', seed: number): DeviceState {
  const factors = medium === 'water' ? WATER : AIR;
  const rng = makeRng(seed ^ Math.imul(index + 1, 0x9e3779b1));
  return {
    medium,
    edition,
    ST: MEDIUM_ST[medium],
    MN: makeMn(index, edition),
    PW: '123456',
    factors,
    values: factors.map((s) => s.base * (0.8 + 0.4 * rng())),
    rng,
  };
}

/** 表 8 flags with the weights a healthy fleet shows: N almost always. */
function pickFlag(rng: () => number): string {
  const r = rng();
  if (r < 0.96) return 'N';
  if (r < 0.975) return 'M';
  if (r < 0.985) return 'C';
  if (r < 0.99) return 'D';
  if (r < 0.995) return 'F';
  return 'T';
}

function step(dev: DeviceState, i: number): number {
  const s = dev.factors[i]!;
  const range = s.max - s.min;
  let v = dev.values[i]! + (dev.rng() - 0.5) * 2 * s.step * range;
  if (v < s.min) v = s.min + (s.min - v);
  if (v > s.max) v = s.max - (v - s.max);
  dev.values[i] = v;
  return v;
}

function fixed(v: number, decimals: number): string {
  return v.toFixed(decimals);
}

/** Seconds covered by one record of each upload (for `-Cou` amounts). */
const PERIOD_S: Readonly<Record<UploadCn, number>> = { '2011': 30, '2051': 600, '2061': 3600, '2031': 86_400 };

export interface UploadOptions {
  cn: UploadCn;
  /** Data time: sampling instant (2011) or period start (2051/2061/2031), 表 4 `DataTime`. */
  dataTime: Date | number;
  /** QN of the upload (2017); 2005 devices send none. */
  qn?: string;
  /** Ask for a 9014 (A bit). 2005 devices never do. */
  ack?: boolean;
  offsetMinutes?: number;
}

/**
 * One upload of `dev` as a {@link FrameInput} (CP as an ordered field list). 2005 devices use their 2005
 * factor codes (表 B.1/B.2 原编码) and send neither QN nor Flag, as captured 2005 traffic does.
 */
export function makeUpload(dev: DeviceState, o: UploadOptions): FrameInput {
  const offset = o.offsetMinutes ?? CHINA_OFFSET_MINUTES;
  const fields: CpFieldInput[] = [{ key: 'DataTime', value: formatDataTime(o.dataTime, offset), item: 0 }];
  let flowPerS = 0;
  for (let i = 0; i < dev.factors.length; i++) {
    const s = dev.factors[i]!;
    const code = dev.edition === '2005' ? factorInfo(s.code)?.code2005 || s.code : s.code;
    const item = i + 1;
    const v = step(dev, i);
    if (i === 0) flowPerS = v;
    const flag = pickFlag(dev.rng);
    if (o.cn === '2011') {
      fields.push({ key: `${code}-Rtd`, value: fixed(v, s.decimals), item });
      if (s.zs) fields.push({ key: `${code}-ZsRtd`, value: fixed(v * 1.12, s.decimals), item });
      fields.push({ key: `${code}-Flag`, value: flag, item });
      continue;
    }
    const spread = (s.max - s.min) * 0.02 * dev.rng();
    const lo = Math.max(s.min, v - spread);
    const hi = Math.min(s.max, v + spread);
    if (s.cou) {
      // Water flow is L/s (amount m³), air flow m³/s (amount m³); pollutant amounts in kg (附录 D).
      const period = PERIOD_S[o.cn];
      const amount =
        i === 0
          ? (dev.medium === 'water' ? v / 1000 : v) * period
          : (flowPerS * (dev.medium === 'water' ? 1e-3 : 1) * period * v) / 1e6;
      fields.push({ key: `${code}-Cou`, value: fixed(amount, 3), item });
    }
    fields.push({ key: `${code}-Min`, value: fixed(lo, s.decimals), item });
    fields.push({ key: `${code}-Avg`, value: fixed(v, s.decimals), item });
    fields.push({ key: `${code}-Max`, value: fixed(hi, s.decimals), item });
    // Only the converted average: with -ZsMin/-ZsMax as well a 10-factor CEMS record exceeds 1024 bytes (表 2).
    if (s.zs) fields.push({ key: `${code}-ZsAvg`, value: fixed(v * 1.12, s.decimals), item });
    fields.push({ key: `${code}-Flag`, value: flag, item });
  }
  if (dev.edition === '2005') {
    return { header: { ST: dev.ST, CN: o.cn, PW: dev.PW, MN: dev.MN }, cp: fields, edition: '2005' };
  }
  const qn = o.qn ?? formatQn(o.dataTime, offset);
  return {
    header: { QN: qn, ST: dev.ST, CN: o.cn, PW: dev.PW, MN: dev.MN, Flag: o.ack === false ? 0 : 1 },
    cp: fields,
    edition: '2017',
  };
}
