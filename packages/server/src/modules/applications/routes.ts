import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  applicationCreateBody,
  applicationDecisionBody,
  applicationDeferredBody,
  applicationDetailView,
  applicationExpertReviewBody,
  applicationIdParams,
  applicationNoticeBody,
  applicationSupplementBody,
  applicationsQuery,
  applicationView,
  applicationVisitBody,
  applicationWindowBody,
  DOCUMENT_TITLES,
  documentParams,
  materialParams,
  materialUploadQuery,
  materialView,
  toApplicationDetailView,
  toApplicationView,
  toMaterialView,
} from './schema.ts';
import {
  accept,
  acceptDeferred,
  addMaterial,
  decide,
  endExpertReview,
  fileApplication,
  getApplication,
  getMaterial,
  issueNotice,
  listApplications,
  MATERIAL_TYPES,
  recordVisit,
  startExpertReview,
  supplement,
  UPLOAD_HARD_LIMIT,
} from './service.ts';

const STAFF_READ = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const READ = [...STAFF_READ, 'enterprise'] as const;
/** window work: pre-check, notices, acceptance, visits */
const WINDOW = ['admin', 'clerk', 'approver'] as const;
/** review and decision */
const DECIDE = ['admin', 'leader', 'approver'] as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const applicationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Materials arrive as the raw file (no multipart); the real type is read from the bytes.
  app.addContentTypeParser([...MATERIAL_TYPES], { parseAs: 'buffer', bodyLimit: UPLOAD_HARD_LIMIT }, (_r, body, done) =>
    done(null, body),
  );

  const detail = async (request: { user: Parameters<typeof getApplication>[1] }, id: string) =>
    toApplicationDetailView(await getApplication(db, request.user, id));

  app.get(
    '/api/applications',
    {
      config: { access: READ },
      schema: {
        tags: ['applications'],
        summary: '申请列表 Applications, newest filing first unless sorted (an enterprise sees its own)',
        querystring: applicationsQuery,
        response: { 200: pageOf(applicationView), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const paged = await listApplications(db, request.user!, f, { page, pageSize });
      return { ...paged, items: paged.items.map(toApplicationView) };
    },
  );

  app.post(
    '/api/applications',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['applications'],
        summary: '网上申请 An enterprise applies online for a matter the bureau decides',
        body: applicationCreateBody,
        response: { 201: applicationDetailView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => fileApplication(tx, actorOf(request), request.user!, request.body));
      return reply.status(201).send(await detail(request, row.id));
    },
  );

  app.post(
    '/api/applications/window',
    {
      config: { access: WINDOW },
      schema: {
        tags: ['applications'],
        summary: '窗口收件（可帮办代办，记录申请人授权） A clerk files at the window for an enterprise',
        body: applicationWindowBody,
        response: { 201: applicationDetailView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => fileApplication(tx, actorOf(request), request.user!, request.body));
      return reply.status(201).send(await detail(request, row.id));
    },
  );

  app.get(
    '/api/applications/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['applications'],
        summary: '申请详情 An application: checklist and pre-check, files, clocks, visits, documents',
        params: applicationIdParams,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.post(
    '/api/applications/:id/materials',
    {
      config: { access: [...WINDOW, 'enterprise'] },
      schema: {
        tags: ['applications'],
        summary:
          '上传申请材料（原始文件体，?item=清单序号&name=文件名；PDF、JPEG、PNG、DOCX） Upload a file for a checklist item (raw body)',
        params: applicationIdParams,
        querystring: materialUploadQuery,
        response: { 201: materialView, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const m = await addMaterial(db, actorOf(request), request.user!, request.params.id, {
        item: request.query.item,
        name: request.query.name,
        body: request.body,
      });
      const { content: _c, ...summary } = m;
      return reply.status(201).send(toMaterialView(summary));
    },
  );

  app.get(
    '/api/applications/:id/materials/:materialId',
    {
      config: { access: READ },
      schema: {
        tags: ['applications'],
        summary: '下载申请材料 Download a handed-in file',
        params: materialParams,
        response: { 200: z.any().describe('the file'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const m = await getMaterial(db, request.user!, request.params.id, request.params.materialId);
      return reply
        .type(m.contentType)
        .header(
          'content-disposition',
          `attachment; filename="material"; filename*=UTF-8''${encodeURIComponent(m.fileName)}`,
        )
        .send(m.content);
    },
  );

  app.get(
    '/api/applications/:id/documents/:kind',
    {
      config: { access: READ },
      schema: {
        tags: ['applications'],
        summary: '下载文书（补正告知书、受理通知书、决定书） Download a letter (Word)',
        params: documentParams,
        response: { 200: z.any().describe('Word document'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const d = await getApplication(db, request.user, request.params.id);
      const kind = request.params.kind;
      const { applicationDocx } = await import('./documents.ts');
      const buf = await applicationDocx(kind, d);
      const title = DOCUMENT_TITLES[kind];
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="${title.file}-${d.row.code}.docx"; filename*=UTF-8''${encodeURIComponent(`${title.zh}-${d.row.code}.docx`)}`,
        )
        .send(buf);
    },
  );

  app.post(
    '/api/applications/:id/notice',
    {
      config: { access: WINDOW },
      schema: {
        tags: ['applications'],
        summary: '一次性告知补正（生成补正告知书，暂停办理时限） One-time notice of everything missing',
        params: applicationIdParams,
        body: applicationNoticeBody,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => issueNotice(tx, actorOf(request), request.params.id, request.body.note));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/supplement',
    {
      config: { access: [...WINDOW, 'enterprise'] },
      schema: {
        tags: ['applications'],
        summary: '补正材料已提交（恢复计时，重新预审） The missing materials are in: back to pre-check',
        params: applicationIdParams,
        body: applicationSupplementBody,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      // only the window can say the applicant came in person
      const inPerson = request.user!.enterpriseId ? false : request.body.inPerson;
      await db.transaction((tx) => supplement(tx, actorOf(request), request.user!, request.params.id, inPerson));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/accept',
    {
      config: { access: WINDOW },
      schema: {
        tags: ['applications'],
        summary: '受理（材料齐全） Accept: the materials are complete',
        params: applicationIdParams,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => accept(tx, actorOf(request), request.params.id));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/accept-deferred',
    {
      config: { access: WINDOW },
      schema: {
        tags: ['applications'],
        summary: '容缺受理（书面承诺，缺项单独计时） Accept with deferred items and a written promise',
        params: applicationIdParams,
        body: applicationDeferredBody,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => acceptDeferred(tx, actorOf(request), request.params.id, request.body.promise));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/expert-review',
    {
      config: { access: DECIDE },
      schema: {
        tags: ['applications'],
        summary: '开始专家评审（暂停计时） Start an expert review: the clock pauses',
        params: applicationIdParams,
        body: applicationExpertReviewBody,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => startExpertReview(tx, actorOf(request), request.params.id, request.body.note));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/expert-review/end',
    {
      config: { access: DECIDE },
      schema: {
        tags: ['applications'],
        summary: '专家评审结束（恢复计时） End the expert review: the clock runs again',
        params: applicationIdParams,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => endExpertReview(tx, actorOf(request), request.params.id));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/decision',
    {
      config: { access: DECIDE },
      schema: {
        tags: ['applications'],
        summary: '作出决定（文号、决定书） Decide: approve or refuse with reasons; a document number is assigned',
        params: applicationIdParams,
        body: applicationDecisionBody,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => decide(tx, actorOf(request), request.params.id, request.body));
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/visits',
    {
      config: { access: WINDOW },
      schema: {
        tags: ['applications'],
        summary: '登记申请人到窗口一次 Record that the applicant came in person',
        params: applicationIdParams,
        body: applicationVisitBody,
        response: { 200: applicationDetailView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await db.transaction((tx) => recordVisit(tx, actorOf(request), request.params.id, request.body.purpose));
      return detail(request, request.params.id);
    },
  );
};
