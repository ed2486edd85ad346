// Online monitoring (在线监控, issue 11): the registry's wire schemas and the pure rules later alarms
// are evaluated by. No I/O: the gateway and the alarms module feed readings in, decisions come out.
import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import type { MessageTable } from './messages.ts';

/** HJ 212 editions a data logger may speak (hj212.md §1). */
export const MONITORING_EDITIONS = ['2017', '2005'] as const;
export type MonitoringEdition = (typeof MONITORING_EDITIONS)[number];
export const EDITION_LABELS: Record<MonitoringEdition, { zh: string; en: string }> = {
  '2017': { zh: 'HJ 212-2017', en: 'HJ 212-2017' },
  '2005': { zh: 'HJ/T 212-2005', en: 'HJ/T 212-2005' },
};

/** What an outlet discharges: waste gas (废气) or wastewater (废水). */
export const OUTLET_KINDS = ['gas', 'water'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];
export const OUTLET_KIND_LABELS: Record<OutletKind, { zh: string; en: string }> = {
  gas: { zh: '废气排放口', en: 'Waste-gas outlet' },
  water: { zh: '废水排放口', en: 'Wastewater outlet' },
};

/**
 * MN: 24 characters 0-9 A-F in 2017 (EPC-96, 表 3); 14-digit station numbers were usual with 2005
 * loggers. Anything between is accepted so a device registered from quarantine keeps its MN as sent.
 */
export const mnSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{6,24}$/, 'monitoring.mn.format');

/** Factor codes: 2017 six-character codes (w01018, a21026) or 2005 codes (011, B02, 02). */
export const factorCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{2,8}$/, 'monitoring.factor.code');

export const stationFactorInput = z
  .object({
    code: factorCodeSchema,
    /** limit from the emission standard the permit names (e.g. GB 25464 ceramics kilns) */
    upperLimit: z.number().finite().nonnegative('monitoring.factor.upperLimit').optional(),
    lowerLimit: z.number().finite().optional(),
    unit: z.string().trim().max(20).optional(),
    /** the emission standard the limit comes from, e.g. 《陶瓷工业污染物排放标准》GB 25464-2010 表 5 */
    standard: z.string().trim().max(120).optional(),
    /** instrument range: the constant-value rule uses 2 % of it */
    rangeMax: z.number().finite().positive('monitoring.factor.rangeMax').optional(),
  })
  .refine((f) => f.lowerLimit === undefined || f.upperLimit === undefined || f.lowerLimit < f.upperLimit, {
    message: 'monitoring.factor.lowerAboveUpper',
    path: ['lowerLimit'],
  });
export type StationFactorInput = z.infer<typeof stationFactorInput>;

export const stationCreateBody = z
  .object({
    enterpriseId: z.uuid(),
    name: z.string().trim().min(1).max(60),
    mn: mnSchema,
    /** PW field of the frames (表 3: 6 characters); some 2005 loggers send it empty */
    password: z
      .string()
      .max(16)
      .regex(/^[\x21-\x7e]*$/, 'monitoring.password.chars'),
    edition: z.enum(MONITORING_EDITIONS),
    outletKind: z.enum(OUTLET_KINDS).default('gas'),
    outletCode: z.string().trim().max(30).optional(),
    outletName: z.string().trim().max(60).optional(),
    /** where the outlet is, e.g. 厂区东北角（东经 113.90°，北纬 27.93°） */
    outletLocation: z.string().trim().max(100).optional(),
    /** expected upload intervals: real-time seconds (表 4 RtdInterval 30–3600) and minute data */
    rtdIntervalSeconds: z.number().int().min(30).max(3600).default(60),
    minIntervalMinutes: z.number().int().min(1).max(30).default(10),
    /** per-device quirks the lenient decoder accepts: Modbus CRC variants (hj212.md §3) */
    crcModes: z
      .array(z.enum(['modbus-le', 'modbus-be', 'none']))
      .max(3)
      .default([]),
    factors: z.array(stationFactorInput).min(1).max(40),
  })
  .refine((b) => new Set(b.factors.map((f) => f.code)).size === b.factors.length, {
    message: 'monitoring.factor.duplicate',
    path: ['factors'],
  });
export type StationCreateBody = z.infer<typeof stationCreateBody>;

/**
 * Correcting a registered station (PATCH): every field optional, the same rules as registering.
 * `version` is the token the station was read with (GET .../stations/:id): an edit made on a stale
 * copy is refused rather than silently undoing someone else's. `factors`, when given, is the whole
 * new list (a factor left out is removed, a new code added). The MN is the device's identity (the
 * frames, readings and alarms are keyed by it): a logger with another MN is a new station.
 * An empty or absent password keeps the current one; to clear it send `clearPassword: true`
 * (some 2005 loggers send no PW at all).
 */
export const stationPatchBody = z
  .object({
    version: z.string().regex(/^[0-9a-f]{16}$/, 'monitoring.station.version'),
    name: z.string().trim().min(1).max(60).optional(),
    /** refused with a field error: the MN cannot be changed */
    mn: z.string().optional(),
    password: z
      .string()
      .max(16)
      .regex(/^[\x21-\x7e]*$/, 'monitoring.password.chars')
      .optional(),
    clearPassword: z.boolean().optional(),
    edition: z.enum(MONITORING_EDITIONS).optional(),
    outletKind: z.enum(OUTLET_KINDS).optional(),
    outletCode: z.string().trim().max(30).nullable().optional(),
    outletName: z.string().trim().max(60).nullable().optional(),
    outletLocation: z.string().trim().max(100).nullable().optional(),
    rtdIntervalSeconds: z.number().int().min(30).max(3600).optional(),
    minIntervalMinutes: z.number().int().min(1).max(30).optional(),
    crcModes: z
      .array(z.enum(['modbus-le', 'modbus-be', 'none']))
      .max(3)
      .optional(),
    factors: z.array(stationFactorInput).min(1).max(40).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.mn !== undefined) ctx.addIssue({ code: 'custom', path: ['mn'], message: 'monitoring.mn.immutable' });
    if (b.clearPassword && b.password)
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'monitoring.password.clearAndSet' });
    if (b.factors) {
      const seen = new Set<string>();
      for (const [i, f] of b.factors.entries()) {
        if (seen.has(f.code))
          ctx.addIssue({
            code: 'custom',
            path: ['factors', i, 'code'],
            message: 'monitoring.factor.duplicateCode',
            params: { code: f.code },
          });
        seen.add(f.code);
      }
    }
  });
export type StationPatchBody = z.infer<typeof stationPatchBody>;

/** Data flags (表 8) that make a value invalid for averages and alarms: only N (normal) counts. */
export const VALID_FLAGS = ['N'] as const;
export function isValidFlag(flag: string | null | undefined): boolean {
  // 2005 loggers often send no flag at all; a value without a flag is taken as normal.
  return flag === null || flag === undefined || flag === '' || flag === 'N';
}

/** A value as the rules see it. */
export type Sample = { at: number; value: number; flag?: string | null };

/** Hour average of the valid samples (flagged values never count), or null without any. */
export function hourAverage(samples: readonly Sample[]): number | null {
  let sum = 0;
  let n = 0;
  for (const s of samples) {
    if (!isValidFlag(s.flag) || !Number.isFinite(s.value)) continue;
    sum += s.value;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** 超标: the hour average of valid data exceeds the limit (equal to the limit is compliant). */
export function isOverLimit(samples: readonly Sample[], upperLimit: number | null | undefined): boolean {
  if (upperLimit === null || upperLimit === undefined) return false;
  const avg = hourAverage(samples);
  return avg !== null && avg > upperLimit;
}

/** 数据缺失: nothing received for more than two expected intervals. */
export function isMissing(lastAt: number | null, now: number, intervalMs: number): boolean {
  if (lastAt === null) return true;
  return now - lastAt > 2 * intervalMs;
}

/** 零值: every valid sample of the window is zero (a dead probe or a shut outlet reporting as running). */
export function isZeroValue(samples: readonly Sample[]): boolean {
  const valid = samples.filter((s) => isValidFlag(s.flag));
  return valid.length > 0 && valid.every((s) => s.value === 0);
}

export const CONSTANT_WINDOW_MS = 4 * 3_600_000;

/**
 * 恒值: valid samples covering at least four hours stay within 2 % of the instrument range.
 * Without a range the rule cannot judge and says no.
 */
export function isConstantValue(samples: readonly Sample[], rangeMax: number | null | undefined): boolean {
  if (!rangeMax || rangeMax <= 0) return false;
  const valid = samples.filter((s) => isValidFlag(s.flag) && Number.isFinite(s.value));
  if (valid.length < 2) return false;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of valid) {
    min = Math.min(min, s.value);
    max = Math.max(max, s.value);
    first = Math.min(first, s.at);
    last = Math.max(last, s.at);
  }
  return last - first >= CONSTANT_WINDOW_MS && max - min <= 0.02 * rangeMax;
}

/** Online: a frame arrived within three real-time intervals (at least five minutes, for slow loggers). */
export function isOnline(lastFrameAt: number | null, now: number, rtdIntervalSeconds: number): boolean {
  if (lastFrameAt === null) return false;
  return now - lastFrameAt <= Math.max(3 * rtdIntervalSeconds * 1000, 5 * 60_000);
}

/** What a hidden data-logger password reads as: always six stars, so not even its length shows. */
export const MASKED_PASSWORD = '******';

// PW in the header (表 3; keys are matched in any case and with spaces, as the lenient decoder
// matches them), and NewPW in a CP (1072, setting the password). The header ends at the first
// ";CP=", so a CP key that merely ends in "PW" is not taken for the header's PW.
const HEADER_PW = /(^##\d{4}|^|;)(\s*pw\s*=)[^;]*/gi;
const CP_NEW_PW = /([=;,&])(\s*newpw\s*=)[^;,&]*/gi;

/**
 * A raw frame with the data logger's password (表 3 PW, and a 1072 NewPW) replaced by
 * MASKED_PASSWORD: the password is a credential the bureau issues, so only whoever may manage
 * stations reads it; everyone else is shown the frame like this. `hidden` says whether anything
 * was replaced. Changing the password changes the bytes the CRC and the length field were made
 * over, so a masked frame's checks are the server's, made on the frame as received. Never throws.
 */
export function maskFramePassword(raw: string): { raw: string; hidden: boolean } {
  const cp = raw.search(/;\s*cp\s*=/i);
  const head = cp < 0 ? raw : raw.slice(0, cp);
  const tail = cp < 0 ? '' : raw.slice(cp);
  let hidden = false;
  const mask = (_m: string, before: string, key: string) => {
    hidden = true;
    return `${before}${key}${MASKED_PASSWORD}`;
  };
  const masked = head.replace(HEADER_PW, mask) + tail.replace(CP_NEW_PW, mask);
  return { raw: masked, hidden };
}

/** Reading kinds by command (表 9): real-time, minute, hourly, daily data. */
export const READING_CNS = ['2011', '2051', '2061', '2031'] as const;
export type ReadingCn = (typeof READING_CNS)[number];
export const READING_CN_LABELS: Record<ReadingCn, { zh: string; en: string }> = {
  '2011': { zh: '实时数据', en: 'Real-time' },
  '2051': { zh: '分钟数据', en: 'Minute data' },
  '2061': { zh: '小时数据', en: 'Hourly data' },
  '2031': { zh: '日数据', en: 'Daily data' },
};

/** 表 8 data flags with plain names. */
export const DATA_FLAG_LABELS: Record<string, { zh: string; en: string }> = {
  N: { zh: '正常', en: 'Normal' },
  F: { zh: '停运', en: 'Stopped' },
  M: { zh: '维护', en: 'Maintenance' },
  S: { zh: '手工输入', en: 'Manual input' },
  D: { zh: '故障', en: 'Fault' },
  C: { zh: '校准', en: 'Calibration' },
  T: { zh: '超测上限', en: 'Above range' },
  B: { zh: '通讯异常', en: 'Communication failure' },
};

/** Validation messages of the registry's schemas (keys resolved by core/messages.ts). */
export const MONITORING_MESSAGES = {
  'monitoring.mn.format': { zh: '数采仪 MN 为 6–24 位字母或数字', en: 'the MN is 6–24 letters or digits' },
  'monitoring.mn.immutable': {
    zh: '数采仪 MN 是设备身份，不能修改；更换数采仪请登记新的监控点',
    en: 'the MN is the device identity and cannot be changed; register a new station for another logger',
  },
  'monitoring.factor.code': { zh: '监测因子编码为 2–8 位字母或数字', en: 'a factor code is 2–8 letters or digits' },
  'monitoring.factor.upperLimit': { zh: '排放限值不能为负数', en: 'the limit cannot be negative' },
  'monitoring.factor.rangeMax': { zh: '量程上限须大于 0', en: 'the instrument range must be above 0' },
  'monitoring.factor.lowerAboveUpper': { zh: '下限须小于上限', en: 'the lower limit must be below the upper limit' },
  'monitoring.factor.duplicate': { zh: '监测因子不能重复', en: 'a factor is listed twice' },
  'monitoring.factor.duplicateCode': { zh: '监测因子 {code} 重复', en: 'factor {code} is listed twice' },
  'monitoring.password.chars': {
    zh: '访问密码只能含可见 ASCII 字符（不含空格）',
    en: 'the password may hold visible ASCII characters only (no spaces)',
  },
  'monitoring.password.clearAndSet': {
    zh: '清空密码时不能同时填写新密码',
    en: 'either clear the password or set a new one',
  },
  'monitoring.station.version': { zh: '版本号无效，请刷新后重试', en: 'invalid version; reload and try again' },
} as const satisfies MessageTable;

/** The words the audit log reads monitoring entries in (stations registered, loggers rejected). */
export const MONITORING_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: ['monitoring-quarantine.reject', 'monitoring-station.create', 'monitoring-station.update'],
  records: {
    'monitoring-station': { zh: '在线监控点', en: 'Monitoring station' },
    'monitoring-quarantine': { zh: '未登记数采仪', en: 'Unknown data logger' },
  },
  actionLabels: {
    'monitoring-station.create': { zh: '登记监控点', en: 'Monitoring station registered' },
    'monitoring-station.update': { zh: '修改监控点登记信息', en: 'Monitoring station corrected' },
    'monitoring-quarantine.reject': { zh: '拒绝未登记数采仪', en: 'Unknown data logger rejected' },
  },
  fields: {
    cn: { zh: '命令编码（CN）', en: 'command code (CN)' },
    crcModes: { zh: '允许的校验方式', en: 'CRC variants allowed' },
    crcValid: { zh: '校验码正确', en: 'CRC valid' },
    dataTime: { zh: '数据时间', en: 'data time' },
    decidedAt: { zh: '处理时间', en: 'decided at' },
    decidedBy: { zh: '处理人', en: 'decided by' },
    edition: { zh: '协议版本', en: 'protocol edition' },
    factors: { zh: '监测因子', en: 'factors' },
    firstSeenAt: { zh: '首次上报时间', en: 'first seen at' },
    frameCount: { zh: '报文数', en: 'frame count' },
    issues: { zh: '报文问题', en: 'frame issues' },
    lastCn: { zh: '最近命令编码', en: 'last command code' },
    lastDataTime: { zh: '最近数据时间', en: 'last data time' },
    lastFrameAt: { zh: '最近上报时间', en: 'last frame at' },
    lastRaw: { zh: '最近原始报文', en: 'last raw frame' },
    lastReadingAt: { zh: '最近收到监测数据时间', en: 'last readings received at' },
    lastSt: { zh: '最近系统编码', en: 'last system code' },
    lowerLimit: { zh: '下限', en: 'lower limit' },
    minIntervalMinutes: { zh: '分钟数据间隔（分钟）', en: 'minute-data interval (minutes)' },
    mn: { zh: '数采仪编号（MN）', en: 'data logger MN' },
    outletCode: { zh: '排放口编号', en: 'outlet code' },
    outletKind: { zh: '排放口类型', en: 'outlet kind' },
    outletName: { zh: '排放口名称', en: 'outlet name' },
    outletLocation: { zh: '排放口位置', en: 'outlet location' },
    password: { zh: '访问密码', en: 'access password' },
    qn: { zh: '请求编码（QN）', en: 'request code (QN)' },
    rangeMax: { zh: '量程上限', en: 'instrument range' },
    raw: { zh: '原始报文', en: 'raw frame' },
    remoteAddress: { zh: '来源地址', en: 'remote address' },
    ruleState: { zh: '报警规则状态', en: 'alarm rule state' },
    rtdIntervalSeconds: { zh: '实时数据间隔（秒）', en: 'real-time interval (seconds)' },
    singleRow: { zh: '数据库标识（唯一行）', en: 'database identity (single row)' },
    standard: { zh: '排放标准', en: 'emission standard' },
    stationId: { zh: '监控点', en: 'station' },
    unit: { zh: '单位', en: 'unit' },
    upperLimit: { zh: '排放限值', en: 'limit' },
  },
};
