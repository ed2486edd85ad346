import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { getRule } from '../rules/service.ts';
import {
  clueDetailSchema,
  clueImportBody,
  clueListQuery,
  clueMatchBody,
  clueOutcomeBody,
  clueViewSchema,
  idParams,
  importResultSchema,
  mapViewSchema,
  toClueClock,
  toClueView,
  toVideoPointView,
  videoClueBody,
  videoPointBody,
  videoPointViewSchema,
} from './schema.ts';
import {
  clueFromConcern,
  clueFromReport,
  clueFromVideo,
  confirmMatch,
  createVideoPoint,
  getClue,
  importClues,
  listClues,
  listVideoPointsNamed,
  mapData,
  recordOutcome,
} from './service.ts';

/** Who registers clues (imports, turning reports and concerns into clues): the bureau's desks. */
export const CLUE_DESK = ['admin', 'leader', 'clerk', 'inspector'] as const;
/** Who confirms a clue's enterprise and records its verification: the enforcement officers. */
export const CLUE_OFFICERS = ['leader', 'inspector'] as const;

/** A GeoJSON batch of 500 findings with polygon outlines fits well inside 2 MB; beyond it is refused. */
export const CLUE_IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

export const clueRoutes: FastifyPluginAsyncZod<{
  db: Db;
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
}> = async (app, { db, tileUrl, tileAttribution }) => {
  const detail = async (id: string) => {
    const d = await getClue(db, id);
    const source = (await getRule(db, 'clue.verification')).source;
    return { clue: toClueView(d.clue), clocks: d.clocks.map((c) => toClueClock(c, source)) };
  };

  app.get(
    '/api/clues',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '线索列表 Clues, filtered by status, source, enterprise or text',
        querystring: clueListQuery,
        response: { 200: pageOf(clueViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listClues(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toClueView) };
    },
  );

  app.get(
    '/api/clues/map',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '线索地图 Registered sites, clues and video points to draw on the county map',
        response: { 200: mapViewSchema, ...problemResponses(401, 403) },
      },
    },
    async () => ({ tileUrl: tileUrl ?? null, tileAttribution: tileAttribution ?? null, ...(await mapData(db)) }),
  );

  app.post(
    '/api/clues/import',
    {
      config: { access: CLUE_DESK },
      bodyLimit: CLUE_IMPORT_BODY_LIMIT,
      schema: {
        tags: ['clues'],
        summary:
          '导入无人机/遥感线索 Import a drone-patrol or remote-sensing batch (GeoJSON); a bad feature is reported by index and nothing is saved',
        body: clueImportBody,
        response: { 201: importResultSchema, ...problemResponses(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      const r = await db.transaction((tx) => importClues(tx, actorOf(request), request.body));
      return reply.code(201).send(r);
    },
  );

  app.post(
    '/api/clues/from-report/:id',
    {
      config: { access: CLUE_DESK },
      schema: {
        tags: ['clues'],
        summary: '举报转线索 Turn a 12369 report into a clue',
        params: idParams,
        response: { 201: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => clueFromReport(tx, actorOf(request), request.params.id));
      return reply.code(201).send(await detail(row.id));
    },
  );

  app.post(
    '/api/clues/from-concern/:id',
    {
      config: { access: CLUE_DESK },
      schema: {
        tags: ['clues'],
        summary: '接待日诉求转线索 Turn a reception-day concern into a clue',
        params: idParams,
        response: { 201: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => clueFromConcern(tx, actorOf(request), request.params.id));
      return reply.code(201).send(await detail(row.id));
    },
  );

  app.get(
    '/api/video-points',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '视频点位 Video points with their snapshot links',
        response: { 200: z.array(videoPointViewSchema), ...problemResponses(401, 403) },
      },
    },
    async () => (await listVideoPointsNamed(db)).map(toVideoPointView),
  );

  app.post(
    '/api/video-points',
    {
      config: { access: ['admin', 'leader'] },
      schema: {
        tags: ['clues'],
        summary: '登记视频点位 Register a video point',
        body: videoPointBody,
        response: { 201: videoPointViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createVideoPoint(tx, actorOf(request), request.body));
      const [named] = await listVideoPointsNamed(db, row.id);
      return reply.code(201).send(toVideoPointView(named!));
    },
  );

  app.post(
    '/api/video-points/:id/clues',
    {
      config: { access: CLUE_DESK },
      schema: {
        tags: ['clues'],
        summary: '视频发现转线索 What a camera saw becomes a clue, its snapshot the evidence',
        params: idParams,
        body: videoClueBody,
        response: { 201: clueDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => clueFromVideo(tx, actorOf(request), request.params.id, request.body));
      return reply.code(201).send(await detail(row.id));
    },
  );

  app.get(
    '/api/clues/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '线索详情 A clue with its evidence, matched enterprise and verification clock',
        params: idParams,
        response: { 200: clueDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => detail(request.params.id),
  );

  app.post(
    '/api/clues/:id/match',
    {
      config: { access: CLUE_OFFICERS },
      schema: {
        tags: ['clues'],
        summary: '确认对应企业 Confirm the enterprise the clue is about (or none)',
        params: idParams,
        body: clueMatchBody,
        response: { 200: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => confirmMatch(tx, actorOf(request), request.params.id, request.body));
      return detail(request.params.id);
    },
  );

  app.post(
    '/api/clues/:id/outcome',
    {
      config: { access: CLUE_OFFICERS },
      schema: {
        tags: ['clues'],
        summary: '登记核查结果 Record the verification outcome; completes the clock',
        params: idParams,
        body: clueOutcomeBody,
        response: { 200: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => recordOutcome(tx, actorOf(request), request.params.id, request.body));
      return detail(request.params.id);
    },
  );
};
