import { enterpriseCreateSchema, STAFF_ROLES } from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { sendXlsx, XLSX_TYPE } from '../../shared/xlsx.ts';
import { startEnterpriseImport } from './import.ts';
import {
  enterpriseContactsView,
  enterpriseFilterQuery,
  enterpriseIdParams,
  enterpriseListQuery,
  enterprisePatchBody,
  enterpriseSummaryView,
  enterpriseView,
  IMPORT_TEMPLATE_ROWS,
  importJobView,
  toEnterpriseSheetView,
  toEnterpriseSummaryView,
  toEnterpriseView,
} from './schema.ts';
import {
  allMatching,
  assertCanRead,
  createEnterprise,
  getEnterprise,
  listEnterprises,
  patchEnterprise,
  unmaskContacts,
} from './service.ts';
import { writeWorkbook } from './spreadsheet.ts';

const READ = [...STAFF_ROLES, 'enterprise'] as const;
const WRITE_STAFF = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;

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
        querystring: enterpriseListQuery,
        response: {
          200: pageOf(enterpriseSummaryView),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      const paged = await listEnterprises(db, request.user, filter, sort, page, pageSize);
      return { ...paged, items: paged.items.map(toEnterpriseSummaryView) };
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
        response: { 201: enterpriseView, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await createEnterprise(db, actorOf(request), request.body);
      return reply.status(201).send(toEnterpriseView(row));
    },
  );

  app.get(
    '/api/enterprises/export',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '导出企业（xlsx） Export enterprises matching the filters',
        querystring: enterpriseFilterQuery,
      },
    },
    async (request, reply) => {
      const { sort, ...filter } = request.query;
      const rows = await allMatching(db, request.user, filter, sort);
      const workbook = await writeWorkbook(rows.map(toEnterpriseSheetView));
      return sendXlsx(reply, workbook, { ascii: 'enterprises', zh: '企业名录' });
    },
  );

  app.get(
    '/api/enterprises/import-template',
    {
      config: { access: WRITE_STAFF },
      schema: { tags: ['enterprises'], summary: '导入模板 Import template (xlsx)' },
    },
    async (_request, reply) =>
      sendXlsx(reply, await writeWorkbook(IMPORT_TEMPLATE_ROWS), { ascii: 'enterprises', zh: '企业导入模板' }),
  );

  app.post(
    '/api/enterprises/import',
    {
      config: { access: WRITE_STAFF },
      schema: {
        tags: ['enterprises'],
        summary: '导入企业（xlsx 或 CSV 原始文件） Import enterprises from the raw xlsx/CSV body',
        response: { 202: importJobView, ...problemResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const jobId = await startEnterpriseImport(
        db,
        actorOf(request),
        { body: request.body, contentType: request.headers['content-type'] },
        request.lang,
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
        params: enterpriseIdParams,
        response: { 200: enterpriseView, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      assertCanRead(request.user, request.params.id);
      return toEnterpriseView(await getEnterprise(db, request.params.id));
    },
  );

  app.patch(
    '/api/enterprises/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '修改企业信息 Update an enterprise',
        params: enterpriseIdParams,
        body: enterprisePatchBody,
        response: { 200: enterpriseView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      const row = await patchEnterprise(db, request.user!, actorOf(request), request.params.id, input, version);
      return toEnterpriseView(row);
    },
  );

  app.post(
    '/api/enterprises/:id/unmask',
    {
      config: { access: READ },
      schema: {
        tags: ['enterprises'],
        summary: '查看完整联系电话（记入审计） Show full contact phones (audited)',
        params: enterpriseIdParams,
        response: { 200: enterpriseContactsView, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => ({ contacts: await unmaskContacts(db, request.user!, actorOf(request), request.params.id) }),
  );
};
