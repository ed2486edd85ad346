import { ALL_ROLES, STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf, isStaff } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  eventRatingStatesQuery,
  eventRatingStatesViewSchema,
  idParams,
  MAX_EVENT_IDS,
  ratingCreateBody,
  ratingListQuery,
  ratingSummaryQuery,
  ratingSummaryViewSchema,
  ratingViewSchema,
  rectificationActionBody,
  toEventRatingStatesView,
  toRatingSummaryView,
  toRatingView,
} from './schema.ts';
import { actOnRectification, eventRatingStates, getRating, listRatings, rateEvent, ratingSummary } from './service.ts';

/** Every signed-in role; enterprises and citizens read only their own ratings. */
const READ = ALL_ROLES;

export const ratingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/ratings',
    {
      config: { access: READ },
      schema: {
        tags: ['ratings'],
        summary: '好差评列表（企业、群众只见本人的评价） Ratings (enterprises and citizens: their own)',
        querystring: ratingListQuery,
        response: {
          200: pageOf(ratingViewSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const found = await listRatings(db, request.user, f, sort, { page, pageSize });
      const full = isStaff(request.user);
      return { ...found, items: found.items.map((x) => toRatingView(x, full)) };
    },
  );

  app.get(
    '/api/ratings/summary',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['ratings'],
        summary: '评价等级分布与差评按期整改率 Level distribution and bad ratings rectified on time',
        querystring: ratingSummaryQuery,
        response: {
          200: ratingSummaryViewSchema,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => toRatingSummaryView(await ratingSummary(db, request.query.from, request.query.to)),
  );

  app.get(
    '/api/ratings/events',
    {
      config: { access: READ },
      schema: {
        tags: ['ratings'],
        summary:
          '这些服务能否由我评价、评价期至哪天，或我给的评价 Whether I may rate these services now, until when, or the rating I gave',
        querystring: eventRatingStatesQuery,
        response: { 200: eventRatingStatesViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const ids = request.query.eventIds.split(',').slice(0, MAX_EVENT_IDS);
      const states = await eventRatingStates(db, request.user!, request.query.eventType, ids);
      return toEventRatingStatesView(states, isStaff(request.user));
    },
  );

  app.get(
    '/api/ratings/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['ratings'],
        summary: '一条评价及其整改 One rating and its rectification',
        params: idParams,
        response: { 200: ratingViewSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => toRatingView(await getRating(db, request.user, request.params.id), isStaff(request.user)),
  );

  app.post(
    '/api/ratings',
    {
      config: { access: ['enterprise', 'citizen'] },
      schema: {
        tags: ['ratings'],
        summary: '评价一次服务（一次一评） Rate one service event',
        body: ratingCreateBody,
        response: { 201: ratingViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { eventType, eventId, ...input } = request.body;
      const row = await rateEvent(
        db,
        actorOf(request),
        { kind: 'user', user: request.user! },
        eventType,
        eventId,
        input,
      );
      return reply.status(201).send(toRatingView(row, false));
    },
  );

  app.post(
    '/api/ratings/:id/rectification',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['ratings'],
        summary: '差评整改：回访、整改、申诉、申诉审核 Bad rating follow-up: contact, rectify, appeal, decide appeal',
        params: idParams,
        body: rectificationActionBody,
        response: { 200: ratingViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      toRatingView(
        await actOnRectification(db, request.user!, actorOf(request), request.params.id, request.body),
        true,
      ),
  );
};
