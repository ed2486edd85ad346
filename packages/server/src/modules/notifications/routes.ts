import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import {
  assertWebhookReceivable,
  CHANNELS,
  DELIVERY_STATUSES,
  getPreferences,
  listDeliveries,
  listInbox,
  markAllRead,
  markRead,
  retryDelivery,
  setPreferences,
  unreadCount,
} from './service.ts';
import type { deliveries } from './tables.ts';

const idParams = z.object({ id: z.uuid() });
const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
const preferencesSchema = z.object({
  inApp: z.literal(true),
  email: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  webhookSecret: z.string().nullable(),
  wechatOpenid: z.string().nullable(),
});
const deliverySchema = z.object({
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

function deliveryOut(d: typeof deliveries.$inferSelect) {
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

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db; webhookAllowPrivate: boolean }> = async (
  app,
  { db, webhookAllowPrivate },
) => {
  app.get(
    '/api/inbox',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '站内消息 My in-app messages, newest first',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          kind: z.string().max(60).optional(),
          ...paging,
        }),
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            total: z.number(),
            unread: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { page, pageSize, unread, kind } = request.query;
      const uid = request.user!.id;
      const { items, total } = await listInbox(db, uid, { unread: unread === 'true', kind }, page, pageSize);
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          readAt: n.readAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
        })),
        total,
        unread: await unreadCount(db, uid),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/inbox/unread-count',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '未读消息数 Unread count',
        response: { 200: z.object({ unread: z.number() }), ...problemResponses(401) },
      },
    },
    async (request) => ({ unread: await unreadCount(db, request.user!.id) }),
  );

  app.post(
    '/api/inbox/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '标为已读 Mark a message read',
        params: idParams,
        response: { 204: z.null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await markRead(db, request.user!.id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/inbox/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '全部标为已读 Mark all my messages read',
        response: { 200: z.object({ marked: z.number() }), ...problemResponses(401) },
      },
    },
    async (request) => ({ marked: await markAllRead(db, request.user!.id) }),
  );

  app.get(
    '/api/me/notification-preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '我的通知方式 My notification channels (in-app is always on)',
        response: { 200: preferencesSchema, ...problemResponses(401) },
      },
    },
    async (request) => getPreferences(db, request.user!.id),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '设置通知方式 Set e-mail, webhook (enterprises) and WeChat openid',
        body: z.strictObject({
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
        }),
        response: { 200: preferencesSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const u = request.user!;
      // only enterprises may set one (setPreferences says so); resolved before the transaction,
      // and only when it changes: a name server that is down must not block saving an e-mail
      const url = request.body.webhookUrl;
      if (url && u.enterpriseId && url !== (await getPreferences(db, u.id)).webhookUrl) {
        await assertWebhookReceivable(url, webhookAllowPrivate);
      }
      return db.transaction((tx) =>
        setPreferences(tx, actorOf(request), { id: u.id, enterpriseId: u.enterpriseId }, request.body),
      );
    },
  );

  app.get(
    '/api/deliveries',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['notifications'],
        summary: '投递记录 Outgoing deliveries with status, attempts and last error',
        querystring: z.object({
          status: z.enum(DELIVERY_STATUSES).optional(),
          channel: z.enum(CHANNELS).optional(),
          q: z.string().trim().max(100).optional(),
          ...paging,
        }),
        response: {
          200: pageOf(deliverySchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const { items, total } = await listDeliveries(db, f, page, pageSize);
      return { items: items.map(deliveryOut), total, page, pageSize };
    },
  );

  app.post(
    '/api/deliveries/:id/retry',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['notifications'],
        summary: '重新投递失败的消息 Retry a failed delivery',
        params: idParams,
        response: { 200: deliverySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      deliveryOut(await db.transaction((tx) => retryDelivery(tx, actorOf(request), request.params.id))),
  );
};
