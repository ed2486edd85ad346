import {
  isChinesePhone,
  PETITION_ACTIONS,
  PETITION_CHANNELS,
  PETITION_STATUSES,
  PETITION_TYPES,
  petitionActionSchema,
  petitionCreateSchema,
  ratingSchema,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf, hasRole, isStaff, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import { clocksOf } from '../clocks/service.ts';
import { rateEvent, ratingOfEvent } from '../ratings/service.ts';
import { ratingViewSchema, toRatingView } from '../ratings/views.ts';
import {
  actOnPetition,
  assertCanRead,
  byCodeAndPhone,
  createPetition,
  eventsOf,
  getLetter,
  getPetition,
  lettersOf,
  listPetitions,
  PETITION_SORTS,
  reviewsOf,
  toPetitionView,
  updatePetition,
} from './service.ts';

/** The petition desk: who registers and handles petitions. */
export const PETITION_DESK = ['admin', 'leader', 'clerk', 'inspector'] as const;
const READ = [...STAFF_ROLES, 'enterprise', 'citizen'] as const;

const phone = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });
const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ code: z.string().trim().min(4).max(20) });
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const petitionSchema = z.object({
  id: z.string(),
  code: z.string(),
  channel: z.enum(PETITION_CHANNELS),
  type: z.enum(PETITION_TYPES),
  title: z.string(),
  content: z.string(),
  petitionerName: z.string(),
  petitionerPhone: z.string(),
  petitionerAddress: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  referredBy: z.string().nullable(),
  sourceConcernId: z.string().nullable(),
  status: z.enum(PETITION_STATUSES),
  keyCase: z.boolean(),
  keyCaseReason: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptanceDueDate: z.string().nullable(),
  resolutionDueDate: z.string().nullable(),
  extensionDays: z.number(),
  /** a handler's extension request waiting for the 负责人 (第三十四条) */
  extensionRequest: z
    .object({ days: z.number(), reason: z.string(), requestedBy: z.string(), at: z.string() })
    .nullable(),
  otherProcedure: z.string().nullable(),
  resolutionApplies: z.boolean(),
  version: z.number(),
  repliedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  createdAt: z.string(),
});
const eventSchema = z.object({
  at: z.string(),
  action: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
});
const letterSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
const clockSchema = z.object({
  id: z.string(),
  profileKey: z.string(),
  title: z.string(),
  start: z.string(),
  dueDate: z.string(),
  remaining: z.number(),
  state: z.string(),
  completedAt: z.string().nullable(),
});
const reviewSchema = z.object({
  stage: z.enum(['review', 're-review']),
  requestedOn: z.string(),
  late: z.boolean(),
  windowDueDate: z.string().nullable(),
  transmittedAt: z.string().nullable(),
  decidingBody: z.string().nullable(),
  referenceNo: z.string().nullable(),
  outcome: z.string().nullable(),
  receivedOn: z.string().nullable(),
});
const detailSchema = z.object({
  petition: petitionSchema,
  events: z.array(eventSchema),
  letters: z.array(letterSchema),
  clocks: z.array(clockSchema),
  /** 复查 / 复核: decided by the next level up, tracked here */
  reviews: z.array(reviewSchema),
  /** the petitioner's open window to request the next stage (第三十五、三十六条), if any */
  requestWindow: z
    .object({
      stage: z.enum(['review', 're-review']),
      dueDate: z.string(),
      /** the due date falls in a year without the holiday notice (暂定) */
      provisional: z.boolean(),
    })
    .nullable(),
  rating: ratingViewSchema.nullable(),
});

/** the petitioner's request windows, by the stage they lead to */
const WINDOW_STAGE: Partial<Record<string, 'review' | 're-review'>> = {
  'petition.review-request': 'review',
  'petition.re-review-request': 're-review',
};
/** a window past its last day is no longer open to the petitioner (the bureau still records a late request) */
const OPEN_STATES = new Set(['running', 'due-soon', 'paused']);

const letterOut = (l: { id: string; kind: string; title: string; body: string; createdAt: Date }) => ({
  id: l.id,
  kind: l.kind,
  title: l.title,
  body: l.body,
  createdAt: l.createdAt.toISOString(),
});

export const petitionRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit?: number }> = async (
  app,
  { db, publicRateLimit = 20 },
) => {
  // Public submissions and lookups by code + phone are guessing targets: keep them slow per client.
  const LOOKUP_LIMIT = { max: publicRateLimit, timeWindow: '1 minute' };
  async function detail(id: string, full: boolean) {
    const p = await getPetition(db, id);
    const [events, letters, clocks, rating, reviews] = await Promise.all([
      eventsOf(db, id, !full),
      lettersOf(db, id),
      // the public answer needs the petitioner's own window, never the bureau's duty clocks
      clocksOf(db, { ownerType: 'petition', ownerId: id }),
      ratingOfEvent(db, 'petition', id),
      reviewsOf(db, id),
    ]);
    const window = clocks.find((c) => WINDOW_STAGE[c.profileKey] && !c.completedAt && OPEN_STATES.has(c.state));
    return {
      petition: toPetitionView(p, { unmasked: true }),
      events: events.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        note: e.note,
        actorName: full ? e.actorName : null,
      })),
      letters: letters.map(letterOut),
      clocks: (full ? clocks : []).map((c) => ({
        id: c.id,
        profileKey: c.profileKey,
        title: c.title,
        start: c.start,
        dueDate: c.dueDate,
        remaining: c.remaining,
        state: c.state,
        completedAt: c.completedAt,
      })),
      rating: rating ? toRatingView(rating, full) : null,
      reviews: reviews.map((r) => ({
        stage: r.stage as 'review' | 're-review',
        requestedOn: r.requestedOn,
        late: r.late,
        windowDueDate: r.windowDueDate,
        transmittedAt: r.transmittedAt?.toISOString() ?? null,
        decidingBody: r.decidingBody,
        referenceNo: r.referenceNo,
        outcome: r.outcome,
        receivedOn: r.receivedOn,
      })),
      requestWindow: window
        ? { stage: WINDOW_STAGE[window.profileKey]!, dueDate: window.dueDate, provisional: window.provisional }
        : null,
    };
  }

  app.post(
    '/api/petitions',
    {
      config: { access: PETITION_DESK },
      schema: {
        tags: ['petitions'],
        summary: '登记信访件（来访、来信、来电、网上、接待日转入、12369） Register a petition from any channel',
        body: petitionCreateSchema,
        response: { 201: petitionSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createPetition(tx, actorOf(request), request.body));
      return reply.status(201).send(toPetitionView(row, { unmasked: true }));
    },
  );

  app.post(
    '/api/public/petitions',
    {
      config: { access: 'public', rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['petitions'],
        summary: '网上信访（无需账号；凭查询码和手机号查询进度） Submit a petition online (no account needed)',
        body: petitionCreateSchema.pick({
          type: true,
          title: true,
          content: true,
          petitionerName: true,
          petitionerPhone: true,
          petitionerAddress: true,
          enterpriseId: true,
        }),
        response: { 201: petitionSchema, ...problemResponses(400, 403, 422, 429) },
      },
    },
    async (request, reply) => {
      const user = request.user;
      const citizenUserId = user && hasRole(user, 'citizen') && !isStaff(user) ? user.id : null;
      const enterpriseUser = user && hasRole(user, 'enterprise') && !isStaff(user);
      const enterpriseId = enterpriseUser
        ? (request.body.enterpriseId ?? user.enterpriseId)
        : request.body.enterpriseId;
      const row = await db.transaction((tx) =>
        createPetition(
          tx,
          actorOf(request),
          { ...request.body, channel: 'online', ...(enterpriseId ? { enterpriseId } : {}) },
          enterpriseUser
            ? { citizenUserId, filerEnterpriseId: user.enterpriseId ?? null }
            : { citizenUserId, filerIsCitizen: true },
        ),
      );
      return reply.status(201).send(toPetitionView(row, { unmasked: true }));
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
        querystring: z.object({ phone }),
        response: { 200: detailSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const p = await byCodeAndPhone(db, request.params.code, request.query.phone);
      return detail(p.id, false);
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
        body: ratingSchema.safeExtend({ phone }),
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
        querystring: z.object({
          status: z.enum(PETITION_STATUSES).optional(),
          channel: z.enum(PETITION_CHANNELS).optional(),
          type: z.enum(PETITION_TYPES).optional(),
          keyCase: z.stringbool().optional(),
          q: z.string().trim().max(50).optional(),
          from: instant.optional(),
          to: instant.optional(),
          sort: z.enum(PETITION_SORTS).default('-receivedAt'),
          ...paging,
        }),
        response: {
          200: pageOf(petitionSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const { items, total } = await listPetitions(db, request.user, f, sort, page, pageSize);
      return { items: items.map((p) => toPetitionView(p, { unmasked: true })), total, page, pageSize };
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
        response: { 200: detailSchema, ...problemResponses(401, 403, 404) },
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
        body: z.strictObject({
          keyCase: z.boolean().optional(),
          keyCaseReason: z.string().trim().min(2).max(500).nullable().optional(),
          assigneeUserId: z.uuid().nullable().optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: petitionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toPetitionView(await updatePetition(db, actorOf(request), request.params.id, request.body), { unmasked: true }),
  );

  app.post(
    '/api/petitions/:id/actions',
    {
      config: { access: PETITION_DESK },
      schema: {
        tags: ['petitions'],
        summary: `办理步骤：${PETITION_ACTIONS.join(', ')} A handling step`,
        params: idParams,
        body: petitionActionSchema,
        response: { 200: petitionSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      toPetitionView(await actOnPetition(db, actorOf(request), request.params.id, request.body), { unmasked: true }),
  );

  app.get(
    '/api/petitions/:id/letters/:letterId',
    {
      config: { access: READ },
      schema: {
        tags: ['petitions'],
        summary: '下载文书（纯文本） Download a letter as text',
        params: z.object({ id: z.uuid(), letterId: z.uuid() }),
      },
    },
    async (request, reply) => {
      assertCanRead(request.user, await getPetition(db, request.params.id));
      const l = await getLetter(db, request.params.id, request.params.letterId);
      const name = `${l.title}.txt`;
      return reply
        .type('text/plain; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="letter.txt"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(`${l.title}\n\n${l.body}\n`);
    },
  );
};
