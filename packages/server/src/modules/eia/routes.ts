import { resolveLang } from '@qingshan/core/messages';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  EIA_DOCUMENT_KINDS,
  EIA_DOCUMENT_TITLES,
  eiaCaseCreateBody,
  eiaCaseDetailView,
  eiaCaseView,
  eiaCityDecisionBody,
  eiaDecisionBody,
  eiaEligibilityView,
  eiaIdParams,
  eiaListQuery,
  eiaNoticeDetailView,
  eiaNoticeQuery,
  eiaNoticeView,
  eiaObjectionAnswerBody,
  eiaObjectionBody,
  eiaObjectionParams,
  eiaObjectionView,
  eiaVerificationBody,
} from './schema.ts';
import {
  answerObjection,
  caseDocument,
  commitmentEligibility,
  createCase,
  decideCase,
  getCase,
  getNotice,
  listCases,
  listNotices,
  lodgeObjection,
  recordCityDecision,
  verifyCase,
} from './service.ts';

const eligibilityQuery = z.object({
  industryCode: z.string().regex(/^\d{3,4}$/, { error: 'eia.industryCode.invalid' }),
  category: eiaCaseView.shape.category,
  inSensitiveArea: z.enum(['true', 'false']).default('false'),
  electroplating: z.enum(['true', 'false']).default('false'),
  nationalSecurity: z.enum(['true', 'false']).default('false'),
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const documentParams = z.object({ id: z.uuid(), kind: z.enum(EIA_DOCUMENT_KINDS) });

const STAFF_WRITE = ['admin', 'clerk', 'approver'] as const;
const DECIDE = ['admin', 'approver', 'leader'] as const;

export const eiaRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/eia/cases',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['eia'],
        summary: '环评事项 EIA cases, latest accepted first unless sorted (an enterprise sees only its own)',
        querystring: eiaListQuery,
        response: { 200: pageOf(eiaCaseView), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      return listCases(db, request.user!, f, { page, pageSize });
    },
  );

  app.get(
    '/api/eia/cases/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['eia'],
        summary: '环评事项详情 One EIA case with its objections',
        params: eiaIdParams,
        response: { 200: eiaCaseDetailView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCase(db, request.user!, request.params.id),
  );

  app.get(
    '/api/eia/cases/:id/documents/:kind',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['eia'],
        summary: '下载环评文书（审批决定书、豁免认定书） Download the decision or exemption letter (Word)',
        params: documentParams,
        response: { 200: z.any().describe('Word document'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { kind, id } = request.params;
      const { row, buf } = await caseDocument(db, request.user!, id, kind);
      const title = EIA_DOCUMENT_TITLES[kind];
      const n = row.code.replace(/\D+/g, '-').replace(/^-|-$/g, '');
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="${title.file}-${n}.docx"; filename*=UTF-8''${encodeURIComponent(`${title.zh}-${row.code}.docx`)}`,
        )
        .send(buf);
    },
  );

  app.get(
    '/api/eia/commitment-eligibility',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['eia'],
        summary: '告知承诺制适用条件 Whether a project may take the commitment path, each check with its source',
        querystring: eligibilityQuery,
        response: { 200: eiaEligibilityView, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const q = request.query;
      return commitmentEligibility(
        db,
        {
          industryCode: q.industryCode,
          category: q.category,
          inSensitiveArea: q.inSensitiveArea === 'true',
          electroplating: q.electroplating === 'true',
          nationalSecurity: q.nationalSecurity === 'true',
        },
        resolveLang(request.headers['accept-language']),
      );
    },
  );

  app.post(
    '/api/eia/cases',
    {
      config: { access: [...STAFF_WRITE, 'enterprise'] },
      schema: {
        tags: ['eia'],
        summary: '新建环评事项 Open an EIA case on its path (an enterprise records only its own 登记表备案)',
        body: eiaCaseCreateBody,
        response: { 201: eiaCaseDetailView, ...problemResponses(400, 401, 403, 409, 422) },
        description:
          'The server classifies the project from `industryCode`, `constructionType` and `facts` (the fact keys of POST /api/eia/classify) and stores the row, column and quote as the case’s evidence; a path the category does not allow is refused (EIA_PATH_MISMATCH), missing facts too (EIA_CLASSIFICATION_INCOMPLETE). `applicationId` links an application of the same enterprise whose EIA matter fits the path, once: one accepted and not yet decided (otherwise EIA_APPLICATION_NOT_LINKABLE).',
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCase(db, request.user!, actorOf(request), request.body)),
  );

  app.post(
    '/api/eia/cases/:id/decision',
    {
      config: { access: DECIDE },
      schema: {
        tags: ['eia'],
        summary: '作出审批决定 Decide (commitment: after publicity, every objection answered)',
        params: eiaIdParams,
        body: eiaDecisionBody,
        response: { 200: eiaCaseDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => decideCase(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/eia/cases/:id/city-decision',
    {
      config: { access: STAFF_WRITE },
      schema: {
        tags: ['eia'],
        summary: '登记市局批复 Record the city bureau’s decision on a report book (批复文号)',
        params: eiaIdParams,
        body: eiaCityDecisionBody,
        response: { 200: eiaCaseDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => recordCityDecision(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/eia/cases/:id/verification',
    {
      config: { access: ['admin', 'inspector', 'approver'] },
      schema: {
        tags: ['eia'],
        summary: '登记事后核查结果 Record the verification: pass, rectify or revoke (with the credit consequence)',
        params: eiaIdParams,
        body: eiaVerificationBody,
        response: { 200: eiaCaseDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => verifyCase(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/eia/cases/:id/objections/:objectionId/answer',
    {
      config: { access: DECIDE },
      schema: {
        tags: ['eia'],
        summary: '答复公示意见 Answer a citizen’s objection',
        params: eiaObjectionParams,
        body: eiaObjectionAnswerBody,
        response: { 200: eiaCaseDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      answerObjection(db, actorOf(request), request.params.id, request.params.objectionId, request.body.answer),
  );

  // Public portal: 受理公示, 拟批准公示, 批准公告 with personal data masked.
  app.get(
    '/api/public/eia/notices',
    {
      config: { access: 'public' },
      schema: {
        tags: ['eia'],
        summary:
          '环评公示公告 EIA notices (acceptance, before approval, approval), personal data masked, newest first unless sorted',
        querystring: eiaNoticeQuery,
        response: { 200: pageOf(eiaNoticeView), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { kind, sort, page, pageSize } = request.query;
      return listNotices(db, { kind, sort }, { page, pageSize });
    },
  );

  app.get(
    '/api/public/eia/notices/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['eia'],
        summary: '环评公示详情 One EIA notice with the objections and their answers',
        params: eiaIdParams,
        response: { 200: eiaNoticeDetailView, ...problemResponses(400, 404) },
      },
    },
    async (request) => getNotice(db, request.params.id),
  );

  app.post(
    '/api/public/eia/notices/:id/objections',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['eia'],
        summary: '提交公示意见 Object during the publicity period (a mobile phone proves itself with a code)',
        params: eiaIdParams,
        body: eiaObjectionBody,
        response: {
          201: eiaObjectionView.omit({ phone: true, answeredByName: true }),
          ...problemResponses(400, 403, 404, 409, 429),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await lodgeObjection(db, request.user, actorOf(request), request.params.id, request.body)),
  );
};
