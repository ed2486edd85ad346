import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { frameAudienceOf, framesQuery, frameViewSchema, toFrameView } from '../monitoring/schema.ts';
import { MAX_READING_PERIOD_DAYS } from '../monitoring/service.ts';
import { listMeterFrames, replayMeterFrames } from './hj212-meters.ts';
import { enterpriseName } from './names.ts';
import {
  meterCreateBody,
  meterHj212Body,
  meterIdParams,
  metersQuery,
  meterViewSchema,
  ordersQuery,
  orderViewSchema,
  restrictionOrderBody,
  seriesQuery,
  seriesSchema,
  toMeterView,
  toOrderView,
} from './schema.ts';
import {
  bindHj212,
  createMeter,
  createRestrictionOrder,
  getMeter,
  listMeters,
  listRestrictionOrders,
  meterSeries,
  unbindHj212,
} from './service.ts';

const READERS = [...STAFF_ROLES, 'enterprise'] as const;
const DAY = 86_400_000;

export const electricityRoutes: FastifyPluginAsyncZod<{
  db: Db;
  topicPrefix: string;
}> = async (app, { db, topicPrefix }) => {
  app.get(
    '/api/electricity/meters',
    {
      config: { access: READERS },
      schema: {
        tags: ['electricity'],
        summary: '分表计电电表 Meters on production lines and control facilities, with their newest reading',
        querystring: metersQuery,
        response: { 200: pageOf(meterViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const res = await listMeters(db, request.user, f, { page, pageSize });
      return { ...res, items: res.items.map((m) => toMeterView(m, topicPrefix)) };
    },
  );

  app.post(
    '/api/electricity/meters',
    {
      config: { access: ['admin', 'monitor'] },
      schema: {
        tags: ['electricity'],
        summary: '登记电表 Register a meter; a facility names the line it serves and its R1–R5 thresholds',
        body: meterCreateBody,
        response: { 201: meterViewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const m = await db.transaction((tx) => createMeter(tx, actorOf(request), request.body));
      // what the logger sent before the meter was bound (quarantined, or under an unbound code)
      if (m.hj212Mn) await replayMeterFrames(db, m.id);
      reply.code(201);
      return toMeterView({ ...m, enterpriseName: await enterpriseName(db, m.enterpriseId) }, topicPrefix);
    },
  );

  app.put(
    '/api/electricity/meters/:id/hj212',
    {
      config: { access: ['admin', 'monitor'] },
      schema: {
        tags: ['electricity'],
        summary:
          '设置电表 HJ 212 接入 Bind a meter to the data logger (MN, password) and factor code it reports under over HJ 212',
        params: meterIdParams,
        body: meterHj212Body,
        response: { 200: meterViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await getMeter(db, request.user, request.params.id);
      const m = await db.transaction((tx) => bindHj212(tx, actorOf(request), request.params.id, request.body, ''));
      // the archived frames of the last two days under that code become readings
      await replayMeterFrames(db, m.id);
      const fresh = await getMeter(db, request.user, m.id);
      return toMeterView({ ...fresh, enterpriseName: await enterpriseName(db, m.enterpriseId) }, topicPrefix);
    },
  );

  app.delete(
    '/api/electricity/meters/:id/hj212',
    {
      config: { access: ['admin', 'monitor'] },
      schema: {
        tags: ['electricity'],
        summary: '解除电表 HJ 212 接入 Unbind a meter from its HJ 212 logger (its frames then go to quarantine)',
        params: meterIdParams,
        response: { 200: meterViewSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await getMeter(db, request.user, request.params.id);
      const m = await db.transaction((tx) => unbindHj212(tx, actorOf(request), request.params.id));
      return toMeterView({ ...m, enterpriseName: await enterpriseName(db, m.enterpriseId) }, topicPrefix);
    },
  );

  app.get(
    '/api/electricity/meters/:id/frames',
    {
      config: { access: READERS },
      schema: {
        tags: ['electricity'],
        summary:
          '电表原始报文 Raw HJ 212 frames of the logger a meter reports through, newest first; from/to (received time, at most 31 days; default the last 31 days)',
        params: meterIdParams,
        querystring: framesQuery,
        response: { 200: pageOf(frameViewSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { from, to, page, pageSize } = request.query;
      // always a window: a page and its count then read at most a month of the logger's frames
      const end = to ? new Date(to) : new Date();
      const start = from ? new Date(from) : new Date(end.getTime() - (to ? DAY : MAX_READING_PERIOD_DAYS * DAY));
      const paged = await listMeterFrames(
        db,
        request.user,
        request.params.id,
        { page, pageSize },
        { from: start, to: end },
      );
      const audience = frameAudienceOf(request.user);
      return { ...paged, items: paged.items.map((f) => toFrameView(f, audience)) };
    },
  );

  app.get(
    '/api/electricity/meters/:id/series',
    {
      config: { access: READERS },
      schema: {
        tags: ['electricity'],
        summary: '功率曲线 A meter’s power readings in a period (at most 2 days)',
        params: meterIdParams,
        querystring: seriesQuery,
        response: { 200: seriesSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { meter, points } = await meterSeries(
        db,
        request.user,
        request.params.id,
        new Date(request.query.from),
        new Date(request.query.to),
      );
      return {
        meter: toMeterView({ ...meter, enterpriseName: await enterpriseName(db, meter.enterpriseId) }, topicPrefix),
        points: points.map((p) => ({ at: p.at.toISOString(), kw: p.kw })),
      };
    },
  );

  app.get(
    '/api/electricity/restriction-orders',
    {
      config: { access: READERS },
      schema: {
        tags: ['electricity'],
        summary: '限产停产令 Restriction orders, newest first unless sorted; an enterprise sees its own',
        querystring: ordersQuery,
        response: { 200: pageOf(orderViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const res = await listRestrictionOrders(db, request.user, f, { page, pageSize });
      return { ...res, items: res.items.map(toOrderView) };
    },
  );

  app.post(
    '/api/electricity/restriction-orders',
    {
      config: { access: ['admin', 'leader', 'monitor'] },
      schema: {
        tags: ['electricity'],
        summary: '下达限产停产令 Issue a restriction order (限产 with the allowed load, or 停产) for a period',
        body: restrictionOrderBody,
        response: { 201: orderViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const o = await db.transaction((tx) => createRestrictionOrder(tx, actorOf(request), request.body));
      reply.code(201);
      return toOrderView({ ...o, enterpriseName: await enterpriseName(db, o.enterpriseId) });
    },
  );
};
