import { TOWN_CODES } from '@qingshan/core';
import {
  factorCodeSchema,
  isOnline,
  MONITORING_EDITIONS,
  maskFramePassword,
  OUTLET_KINDS,
  stationCreateBody,
  stationPatchBody,
} from '@qingshan/core/monitoring';
import { decodeFrame, factorInfo, mapFactor2005 } from '@qingshan/hj212';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { FrameRow } from './frames.ts';
import type { StationRow } from './ingest.ts';
import {
  type FactorRow,
  MAX_READING_PERIOD_DAYS,
  MAX_ROLLUP_PERIOD_DAYS,
  QUARANTINE_SORTS,
  type QuarantineRow,
  type StationListRow,
} from './service.ts';

export { stationCreateBody, stationPatchBody };

export const stationIdParams = z.object({ id: z.uuid() });
export const quarantineIdParams = z.object({ id: z.uuid() });

export const stationsQuery = z.object({
  q: z.string().trim().max(50).optional(),
  townCode: z.enum(TOWN_CODES as [string, ...string[]]).optional(),
  state: z.enum(['online', 'offline']).optional(),
  /** by enterprise then station name (the default), or by the last frame: oldest first finds the silent ones */
  sort: z.enum(['enterprise', '-enterprise', 'lastFrameAt', '-lastFrameAt']).default('enterprise'),
  page: paging.page,
  pageSize: paging.pageSize,
});

const DAY = 86_400_000;

export const readingsQuery = z
  .object({
    /** ISO 8601 with offset; default: the 24 hours before `to` */
    from: z.iso.datetime({ offset: true }).optional(),
    /** ISO 8601 with offset; default: now */
    to: z.iso.datetime({ offset: true }).optional(),
    factor: factorCodeSchema.optional(),
    cn: z.enum(['2011', '2051', '2061', '2031']).optional(),
    /** hourly and daily values only: the station's own (2061/2031 it sent) or the platform's rollup */
    source: z.enum(['station', 'platform']).optional(),
    page: paging.page,
    // a chart draws a day of minute data of one factor in one request
    pageSize: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .superRefine((q, ctx) => {
    const to = q.to ? Date.parse(q.to) : Date.now();
    const from = q.from ? Date.parse(q.from) : to - DAY;
    // hourly and daily values are few: a year of them is one chart
    const maxDays = q.cn === '2061' || q.cn === '2031' ? MAX_ROLLUP_PERIOD_DAYS : MAX_READING_PERIOD_DAYS;
    if (from >= to) ctx.addIssue({ code: 'custom', path: ['from'], message: '开始时间须早于结束时间' });
    else if (to - from > maxDays * DAY)
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message:
          maxDays === MAX_READING_PERIOD_DAYS
            ? `实时、分钟数据的查询时段不能超过 ${maxDays} 天，更长时段请查小时或日数据`
            : `查询时段不能超过 ${maxDays} 天`,
      });
    if (q.source && q.cn !== '2061' && q.cn !== '2031')
      ctx.addIssue({ code: 'custom', path: ['source'], message: '只有小时、日数据区分数采仪上传和平台计算' });
  });

/**
 * The raw frames of a station, newest first. With `from`/`to` (received time, at most 31 days) the
 * list is the frames of that window: how the frames behind an alarm are found weeks later.
 */
export const framesQuery = z
  .object({
    /** ISO 8601 with offset: received at or after */
    from: z.iso.datetime({ offset: true }).optional(),
    /** ISO 8601 with offset: received before; default now when `from` is given */
    to: z.iso.datetime({ offset: true }).optional(),
    page: paging.page,
    pageSize: paging.pageSize,
  })
  .superRefine((q, ctx) => {
    if (!q.from && !q.to) return;
    const to = q.to ? Date.parse(q.to) : Date.now();
    const from = q.from ? Date.parse(q.from) : to - DAY;
    if (from >= to) ctx.addIssue({ code: 'custom', path: ['from'], message: '开始时间须早于结束时间' });
    else if (to - from > MAX_READING_PERIOD_DAYS * DAY)
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `原始报文的查询时段不能超过 ${MAX_READING_PERIOD_DAYS} 天`,
      });
  });

export const quarantineQuery = z.object({
  state: z.enum(['open', 'registered', 'rejected']).optional(),
  sort: z.enum(QUARANTINE_SORTS).default('-lastSeenAt'),
  page: paging.page,
  pageSize: paging.pageSize,
});

/** A factor's plain name and unit from 表 B.1/B.2 (2005 codes through the standard's old-code column). */
function factorNames(code: string) {
  const info = factorInfo(code) ?? factorInfo(mapFactor2005(code) ?? '');
  return { nameZh: info?.nameZh ?? code, nameEn: info?.nameEn ?? code, standardUnit: info?.unitZh ?? null };
}

export const factorViewSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string().nullable(),
  upperLimit: z.number().nullable(),
  lowerLimit: z.number().nullable(),
  standard: z.string().nullable(),
  rangeMax: z.number().nullable(),
});
export type FactorView = z.infer<typeof factorViewSchema>;

export function toFactorView(f: FactorRow): FactorView {
  const n = factorNames(f.code);
  return {
    code: f.code,
    nameZh: n.nameZh,
    nameEn: n.nameEn,
    unit: f.unit ?? n.standardUnit,
    upperLimit: f.upperLimit,
    lowerLimit: f.lowerLimit,
    standard: f.standard,
    rangeMax: f.rangeMax,
  };
}

export const stationViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  townCode: z.string(),
  name: z.string(),
  mn: z.string(),
  edition: z.enum(MONITORING_EDITIONS),
  outletKind: z.enum(OUTLET_KINDS),
  outletCode: z.string().nullable(),
  outletName: z.string().nullable(),
  outletLocation: z.string().nullable(),
  rtdIntervalSeconds: z.number(),
  minIntervalMinutes: z.number(),
  crcModes: z.array(z.string()),
  online: z.boolean(),
  lastFrameAt: z.string().nullable(),
  lastDataTime: z.string().nullable(),
  factorCount: z.number(),
  createdAt: z.string(),
});
export type StationView = z.infer<typeof stationViewSchema>;

export const stationDetailSchema = stationViewSchema.extend({
  factors: z.array(factorViewSchema),
  /** a connection from this logger is open at the gateway of this process */
  connected: z.boolean().nullable(),
  /**
   * The registry fields' version: send it back with PATCH. A digest of what staff can edit (never
   * of lastFrameAt, which every frame moves), so ingest does not make an open edit form stale.
   */
  version: z.string(),
});

export function toStationView(s: StationListRow, now = Date.now()): StationView {
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    townCode: s.townCode,
    name: s.name,
    mn: s.mn,
    edition: s.edition as StationView['edition'],
    outletKind: s.outletKind as StationView['outletKind'],
    outletCode: s.outletCode,
    outletName: s.outletName,
    outletLocation: s.outletLocation,
    rtdIntervalSeconds: s.rtdIntervalSeconds,
    minIntervalMinutes: s.minIntervalMinutes,
    crcModes: s.crcModes,
    online: isOnline(s.lastFrameAt?.getTime() ?? null, now, s.rtdIntervalSeconds),
    lastFrameAt: s.lastFrameAt?.toISOString() ?? null,
    lastDataTime: s.lastDataTime?.toISOString() ?? null,
    factorCount: s.factorCount,
    createdAt: s.createdAt.toISOString(),
  };
}

export const stationCreatedSchema = stationDetailSchema.extend({
  /** frames the logger sent while in quarantine, now turned into readings */
  replayedReadings: z.number(),
});

export const readingViewSchema = z.object({
  dataTime: z.string(),
  cn: z.string(),
  factor: z.string(),
  value: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  flag: z.string().nullable(),
  /** hourly and daily values only: 'station' (sent by the logger) or 'platform' (rolled up) */
  source: z.enum(['station', 'platform']).optional(),
});

export function toReadingView(r: {
  dataTime: Date;
  cn: string;
  factor: string;
  value: number | null;
  min: number | null;
  max: number | null;
  flag: string | null;
  source?: string | null;
}) {
  const { source, ...rest } = r;
  const view = { ...rest, dataTime: r.dataTime.toISOString() };
  return source === 'station' || source === 'platform' ? { ...view, source: source as 'station' | 'platform' } : view;
}

export const frameViewSchema = z.object({
  id: z.number(),
  mn: z.string(),
  qn: z.string().nullable(),
  cn: z.string().nullable(),
  dataTime: z.string().nullable(),
  /** as received, except the logger's password (PW) for whoever may not manage stations */
  raw: z.string(),
  /** the password in `raw` is masked: the CRC and issues below are those of the frame as received */
  passwordHidden: z.boolean(),
  crcValid: z.boolean(),
  issues: z.array(z.string()),
  receivedAt: z.string(),
});

/**
 * Who reads a data logger's password in its raw frames: whoever may manage stations (the routes'
 * REGISTRY, access-matrix.ts). It is a credential the bureau issues; the enterprise and other staff
 * get the frame with it masked.
 */
export const PASSWORD_READERS = ['admin', 'monitor'] as const;
export type FrameAudience = { showPassword: boolean };
export const frameAudienceOf = (user: { roles: readonly string[] } | null): FrameAudience => ({
  showPassword: !!user && user.roles.some((r) => (PASSWORD_READERS as readonly string[]).includes(r)),
});

function shownRaw(raw: string, audience: FrameAudience): { raw: string; passwordHidden: boolean } {
  if (audience.showPassword) return { raw, passwordHidden: false };
  const m = maskFramePassword(raw);
  return { raw: m.raw, passwordHidden: m.hidden };
}

export function toFrameView(f: FrameRow, audience: FrameAudience) {
  return {
    id: f.id,
    mn: f.mn,
    qn: f.qn,
    cn: f.cn,
    dataTime: f.dataTime?.toISOString() ?? null,
    ...shownRaw(f.raw, audience),
    crcValid: f.crcValid,
    issues: f.issues,
    receivedAt: f.receivedAt.toISOString(),
  };
}

export const quarantineViewSchema = z.object({
  id: z.string(),
  mn: z.string(),
  state: z.enum(['open', 'registered', 'rejected']),
  frameCount: z.number(),
  /** as received, except the logger's password (PW) for whoever may not manage stations */
  lastRaw: z.string(),
  /** the password in `lastRaw` is masked: `lastCrcValid` and `lastIssues` are the checks of the frame as received */
  passwordHidden: z.boolean(),
  /** the 附录 A CRC of the last frame as received matches */
  lastCrcValid: z.boolean(),
  /** issue codes the lenient decoder finds in the last frame as received */
  lastIssues: z.array(z.string()),
  lastCn: z.string().nullable(),
  lastSt: z.string().nullable(),
  remoteAddress: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  decidedAt: z.string().nullable(),
});

export function toQuarantineView(q: QuarantineRow, audience: FrameAudience) {
  const shown = shownRaw(q.lastRaw, audience);
  // the quarantine keeps no verdict of its own: judged here as the browser's decoder judges it
  const checked = decodeFrame(`${q.lastRaw.trim()}\r\n`, { lenient: true });
  return {
    id: q.id,
    mn: q.mn,
    state: q.state as 'open' | 'registered' | 'rejected',
    frameCount: q.frameCount,
    lastRaw: shown.raw,
    passwordHidden: shown.passwordHidden,
    lastCrcValid: checked.crcValid,
    lastIssues: checked.issues.map((i) => i.code),
    lastCn: q.lastCn,
    lastSt: q.lastSt,
    remoteAddress: q.remoteAddress,
    firstSeenAt: q.firstSeenAt.toISOString(),
    lastSeenAt: q.lastSeenAt.toISOString(),
    decidedAt: q.decidedAt?.toISOString() ?? null,
  };
}

export const overviewSchema = z.object({
  stations: z.number(),
  online: z.number(),
  offline: z.number(),
  /** alarms of the stations not yet closed by an officer */
  openAlarms: z.number(),
  quarantineOpen: z.number(),
  byTown: z.array(
    z.object({
      townCode: z.string(),
      stations: z.number(),
      online: z.number(),
      openAlarms: z.number(),
      lastFrameAt: z.string().nullable(),
    }),
  ),
});

export type { StationRow };
