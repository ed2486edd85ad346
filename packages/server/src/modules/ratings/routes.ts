import { RECTIFICATION_STATES, ratingSchema } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf, isStaff, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import { badRatingsRectifiedOnTime, ratingDistribution } from './figures.ts';
import { ratableEventTypes } from './registry.ts';
import { actOnRectification, getRating, listRatings, RATING_SORTS, rateEvent } from './service.ts';
import { ratingViewSchema, toRatingView } from './views.ts';

const READ = [...STAFF_ROLES, 'enterprise', 'citizen'] as const;
const idParams = z.object({ id: z.uuid() });
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ratingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/ratings',
    {
      config: { access: READ },
      schema: {
        tags: ['ratings'],
        summary: '好差评列表（企业、群众只见本人的评价） Ratings (enterprises and citizens: their own)',
        querystring: z.object({
          eventType: z.string().max(40).optional(),
          level: z.coerce.number().int().min(1).max(5).optional(),
          bad: z.stringbool().optional(),
          state: z.enum(RECTIFICATION_STATES).optional(),
          from: instant.optional(),
          to: instant.optional(),
          sort: z.enum(RATING_SORTS).default('-createdAt'),
          ...paging,
        }),
        response: {
          200: pageOf(ratingViewSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const { items, total } = await listRatings(db, request.user, f, sort, page, pageSize);
      const full = isStaff(request.user);
      return { items: items.map((x) => toRatingView(x, full)), total, page, pageSize };
    },
  );

  app.get(
    '/api/ratings/summary',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['ratings'],
        summary: '评价等级分布与差评按期整改率 Level distribution and bad ratings rectified on time',
        querystring: z.object({ from: instant, to: instant }),
        response: {
          200: z.object({
            distribution: z.array(z.object({ level: z.number(), count: z.number() })),
            bad: z.number(),
            rectifiedOnTime: z.number(),
            eventTypes: z.array(z.string()),
          }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const [distribution, share] = await Promise.all([
        ratingDistribution(db, from, to),
        badRatingsRectifiedOnTime(db, from, to),
      ]);
      return { distribution, ...share, eventTypes: ratableEventTypes() };
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
        body: ratingSchema.safeExtend({ eventType: z.string().min(2).max(40), eventId: z.uuid() }),
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
        body: z.discriminatedUnion('action', [
          z.strictObject({ action: z.literal('contact'), note: z.string().trim().min(2).max(2000) }),
          z.strictObject({ action: z.literal('rectify'), note: z.string().trim().min(2).max(2000) }),
          z.strictObject({ action: z.literal('appeal'), note: z.string().trim().min(2).max(2000) }),
          z.strictObject({
            action: z.literal('decide-appeal'),
            upheld: z.boolean(),
            note: z.string().trim().min(2).max(2000),
            /** the reviewing body outside the bureau (申诉复核, 国办发〔2019〕51号) */
            reviewingBody: z.string().trim().min(2).max(100),
            referenceNo: z.string().trim().min(1).max(100).optional(),
          }),
        ]),
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
