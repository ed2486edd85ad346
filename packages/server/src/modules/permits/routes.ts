import { STAFF_ROLES } from '@qingshan/core';
import {
  obligationSubmitSchema,
  permitChangeSchema,
  permitCreateSchema,
  permitPatchSchema,
  permitTrackingSchema,
} from '@qingshan/core/permits';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  obligationListItem,
  obligationListQuery,
  obligationView,
  permitDetailView,
  permitIdParams,
  permitListQuery,
  permitView,
  toObligationView,
  toPermitView,
  toReminderView,
} from './schema.ts';
import {
  createPermit,
  getPermit,
  listObligations,
  listPermits,
  recordChange,
  submitObligation,
  trackPermit,
  updatePermit,
} from './service.ts';

const WRITE = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const READ = [...STAFF_ROLES, 'enterprise'] as const;
const TRACK = [...WRITE, 'enterprise'] as const;

export const permitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const detail = async (user: Parameters<typeof getPermit>[1], id: string) => {
    const d = await getPermit(db, user, id);
    return {
      ...toPermitView(d),
      obligations: d.obligations.map((o) => toObligationView(o)),
      reminders: d.reminders.map(toReminderView),
    };
  };

  app.get(
    '/api/permits',
    {
      config: { access: READ },
      schema: {
        tags: ['permits'],
        summary: '排污许可台账 Discharge permits tracked (an enterprise sees its own)',
        querystring: permitListQuery,
        response: { 200: pageOf(permitView), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const paged = await listPermits(db, request.user, f, sort, { page, pageSize });
      return { ...paged, items: paged.items.map((r) => toPermitView(r)) };
    },
  );

  app.post(
    '/api/permits',
    {
      config: { access: WRITE },
      schema: {
        tags: ['permits'],
        summary: '登记排污许可证/排污登记 Record a permit decided on the national platform',
        body: permitCreateSchema,
        response: { 201: permitDetailView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await createPermit(db, actorOf(request), request.body);
      return reply.status(201).send(await detail(request.user, row.id));
    },
  );

  app.get(
    '/api/permits/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['permits'],
        summary: '排污许可详情（义务、期限与提醒记录） A permit with its duties and the reminders sent',
        params: permitIdParams,
        response: { 200: permitDetailView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => detail(request.user, request.params.id),
  );

  app.patch(
    '/api/permits/:id',
    {
      config: { access: WRITE },
      schema: {
        tags: ['permits'],
        summary: '修改排污许可（含延续后的新有效期） Correct or renew a permit, with a reason',
        params: permitIdParams,
        body: permitPatchSchema,
        response: { 200: permitDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await updatePermit(db, actorOf(request), request.params.id, request.body);
      return detail(request.user, request.params.id);
    },
  );

  app.patch(
    '/api/permits/:id/platform-ref',
    {
      config: { access: TRACK },
      schema: {
        tags: ['permits'],
        summary: '登记全国排污许可平台申请编号 Record the national platform reference',
        params: permitIdParams,
        body: permitTrackingSchema,
        response: { 200: permitDetailView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await trackPermit(db, actorOf(request), request.user, request.params.id, request.body);
      return detail(request.user, request.params.id);
    },
  );

  app.post(
    '/api/permits/:id/changes',
    {
      config: { access: TRACK },
      schema: {
        tags: ['permits'],
        summary: '登记变更事项（30日内申请变更） Record a change: 30 days to apply (条例 第十四条)',
        params: permitIdParams,
        body: permitChangeSchema,
        response: { 201: obligationView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await recordChange(db, actorOf(request), request.user, request.params.id, request.body);
      return reply.status(201).send(toObligationView(row));
    },
  );

  app.get(
    '/api/permit-obligations',
    {
      config: { access: READ },
      schema: {
        tags: ['permits'],
        summary: '排污许可义务（执行报告、延续、变更）的期限 Permit duties and their due dates',
        querystring: obligationListQuery,
        response: { 200: pageOf(obligationListItem), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, overdue, ...f } = request.query;
      const paged = await listObligations(db, request.user, { ...f, overdue: overdue === 'true' }, { page, pageSize });
      return {
        ...paged,
        items: paged.items.map((r) => ({
          ...toObligationView(r.o),
          enterpriseName: r.enterpriseName,
          permitNumber: r.permitNumber,
        })),
      };
    },
  );

  app.post(
    '/api/permit-obligations/:id/submit',
    {
      config: { access: TRACK },
      schema: {
        tags: ['permits'],
        summary: '登记已在平台提交（执行报告、延续或变更申请） Record a duty as filed on the platform',
        params: permitIdParams,
        body: obligationSubmitSchema,
        response: { 200: obligationView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await submitObligation(db, actorOf(request), request.user!, request.params.id, request.body);
      return toObligationView(row);
    },
  );
};
