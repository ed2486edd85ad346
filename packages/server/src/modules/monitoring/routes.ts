import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import type { GatewayHolder } from './runtime.ts';
import {
  frameAudienceOf,
  framesQuery,
  frameViewSchema,
  overviewSchema,
  PASSWORD_READERS,
  quarantineIdParams,
  quarantineQuery,
  quarantineViewSchema,
  readingsQuery,
  readingViewSchema,
  stationCreateBody,
  stationCreatedSchema,
  stationDetailSchema,
  stationIdParams,
  stationPatchBody,
  stationsQuery,
  stationViewSchema,
  toFactorView,
  toFrameView,
  toQuarantineView,
  toReadingView,
  toStationView,
} from './schema.ts';
import {
  createStation,
  getStation,
  listFrames,
  listQuarantine,
  listReadings,
  listStations,
  overview,
  rejectQuarantined,
  updateStation,
} from './service.ts';

const READ = [...STAFF_ROLES, 'enterprise'] as const;
const STAFF = STAFF_ROLES;
// registering devices and deciding on unknown loggers: the monitoring centre and admins, who are
// also the ones who read the loggers' passwords in raw frames
const REGISTRY = PASSWORD_READERS;
const DAY = 86_400_000;

export const monitoringRoutes: FastifyPluginAsyncZod<{
  db: Db;
  holder: GatewayHolder;
}> = async (app, { db, holder }) => {
  const connected = (mn: string) => (holder.gateway ? holder.gateway.connectedMns().includes(mn) : null);

  app.post(
    '/api/monitoring/stations',
    {
      config: { access: REGISTRY },
      schema: {
        tags: ['monitoring'],
        summary: '登记监控点 Register a station (data logger MN, password, edition, factors with limits)',
        body: stationCreateBody,
        response: { 201: stationCreatedSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { station, replayed } = await createStation(db, actorOf(request), request.body);
      const detail = await getStation(db, request.user, station.id);
      return reply.status(201).send({
        ...toStationView(detail),
        factors: detail.factors.map(toFactorView),
        connected: connected(detail.mn),
        version: detail.version,
        replayedReadings: replayed,
      });
    },
  );

  app.get(
    '/api/monitoring/stations',
    {
      config: { access: READ },
      schema: {
        tags: ['monitoring'],
        summary: '监控点 Stations with online state and last data (an enterprise sees its own)',
        querystring: stationsQuery,
        response: { 200: pageOf(stationViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const paged = await listStations(db, request.user, filter, { page, pageSize });
      const now = Date.now();
      return { ...paged, items: paged.items.map((s) => toStationView(s, now)) };
    },
  );

  app.get(
    '/api/monitoring/stations/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['monitoring'],
        summary: '监控点详情 A station with its factors, limits and their standards',
        params: stationIdParams,
        response: { 200: stationDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const s = await getStation(db, request.user, request.params.id);
      return {
        ...toStationView(s),
        factors: s.factors.map(toFactorView),
        connected: connected(s.mn),
        version: s.version,
      };
    },
  );

  app.patch(
    '/api/monitoring/stations/:id',
    {
      config: { access: REGISTRY },
      schema: {
        tags: ['monitoring'],
        summary:
          '修改监控点 Correct a station: name, password, edition, outlet, intervals, CRC variants and its factors (the whole list: limits, standard, unit, range); the MN cannot change. Send the version read with the station; a stale one is refused (409)',
        params: stationIdParams,
        body: stationPatchBody,
        response: { 200: stationDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await updateStation(db, actorOf(request), request.params.id, request.body);
      const s = await getStation(db, request.user, request.params.id);
      return {
        ...toStationView(s),
        factors: s.factors.map(toFactorView),
        connected: connected(s.mn),
        version: s.version,
      };
    },
  );

  app.get(
    '/api/monitoring/stations/:id/readings',
    {
      config: { access: READ },
      schema: {
        tags: ['monitoring'],
        summary:
          '监测数据 Readings of a station, oldest first: real-time and minute values over at most 31 days, hourly and daily values (the station’s own and the platform’s rollups) over at most 366',
        params: stationIdParams,
        querystring: readingsQuery,
        response: { 200: pageOf(readingViewSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { from, to, factor, cn, source, page, pageSize } = request.query;
      const toAt = to ? new Date(to) : new Date();
      const fromAt = from ? new Date(from) : new Date(toAt.getTime() - DAY);
      const paged = await listReadings(
        db,
        request.user,
        request.params.id,
        { from: fromAt, to: toAt, factor, cn, source },
        { page, pageSize },
      );
      return { ...paged, items: paged.items.map(toReadingView) };
    },
  );

  app.get(
    '/api/monitoring/stations/:id/frames',
    {
      config: { access: READ },
      schema: {
        tags: ['monitoring'],
        summary:
          '原始报文 Raw frames of a station as received, newest first (evidence); from/to (received time, at most 31 days) narrow it to a window',
        params: stationIdParams,
        querystring: framesQuery,
        response: { 200: pageOf(frameViewSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { from, to, page, pageSize } = request.query;
      const window =
        from || to
          ? {
              to: to ? new Date(to) : new Date(),
              from: from ? new Date(from) : new Date((to ? Date.parse(to) : Date.now()) - DAY),
            }
          : undefined;
      const paged = await listFrames(db, request.user, request.params.id, { page, pageSize }, window);
      const audience = frameAudienceOf(request.user);
      return { ...paged, items: paged.items.map((f) => toFrameView(f, audience)) };
    },
  );

  app.get(
    '/api/monitoring/overview',
    {
      config: { access: STAFF },
      schema: {
        tags: ['monitoring'],
        summary: '在线监控总览 Stations online and offline by town, loggers waiting in quarantine',
        response: { 200: overviewSchema, ...problemResponses(401, 403) },
      },
    },
    async () => {
      const o = await overview(db);
      return { ...o, byTown: o.byTown.map((t) => ({ ...t, lastFrameAt: t.lastFrameAt?.toISOString() ?? null })) };
    },
  );

  app.get(
    '/api/monitoring/quarantine',
    {
      config: { access: STAFF },
      schema: {
        tags: ['monitoring'],
        summary: '待认领数采仪 Unknown loggers (MN not registered) with their last raw frame',
        querystring: quarantineQuery,
        response: { 200: pageOf(quarantineViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { state, sort, page, pageSize } = request.query;
      const paged = await listQuarantine(db, { state, sort }, { page, pageSize });
      const audience = frameAudienceOf(request.user);
      return { ...paged, items: paged.items.map((q) => toQuarantineView(q, audience)) };
    },
  );

  app.post(
    '/api/monitoring/quarantine/:id/reject',
    {
      config: { access: REGISTRY },
      schema: {
        tags: ['monitoring'],
        summary: '拒绝未登记数采仪 Reject an unknown logger: its frames are refused from now on',
        params: quarantineIdParams,
        response: { 200: quarantineViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await rejectQuarantined(db, actorOf(request), request.params.id);
      return toQuarantineView(row, frameAudienceOf(request.user));
    },
  );
};
