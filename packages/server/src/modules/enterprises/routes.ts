import {
  CREDIT_GRADES,
  ENTERPRISE_STATUSES,
  enterpriseCreateSchema,
  enterpriseLabel,
  enterprisePatchSchema,
  maskPhone,
  TAG_SEPARATOR,
  TOWNS,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { actorOf, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import { startJob } from '../jobs/service.ts';
import { importEnterpriseFile, importLane } from './import.ts';
import {
  allMatching,
  assertCanRead,
  createEnterprise,
  getEnterprise,
  listEnterprises,
  patchEnterprise,
  SORTS,
  toDetail,
  toSummary,
  unmaskContacts,
} from './service.ts';
import { looksLikeXlsx, writeWorkbook, XLSX_TYPE } from './spreadsheet.ts';

const contactOut = z.object({ name: z.string(), phone: z.string(), role: z.string().optional() });
export const enterpriseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  usccValid: z.boolean(),
  townCode: z.string(),
  townName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  status: z.enum(ENTERPRISE_STATUSES),
  tags: z.array(z.string()),
  creditGrade: z.enum(CREDIT_GRADES).nullable(),
  updatedAt: z.string(),
});
export const enterpriseSchema = enterpriseSummarySchema.extend({
  legalRepresentative: z.string().nullable(),
  contacts: z.array(contactOut),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  usccOverrideReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const enterpriseFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  townCode: z.string().max(12).optional(),
  industryCode: z.string().max(4).optional(),
  tag: z.string().max(40).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  creditGrade: z.enum(CREDIT_GRADES).optional(),
  sort: z.enum(SORTS).default('name'),
});
const listQuery = enterpriseFilterSchema.extend({
  ...paging,
});
const idParams = z.object({ id: z.uuid() });

const READ = [...STAFF_ROLES, 'enterprise'] as const;
const WRITE_STAFF = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;

function xlsxName(base: string) {
  const stamp = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return `attachment; filename="enterprises-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${base}-${stamp}.xlsx`)}`;
}

export const enterpriseRoutes: FastifyPluginAsyncZod<{
  db: Db;
  importLimit: number;
  onJob?: (p: Promise<void>) => void;
}> = async (app, { db, importLimit, onJob }) => {
  // Imports arrive as the raw file, so the client needs no multipart handling.
  app.addContentTypeParser(['text/csv', XLSX_TYPE], { parseAs: 'buffer', bodyLimit: importLimit }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/enterprises',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '企业列表 List enterprises (name, code or pinyin initials)',
        querystring: listQuery,
        response: {
          200: pageOf(enterpriseSummarySchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      const { items, total } = await listEnterprises(db, request.user, filter, sort, page, pageSize);
      return { items: items.map(toSummary), total, page, pageSize };
    },
  );

  app.post(
    '/api/enterprises',
    {
      config: { access: WRITE_STAFF },
      schema: {
        tags: ['enterprises'],
        summary: '登记企业 Register an enterprise',
        body: enterpriseCreateSchema,
        response: { 201: enterpriseSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await createEnterprise(db, actorOf(request), request.body);
      return reply.status(201).send(toDetail(row));
    },
  );

  app.get(
    '/api/enterprises/export',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '导出企业（xlsx） Export enterprises matching the filters',
        querystring: enterpriseFilterSchema,
      },
    },
    async (request, reply) => {
      const { sort, ...filter } = request.query;
      const rows = await allMatching(db, request.user, filter, sort);
      const buf = await writeWorkbook(
        rows.map((r) => ({
          name: r.name,
          uscc: r.uscc,
          legalRepresentative: r.legalRepresentative,
          contactName: r.contacts[0]?.name ?? null,
          // phones leave the platform masked; unmasking is a deliberate, audited act
          contactPhone: r.contacts[0]?.phone ? maskPhone(r.contacts[0].phone) : null,
          address: r.address,
          town: TOWNS.find((t) => t.code === r.townCode)?.name ?? r.townCode,
          industryCode: r.industryCode,
          lat: r.lat,
          lng: r.lng,
          // the labels the UI shows (core), which the import reads back
          status: enterpriseLabel('status', r.status),
          tags: r.tags.map((tag) => enterpriseLabel('tag', tag)).join(TAG_SEPARATOR),
          creditGrade: r.creditGrade ? enterpriseLabel('creditGrade', r.creditGrade) : null,
        })),
      );
      return reply.type(XLSX_TYPE).header('content-disposition', xlsxName('企业名录')).send(buf);
    },
  );

  app.get(
    '/api/enterprises/import-template',
    {
      config: { access: WRITE_STAFF },
      schema: { tags: ['enterprises'], summary: '导入模板 Import template (xlsx)' },
    },
    async (_request, reply) => {
      const buf = await writeWorkbook([
        {
          name: '上栗县示例花炮厂',
          uscc: '91360322MA35XXXXXX',
          legalRepresentative: '张三',
          contactName: '李四',
          contactPhone: '13800000000',
          address: '上栗县上栗镇示例路1号',
          town: '上栗镇',
          industryCode: '2672',
          status: enterpriseLabel('status', 'operating'),
          tags: enterpriseLabel('tag', 'key-polluter'),
          creditGrade: enterpriseLabel('creditGrade', 'green'),
        },
      ]);
      return reply.type(XLSX_TYPE).header('content-disposition', xlsxName('企业导入模板')).send(buf);
    },
  );

  app.post(
    '/api/enterprises/import',
    {
      config: { access: WRITE_STAFF },
      schema: {
        tags: ['enterprises'],
        summary: '导入企业（xlsx 或 CSV 原始文件） Import enterprises from the raw xlsx/CSV body',
        response: { 202: z.object({ jobId: z.string() }), ...problemResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const kind = request.headers['content-type']?.startsWith('text/csv') ? 'csv' : 'xlsx';
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      if (kind === 'xlsx' && !looksLikeXlsx(request.body)) {
        throw new AppError('IMPORT_UNREADABLE', {
          detail: { zh: '文件不是 xlsx 工作簿', en: 'the file is not an xlsx workbook' },
        });
      }
      const body = request.body;
      const actor = actorOf(request);
      const lang = request.lang;
      // Reading and saving run after the 202, streamed and in batches (importEnterpriseFile); a
      // file refused as a whole (too many rows, damaged) fails the job with the reason.
      const jobId = await startJob(
        db,
        'enterprise-import',
        actor.id,
        (job) => importLane(() => importEnterpriseFile(db, actor, { body, kind }, lang, job)),
        onJob,
      );
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '企业档案 An enterprise file',
        params: idParams,
        response: { 200: enterpriseSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      assertCanRead(request.user, request.params.id);
      return toDetail(await getEnterprise(db, request.params.id));
    },
  );

  app.patch(
    '/api/enterprises/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '修改企业信息 Update an enterprise',
        params: idParams,
        // `version` is the one the form loaded: an edit over someone else's newer one is refused.
        body: enterprisePatchSchema.extend({ version: z.number().int().min(1) }),
        response: { 200: enterpriseSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      const row = await patchEnterprise(db, request.user!, actorOf(request), request.params.id, input, version);
      return toDetail(row);
    },
  );

  app.post(
    '/api/enterprises/:id/unmask',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '查看完整联系电话（记入审计） Show full contact phones (audited)',
        params: idParams,
        response: { 200: z.object({ contacts: z.array(contactOut) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const contacts = await unmaskContacts(db, request.user!, actorOf(request), request.params.id);
      return { contacts };
    },
  );
};
