import {
  METER_ROLES,
  meterCreateBody,
  meterHj212Body,
  RESTRICTION_KINDS,
  restrictionOrderBody,
} from '@qingshan/core/electricity';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { MeterRow } from './service.ts';
import type { restrictionOrders } from './tables.ts';

export { meterCreateBody, meterHj212Body, restrictionOrderBody };

export const meterIdParams = z.object({ id: z.uuid() });

export const metersQuery = z.object({
  enterpriseId: z.uuid().optional(),
  role: z.enum(METER_ROLES).optional(),
  /** by enterprise, then role and code: A to Z (the default) or Z to A */
  sort: z.enum(['enterprise', '-enterprise']).default('enterprise'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const ordersQuery = z.object({
  enterpriseId: z.uuid().optional(),
  /** by the start of the period: newest first (the default) or oldest first */
  sort: z.enum(['-startsAt', 'startsAt']).default('-startsAt'),
  page: paging.page,
  pageSize: paging.pageSize,
});

export const seriesQuery = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: '结束时间须晚于开始时间' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 2 * 86_400_000, {
    path: ['to'],
    message: '一次最多查看2天的功率曲线',
  });

export const meterViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  code: z.string(),
  name: z.string(),
  role: z.enum(METER_ROLES),
  ratedKw: z.number(),
  servesMeterId: z.string().nullable(),
  thresholds: z
    .object({
      onPercent: z.number(),
      t1Minutes: z.number(),
      t2Minutes: z.number(),
      pPercent: z.number(),
      t3Minutes: z.number(),
      holdMinutes: z.number(),
    })
    .nullable(),
  lastSeenAt: z.string().nullable(),
  lastKw: z.number().nullable(),
  /** the MQTT topic the meter publishes on */
  topic: z.string(),
  /** the HJ 212 logger (MN) and factor code the meter also reports under; the password is never shown */
  hj212: z.object({ mn: z.string(), code: z.string() }).nullable(),
});
export type MeterView = z.infer<typeof meterViewSchema>;

export const seriesSchema = z.object({
  meter: meterViewSchema,
  points: z.array(z.object({ at: z.string(), kw: z.number() })),
});

export const orderViewSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  kind: z.enum(RESTRICTION_KINDS),
  maxLoadPercent: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  documentNo: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export function toMeterView(m: MeterRow & { enterpriseName: string }, prefix: string): MeterView {
  return {
    id: m.id,
    enterpriseId: m.enterpriseId,
    enterpriseName: m.enterpriseName,
    code: m.code,
    name: m.name,
    role: m.role as MeterView['role'],
    ratedKw: m.ratedKw,
    servesMeterId: m.servesMeterId,
    thresholds: m.thresholds ?? null,
    lastSeenAt: m.lastSeenAt?.toISOString() ?? null,
    lastKw: m.lastKw,
    topic: `${prefix}/meters/${m.code}/power`,
    hj212: m.hj212Mn && m.hj212Code ? { mn: m.hj212Mn, code: m.hj212Code } : null,
  };
}

export function toOrderView(o: typeof restrictionOrders.$inferSelect & { enterpriseName: string }): OrderView {
  return {
    id: o.id,
    enterpriseId: o.enterpriseId,
    enterpriseName: o.enterpriseName,
    kind: o.kind as OrderView['kind'],
    maxLoadPercent: o.maxLoadPercent,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    documentNo: o.documentNo,
    reason: o.reason,
    createdAt: o.createdAt.toISOString(),
  };
}
