import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';

/**
 * Electricity sub-metering (分表计电, rules.md §4): a meter on each production line and on each
 * pollution-control facility, and rules R1–R5 comparing them. Pure: the server passes the samples
 * of a window and gets back the runs that break a rule; it raises and clears the alarms.
 *
 * A sample holds from its time until the next sample, but never longer than `holdMinutes`: past
 * that the meter's state is unknown, which is neither on nor off (a silent meter is R5's business,
 * not a reason to call the facility off under R1).
 */

type Label = { zh: string; en: string };

export const METER_ROLES = ['line', 'facility'] as const;
export type MeterRole = (typeof METER_ROLES)[number];
export const METER_ROLE_LABELS: Readonly<Record<MeterRole, Label>> = {
  line: { zh: '生产线', en: 'production line' },
  facility: { zh: '治污设施', en: 'control facility' },
};

export const RESTRICTION_KINDS = ['limit', 'halt'] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];
export const RESTRICTION_KIND_LABELS: Readonly<Record<RestrictionKind, Label>> = {
  limit: { zh: '限产', en: 'output limited' },
  halt: { zh: '停产', en: 'production halted' },
};

export const ELECTRICITY_RULES = ['r1', 'r2', 'r3', 'r4', 'r5'] as const;
export type ElectricityRule = (typeof ELECTRICITY_RULES)[number];

/**
 * Thresholds per control facility. t₁/t₂/p/t₃ are rules.md §4's; onPercent says when a meter counts
 * as running (below it the motor is idle or off); R3 and R4 use t₁ as their tolerance too, so a
 * short dip or the ramp-down at the start of an order does not raise an alarm.
 */
export type FacilityThresholds = {
  onPercent: number;
  t1Minutes: number;
  t2Minutes: number;
  pPercent: number;
  t3Minutes: number;
  holdMinutes: number;
};

export const DEFAULT_FACILITY_THRESHOLDS: FacilityThresholds = {
  onPercent: 10,
  t1Minutes: 15,
  t2Minutes: 10,
  pPercent: 50,
  t3Minutes: 30,
  holdMinutes: 5,
};

export const facilityThresholdsSchema = z.object({
  onPercent: z.number().min(1).max(90),
  t1Minutes: z.number().int().min(1).max(1440),
  t2Minutes: z.number().int().min(1).max(1440),
  pPercent: z.number().min(1).max(100),
  t3Minutes: z.number().int().min(1).max(10_080),
  holdMinutes: z.number().int().min(1).max(120),
});

const text = (max: number) => z.string().trim().min(1).max(max);

/** The meter code is the MQTT topic segment: letters, digits, '-' and '_' only (no '/', '+', '#'). */
export const meterCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'electricity.meterCode');

/**
 * How a meter reports over HJ 212 (README, "Electricity meters over HJ 212"): the data logger's MN
 * and access password (PW), and the factor code whose `-Rtd` (2011) or `-Avg` (2051) is this
 * meter's active power in kW. HJ 212 has no electricity factor code: the 2017 tables give `e…`
 * (process water, 表 B.5) and `g…` (process flue gas, 表 B.7) codes for 工况 data, and the field
 * sends vendor codes such as `ele01` (hj212.md §5–§8: "mapping tables are data, not code"). So the
 * code is whatever the logger sends, bound here; letters, digits and `_` only, since `-` separates
 * the code from its suffix in CP.
 */
export const hj212CodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{1,24}$/, 'electricity.hj212Code');

/** The access password as a logger sends it (表 3: 6 characters; some loggers use longer ones). */
export const hj212PasswordSchema = z
  .string()
  .max(24, 'electricity.hj212PasswordLength')
  .regex(/^[\x21-\x7e]*$/, 'electricity.hj212PasswordChars');

export const meterHj212Body = z.object({
  mn: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{6,24}$/, 'electricity.hj212Mn'),
  code: hj212CodeSchema,
  /** the logger's PW; may be left out when another meter on the same MN already holds it */
  password: hj212PasswordSchema.optional(),
});
export type MeterHj212Body = z.infer<typeof meterHj212Body>;

export const meterCreateBody = z
  .object({
    enterpriseId: z.uuid(),
    code: meterCodeSchema,
    name: text(100),
    role: z.enum(METER_ROLES),
    ratedKw: z.number().positive().max(100_000),
    /** for a facility: the production line meter it serves */
    servesMeterId: z.uuid().nullable().optional(),
    thresholds: facilityThresholdsSchema.partial().optional(),
    /** the meter also (or only) reports over HJ 212 through this logger and code */
    hj212: meterHj212Body.optional(),
  })
  .refine((m) => m.role === 'line' || !!m.servesMeterId, {
    path: ['servesMeterId'],
    message: 'electricity.servesRequired',
  })
  .refine((m) => m.role === 'facility' || (!m.servesMeterId && !m.thresholds), {
    path: ['servesMeterId'],
    message: 'electricity.lineServesNothing',
  });
export type MeterCreateBody = z.infer<typeof meterCreateBody>;

/** What the electricity schemas say when they refuse (module messages: see messages.ts). */
export const ELECTRICITY_MESSAGES = {
  'electricity.meterCode': {
    zh: '电表编号只能包含字母、数字、- 和 _',
    en: 'a meter code has letters, digits, - and _ only',
  },
  'electricity.hj212Code': {
    zh: '因子编码为 1–24 位字母、数字或下划线（“-”是编码与后缀的分隔符）',
    en: "a factor code has 1–24 letters, digits or _ ('-' separates the code from its suffix)",
  },
  'electricity.hj212PasswordLength': { zh: '访问密码最多24个字符', en: 'the password has at most 24 characters' },
  'electricity.hj212PasswordChars': {
    zh: '访问密码只能含可见 ASCII 字符',
    en: 'the password has visible ASCII characters only',
  },
  'electricity.hj212Mn': { zh: '数采仪 MN 为 6–24 位字母或数字', en: 'a logger MN has 6–24 letters or digits' },
  'electricity.servesRequired': {
    zh: '治污设施须指明其服务的生产线',
    en: 'a control facility names the line it serves',
  },
  'electricity.lineServesNothing': {
    zh: '生产线电表不服务其他设施，也没有治污设施阈值',
    en: 'a line meter serves nothing and has no facility thresholds',
  },
  'electricity.endsAfterStart': { zh: '结束时间须晚于开始时间', en: 'the end must be after the start' },
  'electricity.maxLoad': {
    zh: '限产须给出允许的负荷比例；停产不填',
    en: 'a limit order gives the allowed load; a halt order gives none',
  },
} as const;

/** A restriction order (限产/停产 during a heavy-pollution alert) is bounded: at most 31 days. */
export const RESTRICTION_MAX_DAYS = 31;
export const restrictionOrderBody = z
  .object({
    enterpriseId: z.uuid(),
    kind: z.enum(RESTRICTION_KINDS),
    /** for 限产: the share of rated power the lines may draw */
    maxLoadPercent: z.number().min(1).max(99).nullable().optional(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    documentNo: text(100),
    reason: text(500),
  })
  .refine((o) => Date.parse(o.endsAt) > Date.parse(o.startsAt), {
    path: ['endsAt'],
    message: 'electricity.endsAfterStart',
  })
  .refine((o) => Date.parse(o.endsAt) - Date.parse(o.startsAt) <= RESTRICTION_MAX_DAYS * 86_400_000, {
    path: ['endsAt'],
    message: `一次限产停产令最长${RESTRICTION_MAX_DAYS}天`,
  })
  .refine((o) => (o.kind === 'limit') === (o.maxLoadPercent != null), {
    path: ['maxLoadPercent'],
    message: 'electricity.maxLoad',
  });
export type RestrictionOrderBody = z.infer<typeof restrictionOrderBody>;

/**
 * The MQTT payload a meter publishes on `<prefix>/meters/<code>/power` (README): `ts` with its
 * offset, active power `p` in kW, optional cumulative energy `e` in kWh.
 */
export const meterPayloadSchema = z.object({
  ts: z.iso.datetime({ offset: true }),
  p: z.number().min(0).max(1_000_000),
  e: z.number().min(0).optional(),
});
export type MeterPayload = z.infer<typeof meterPayloadSchema>;

// ---- the rules ----

export type PowerSample = { at: number; kw: number };
export type Interval = { from: number; to: number };

export type MeterInput = {
  id: string;
  ratedKw: number;
  /** ascending by time; may include the last sample before the window */
  samples: readonly PowerSample[];
  /** the meter's newest sample ever (null: never reported) and when it was registered */
  lastSeenAt: number | null;
  registeredAt: number;
};
export type FacilityInput = MeterInput & { servesLineId: string; thresholds: FacilityThresholds };
export type RestrictionOrderInput = { kind: RestrictionKind; maxLoadPercent: number | null; from: number; to: number };

export type PlantInput = {
  lines: readonly MeterInput[];
  facilities: readonly FacilityInput[];
  orders: readonly RestrictionOrderInput[];
  /** the window evaluated; `to` is now */
  from: number;
  to: number;
};

export type Finding = {
  rule: ElectricityRule;
  /** R1–R3: the facility meter; R4: the line meter; R5: the silent meter */
  meterId: string;
  from: number;
  to: number;
  /** the run reaches the end of the window: the condition still holds */
  ongoing: boolean;
  minutes: number;
};

const MIN = 60_000;

/** Where a meter's known level satisfies `pred`, within [from, to]; adjacent pieces merged. */
export function intervalsWhere(
  samples: readonly PowerSample[],
  from: number,
  to: number,
  holdMs: number,
  pred: (kw: number) => boolean,
): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const next = samples[i + 1];
    const a = Math.max(s.at, from);
    const b = Math.min(next ? next.at : Number.POSITIVE_INFINITY, s.at + holdMs, to);
    if (b <= a || !pred(s.kw)) continue;
    const last = out[out.length - 1];
    if (last && last.to >= a) last.to = Math.max(last.to, b);
    else out.push({ from: a, to: b });
  }
  return out;
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (to > from) {
      const last = out[out.length - 1];
      if (last && last.to >= from) last.to = to;
      else out.push({ from, to });
    }
    if (x.to < y.to) i++;
    else j++;
  }
  return out;
}

const onAt = (rated: number, t: FacilityThresholds) => (kw: number) => kw >= (rated * t.onPercent) / 100;
const offAt = (rated: number, t: FacilityThresholds) => (kw: number) => kw < (rated * t.onPercent) / 100;

function runsLongerThan(rule: ElectricityRule, meterId: string, runs: Interval[], minutes: number, end: number) {
  return runs
    .filter((r) => r.to - r.from > minutes * MIN)
    .map((r) => ({ rule, meterId, from: r.from, to: r.to, ongoing: r.to >= end, minutes: (r.to - r.from) / MIN }));
}

/**
 * A plant is fully stopped when no production line ran at any time in the window — a line's last
 * reading counts until the next, however old, so a line last seen running is not stopped: rules.md
 * §4 says such a plant raises nothing, not even R5 (meters are often switched off with the plant).
 */
export function plantStopped(p: PlantInput): boolean {
  return p.lines.every(
    (l) =>
      intervalsWhere(l.samples, p.from, p.to, Number.POSITIVE_INFINITY, onAt(l.ratedKw, thresholdsForLine(p, l.id)))
        .length === 0,
  );
}

function thresholdsForLine(p: PlantInput, lineId: string): FacilityThresholds {
  return p.facilities.find((f) => f.servesLineId === lineId)?.thresholds ?? DEFAULT_FACILITY_THRESHOLDS;
}

/** R1–R5 over a plant's window. */
export function evaluatePlant(p: PlantInput): Finding[] {
  if (plantStopped(p)) return [];
  const findings: Finding[] = [];
  for (const f of p.facilities) {
    const line = p.lines.find((l) => l.id === f.servesLineId);
    if (!line) continue;
    const t = f.thresholds;
    const hold = t.holdMinutes * MIN;
    const lineOn = intervalsWhere(line.samples, p.from, p.to, hold, onAt(line.ratedKw, t));
    const facOn = intervalsWhere(f.samples, p.from, p.to, hold, onAt(f.ratedKw, t));
    const facOff = intervalsWhere(f.samples, p.from, p.to, hold, offAt(f.ratedKw, t));
    const facLow = intervalsWhere(
      f.samples,
      p.from,
      p.to,
      hold,
      (kw) => onAt(f.ratedKw, t)(kw) && kw < (f.ratedKw * t.pPercent) / 100,
    );
    // R1: production runs while the control facility is (known to be) off
    findings.push(...runsLongerThan('r1', f.id, intersect(lineOn, facOff), t.t1Minutes, p.to));
    // R2: the facility starts more than t₂ after production starts, or stops more than t₂ before
    // it stops; a facility that never starts during the run is R1's
    for (const run of lineOn) {
      const offAtStart = facOff.find((o) => o.from <= run.from && o.to > run.from);
      if (offAtStart) {
        const start = facOn.find((o) => o.from >= offAtStart.to && o.from < run.to);
        if (start && start.from - run.from > t.t2Minutes * MIN)
          findings.push({
            rule: 'r2',
            meterId: f.id,
            from: run.from,
            to: start.from,
            ongoing: false,
            minutes: (start.from - run.from) / MIN,
          });
      }
      if (run.to < p.to) {
        const offAtEnd = facOff.find((o) => o.from < run.to && o.to >= run.to);
        const wasOn = offAtEnd && facOn.some((o) => o.to === offAtEnd.from && o.to > run.from);
        if (offAtEnd && wasOn && run.to - offAtEnd.from > t.t2Minutes * MIN)
          findings.push({
            rule: 'r2',
            meterId: f.id,
            from: offAtEnd.from,
            to: run.to,
            ongoing: false,
            minutes: (run.to - offAtEnd.from) / MIN,
          });
      }
    }
    // R3: running, but below p % of its rated power while production runs
    findings.push(...runsLongerThan('r3', f.id, intersect(lineOn, facLow), t.t1Minutes, p.to));
  }
  for (const line of p.lines) {
    const t = thresholdsForLine(p, line.id);
    const hold = t.holdMinutes * MIN;
    // R4: production during a restriction order (停产: running at all; 限产: above the allowed load)
    for (const o of p.orders) {
      const from = Math.max(o.from, p.from);
      const to = Math.min(o.to, p.to);
      if (to <= from) continue;
      const limit =
        o.kind === 'halt' ? (line.ratedKw * t.onPercent) / 100 : (line.ratedKw * (o.maxLoadPercent ?? 100)) / 100;
      const over = intervalsWhere(line.samples, from, to, hold, (kw) => kw >= limit && kw > 0);
      findings.push(...runsLongerThan('r4', line.id, over, t.t1Minutes, p.to));
    }
  }
  // R5: a meter silent for more than t₃
  const meters: { m: MeterInput; t: FacilityThresholds }[] = [
    ...p.lines.map((m) => ({ m, t: thresholdsForLine(p, m.id) })),
    ...p.facilities.map((m) => ({ m, t: m.thresholds })),
  ];
  for (const { m, t } of meters) {
    const since = m.lastSeenAt ?? m.registeredAt;
    if (p.to - since > t.t3Minutes * MIN)
      findings.push({ rule: 'r5', meterId: m.id, from: since, to: p.to, ongoing: true, minutes: (p.to - since) / MIN });
  }
  return findings;
}

/** The words the audit log reads the electricity module's entries in. */
export const ELECTRICITY_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: ['meter.create', 'meter.hj212-bind', 'meter.hj212-unbind', 'restriction-order.create'],
  records: { meter: { zh: '电表', en: 'Meter' }, 'restriction-order': { zh: '限产停产令', en: 'Restriction order' } },
  actionLabels: {
    'meter.create': { zh: '登记电表', en: 'Meter registered' },
    'meter.hj212-bind': { zh: '设置电表 HJ 212 接入', en: 'Meter bound to an HJ 212 logger' },
    'meter.hj212-unbind': { zh: '解除电表 HJ 212 接入', en: 'Meter unbound from its HJ 212 logger' },
    'restriction-order.create': { zh: '下达限产停产令', en: 'Restriction order issued' },
  },
  fields: {
    role: { zh: '类型', en: 'role' },
    ratedKw: { zh: '额定功率（kW）', en: 'rated power (kW)' },
    servesMeterId: { zh: '服务的生产线电表', en: 'serves meter' },
    thresholds: { zh: '判定阈值', en: 'thresholds' },
    lastKw: { zh: '最近功率（kW）', en: 'last power (kW)' },
    hj212Mn: { zh: 'HJ 212 数采仪 MN', en: 'HJ 212 logger MN' },
    hj212Code: { zh: 'HJ 212 因子编码', en: 'HJ 212 factor code' },
    hj212Password: { zh: 'HJ 212 访问密码', en: 'HJ 212 password' },
    meterId: { zh: '电表编号', en: 'meter ID' },
    kw: { zh: '功率（kW）', en: 'power (kW)' },
    kwh: { zh: '累计电量（kWh）', en: 'energy (kWh)' },
    maxLoadPercent: { zh: '允许负荷（%）', en: 'allowed load (%)' },
    endsAt: { zh: '结束时间', en: 'ends at' },
    documentNo: { zh: '文号', en: 'document no.' },
    onPercent: { zh: '开机判定（%额定）', en: 'on at (% rated)' },
    t1Minutes: { zh: 'R1 时长（分钟）', en: 'R1 minutes' },
    t2Minutes: { zh: 'R2 时长（分钟）', en: 'R2 minutes' },
    pPercent: { zh: 'R3 功率下限（%）', en: 'R3 power floor (%)' },
    t3Minutes: { zh: 'R5 离线时长（分钟）', en: 'R5 minutes' },
    holdMinutes: { zh: '读数有效时长（分钟）', en: 'reading holds (minutes)' },
  },
};
