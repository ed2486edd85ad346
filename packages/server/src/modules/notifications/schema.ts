import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { CHANNELS, DELIVERY_SORTS, DELIVERY_STATUSES } from './service.ts';
import type { deliveries, notifications } from './tables.ts';

export const notificationIdParams = z.object({ id: z.uuid() });

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  titleEn: z.string().nullable().meta({ description: 'The title in English; null where the notice has only Chinese' }),
  bodyEn: z.string().nullable().meta({ description: 'The body in English; null where the notice has only Chinese' }),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const inboxQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  kind: z.string().max(60).optional(),
  ...paging,
});

export const inboxSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const unreadCountSchema = z.object({ unread: z.number() });
export const markedSchema = z.object({ marked: z.number() });

export const preferencesSchema = z.object({
  inApp: z.literal(true),
  email: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  webhookSecret: z.string().nullable(),
  wechatOpenid: z.string().nullable(),
});

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const preferencesBody = z.strictObject({
  email: z.preprocess(emptyToNull, z.email().max(200).nullable()).default(null),
  webhookUrl: z
    .preprocess(
      emptyToNull,
      z
        .url({ protocol: /^https?$/ })
        .max(500)
        .nullable(),
    )
    .default(null),
  wechatOpenid: z
    .preprocess(
      emptyToNull,
      z
        .string()
        .trim()
        .regex(/^[\w-]{6,64}$/)
        .nullable(),
    )
    .default(null),
  rotateWebhookSecret: z.boolean().optional(),
});

export const deliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  q: z.string().trim().max(100).optional(),
  /** by creation, newest first (the default) or oldest first; or by recipient either way, newest first within one */
  sort: z.enum(DELIVERY_SORTS).default('-createdAt'),
  ...paging,
});

export const deliverySchema = z.object({
  id: z.string(),
  channel: z.string(),
  target: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryView = z.infer<typeof deliverySchema>;

export function toNotificationView(n: typeof notifications.$inferSelect): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    titleEn: n.titleEn,
    bodyEn: n.bodyEn,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

export function toDeliveryView(d: typeof deliveries.$inferSelect): DeliveryView {
  return {
    id: d.id,
    channel: d.channel,
    target: d.target,
    kind: d.kind,
    title: d.payload.title,
    status: d.status as (typeof DELIVERY_STATUSES)[number],
    attempts: d.attempts,
    maxAttempts: d.maxAttempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastError: d.lastError,
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
