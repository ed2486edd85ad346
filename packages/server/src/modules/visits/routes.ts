import { campaignCreateSchema, STAFF_ROLES, visitCreateSchema } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { sendInlineFile } from '../../shared/inline-file.ts';
import {
  attachmentUploadQuery,
  campaignListQuery,
  campaignView,
  followUpDoneBody,
  followUpDoneView,
  toCampaignView,
  toFollowUpDoneView,
  toVisitAttachmentView,
  toVisitDetailView,
  toVisitView,
  visitAttachmentParams,
  visitAttachmentView,
  visitCandidatesView,
  visitDetailView,
  visitIdParams,
  visitListQuery,
  visitView,
} from './schema.ts';
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
  uploadedFile,
  visitCandidates,
} from './service.ts';

export const VISIT_WRITE = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const STAFF = [...STAFF_ROLES];
const READ = [...STAFF_ROLES, 'enterprise'] as const;

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
        querystring: visitListQuery,
        response: {
          200: pageOf(visitView),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, leader, ...f } = request.query;
      const paged = await listVisits(
        db,
        request.user,
        { ...f, leader: leader === undefined ? undefined : leader === 'true' },
        sort,
        page,
        pageSize,
      );
      return { ...paged, items: paged.items.map(toVisitView) };
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
        response: { 201: visitDetailView, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const row = await createVisit(db, actorOf(request), request.body);
      return reply.status(201).send(toVisitDetailView(await getVisit(db, request.user, row.id)));
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
          200: visitCandidatesView,
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
        params: visitIdParams,
        response: { 200: visitDetailView, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => toVisitDetailView(await getVisit(db, request.user, request.params.id)),
  );

  app.post(
    '/api/visits/follow-ups/:id/done',
    {
      config: { access: VISIT_WRITE },
      schema: {
        tags: ['visits'],
        summary: '跟进事项完成 Mark a follow-up done',
        params: visitIdParams,
        body: followUpDoneBody,
        response: {
          200: followUpDoneView,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      return toFollowUpDoneView(await completeFollowUp(db, actorOf(request), request.params.id, request.body.note));
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
        params: visitIdParams,
        querystring: attachmentUploadQuery,
        response: {
          201: visitAttachmentView,
          ...problemResponses(400, 401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const row = await addAttachment(
        db,
        actorOf(request),
        request.params.id,
        uploadedFile(request.body, request.headers['content-type'], request.query.name),
        { enterpriseId: request.query.enterpriseId, internal: request.query.internal === 'true' },
      );
      return reply.status(201).send(toVisitAttachmentView(row));
    },
  );

  app.get(
    '/api/visits/:id/attachments/:attachmentId',
    {
      config: { access: READ },
      schema: {
        tags: ['visits'],
        summary: '下载走访附件 Download an attachment',
        params: visitAttachmentParams,
      },
    },
    async (request, reply) => {
      const a = await getAttachment(db, request.user, request.params.id, request.params.attachmentId);
      return sendInlineFile(reply, a);
    },
  );

  app.get(
    '/api/campaigns',
    {
      config: { access: STAFF },
      schema: {
        tags: ['visits'],
        summary: '集中下沉式服务活动 Campaigns',
        querystring: campaignListQuery,
        response: {
          200: pageOf(campaignView),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const paged = await listCampaigns(db, f, page, pageSize);
      return { ...paged, items: paged.items.map(toCampaignView) };
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
        response: { 201: campaignView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const c = await createCampaign(db, actorOf(request), request.body);
      return reply.status(201).send(toCampaignView({ c, visits: 0, enterpriseVisits: 0 }));
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['visits'],
        summary: '集中服务活动详情 A campaign',
        params: visitIdParams,
        response: { 200: campaignView, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      return toCampaignView(await getCampaignWithCounts(db, request.params.id));
    },
  );
};
