import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import type { SmsTransport } from '../notifications/channels.ts';
import { MOBILE_PHONE, sendPhoneCode } from './service.ts';

const mobile = z.string().trim().regex(MOBILE_PHONE, { error: '请填写 11 位手机号' });

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
        body: z.strictObject({ phone: mobile }),
        response: {
          202: z.object({ expiresAt: z.string(), resendAfterSeconds: z.number().int() }),
          ...problemResponses(400, 429, 502),
        },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const r = await sendPhoneCode(db, transport, actorOf(request), request.body.phone, now);
      return reply.status(202).send({
        expiresAt: r.expiresAt.toISOString(),
        resendAfterSeconds: Math.round((r.resendAfter.getTime() - now.getTime()) / 1000),
      });
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
        params: z.object({ phone: mobile }),
        response: { 200: z.object({ code: z.string(), text: z.string() }), ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const text = devOutbox.get(request.params.phone);
      const code = text?.match(/\d{6}/)?.[0];
      if (!text || !code) {
        throw new AppError('RECORD_NOT_FOUND', {
          detail: { zh: '没有发往该号码的验证码', en: 'No code was sent to this phone' },
        });
      }
      return { code, text };
    },
  );
};
