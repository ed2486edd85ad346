import { campaignCreateSchema, isoDateSchema, VISIT_PURPOSES, visitCreateSchema } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import {
  ATTACHMENT_LIMIT,
  ATTACHMENT_TYPES,
  addAttachment,
  completeFollowUp,
  createCampaign,
  createVisit,
  getAttachment,
  getCampaignWithCounts,
  getVisit,
  listCampaigns,
  listVisits,
  VISIT_SORTS,
  visitCandidates,
} from './service.ts';

export const VISIT_WRITE = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const STAFF = [...STAFF_ROLES];
const READ = [...STAFF_ROLES, 'enterprise'] as const;

const idParams = z.object({ id: z.uuid() });
const isoDate = isoDateSchema;
const visitEnterpriseSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  townCode: z.string(),
  solved: z.string().nullable(),
  findings: z.string().nullable(),
});
const visitSchema = z.object({
  id: z.string(),
  date: z.string(),
  campaignId: z.string().nullable(),
  campaignTheme: z.string().nullable(),
  staff: z.array(z.object({ userId: z.string().optional(), name: z.string(), leader: z.boolean() })),
  ledByLeader: z.boolean(),
  purposes: z.array(z.enum(VISIT_PURPOSES)),
  /** for an enterprise: its own part (null when a joint visit recorded none for it) */
  summary: z.string().nullable(),
  /** the bureau's own notes; always null for an enterprise */
  internalNote: z.string().nullable(),
  enterprises: z.array(visitEnterpriseSchema),
});
const visitDetailSchema = visitSchema.extend({
  followUps: z.array(
    z.object({
      id: z.string(),
      enterpriseId: z.string().nullable(),
      enterpriseName: z.string().nullable(),
      action: z.string(),
      dueDate: z.string(),
      doneAt: z.string().nullable(),
      doneNote: z.string().nullable(),
      internal: z.boolean(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      enterpriseId: z.string().nullable(),
      enterpriseName: z.string().nullable(),
      internal: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});
const campaignSchema = z.object({
  id: z.string(),
  theme: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  description: z.string().nullable(),
  visits: z.number(),
  enterpriseVisits: z.number(),
});

type VisitJoined = Awaited<ReturnType<typeof listVisits>>['items'][number];
function visitOut(r: VisitJoined) {
  return {
    id: r.v.id,
    date: r.v.date,
    campaignId: r.v.campaignId,
    campaignTheme: r.campaignTheme,
    staff: r.v.staff.map((s) => ({ ...(s.userId ? { userId: s.userId } : {}), name: s.name, leader: s.leader })),
    ledByLeader: r.v.ledByLeader,
    purposes: r.v.purposes as (typeof VISIT_PURPOSES)[number][],
    summary: r.summary,
    internalNote: r.internalNote,
    enterprises: r.enterprises,
  };
}

export const visitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addContentTypeParser(
    [...ATTACHMENT_TYPES],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/visits',
    {
      config: { access: READ },
      schema: {
        tags: ['visits'],
        summary: '上门服务记录 Door-to-door visits',
        querystring: z.object({
          from: isoDate.optional(),
          to: isoDate.optional(),
          enterpriseId: z.uuid().optional(),
          campaignId: z.uuid().optional(),
          purpose: z.enum(VISIT_PURPOSES).optional(),
          leader: z.enum(['true', 'false']).optional(),
          townCode: z.string().max(12).optional(),
          sort: z.enum(VISIT_SORTS).default('-date'),
          ...paging,
        }),
        response: {
          200: pageOf(visitSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, leader, ...f } = request.query;
      const { items, total } = await listVisits(
        db,
        request.user,
        { ...f, leader: leader === undefined ? undefined : leader === 'true' },
        sort,
        page,
        pageSize,
      );
      return { items: items.map(visitOut), total, page, pageSize };
    },
  );

  app.post(
    '/api/visits',
    {
      config: { access: VISIT_WRITE },
      schema: {
        tags: ['visits'],
        summary: '登记上门服务 Record a visit (one or more enterprises)',
        body: visitCreateSchema,
        response: { 201: visitDetailSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const row = await createVisit(db, actorOf(request), request.body);
      return reply.status(201).send(detailOut(await getVisit(db, request.user, row.id)));
    },
  );

  app.get(
    '/api/visits/candidates',
    {
      config: { access: STAFF },
      schema: {
        tags: ['visits'],
        summary: '需要上门服务的企业 Enterprises needing a visit',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                enterpriseId: z.string(),
                name: z.string(),
                townCode: z.string(),
                openConcerns: z.number(),
                overdueFollowUps: z.number(),
                overdueProjects: z.number(),
                lastVisit: z.string().nullable(),
              }),
            ),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async () => ({ items: await visitCandidates(db) }),
  );

  app.get(
    '/api/visits/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['visits'],
        summary: '走访详情 A visit',
        params: idParams,
        response: { 200: visitDetailSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => detailOut(await getVisit(db, request.user, request.params.id)),
  );

  app.post(
    '/api/visits/follow-ups/:id/done',
    {
      config: { access: VISIT_WRITE },
      schema: {
        tags: ['visits'],
        summary: '跟进事项完成 Mark a follow-up done',
        params: idParams,
        body: z.strictObject({ note: z.string().trim().min(1).max(1000) }),
        response: {
          200: z.object({ id: z.string(), doneAt: z.string() }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const f = await completeFollowUp(db, actorOf(request), request.params.id, request.body.note);
      return { id: f.id, doneAt: f.doneAt!.toISOString() };
    },
  );

  app.post(
    '/api/visits/:id/attachments',
    {
      config: { access: VISIT_WRITE },
      schema: {
        tags: ['visits'],
        summary:
          "上传走访照片或文件（原始文件体，?name=文件名；&enterpriseId= 归属某企业，&internal=true 仅内部可见） Attach a photo or file (raw body; enterpriseId: that enterprise's part; internal: staff only)",
        params: idParams,
        querystring: z.object({
          name: z.string().trim().min(1).max(200),
          enterpriseId: z.uuid().optional(),
          internal: z.enum(['true', 'false']).optional(),
        }),
        response: {
          201: z.object({
            id: z.string(),
            fileName: z.string(),
            contentType: z.string(),
            size: z.number(),
            enterpriseId: z.string().nullable(),
            internal: z.boolean(),
            createdAt: z.string(),
          }),
          ...problemResponses(400, 401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (!Buffer.isBuffer(request.body) || !(ATTACHMENT_TYPES as readonly string[]).includes(type)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          detail: { zh: '只接受 JPEG、PNG、WebP 图片或 PDF', en: 'Only JPEG, PNG, WebP images or PDF' },
        });
      }
      const row = await addAttachment(
        db,
        actorOf(request),
        request.params.id,
        { name: request.query.name, type, content: request.body },
        { enterpriseId: request.query.enterpriseId, internal: request.query.internal === 'true' },
      );
      return reply.status(201).send({ ...row, createdAt: row.createdAt.toISOString() });
    },
  );

  app.get(
    '/api/visits/:id/attachments/:attachmentId',
    {
      config: { access: READ },
      schema: {
        tags: ['visits'],
        summary: '下载走访附件 Download an attachment',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const a = await getAttachment(db, request.user, request.params.id, request.params.attachmentId);
      return reply
        .type(a.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .send(a.content);
    },
  );

  app.get(
    '/api/campaigns',
    {
      config: { access: STAFF },
      schema: {
        tags: ['visits'],
        summary: '集中下沉式服务活动 Campaigns',
        querystring: z.object({
          from: isoDate.optional(),
          to: isoDate.optional(),
          q: z.string().trim().max(100).optional(),
          ...paging,
        }),
        response: {
          200: pageOf(campaignSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const { items, total } = await listCampaigns(db, f, page, pageSize);
      return {
        items: items.map((r) => ({
          ...r.c,
          description: r.c.description,
          visits: r.visits,
          enterpriseVisits: r.enterpriseVisits,
        })),
        total,
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/api/campaigns',
    {
      config: { access: VISIT_WRITE },
      schema: {
        tags: ['visits'],
        summary: '新建集中下沉式服务活动 Create a campaign',
        body: campaignCreateSchema,
        response: { 201: campaignSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const c = await createCampaign(db, actorOf(request), request.body);
      return reply.status(201).send({ ...c, visits: 0, enterpriseVisits: 0 });
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['visits'],
        summary: '集中服务活动详情 A campaign',
        params: idParams,
        response: { 200: campaignSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const r = await getCampaignWithCounts(db, request.params.id);
      return { ...r.c, visits: r.visits, enterpriseVisits: r.enterpriseVisits };
    },
  );
};

function detailOut(d: Awaited<ReturnType<typeof getVisit>>) {
  return {
    ...visitOut(d),
    followUps: d.followUps.map(({ f, enterpriseName }) => ({
      id: f.id,
      enterpriseId: f.enterpriseId,
      enterpriseName,
      action: f.action,
      dueDate: f.dueDate,
      doneAt: f.doneAt?.toISOString() ?? null,
      doneNote: f.doneNote,
      internal: f.internal,
    })),
    attachments: d.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}
