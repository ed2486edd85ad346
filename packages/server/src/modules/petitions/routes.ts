import { ALL_ROLES, PETITION_ACTIONS } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf, isStaff } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { codeParams, phoneQuery } from '../../shared/public-lookup.ts';
import { ratingByPhoneBody, ratingViewSchema, toRatingView } from '../ratings/schema.ts';
import { eventRatingStateByPhone, rateEvent, ratingOfEvent } from '../ratings/service.ts';
import {
  idParams,
  letterParams,
  petitionActionBody,
  petitionCreateBody,
  petitionDetailViewSchema,
  petitionListQuery,
  petitionPatchBody,
  petitionTrackViewSchema,
  petitionViewSchema,
  publicPetitionBody,
  toPetitionDetailView,
  toPetitionLetterFile,
  toPetitionView,
} from './schema.ts';
import {
  actOnPetition,
  assertCanRead,
  byCodeAndPhone,
  createPetition,
  filePetitionOnline,
  getLetter,
  getPetition,
  listPetitions,
  petitionDetail,
  updatePetition,
} from './service.ts';

/** The petition desk: who registers and handles petitions. */
export const PETITION_DESK = ['admin', 'leader', 'clerk', 'inspector'] as const;
/** Every signed-in role; enterprises and citizens read only their own petitions (assertCanRead, ownScope). */
const READ = ALL_ROLES;
const FULL = { unmasked: true };

export const petitionRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit?: number }> = async (
  app,
  { db, publicRateLimit = 20 },
) => {
  // Public submissions and lookups by code + phone are guessing targets: keep them slow per client.
  const LOOKUP_LIMIT = { max: publicRateLimit, timeWindow: '1 minute' };
  async function detail(id: string, full: boolean) {
    const [d, rating] = await Promise.all([petitionDetail(db, id, full), ratingOfEvent(db, 'petition', id)]);
    return toPetitionDetailView(d, rating, full);
  }

  app.post(
    '/api/petitions',
    {
      config: { access: PETITION_DESK },
      schema: {
        tags: ['petitions'],
        summary: '登记信访件（来访、来信、来电、网上、接待日转入、12369） Register a petition from any channel',
        body: petitionCreateBody,
        response: { 201: petitionViewSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createPetition(tx, actorOf(request), request.body));
      return reply.status(201).send(toPetitionView(row, FULL));
    },
  );

  app.post(
    '/api/public/petitions',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['petitions'],
        summary: '网上信访（无需账号；凭查询码和手机号查询进度） Submit a petition online (no account needed)',
        body: publicPetitionBody,
        response: { 201: petitionViewSchema, ...problemResponses(400, 403, 422, 429) },
      },
    },
    async (request, reply) => {
      const row = await filePetitionOnline(db, request.user, actorOf(request), request.body);
      return reply.status(201).send(toPetitionView(row, FULL));
    },
  );

  app.get(
    '/api/public/petitions/:code',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['petitions'],
        summary: '凭查询码和手机号查询信访办理进度 Track a petition by code and phone',
        params: codeParams,
        querystring: phoneQuery,
        response: { 200: petitionTrackViewSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const p = await byCodeAndPhone(db, request.params.code, request.query.phone);
      const [view, ratingWindow] = await Promise.all([
        detail(p.id, false),
        eventRatingStateByPhone(db, 'petition', p.id, request.query.phone),
      ]);
      return { ...view, ratingWindow };
    },
  );

  app.post(
    '/api/public/petitions/:code/rating',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['petitions', 'ratings'],
        summary: '凭查询码和手机号评价信访办理 Rate the handling of a petition by code and phone',
        params: codeParams,
        body: ratingByPhoneBody,
        response: { 201: ratingViewSchema, ...problemResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { phone: p, ...rating } = request.body;
      const found = await byCodeAndPhone(db, request.params.code, p);
      const row = await rateEvent(db, actorOf(request), { kind: 'phone', phone: p }, 'petition', found.id, rating);
      return reply.status(201).send(toRatingView(row, false));
    },
  );

  app.get(
    '/api/petitions',
    {
      config: { access: READ },
      schema: {
        tags: ['petitions'],
        summary: '信访件列表（群众、企业只见本人的） Petitions (citizens and enterprises: their own)',
        querystring: petitionListQuery,
        response: {
          200: pageOf(petitionViewSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const found = await listPetitions(db, request.user, f, sort, { page, pageSize });
      return { ...found, items: found.items.map((p) => toPetitionView(p, FULL)) };
    },
  );

  app.get(
    '/api/petitions/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['petitions'],
        summary: '信访件详情：过程、文书、期限 A petition with its history, letters and clocks',
        params: idParams,
        response: { 200: petitionDetailViewSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      assertCanRead(request.user, await getPetition(db, request.params.id));
      return detail(request.params.id, isStaff(request.user));
    },
  );

  app.patch(
    '/api/petitions/:id',
    {
      config: { access: PETITION_DESK },
      schema: {
        tags: ['petitions'],
        summary: '列为重点疑难件（领导集中处理）、交办承办人 Flag a key case for leaders, assign a handler',
        params: idParams,
        body: petitionPatchBody,
        response: { 200: petitionViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toPetitionView(await updatePetition(db, actorOf(request), request.params.id, request.body), FULL),
  );

  app.post(
    '/api/petitions/:id/actions',
    {
      config: { access: PETITION_DESK },
      schema: {
        tags: ['petitions'],
        summary: `办理步骤：${PETITION_ACTIONS.join(', ')} A handling step`,
        params: idParams,
        body: petitionActionBody,
        response: { 200: petitionViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => toPetitionView(await actOnPetition(db, actorOf(request), request.params.id, request.body), FULL),
  );

  app.get(
    '/api/petitions/:id/letters/:letterId',
    {
      config: { access: READ },
      schema: {
        tags: ['petitions'],
        summary: '下载文书（纯文本） Download a letter as text',
        params: letterParams,
      },
    },
    async (request, reply) => {
      assertCanRead(request.user, await getPetition(db, request.params.id));
      const file = toPetitionLetterFile(await getLetter(db, request.params.id, request.params.letterId));
      return reply
        .type('text/plain; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="letter.txt"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(file.text);
    },
  );
};
