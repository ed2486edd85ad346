import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { sendInlineFile } from '../../shared/inline-file.ts';
import {
  caseOpenBody,
  caseRevokeBody,
  caseStageBody,
  casesQuery,
  caseViewSchema,
  completeInspectionBody,
  createdSchema,
  drawParams,
  fileParams,
  fileUploadQuery,
  fileViewSchema,
  idParams,
  inspectionDetailSchema,
  inspectionListItemSchema,
  inspectionsQuery,
  myInspectionDetailSchema,
  myInspectionListItemSchema,
  myInspectionsQuery,
  orderDetailSchema,
  orderListItemSchema,
  ordersQuery,
  publicPenaltiesQuery,
  publicPenaltyViewSchema,
  publishedSchema,
  rectificationAnswerBody,
  rectificationVerifyBody,
  siteInspectionBody,
  stageResultSchema,
  toCaseView,
  toFileView,
  toInspectionDetail,
  toInspectionListItem,
  toMyInspectionDetail,
  toMyInspectionListItem,
  toOrderDetail,
  toOrderListItem,
  toPublicPenaltyView,
  updateInspectionBody,
} from './schema.ts';
import {
  addInspectionPhoto,
  addOrderProof,
  advanceCase,
  answerOrder,
  completeInspection,
  createInspection,
  FILE_LIMIT,
  getCase,
  getFile,
  getInspection,
  getMyInspection,
  getOrder,
  listCases,
  listInspections,
  listMyInspections,
  listOrders,
  openCase,
  PHOTO_TYPES,
  PROOF_TYPES,
  publicPenalties,
  publishDrawFromRecords,
  revokeCase,
  updateInspection,
  uploadedFile,
  verifyOrder,
} from './service.ts';

/** Enforcement officers and leaders record inspections, verify rectification and run cases. */
const OFFICERS = ['leader', 'inspector'] as const;
const STAFF_READ = ['admin', 'leader', 'clerk', 'approver', 'inspector', 'monitor'] as const;
/**
 * An enterprise reads its own orders, and the photos and signature of its own visible records; the
 * records themselves it reads through /api/my/inspections, a view declared for it.
 */
const READERS = [...STAFF_READ, 'enterprise'] as const;

const fileResponse = { 200: z.any().describe('文件内容 The file'), ...problemResponses(400, 401, 403, 404) };

export const siteInspectionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addContentTypeParser([...PROOF_TYPES], { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/site-inspections',
    {
      config: { access: STAFF_READ },
      schema: {
        tags: ['site-inspections'],
        summary: '检查记录（现场、非现场） Inspection records',
        querystring: inspectionsQuery,
        response: { 200: pageOf(inspectionListItemSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listInspections(db, request.user, actorOf(request), f, { page, pageSize });
      return { ...r, items: r.items.map(toInspectionListItem) };
    },
  );

  app.post(
    '/api/site-inspections',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '新建检查记录（草稿） Start an inspection record',
        body: siteInspectionBody,
        response: { 201: createdSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await createInspection(db, actorOf(request), request.body) }),
  );

  app.get(
    '/api/site-inspections/:id',
    {
      config: { access: STAFF_READ },
      schema: {
        tags: ['site-inspections'],
        summary: '检查记录详情 An inspection record',
        params: idParams,
        response: { 200: inspectionDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toInspectionDetail(await getInspection(db, request.user, request.params.id)),
  );

  app.put(
    '/api/site-inspections/:id',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '保存检查记录草稿 Save a draft record',
        params: idParams,
        body: updateInspectionBody,
        response: { 200: inspectionDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      await updateInspection(db, actorOf(request), request.params.id, body, version);
      return toInspectionDetail(await getInspection(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/site-inspections/:id/photos',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '上传现场照片（原始文件体，?name=文件名；JPEG/PNG/WebP，≤5 MB） Upload a photo',
        params: idParams,
        querystring: fileUploadQuery,
        response: { 201: fileViewSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const file = uploadedFile(request.body, request.headers['content-type'], request.query.name, PHOTO_TYPES);
      return reply
        .status(201)
        .send(toFileView(await addInspectionPhoto(db, actorOf(request), request.params.id, file)));
    },
  );

  app.post(
    '/api/site-inspections/:id/complete',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '完成检查：企业签字或拒签（原因、见证人）；有整改要求的问题生成责令整改 Complete',
        params: idParams,
        body: completeInspectionBody,
        response: { 200: inspectionDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await completeInspection(db, actorOf(request), request.params.id, request.body);
      return toInspectionDetail(await getInspection(db, request.user, request.params.id));
    },
  );

  app.get(
    '/api/site-inspections/:id/files/:fileId',
    {
      config: { access: READERS },
      schema: {
        tags: ['site-inspections'],
        summary: '检查照片或签名 A photo or the signature',
        params: fileParams,
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const f = await getFile(db, request.user, request.params.fileId);
      if (f.ownerId !== request.params.id) return reply.callNotFound();
      return sendInlineFile(reply, f);
    },
  );

  app.post(
    '/api/site-inspections/draws/:drawId/publish',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '以检查记录公开双随机抽查结果 Publish a draw’s results from its records',
        params: drawParams,
        response: { 200: publishedSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      results: await publishDrawFromRecords(db, request.user!, actorOf(request), request.params.drawId),
    }),
  );

  app.get(
    '/api/my/inspections',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['site-inspections'],
        summary: '本企业的现场检查记录（已签字或拒签的） The enterprise’s own on-site inspection records',
        querystring: myInspectionsQuery,
        response: { 200: pageOf(myInspectionListItemSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listMyInspections(db, request.user!, f, { page, pageSize });
      return { ...r, items: r.items.map(toMyInspectionListItem) };
    },
  );

  app.get(
    '/api/my/inspections/:id',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['site-inspections'],
        summary: '本企业的一条现场检查记录及其责令整改 One of the enterprise’s records and its orders',
        params: idParams,
        response: { 200: myInspectionDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toMyInspectionDetail(await getMyInspection(db, request.user!, request.params.id)),
  );

  app.get(
    '/api/rectification-orders',
    {
      config: { access: READERS },
      schema: {
        tags: ['site-inspections'],
        summary: '责令整改（企业只见本企业） Rectification orders, newest issued first unless sorted',
        querystring: ordersQuery,
        response: { 200: pageOf(orderListItemSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listOrders(db, request.user, f, { page, pageSize });
      return { ...r, items: r.items.map(toOrderListItem) };
    },
  );

  app.get(
    '/api/rectification-orders/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['site-inspections'],
        summary: '责令整改详情 A rectification order',
        params: idParams,
        response: { 200: orderDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toOrderDetail(await getOrder(db, request.user, request.params.id)),
  );

  app.post(
    '/api/rectification-orders/:id/proofs',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['site-inspections'],
        summary: '企业上传整改证明（原始文件体，?name=文件名；图片或 PDF，≤5 MB） Upload proof',
        params: idParams,
        querystring: fileUploadQuery,
        response: { 201: fileViewSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const file = uploadedFile(request.body, request.headers['content-type'], request.query.name, PROOF_TYPES);
      return reply
        .status(201)
        .send(toFileView(await addOrderProof(db, actorOf(request), request.user!, request.params.id, file)));
    },
  );

  app.get(
    '/api/rectification-orders/:id/files/:fileId',
    {
      config: { access: READERS },
      schema: {
        tags: ['site-inspections'],
        summary: '整改证明文件 A proof file',
        params: fileParams,
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const f = await getFile(db, request.user, request.params.fileId);
      if (f.ownerId !== request.params.id) return reply.callNotFound();
      return sendInlineFile(reply, f);
    },
  );

  app.post(
    '/api/rectification-orders/:id/answer',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['site-inspections'],
        summary: '企业提交整改情况 The enterprise answers',
        params: idParams,
        body: rectificationAnswerBody,
        response: { 200: orderDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await answerOrder(db, actorOf(request), request.user!, request.params.id, request.body.text);
      return toOrderDetail(await getOrder(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/rectification-orders/:id/verify',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '核查整改：通过或退回 Verify: accept or return',
        params: idParams,
        body: rectificationVerifyBody,
        response: { 200: orderDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await verifyOrder(db, actorOf(request), request.params.id, request.body);
      return toOrderDetail(await getOrder(db, request.user, request.params.id));
    },
  );

  app.get(
    '/api/enforcement-cases',
    {
      config: { access: STAFF_READ },
      schema: {
        tags: ['site-inspections'],
        summary: '行政处罚案件 Enforcement cases',
        querystring: casesQuery,
        response: { 200: pageOf(caseViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listCases(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toCaseView) };
    },
  );

  app.post(
    '/api/enforcement-cases',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '对涉嫌违法的问题立案 File a case on a serious finding',
        body: caseOpenBody,
        response: { 201: caseViewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const id = await openCase(db, actorOf(request), request.body);
      return reply.status(201).send(toCaseView(await getCase(db, id)));
    },
  );

  app.get(
    '/api/enforcement-cases/:id',
    {
      config: { access: STAFF_READ },
      schema: {
        tags: ['site-inspections'],
        summary: '案件详情 A case',
        params: idParams,
        response: { 200: caseViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toCaseView(await getCase(db, request.params.id)),
  );

  app.post(
    '/api/enforcement-cases/:id/stages',
    {
      config: { access: OFFICERS },
      schema: {
        tags: ['site-inspections'],
        summary: '记录案件下一阶段（决定须填文号、罚款金额） Record the next stage',
        params: idParams,
        body: caseStageBody,
        response: { 200: caseViewSchema.extend(stageResultSchema.shape), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const r = await advanceCase(db, actorOf(request), request.params.id, request.body);
      return { ...toCaseView(await getCase(db, request.params.id)), ...r };
    },
  );

  app.post(
    '/api/enforcement-cases/:id/revocation',
    {
      config: { access: ['leader'] },
      schema: {
        tags: ['site-inspections'],
        summary: '撤销处罚决定（从公开名单撤回并公开理由） Revoke a decision: withdrawn from the public list',
        params: idParams,
        body: caseRevokeBody,
        response: { 200: caseViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await revokeCase(db, actorOf(request), request.params.id, request.body);
      return toCaseView(await getCase(db, request.params.id));
    },
  );

  app.get(
    '/api/public/penalties',
    {
      config: { access: 'public' },
      schema: {
        tags: ['site-inspections'],
        summary: '主动公开：行政处罚决定（作出决定即公开，撤销即撤回） Proactive disclosure: penalty decisions',
        querystring: publicPenaltiesQuery,
        response: { 200: pageOf(publicPenaltyViewSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await publicPenalties(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toPublicPenaltyView) };
    },
  );
};
