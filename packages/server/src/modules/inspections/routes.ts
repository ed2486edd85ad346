import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  drawCreatedSchema,
  drawDetailSchema,
  drawSummarySchema,
  drawsQuery,
  idParams,
  inspectionDrawBody,
  inspectionObjectBody,
  inspectionPlanBody,
  inspectionResultsBody,
  inspectorBody,
  inspectorsQuery,
  inspectorViewSchema,
  objectsQuery,
  objectViewSchema,
  plansQuery,
  planViewSchema,
  publicResultSchema,
  publicResultsQuery,
  replaySchema,
} from './schema.ts';
import {
  createDraw,
  createInspector,
  createPlan,
  listDraws,
  listInspectors,
  listObjects,
  listPlans,
  listPublicResults,
  publishResults,
  putObject,
  replayDraw,
  updateInspector,
  updatePlan,
  viewDraw,
} from './service.ts';

/** Who keeps the two libraries and the plans: the bureau's leaders (and the administrator). */
const LIBRARY_KEEPERS = ['admin', 'leader'] as const;
/** Who draws and records results: enforcement officers and leaders. */
const OFFICERS = ['leader', 'inspector'] as const;
/** Who may replay a draw at any time: those with audit rights over supervision. */
const AUDITORS = ['admin', 'leader'] as const;

const libraryPage = <T extends z.ZodType>(item: T) => pageOf(item).extend({ version: z.number() });

export const inspectionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/public/inspection-results',
    {
      config: { access: 'public' },
      schema: {
        tags: ['inspections'],
        summary: '双随机抽查结果公开 Published random-inspection results, by firm',
        querystring: publicResultsQuery,
        response: { 200: pageOf(publicResultSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listPublicResults(db, filter, { page, pageSize });
    },
  );

  app.get(
    '/api/inspection-objects',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['inspections'],
        summary: '检查对象名录库 The object library with Jiangxi classes, and its version; by class unless sorted',
        querystring: objectsQuery,
        response: { 200: libraryPage(objectViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listObjects(db, filter, { page, pageSize });
    },
  );

  app.put(
    '/api/inspection-objects',
    {
      config: { access: LIBRARY_KEEPERS },
      schema: {
        tags: ['inspections'],
        summary: '纳入或调整检查对象 Put a firm in the object library or change its class',
        body: inspectionObjectBody,
        response: { 200: objectViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => db.transaction((tx) => putObject(tx, actorOf(request), request.body)),
  );

  app.get(
    '/api/inspectors',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['inspections'],
        summary: '执法检查人员名录库 The inspector library with conflicts of interest, and its version',
        querystring: inspectorsQuery,
        response: { 200: libraryPage(inspectorViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listInspectors(db, filter, { page, pageSize });
    },
  );

  app.post(
    '/api/inspectors',
    {
      config: { access: LIBRARY_KEEPERS },
      schema: {
        tags: ['inspections'],
        summary: '新增执法人员 Add an inspector with their conflicts (回避)',
        body: inspectorBody,
        response: { 201: inspectorViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await db.transaction((tx) => createInspector(tx, actorOf(request), request.body))),
  );

  app.put(
    '/api/inspectors/:id',
    {
      config: { access: LIBRARY_KEEPERS },
      schema: {
        tags: ['inspections'],
        summary: '修改执法人员 Change an inspector, their town or conflicts',
        params: idParams,
        body: inspectorBody,
        response: { 200: inspectorViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => db.transaction((tx) => updateInspector(tx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/inspection-plans',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['inspections'],
        summary: '抽查计划 Quarterly and yearly plans with their ratios',
        querystring: plansQuery,
        response: { 200: pageOf(planViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listPlans(db, filter, { page, pageSize });
    },
  );

  app.post(
    '/api/inspection-plans',
    {
      config: { access: LIBRARY_KEEPERS },
      schema: {
        tags: ['inspections'],
        summary: '新建抽查计划 A plan: takes the ratios of the rules in force and records their versions',
        body: inspectionPlanBody,
        response: { 201: planViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await db.transaction((tx) => createPlan(tx, actorOf(request), request.body))),
  );

  app.put(
    '/api/inspection-plans/:id',
    {
      config: { access: LIBRARY_KEEPERS },
      schema: {
        tags: ['inspections'],
        summary: '修改抽查计划 Change a plan not yet drawn; it takes the rules in force again',
        params: idParams,
        body: inspectionPlanBody,
        response: { 200: planViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => db.transaction((tx) => updatePlan(tx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/inspection-draws',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['inspections'],
        summary: '抽查记录 Draws, without their (secret) targets, newest first unless sorted',
        querystring: drawsQuery,
        response: { 200: pageOf(drawSummarySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listDraws(db, filter, { page, pageSize });
    },
  );

  app.post(
    '/api/inspection-draws',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['inspections'],
        summary: '随机抽取 Draw a plan’s targets and inspectors with a fresh seed; seed and inputs recorded',
        body: inspectionDrawBody,
        response: { 201: drawCreatedSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await db.transaction((tx) => createDraw(tx, actorOf(request), request.body.planId))),
  );

  app.get(
    '/api/inspection-draws/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['inspections'],
        summary: '抽查详情 A draw: only its inspection team until publication; every view audited',
        params: idParams,
        response: { 200: drawDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!request.user) throw new AppError('AUTH_REQUIRED');
      return viewDraw(db, request.user, actorOf(request), request.params.id);
    },
  );

  app.post(
    '/api/inspection-draws/:id/replay',
    {
      config: { access: AUDITORS },
      schema: {
        tags: ['inspections'],
        summary: '复现抽取 Replay a draw from its recorded seed and inputs: the same targets and inspectors?',
        params: idParams,
        response: { 200: replaySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => db.transaction((tx) => replayDraw(tx, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/inspection-draws/:id/results',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['inspections'],
        summary: '录入并公开抽查结果 Record every drawn firm’s result and publish them',
        params: idParams,
        body: inspectionResultsBody,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await db.transaction((tx) => publishResults(tx, request.user, actorOf(request), request.params.id, request.body));
      return reply.code(204).send(null);
    },
  );
};
