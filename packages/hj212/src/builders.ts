/**
 * Builders for the messages a platform sends (replies and requests, 表 9 and 附录 C) and the replies a device
 * sends (used by the simulator). They return {@link FrameInput} objects; pass them to `encodeFrame`.
 */
import type { CpInput, FrameInput } from './encode.ts';
import { CHINA_OFFSET_MINUTES, formatDataTime, formatQn } from './time.ts';
import type { Edition, Header } from './types.ts';

/** Identity of a device as the platform knows it. */
export interface DeviceRef {
  /** System code of the device (表 5), e.g. `32` wastewater, `31` flue gas. */
  ST: string;
  PW: string;
  MN: string;
}

/** The header of a received frame, or the decoded frame itself. */
export type ReplyTarget = Header | { header: Header; edition?: Edition | null };

export interface RequestOptions {
  /** QN of the request; by default made from `now`. */
  qn?: string;
  now?: Date | number;
  /** Whether the device should answer 9011/9012 (A bit). Default true, as in 附录 C requests (Flag=5). */
  ack?: boolean;
  offsetMinutes?: number;
}

function headerOf(t: ReplyTarget): Header {
  return 'header' in t && typeof t.header === 'object' ? t.header : (t as Header);
}

function editionOf(t: ReplyTarget, fallback: Edition | undefined): Edition | undefined {
  if (fallback !== undefined) return fallback;
  return 'header' in t && typeof t.header === 'object' ? (t.edition ?? undefined) : undefined;
}

/**
 * Reply header of 附录 C: `ST=91` (system interaction), the request's QN, PW and MN, Flag without A bit.
 * HJ/T 212-2005 replies carry the QN inside CP instead (§4.3 of the domain notes, from 2005-era code).
 */
function reply(t: ReplyTarget, cn: string, cp: Record<string, string>, edition?: Edition): FrameInput {
  const h = headerOf(t);
  const ed = editionOf(t, edition);
  if (ed === '2005') {
    const withQn: Record<string, string> = h.QN !== undefined ? { QN: h.QN, ...cp } : cp;
    return { header: { ST: '91', CN: cn, PW: h.PW ?? '', MN: h.MN ?? '', Flag: 0 }, cp: withQn, edition: '2005' };
  }
  const header = { QN: h.QN, ST: '91', CN: cn, PW: h.PW ?? '', MN: h.MN ?? '', Flag: 0 };
  return { header, cp, edition: ed ?? '2017' };
}

/** 9014 数据应答: the platform's answer to an upload with A=1 — same QN, `ST=91`, `Flag=4`, `CP=&&&&` (表 C.14, C.48). */
export function ack9014(to: ReplyTarget, edition?: Edition): FrameInput {
  return reply(to, '9014', {}, edition);
}

/** 9013 通知应答: the answer to a notification such as 1013 (time calibration request). */
export function reply9013(to: ReplyTarget, edition?: Edition): FrameInput {
  return reply(to, '9013', {}, edition);
}

/** 9011 请求应答 (device side): `QnRtn` of 表 7, 1 = ready to execute. */
export function qnRtn9011(to: ReplyTarget, qnRtn: number | string = 1, edition?: Edition): FrameInput {
  return reply(to, '9011', { QnRtn: String(qnRtn) }, edition);
}

/** 9012 执行结果 (device side): `ExeRtn` of 表 6, 1 = success. */
export function exeRtn9012(to: ReplyTarget, exeRtn: number | string = 1, edition?: Edition): FrameInput {
  return reply(to, '9012', { ExeRtn: String(exeRtn) }, edition);
}

function request(dev: DeviceRef, cn: string, cp: CpInput, o: RequestOptions = {}): FrameInput {
  const now = o.now ?? Date.now();
  const qn = o.qn ?? formatQn(now, o.offsetMinutes ?? CHINA_OFFSET_MINUTES);
  return { header: { QN: qn, ST: dev.ST, CN: cn, PW: dev.PW, MN: dev.MN, Flag: o.ack === false ? 0 : 1 }, cp };
}

function time(t: Date | number | string, o: RequestOptions): string {
  return typeof t === 'string' ? t : formatDataTime(t, o.offsetMinutes ?? CHINA_OFFSET_MINUTES);
}

/** 1000: set the device's reply timeout (s) and retry count (表 C.1: `OverTime=5;ReCount=3`). */
export function setTimeoutRetry(dev: DeviceRef, overTime: number, reCount: number, o?: RequestOptions): FrameInput {
  return request(dev, '1000', { OverTime: overTime, ReCount: reCount }, o);
}

/** 1011: get the device time; with `polId`, the time of that instrument. */
export function getDeviceTime(dev: DeviceRef, polId?: string, o?: RequestOptions): FrameInput {
  return request(dev, '1011', polId === undefined ? {} : { PolId: polId }, o);
}

/** 1012: set the device time (`SystemTime`, N14). */
export function setDeviceTime(
  dev: DeviceRef,
  systemTime: Date | number | string,
  polId?: string,
  o: RequestOptions = {},
): FrameInput {
  const cp: Record<string, string> = polId === undefined ? {} : { PolId: polId };
  cp.SystemTime = time(systemTime, o);
  return request(dev, '1012', cp, o);
}

/** 1061: get the realtime-data interval. */
export function getRtdInterval(dev: DeviceRef, o?: RequestOptions): FrameInput {
  return request(dev, '1061', {}, o);
}

/** 1062: set the realtime-data interval in seconds (表 4: 30 ≤ n ≤ 3600). */
export function setRtdInterval(dev: DeviceRef, seconds: number, o?: RequestOptions): FrameInput {
  if (!Number.isInteger(seconds) || seconds < 30 || seconds > 3600) {
    throw new RangeError('RtdInterval must be an integer from 30 to 3600 s (表 4)');
  }
  return request(dev, '1062', { RtdInterval: seconds }, o);
}

/** 1063: get the minute-data interval. */
export function getMinInterval(dev: DeviceRef, o?: RequestOptions): FrameInput {
  return request(dev, '1063', {}, o);
}

/** Minute-data intervals allowed by 表 4. */
export const MIN_INTERVALS: readonly number[] = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

/** 1064: set the minute-data interval in minutes (表 4: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30). */
export function setMinInterval(dev: DeviceRef, minutes: number, o?: RequestOptions): FrameInput {
  if (!MIN_INTERVALS.includes(minutes))
    throw new RangeError('MinInterval must be one of 1,2,3,4,5,6,10,12,15,20,30 (表 4)');
  return request(dev, '1064', { MinInterval: minutes }, o);
}

/** 1072: set the device password (`NewPW`, 6 characters). */
export function setPassword(dev: DeviceRef, newPw: string, o?: RequestOptions): FrameInput {
  return request(dev, '1072', { NewPW: newPw }, o);
}

/** 2011 / 2021: start realtime data or facility-state uploads (`CP=&&&&`). */
export function startRealtime(dev: DeviceRef, cn: '2011' | '2021' = '2011', o?: RequestOptions): FrameInput {
  return request(dev, cn, {}, o);
}

/** 2012 / 2022: stop realtime data or facility-state uploads (notifications; the device answers 9013). */
export function stopRealtime(dev: DeviceRef, cn: '2012' | '2022' = '2012', o?: RequestOptions): FrameInput {
  return request(dev, cn, {}, o);
}

/** Data requests of 表 9 with a time range: 2031 daily, 2041 daily running time, 2051 minute, 2061 hourly. */
export type HistoryCn = '2031' | '2041' | '2051' | '2061';

/** 2031/2041/2051/2061: request history data between `begin` and `end` (`BeginTime`/`EndTime`, N14). */
export function requestHistory(
  dev: DeviceRef,
  cn: HistoryCn,
  begin: Date | number | string,
  end: Date | number | string,
  o: RequestOptions = {},
): FrameInput {
  return request(dev, cn, { BeginTime: time(begin, o), EndTime: time(end, o) }, o);
}

/** Any other request: `cn` with the given CP. */
export function customRequest(dev: DeviceRef, cn: string, cp: CpInput, o?: RequestOptions): FrameInput {
  return request(dev, cn, cp, o);
}
