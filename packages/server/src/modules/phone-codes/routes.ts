import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import type { SmsTransport } from '../notifications/channels.ts';
import {
  devPhoneCodeParams,
  devPhoneCodeViewSchema,
  phoneCodeRequestBody,
  phoneCodeSentViewSchema,
  toDevPhoneCodeView,
  toPhoneCodeSentView,
} from './schema.ts';
import { lastDevCode, sendPhoneCode } from './service.ts';

export const phoneCodeRoutes: FastifyPluginAsyncZod<{
  db: Db;
  transport: SmsTransport;
  /** demo mode without an SMS gateway only: the development transport's last message per phone */
  devOutbox?: Map<string, string> | undefined;
  rateLimit: number;
}> = async (app, { db, transport, devOutbox, rateLimit }) => {
  app.post(
    '/api/public/phone-codes',
    {
      config: { access: 'public', rateLimit: { max: rateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['appointments'],
        summary: '获取手机验证码（网上预约用） Send a one-time code to a mobile phone (for public bookings)',
        body: phoneCodeRequestBody,
        response: { 202: phoneCodeSentViewSchema, ...problemResponses(400, 429, 502) },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const sent = await sendPhoneCode(db, transport, actorOf(request), request.body.phone, now);
      return reply.status(202).send(toPhoneCodeSentView(sent, now));
    },
  );

  if (!devOutbox) return;
  app.get(
    '/api/public/dev/phone-codes/:phone',
    {
      config: { access: 'public' },
      schema: {
        tags: ['appointments'],
        summary:
          '演示模式：读取开发短信通道最近发出的验证码（生产模式或配置短信网关后不存在） Demo mode only: the last code the development SMS transport sent',
        params: devPhoneCodeParams,
        response: { 200: devPhoneCodeViewSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => toDevPhoneCodeView(lastDevCode(devOutbox, request.params.phone)),
  );
};
