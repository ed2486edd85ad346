// Online-monitoring alarm rules (rules.md §4) as an incremental evaluator: the gateway hands it the
// values of one frame and the station's small rule state, it answers the new state and which
// station-level alarms start or end. No I/O, and no history scan: ingest throughput depends on the
// state being a handful of numbers per factor rather than a window of readings.
import type { AlarmKind } from './alarms.ts';
import { CONSTANT_WINDOW_MS, isValidFlag } from './monitoring.ts';

const HOUR_MS = 3_600_000;

/** The alarm kinds these rules raise per station (missing data is the scheduled job's). */
export const FRAME_RULE_KINDS = [
  'over-limit',
  'over-limit-warning',
  'zero-value',
  'constant-value',
  'device-state',
] as const satisfies readonly AlarmKind[];
export type FrameRuleKind = (typeof FRAME_RULE_KINDS)[number];

/**
 * Zero value: valid readings exactly zero without a break for this long. rules.md names the rule
 * without a duration; one hour is the platform's default so one zero sample (a probe purge) is not
 * an alarm.
 */
export const ZERO_WINDOW_MS = HOUR_MS;

/** The station's own hour value (2061) decides an hour when it sent one within this long. */
export const STATION_HOUR_TRUST_MS = 3 * HOUR_MS;

/** 表 8 flags that describe the device rather than the outlet: fault, calibration, maintenance, stopped. */
export const DEVICE_STATE_FLAGS = ['D', 'C', 'M', 'F'] as const;
const DEVICE_FLAG_ZH: Record<string, string> = { D: '故障', C: '校准', M: '维护', F: '停运' };
const DEVICE_FLAG_EN: Record<string, string> = { D: 'fault', C: 'calibration', M: 'maintenance', F: 'stopped' };

/** A factor as the rules need it: its limits (with the standard they come from) and instrument range. */
export type FactorLimits = {
  code: string;
  /** plain name, e.g. 氮氧化物; the code when the factor is not in 表 B.1/B.2 */
  name: string;
  /** its English name (nitrogen oxides); `name` when not given */
  nameEn?: string;
  unit?: string | null;
  upperLimit?: number | null;
  lowerLimit?: number | null;
  standard?: string | null;
  rangeMax?: number | null;
};

/** What the rules remember of one factor between frames. */
export type FactorRuleState = {
  /** data time of the latest real-time/minute value, any flag; older ones (补传) are left to rollups */
  seenAt: number | null;
  /** data time of the latest valid real-time/minute value */
  lastAt: number | null;
  flag: string | null;
  flagAt: number | null;
  /** the hour being averaged from real-time (2011) and minute (2051) values */
  hour: number | null;
  sumMin: number;
  nMin: number;
  sumRtd: number;
  nRtd: number;
  /** data time of the newest hour value the station sent itself (2061) */
  stationHourAt: number | null;
  /** the last judged hour: out of limits or not (null: never judged) */
  hourOver: boolean | null;
  hourAvg: number | null;
  hourAt: number | null;
  warnOver: boolean | null;
  warnValue: number | null;
  warnAt: number | null;
  zeroSince: number | null;
  bandSince: number | null;
  bandMin: number | null;
  bandMax: number | null;
};

export type StationRuleState = {
  factors: Record<string, FactorRuleState>;
  /** whether each station alarm is active as far as these rules know */
  active: Partial<Record<FrameRuleKind, boolean>>;
};

export const EMPTY_RULE_STATE: StationRuleState = { factors: {}, active: {} };

/** One value of a frame: real-time (2011), minute (2051) or the station's hour value (2061). */
export type FrameValue = { factor: string; value: number | null; flag: string | null };

export type RuleTransition = {
  kind: FrameRuleKind;
  active: boolean;
  /** plain Chinese: which factors, what was seen */
  detail: string;
  /** the same in English, for the English face */
  detailEn: string;
  evidence: Record<string, unknown>;
  /** when the condition began (for a raise) */
  since: number;
  /**
   * The rule was active and still is, but no longer for the same factors (one cleared while another
   * still holds, or one joined): not a new alarm, the open one's detail is to say what holds now.
   */
  restated?: true;
};

function emptyFactor(): FactorRuleState {
  return {
    seenAt: null,
    lastAt: null,
    flag: null,
    flagAt: null,
    hour: null,
    sumMin: 0,
    nMin: 0,
    sumRtd: 0,
    nRtd: 0,
    stationHourAt: null,
    hourOver: null,
    hourAvg: null,
    hourAt: null,
    warnOver: null,
    warnValue: null,
    warnAt: null,
    zeroSince: null,
    bandSince: null,
    bandMin: null,
    bandMax: null,
  };
}

/** Outside [lowerLimit, upperLimit] (equal to a limit is compliant); null when the factor has no limit. */
export function outsideLimits(value: number, f: FactorLimits): boolean | null {
  const hasUpper = f.upperLimit !== null && f.upperLimit !== undefined;
  const hasLower = f.lowerLimit !== null && f.lowerLimit !== undefined;
  if (!hasUpper && !hasLower) return null;
  return (hasUpper && value > (f.upperLimit as number)) || (hasLower && value < (f.lowerLimit as number));
}

function normFlag(flag: string | null | undefined): string | null {
  const f = flag?.trim().toUpperCase();
  return f ? f : null;
}

const hourOf = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;

/** Closes the accumulated hour: minute values when there were any, else real-time values. */
function closeHour(s: FactorRuleState, f: FactorLimits): void {
  if (s.hour === null) return;
  const avg = s.nMin > 0 ? s.sumMin / s.nMin : s.nRtd > 0 ? s.sumRtd / s.nRtd : null;
  const stationDecides = s.stationHourAt !== null && s.stationHourAt >= s.hour - STATION_HOUR_TRUST_MS;
  if (avg !== null && !stationDecides) {
    const over = outsideLimits(avg, f);
    if (over !== null) {
      s.hourOver = over;
      s.hourAvg = avg;
      s.hourAt = s.hour;
    }
  }
}

/** Any value of a later hour, valid or not, closes the hour being averaged. */
function advanceHour(s: FactorRuleState, f: FactorLimits, at: number): void {
  const h = hourOf(at);
  if (s.hour === null || h > s.hour) {
    closeHour(s, f);
    s.hour = h;
    s.sumMin = 0;
    s.nMin = 0;
    s.sumRtd = 0;
    s.nRtd = 0;
  }
}

function judgeLive(s: FactorRuleState, f: FactorLimits, cn: string, at: number, value: number): void {
  if (cn === '2051') {
    s.sumMin += value;
    s.nMin++;
  } else {
    s.sumRtd += value;
    s.nRtd++;
  }
  // early warning on each real-time or minute value
  const over = outsideLimits(value, f);
  if (over !== null) {
    s.warnOver = over;
    s.warnValue = value;
    s.warnAt = at;
  }
  // zero value
  if (value === 0) s.zeroSince ??= at;
  else s.zeroSince = null;
  // constant value: the current run of values within 2 % of the range; a value outside starts a new run
  const range = f.rangeMax;
  if (range && range > 0) {
    const lo = Math.min(s.bandMin ?? value, value);
    const hi = Math.max(s.bandMax ?? value, value);
    if (s.bandSince !== null && hi - lo <= 0.02 * range) {
      s.bandMin = lo;
      s.bandMax = hi;
    } else {
      s.bandSince = at;
      s.bandMin = value;
      s.bandMax = value;
    }
  }
}

/** Per factor: does this rule hold now (null: the rule cannot judge this factor)? */
function holds(kind: FrameRuleKind, s: FactorRuleState, f: FactorLimits): boolean | null {
  switch (kind) {
    case 'over-limit':
      return s.hourOver;
    case 'over-limit-warning':
      return s.warnOver;
    case 'zero-value':
      if (s.lastAt === null) return null;
      return s.zeroSince !== null && s.lastAt - s.zeroSince >= ZERO_WINDOW_MS;
    case 'constant-value':
      if (!f.rangeMax || s.bandSince === null || s.lastAt === null) return null;
      // an all-zero run is the zero-value rule's
      return s.lastAt - s.bandSince >= CONSTANT_WINDOW_MS && s.bandMax !== 0;
    case 'device-state':
      if (s.flag === null && s.flagAt === null) return null;
      return s.flag !== null && (DEVICE_STATE_FLAGS as readonly string[]).includes(s.flag);
  }
}

const fmtNum = (n: number) => String(Math.round(n * 1000) / 1000);
const shanghai = (at: number) => new Date(at + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');

function limitText(f: FactorLimits): string {
  const unit = f.unit ? ` ${f.unit}` : '';
  const parts: string[] = [];
  if (f.lowerLimit !== null && f.lowerLimit !== undefined) parts.push(`下限 ${fmtNum(f.lowerLimit)}${unit}`);
  if (f.upperLimit !== null && f.upperLimit !== undefined) parts.push(`限值 ${fmtNum(f.upperLimit)}${unit}`);
  return `${parts.join('、')}${f.standard ? `（${f.standard}）` : ''}`;
}

function limitTextEn(f: FactorLimits): string {
  const unit = f.unit ? ` ${f.unit}` : '';
  const parts: string[] = [];
  if (f.lowerLimit !== null && f.lowerLimit !== undefined) parts.push(`lower limit ${fmtNum(f.lowerLimit)}${unit}`);
  if (f.upperLimit !== null && f.upperLimit !== undefined) parts.push(`limit ${fmtNum(f.upperLimit)}${unit}`);
  return `${parts.join(' and ')}${f.standard ? ` (${f.standard})` : ''}`;
}

function describe(
  kind: FrameRuleKind,
  s: FactorRuleState,
  f: FactorLimits,
): { text: string; textEn: string; since: number } {
  const unit = f.unit ? ` ${f.unit}` : '';
  const now = s.lastAt ?? s.flagAt ?? 0;
  const en = f.nameEn ?? f.name;
  switch (kind) {
    case 'over-limit':
      return {
        text: `${f.name} ${shanghai(s.hourAt ?? 0)} 时段小时均值 ${fmtNum(s.hourAvg ?? 0)}${unit}，超出排放${limitText(f)}`,
        textEn: `${en}: hourly average ${fmtNum(s.hourAvg ?? 0)}${unit} for the hour from ${shanghai(s.hourAt ?? 0)}, over the emission ${limitTextEn(f)}`,
        since: s.hourAt ?? now,
      };
    case 'over-limit-warning':
      return {
        text: `${f.name} ${shanghai(s.warnAt ?? 0)} 监测值 ${fmtNum(s.warnValue ?? 0)}${unit}，超出排放${limitText(f)}（预警，以小时均值判定是否超标）`,
        textEn: `${en}: value ${fmtNum(s.warnValue ?? 0)}${unit} at ${shanghai(s.warnAt ?? 0)}, over the emission ${limitTextEn(f)} (an early warning: the hourly average decides whether the limit is exceeded)`,
        since: s.warnAt ?? now,
      };
    case 'zero-value':
      return {
        text: `${f.name} 自 ${shanghai(s.zeroSince ?? now)} 起持续为零值`,
        textEn: `${en}: zero since ${shanghai(s.zeroSince ?? now)}`,
        since: s.zeroSince ?? now,
      };
    case 'constant-value':
      return {
        text: `${f.name} 自 ${shanghai(s.bandSince ?? now)} 起 4 小时以上在 ${fmtNum(s.bandMin ?? 0)}–${fmtNum(s.bandMax ?? 0)}${unit} 之间，波动不超过量程（${fmtNum(f.rangeMax ?? 0)}${unit}）的 2%`,
        textEn: `${en}: between ${fmtNum(s.bandMin ?? 0)} and ${fmtNum(s.bandMax ?? 0)}${unit} for 4 hours or more since ${shanghai(s.bandSince ?? now)}, varying by no more than 2% of the range (${fmtNum(f.rangeMax ?? 0)}${unit})`,
        since: s.bandSince ?? now,
      };
    case 'device-state':
      return {
        text: `${f.name} 数据标记为“${DEVICE_FLAG_ZH[s.flag ?? ''] ?? s.flag}”`,
        textEn: `${en}: data flagged "${DEVICE_FLAG_EN[s.flag ?? ''] ?? s.flag}"`,
        since: s.flagAt ?? now,
      };
  }
}

type Hit = { f: FactorLimits; s: FactorRuleState };

function describeHits(kind: FrameRuleKind, hits: readonly Hit[]): RuleTransition {
  const described = hits.map((h) => ({ ...describe(kind, h.s, h.f), code: h.f.code }));
  const judged = Math.max(...hits.map((h) => judgedAt(kind, h.s)));
  return {
    kind,
    active: true,
    detail: described.map((d) => d.text).join('；'),
    detailEn: described.map((d) => d.textEn).join('; '),
    since: Math.min(...described.map((d) => d.since)),
    evidence: {
      /** the data time the verdict rests on: a later alarm for the same condition needs newer data */
      judgedAt: new Date(judged).toISOString(),
      factors: hits.map((h) => ({
        code: h.f.code,
        name: h.f.name,
        upperLimit: h.f.upperLimit ?? null,
        lowerLimit: h.f.lowerLimit ?? null,
        standard: h.f.standard ?? null,
        hourAverage: kind === 'over-limit' ? h.s.hourAvg : undefined,
        value: kind === 'over-limit-warning' ? h.s.warnValue : undefined,
        flag: kind === 'device-state' ? h.s.flag : undefined,
      })),
    },
  };
}

/** The data time a factor's current verdict rests on: the judged hour, the value, the flag. */
function judgedAt(kind: FrameRuleKind, s: FactorRuleState): number {
  switch (kind) {
    case 'over-limit':
      return s.hourAt ?? 0;
    case 'over-limit-warning':
      return s.warnAt ?? 0;
    case 'device-state':
      return s.flagAt ?? 0;
    default:
      return s.lastAt ?? 0;
  }
}

/**
 * A rule the state says holds, described as a raise would describe it, with the data time its
 * newest verdict rests on (`judgedAt`, also in the evidence): an alarm an officer closed while the
 * condition held is raised again once a verdict on newer data still finds it (rules.md §4: closing
 * is a review, not proof the condition ended). Null when the rule does not hold.
 */
export function holdingNow(
  state: StationRuleState,
  factors: readonly FactorLimits[],
  kind: FrameRuleKind,
): (RuleTransition & { judgedAt: number }) | null {
  if (!state.active[kind]) return null;
  const hits: Hit[] = [];
  for (const f of factors) {
    const s = state.factors[f.code];
    if (s && holds(kind, s, f)) hits.push({ f, s });
  }
  if (hits.length === 0) return null;
  const t = describeHits(kind, hits);
  return { ...t, judgedAt: Date.parse(t.evidence.judgedAt as string) };
}

/**
 * The rule state once factors left the station's registry: what was remembered of them is dropped,
 * and a rule that held only through them no longer counts as active. Without this the state would
 * still say "over limit" after the only factor over it was removed, and a remaining factor going
 * over later would raise nothing (the rules speak only on a change of verdict). `ended` lists the
 * rules that were active and now hold for no remaining factor.
 */
export function withoutFactors(
  prev: StationRuleState,
  removed: readonly string[],
  remaining: readonly FactorLimits[],
): { state: StationRuleState; ended: FrameRuleKind[] } {
  const gone = new Set(removed);
  const state: StationRuleState = {
    factors: Object.fromEntries(Object.entries(prev.factors).filter(([code]) => !gone.has(code))),
    active: { ...prev.active },
  };
  const ended: FrameRuleKind[] = [];
  for (const kind of FRAME_RULE_KINDS) {
    if (!state.active[kind]) continue;
    const still = remaining.some((f) => {
      const s = state.factors[f.code];
      return s !== undefined && holds(kind, s, f) === true;
    });
    if (still) continue;
    state.active[kind] = false;
    ended.push(kind);
  }
  return { state, ended };
}

/**
 * Folds one frame into the station's rule state. `cn` is the frame's command: 2011 and 2051 values
 * feed the hour average, the early warning, zero and constant value; a 2061 value is the station's
 * own hour average and decides that hour. A value flagged anything but normal (表 8) changes the
 * device state only: it never counts towards a limit, zero or constant value. Values older than
 * what the state has seen (a 补传 answer) are not judged again.
 */
export function evaluateFrame(
  prev: StationRuleState,
  factors: readonly FactorLimits[],
  cn: string,
  at: number,
  values: readonly FrameValue[],
): { state: StationRuleState; transitions: RuleTransition[] } {
  const state: StationRuleState = { factors: {}, active: { ...prev.active } };
  for (const [code, f] of Object.entries(prev.factors)) state.factors[code] = { ...emptyFactor(), ...f };
  const transitions = new RuleFolder(factors).fold(state, cn, at, values);
  return { state, transitions };
}

/**
 * evaluateFrame for a writer that owns the state: the frames of a batch are folded into it one
 * after another, in place, with the station's factors indexed once. The ingest path judges every
 * frame, so the copies evaluateFrame makes to stay pure were a large part of its cost.
 */
export class RuleFolder {
  readonly #factors: readonly FactorLimits[];
  readonly #byCode: Map<string, FactorLimits>;

  constructor(factors: readonly FactorLimits[]) {
    this.#factors = factors;
    this.#byCode = new Map(factors.map((f) => [f.code, f]));
  }

  /**
   * Folds one frame into `state` (changed in place) and answers the rules whose verdict changed, and
   * those still active whose factors changed (`restated`).
   */
  fold(state: StationRuleState, cn: string, at: number, values: readonly FrameValue[]): RuleTransition[] {
    // the factors each active rule holds for before this frame, so a change among them is noticed
    // even when the verdict stays; only active rules are looked at, so a compliant station pays nothing
    let before: Map<FrameRuleKind, string> | null = null;
    for (const kind of FRAME_RULE_KINDS) {
      if (!state.active[kind]) continue;
      before ??= new Map();
      before.set(kind, this.#holdingCodes(state, kind));
    }
    for (const v of values) {
      const f = this.#byCode.get(v.factor);
      // a value of a factor the station is not registered for has no limit to judge against
      if (!f) continue;
      let s = state.factors[v.factor];
      if (!s) {
        s = emptyFactor();
        state.factors[v.factor] = s;
      }
      const flag = normFlag(v.flag);
      if (s.flagAt === null || at >= s.flagAt) {
        s.flag = flag;
        s.flagAt = at;
      }
      const valid = isValidFlag(flag) && v.value !== null && Number.isFinite(v.value);
      if (cn === '2061') {
        if (s.stationHourAt !== null && at <= s.stationHourAt) continue;
        s.stationHourAt = at;
        if (!valid) continue;
        const over = outsideLimits(v.value as number, f);
        if (over !== null) {
          s.hourOver = over;
          s.hourAvg = v.value;
          s.hourAt = at;
        }
        continue;
      }
      if (cn !== '2011' && cn !== '2051') continue;
      if (s.seenAt !== null && at <= s.seenAt) continue;
      s.seenAt = at;
      advanceHour(s, f, at);
      if (!valid) continue;
      s.lastAt = at;
      judgeLive(s, f, cn, at, v.value as number);
    }

    const transitions: RuleTransition[] = [];
    for (const kind of FRAME_RULE_KINDS) {
      const hits: Hit[] = [];
      let judged = false;
      for (const f of this.#factors) {
        const s = state.factors[f.code];
        if (!s) continue;
        const h = holds(kind, s, f);
        if (h === null) continue;
        judged = true;
        if (h) hits.push({ f, s });
      }
      if (!judged) continue;
      const now = hits.length > 0;
      if (now === (state.active[kind] ?? false)) {
        if (now && before && before.get(kind) !== hits.map((h) => h.f.code).join(','))
          transitions.push({ ...describeHits(kind, hits), restated: true });
        continue;
      }
      state.active[kind] = now;
      if (!now) {
        transitions.push({ kind, active: false, detail: '', detailEn: '', evidence: {}, since: at });
        continue;
      }
      transitions.push(describeHits(kind, hits));
    }
    return transitions;
  }

  /** The codes of the factors `kind` holds for in `state`, in registry order, as one key. */
  #holdingCodes(state: StationRuleState, kind: FrameRuleKind): string {
    const codes: string[] = [];
    for (const f of this.#factors) {
      const s = state.factors[f.code];
      if (s && holds(kind, s, f) === true) codes.push(f.code);
    }
    return codes.join(',');
  }
}

// The state as the database keeps it (monitoring_rule_states.rule_state). Every batch of the
// gateway writes the state of each station it judged, so its size is paid per batch: written as
// StationRuleState it was about 3.4 kB for ten factors, over PostgreSQL's 2 kB TOAST threshold, so
// every write also ran pglz over it. Packed, each factor is one array in FIELDS order with its
// trailing nulls dropped, and the times (milliseconds, mostly the same few instants) are offsets
// from one base: about a fifth of the size (728 B against 3,595 B for ten factors after 200
// frames), under the threshold.

/** The fields of FactorRuleState in their packed order; `t` marks a time (packed as an offset from the base). */
const FIELDS = [
  ['seenAt', 't'],
  ['lastAt', 't'],
  ['flag', 's'],
  ['flagAt', 't'],
  ['hour', 't'],
  ['sumMin', 'n'],
  ['nMin', 'n'],
  ['sumRtd', 'n'],
  ['nRtd', 'n'],
  ['stationHourAt', 't'],
  ['hourOver', 'b'],
  ['hourAvg', 'n'],
  ['hourAt', 't'],
  ['warnOver', 'b'],
  ['warnValue', 'n'],
  ['warnAt', 't'],
  ['zeroSince', 't'],
  ['bandSince', 't'],
  ['bandMin', 'n'],
  ['bandMax', 'n'],
] as const satisfies readonly (readonly [keyof FactorRuleState, 't' | 's' | 'n' | 'b'])[];

type Packed = string | number | null;

/** A rule state packed for storage: version 2 (version 1 is StationRuleState itself). */
export type PackedRuleState = {
  v: 2;
  /** the base the times are offsets from; null when some time is not a safe integer (kept whole) */
  t: number | null;
  /** active per FRAME_RULE_KINDS: 1 yes, 0 no, null never judged (trailing nulls dropped) */
  a: (0 | 1 | null)[];
  /** per factor code, the FIELDS in order: booleans as 1/0, trailing nulls dropped */
  f: Record<string, Packed[]>;
};

/** What monitoring_rule_states.rule_state holds: a packed state, or one written before packing. */
export type StoredRuleState = PackedRuleState | StationRuleState;

function trimNulls<T>(xs: T[]): T[] {
  let n = xs.length;
  while (n > 0 && xs[n - 1] === null) n--;
  xs.length = n;
  return xs;
}

/** A state as stored: JSON.parse(JSON.stringify(packRuleState(s))) unpacks to what JSON would keep of s. */
export function packRuleState(state: StationRuleState): PackedRuleState {
  let base: number | null = null;
  let whole = false;
  for (const s of Object.values(state.factors))
    for (const [key, kind] of FIELDS) {
      if (kind !== 't') continue;
      const x = s[key] as number | null;
      if (x === null || x === undefined) continue;
      if (!Number.isSafeInteger(x)) whole = true;
      else if (base === null) base = x;
      else if (!Number.isSafeInteger(x - base)) whole = true;
    }
  const t = whole ? null : base;
  const f: Record<string, Packed[]> = {};
  for (const [code, s] of Object.entries(state.factors)) {
    const row: Packed[] = new Array(FIELDS.length);
    for (let i = 0; i < FIELDS.length; i++) {
      const [key, kind] = FIELDS[i]!;
      const x = s[key] ?? null;
      if (x === null) row[i] = null;
      else if (kind === 'b') row[i] = x ? 1 : 0;
      else if (kind === 't' && t !== null) row[i] = (x as number) - t;
      else row[i] = x as Packed;
    }
    f[code] = trimNulls(row);
  }
  const a = trimNulls(FRAME_RULE_KINDS.map((k) => (state.active[k] === undefined ? null : state.active[k] ? 1 : 0)));
  return { v: 2, t, a, f };
}

const isPacked = (x: unknown): x is PackedRuleState =>
  typeof x === 'object' && x !== null && (x as { v?: unknown }).v === 2 && typeof (x as { f?: unknown }).f === 'object';

/**
 * A stored state, packed or written before packing, as the rules use it. Anything else (a row
 * nobody could have written) reads as the empty state: the rules start over for that station,
 * which costs at most a verdict, where refusing would leave its frames unstored and unacked.
 */
export function unpackRuleState(stored: unknown): StationRuleState {
  if (isPacked(stored)) {
    const t = stored.t;
    const factors: Record<string, FactorRuleState> = {};
    for (const [code, row] of Object.entries(stored.f)) {
      const s = emptyFactor() as Record<keyof FactorRuleState, unknown>;
      for (let i = 0; i < FIELDS.length && i < row.length; i++) {
        const x = row[i];
        if (x === null || x === undefined) continue;
        const [key, kind] = FIELDS[i]!;
        if (kind === 'b') s[key] = x === 1;
        else if (kind === 't' && t !== null) s[key] = (x as number) + t;
        else s[key] = x;
      }
      factors[code] = s as FactorRuleState;
    }
    const active: StationRuleState['active'] = {};
    FRAME_RULE_KINDS.forEach((k, i) => {
      const x = stored.a[i];
      if (x !== null && x !== undefined) active[k] = x === 1;
    });
    return { factors, active };
  }
  const legacy = stored as Partial<StationRuleState> | null;
  if (typeof legacy !== 'object' || legacy === null || typeof legacy.factors !== 'object' || legacy.factors === null)
    return { factors: {}, active: {} };
  const factors: Record<string, FactorRuleState> = {};
  for (const [code, f] of Object.entries(legacy.factors)) factors[code] = { ...emptyFactor(), ...f };
  return { factors, active: { ...legacy.active } };
}
