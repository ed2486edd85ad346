import { STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  incidentCloseBody,
  incidentCreateBody,
  incidentCreatedSchema,
  incidentIdParams,
  incidentPatchBody,
  incidentsQuery,
  incidentViewSchema,
  toIncidentView,
} from './schema.ts';
import { closeIncident, createIncident, getIncident, listIncidents, updateIncident } from './service.ts';

const READERS = [...STAFF_ROLES, 'enterprise'] as const;
/** Who registers, corrects and closes incidents: enforcement, the duty officers and the leaders. */
export const INCIDENT_EDITORS = ['admin', 'leader', 'inspector', 'monitor'] as const;

export const incidentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/incidents',
    {
      config: { access: READERS },
      schema: {
        tags: ['incidents'],
        summary: '突发环境事件 Environmental incidents; an enterprise sees its own',
        querystring: incidentsQuery,
        response: { 200: pageOf(incidentViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listIncidents(db, request.user, f, { page, pageSize });
      return { ...r, items: r.items.map(toIncidentView) };
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['incidents'],
        summary: '突发环境事件详情 One incident',
        params: incidentIdParams,
        response: { 200: incidentViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toIncidentView(await getIncident(db, request.user, request.params.id)),
  );

  app.post(
    '/api/incidents',
    {
      config: { access: INCIDENT_EDITORS },
      schema: {
        tags: ['incidents'],
        summary: '登记突发环境事件 Register an incident; a listed firm gets a positive-list removal proposal',
        body: incidentCreateBody,
        response: { 201: incidentCreatedSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const r = await createIncident(db, actorOf(request), request.body);
      const view = toIncidentView(await getIncident(db, request.user, r.id));
      return reply.code(201).send({ ...view, removalProposalId: r.removalProposalId });
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: { access: INCIDENT_EDITORS },
      schema: {
        tags: ['incidents'],
        summary: '修改突发环境事件 Correct an open incident’s facts',
        params: incidentIdParams,
        body: incidentPatchBody,
        response: { 200: incidentViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      toIncidentView(await updateIncident(db, request.user, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/incidents/:id/close',
    {
      config: { access: INCIDENT_EDITORS },
      schema: {
        tags: ['incidents'],
        summary: '结束处置 Record that the response has ended, and how',
        params: incidentIdParams,
        body: incidentCloseBody,
        response: { 200: incidentViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toIncidentView(await closeIncident(db, request.user, actorOf(request), request.params.id, request.body)),
  );
};
