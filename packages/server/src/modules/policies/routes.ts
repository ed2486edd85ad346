import { BUREAU_NAME } from '@qingshan/core';
import { POLICY_KIND_LABELS, type PolicyKind, xmlEscape } from '@qingshan/core/policies';
import { STAFF_ROLES } from '@qingshan/core/roles';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { ATTACHMENT_LIMIT, ATTACHMENT_TYPES, uploadedFile } from '../visits/service.ts';
import {
  attachmentParams,
  attachmentUploadQuery,
  attachmentViewSchema,
  concernedEnterpriseSchema,
  myPolicyQuery,
  myPolicySchema,
  pageQuery,
  policyAnswerSchema,
  policyBodySchema,
  policyDetailSchema,
  policyIdParams,
  policyQuestionSchema,
  policySubscriptionSchema,
  policyUpdateSchema,
  policyViewSchema,
  publicPolicyQuery,
  publishResultSchema,
  questionParams,
  questionViewSchema,
  reachEnterprisesQuery,
  reachViewSchema,
  readResultSchema,
  staffPolicyQuery,
  subscriptionViewSchema,
  toAttachmentView,
  toConcernedEnterpriseView,
  toMyPolicyView,
  toPolicyDetailView,
  toPolicyView,
  toQuestionView,
  toReachView,
  versionBody,
  withdrawBody,
} from './schema.ts';
import {
  addPolicyAttachment,
  answerQuestion,
  askQuestion,
  attachmentsOf,
  createPolicy,
  deletePolicyAttachment,
  deleteSubscription,
  faqOf,
  getPolicy,
  getPolicyAttachment,
  getPublishedPolicy,
  getSubscription,
  latestPublished,
  listPolicies,
  listQuestions,
  markPolicyRead,
  myPolicies,
  policyReach,
  publishPolicy,
  reachEnterprises,
  setSubscription,
  updatePolicy,
  withdrawPolicy,
} from './service.ts';

/** Who publishes policies and answers questions on them. */
export const POLICY_DESK = ['admin', 'leader', 'clerk'] as const;
const STAFF = [...STAFF_ROLES];
const OUTSIDE = ['enterprise', 'citizen'] as const;
const FEED_SIZE = 50;

export const policyRoutes: FastifyPluginAsyncZod<{ db: Db; publicUrl: string | undefined }> = async (
  app,
  { db, publicUrl },
) => {
  app.addContentTypeParser(
    [...ATTACHMENT_TYPES],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMIT },
    (_req, body, done) => done(null, body),
  );

  async function detail(id: string, published: boolean) {
    const p = published ? await getPublishedPolicy(db, id) : await getPolicy(db, id);
    const [attachments, faq] = [await attachmentsOf(db, id), await faqOf(db, id)];
    return toPolicyDetailView(p, attachments, faq);
  }

  // ---- public ----------------------------------------------------------------------------------

  app.get(
    '/api/public/policies',
    {
      config: { access: 'public' },
      schema: {
        tags: ['policies'],
        summary: '政策宣传：惠企措施、通知公告、政策解读 Published policies and notices, newest first unless sorted',
        querystring: publicPolicyQuery,
        response: { 200: pageOf(policyViewSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { page, pageSize, inForce, ...f } = request.query;
      const found = await listPolicies(
        db,
        { ...f, status: 'published', inForce: inForce === 'true' },
        { page, pageSize },
      );
      return { ...found, items: found.items.map(toPolicyView) };
    },
  );

  app.get(
    '/api/public/policies/feed.atom',
    {
      config: { access: 'public' },
      schema: {
        tags: ['policies'],
        summary: '政策宣传 Atom 订阅源 The newest published policies as an Atom feed',
        response: { 200: z.any().describe('Atom 1.0 feed (application/atom+xml)') },
      },
    },
    async (request, reply) => {
      const rows = await latestPublished(db, FEED_SIZE);
      const base = (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
      const updated = (rows[0]?.publishedAt ?? new Date(0)).toISOString();
      const entries = rows.map((p) => {
        const url = `${base}/policies/${p.id}`;
        const kind = POLICY_KIND_LABELS[p.kind as PolicyKind].zh;
        return [
          '  <entry>',
          `    <id>urn:uuid:${p.id}</id>`,
          `    <title>${xmlEscape(`【${kind}】${p.title}`)}</title>`,
          `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
          `    <published>${p.publishedAt!.toISOString()}</published>`,
          `    <updated>${p.updatedAt.toISOString()}</updated>`,
          `    <author><name>${xmlEscape(p.issuer)}</name></author>`,
          `    <category term="${xmlEscape(p.kind)}" label="${xmlEscape(kind)}"/>`,
          `    <summary>${xmlEscape(p.summary)}</summary>`,
          '  </entry>',
        ].join('\n');
      });
      const xml = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        `  <id>${xmlEscape(`${base}/api/public/policies/feed.atom`)}</id>`,
        `  <title>${BUREAU_NAME} · 政策宣传</title>`,
        `  <updated>${updated}</updated>`,
        `  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${base}/api/public/policies/feed.atom`)}"/>`,
        `  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}/policies`)}"/>`,
        ...entries,
        '</feed>',
        '',
      ].join('\n');
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/api/public/policies/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['policies'],
        summary: '政策全文、附件与常见问题 A published policy with its attachments and FAQ',
        params: policyIdParams,
        response: { 200: policyDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => detail(request.params.id, true),
  );

  app.get(
    '/api/public/policies/:id/attachments/:attachmentId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['policies'],
        summary: '下载政策附件 Download an attachment of a published policy',
        params: attachmentParams,
        response: { 200: z.any().describe('the file'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const a = await getPolicyAttachment(db, null, request.params.id, request.params.attachmentId);
      return reply
        .type(a.contentType)
        .header(
          'content-disposition',
          `inline; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        )
        .send(a.content);
    },
  );

  // ---- the bureau: publish, edit, reach ---------------------------------------------------------

  app.get(
    '/api/policies',
    {
      config: { access: STAFF },
      schema: {
        tags: ['policies'],
        summary:
          '政策文件（含草稿、已撤回） Policies in every state, drafts then the newest published first unless sorted',
        querystring: staffPolicyQuery,
        response: { 200: pageOf(policyViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const found = await listPolicies(db, f, { page, pageSize });
      return { ...found, items: found.items.map(toPolicyView) };
    },
  );

  app.post(
    '/api/policies',
    {
      config: { access: POLICY_DESK },
      schema: {
        tags: ['policies'],
        summary: '新建政策文件（草稿） Create a policy as a draft',
        body: policyBodySchema,
        response: { 201: policyViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createPolicy(tx, actorOf(request), request.body));
      return reply.status(201).send(toPolicyView(row));
    },
  );

  app.get(
    '/api/policies/:id',
    {
      config: { access: STAFF },
      schema: {
        tags: ['policies'],
        summary: '政策文件详情（任何状态） A policy in any state',
        params: policyIdParams,
        response: { 200: policyDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => detail(request.params.id, false),
  );

  app.put(
    '/api/policies/:id',
    {
      config: { access: POLICY_DESK },
      schema: {
        tags: ['policies'],
        summary: '修改政策文件（已发布的修改不再推送） Edit a policy (a published one is not pushed again)',
        params: policyIdParams,
        body: policyUpdateSchema,
        response: { 200: policyViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toPolicyView(await db.transaction((tx) => updatePolicy(tx, actorOf(request), request.params.id, request.body))),
  );

  app.post(
    '/api/policies/:id/publish',
    {
      config: { access: POLICY_DESK },
      schema: {
        tags: ['policies'],
        summary: '发布并推送给相关企业和订阅者 Publish and push to the concerned enterprises and subscribers',
        params: policyIdParams,
        body: versionBody,
        response: { 200: publishResultSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { policy, pushed } = await publishPolicy(db, actorOf(request), request.params.id, request.body.version);
      return { ...toPolicyView(policy), pushed };
    },
  );

  app.post(
    '/api/policies/:id/withdraw',
    {
      config: { access: POLICY_DESK },
      schema: {
        tags: ['policies'],
        summary: '撤回已发布的政策文件 Withdraw a published policy',
        params: policyIdParams,
        body: withdrawBody,
        response: { 200: policyViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toPolicyView(
        await db.transaction((tx) =>
          withdrawPolicy(tx, actorOf(request), request.params.id, request.body.version, request.body.reason),
        ),
      ),
  );

  app.post(
    '/api/policies/:id/attachments',
    {
      config: { access: POLICY_DESK },
      schema: {
        tags: ['policies'],
        summary: '上传政策附件（原始文件体，?name=文件名；PDF 或图片，至多 10 个） Attach a file (raw body)',
        params: policyIdParams,
        querystring: attachmentUploadQuery,
        response: { 201: attachmentViewSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const row = await addPolicyAttachment(
        db,
        actorOf(request),
        request.params.id,
        uploadedFile(request.body, request.headers['content-type'], request.query.name),
      );
      return reply.status(201).send(toAttachmentView(row));
    },
  );

  app.get(
    '/api/policies/:id/attachments/:attachmentId',
    {
      config: { access: STAFF },
      schema: {
        tags: ['policies'],
        summary: '下载政策附件（含草稿） Download an attachment (drafts too)',
        params: attachmentParams,
        response: { 200: z.any().describe('the file'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const a = await getPolicyAttachment(db, request.user, request.params.id, request.params.attachmentId);
      return reply
        .type(a.contentType)
        .header(
          'content-disposition',
          `inline; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        )
        .send(a.content);
    },
  );

  app.delete(
    '/api/policies/:id/attachments/:attachmentId',
    {
      config: { access: POLICY_DESK },
      schema: {
        tags: ['policies'],
        summary: '删除政策附件 Remove an attachment',
        params: attachmentParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await db.transaction((tx) =>
        deletePolicyAttachment(tx, actorOf(request), request.params.id, request.params.attachmentId),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/policies/:id/reach',
    {
      config: { access: STAFF },
      schema: {
        tags: ['policies'],
        summary: '推送触达：送达、已读、相关企业触达率 Reach: delivered, read, share of concerned enterprises reached',
        params: policyIdParams,
        response: { 200: reachViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toReachView(await policyReach(db, request.params.id)),
  );

  app.get(
    '/api/policies/:id/reach/enterprises',
    {
      config: { access: STAFF },
      schema: {
        tags: ['policies'],
        summary: '触达明细：相关企业是否送达、是否已读 Drill-down: the concerned enterprises, reached or not',
        params: policyIdParams,
        querystring: reachEnterprisesQuery,
        response: { 200: pageOf(concernedEnterpriseSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { reached, page, pageSize } = request.query;
      const found = await reachEnterprises(
        db,
        request.params.id,
        reached === undefined ? undefined : reached === 'true',
        { page, pageSize },
      );
      return { ...found, items: found.items.map(toConcernedEnterpriseView) };
    },
  );

  // ---- Q&A ----------------------------------------------------------------------------------

  app.get(
    '/api/policies/:id/questions',
    {
      config: { access: [...STAFF, 'enterprise'] },
      schema: {
        tags: ['policies'],
        summary:
          '政策答疑（企业只见本企业的提问和已公开的答复） Questions on a policy (enterprises: their own and the FAQ)',
        params: policyIdParams,
        querystring: pageQuery,
        response: { 200: pageOf(questionViewSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = request.user!;
      const found = await listQuestions(db, user, request.params.id, request.query);
      return {
        ...found,
        items: found.items.map((q) => toQuestionView(q, { id: user.id, enterpriseId: user.enterpriseId ?? null })),
      };
    },
  );

  app.post(
    '/api/policies/:id/questions',
    {
      config: { access: ['enterprise'] },
      schema: {
        tags: ['policies'],
        summary: '企业就政策提问 An enterprise asks a question on a policy',
        params: policyIdParams,
        body: policyQuestionSchema,
        response: { 201: questionViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const row = await askQuestion(db, actorOf(request), user, request.params.id, request.body.question);
      return reply.status(201).send(toQuestionView(row, { id: user.id, enterpriseId: user.enterpriseId ?? null }));
    },
  );

  app.post(
    '/api/policies/:id/questions/:questionId/answer',
    {
      config: { access: POLICY_DESK },
      schema: {
        tags: ['policies'],
        summary: '答复企业提问（可公开为常见问题） Answer a question (publish it to the FAQ)',
        params: questionParams,
        body: policyAnswerSchema,
        response: { 200: questionViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = request.user!;
      const row = await db.transaction((tx) =>
        answerQuestion(tx, actorOf(request), request.params.id, request.params.questionId, request.body),
      );
      return toQuestionView(row, { id: user.id, enterpriseId: null });
    },
  );

  // ---- the portal: what was pushed to me, read marks, subscription ----------------------------------

  app.get(
    '/api/me/policies',
    {
      config: { access: [...OUTSIDE] },
      schema: {
        tags: ['policies'],
        summary: '推送给我的政策 Policies pushed to my account, read or not, newest first unless sorted',
        querystring: myPolicyQuery,
        response: { 200: pageOf(myPolicySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { sort, page, pageSize } = request.query;
      const found = await myPolicies(db, request.user!, { sort }, { page, pageSize });
      return { ...found, items: found.items.map(toMyPolicyView) };
    },
  );

  app.post(
    '/api/me/policies/:id/read',
    {
      config: { access: [...OUTSIDE] },
      schema: {
        tags: ['policies'],
        summary: '标记已读（打开推送的政策时） Mark a pushed policy read',
        params: policyIdParams,
        response: { 200: readResultSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const at = await markPolicyRead(db, request.user!, request.params.id);
      return { readAt: at ? at.toISOString() : null };
    },
  );

  app.get(
    '/api/me/policy-subscription',
    {
      config: { access: [...OUTSIDE] },
      schema: {
        tags: ['policies'],
        summary: '我的政策订阅 My policy subscription',
        response: { 200: subscriptionViewSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => getSubscription(db, request.user!.id),
  );

  app.put(
    '/api/me/policy-subscription',
    {
      config: { access: [...OUTSIDE] },
      schema: {
        tags: ['policies'],
        summary: '订阅政策（按行业、乡镇、主题、类别；留空为不限） Subscribe by industry, town, topic, kind',
        body: policySubscriptionSchema,
        response: { 200: subscriptionViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => db.transaction((tx) => setSubscription(tx, actorOf(request), request.user!.id, request.body)),
  );

  app.delete(
    '/api/me/policy-subscription',
    {
      config: { access: [...OUTSIDE] },
      schema: {
        tags: ['policies'],
        summary: '取消政策订阅 Unsubscribe',
        response: { 204: z.null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await db.transaction((tx) => deleteSubscription(tx, actorOf(request), request.user!.id));
      return reply.status(204).send(null);
    },
  );
};
