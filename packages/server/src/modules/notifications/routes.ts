import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  deliveriesQuery,
  deliverySchema,
  inboxQuery,
  inboxSchema,
  markedSchema,
  notificationIdParams,
  preferencesBody,
  preferencesSchema,
  toDeliveryView,
  toNotificationView,
  unreadCountSchema,
} from './schema.ts';
import {
  getPreferences,
  listDeliveries,
  listInbox,
  markAllRead,
  markRead,
  retryDelivery,
  unreadCount,
  updatePreferences,
} from './service.ts';

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
        querystring: inboxQuery,
        response: {
          200: inboxSchema,
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { page, pageSize, unread, kind } = request.query;
      const inbox = await listInbox(db, request.user!.id, { unread: unread === 'true', kind }, { page, pageSize });
      return { ...inbox, items: inbox.items.map(toNotificationView) };
    },
  );

  app.get(
    '/api/inbox/unread-count',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: '未读消息数 Unread count',
        response: { 200: unreadCountSchema, ...problemResponses(401) },
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
        params: notificationIdParams,
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
        response: { 200: markedSchema, ...problemResponses(401) },
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
        body: preferencesBody,
        response: { 200: preferencesSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const u = request.user!;
      return updatePreferences(
        db,
        actorOf(request),
        { id: u.id, enterpriseId: u.enterpriseId },
        request.body,
        webhookAllowPrivate,
      );
    },
  );

  app.get(
    '/api/deliveries',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['notifications'],
        summary: '投递记录 Outgoing deliveries with status, attempts and last error, newest first unless sorted',
        querystring: deliveriesQuery,
        response: {
          200: pageOf(deliverySchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listDeliveries(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toDeliveryView) };
    },
  );

  app.post(
    '/api/deliveries/:id/retry',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['notifications'],
        summary: '重新投递失败的消息 Retry a failed delivery',
        params: notificationIdParams,
        response: { 200: deliverySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      toDeliveryView(await db.transaction((tx) => retryDelivery(tx, actorOf(request), request.params.id))),
  );
};
