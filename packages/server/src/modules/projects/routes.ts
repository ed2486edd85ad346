import {
  CONTACT_CHANNELS,
  MILESTONE_STATES,
  milestoneUpdateSchema,
  PROJECT_MILESTONES,
  projectContactSchema,
  projectCreateSchema,
  projectPatchSchema,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, paging, problemResponses } from '../../plugins/openapi.ts';
import {
  addContact,
  createProject,
  getProject,
  listProjects,
  PROJECT_SORTS,
  type ProjectRow,
  patchProject,
  todayShanghai,
  updateMilestone,
} from './service.ts';

export const PROJECT_WRITE = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const READ = [...STAFF_ROLES, 'enterprise'] as const;
const idParams = z.object({ id: z.uuid() });
const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  investment: z.number(),
  townCode: z.string(),
  officerUserId: z.string().nullable(),
  officerName: z.string(),
  milestones: z.array(
    z.object({
      key: z.enum(PROJECT_MILESTONES),
      state: z.enum(MILESTONE_STATES),
      date: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  nextAction: z.string().nullable(),
  nextActionDate: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(['active', 'completed', 'suspended']),
  version: z.number(),
});
const contactSchema = z.object({
  id: z.string(),
  date: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  note: z.string(),
  byName: z.string(),
});

function projectOut({ p, enterpriseName }: { p: ProjectRow; enterpriseName: string }, today = todayShanghai()) {
  return {
    id: p.id,
    name: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    investment: p.investment,
    townCode: p.townCode,
    officerUserId: p.officerUserId,
    officerName: p.officerName,
    milestones: p.milestones,
    nextAction: p.nextAction,
    nextActionDate: p.nextActionDate,
    overdue: p.status === 'active' && !!p.nextActionDate && p.nextActionDate < today,
    status: p.status as 'active' | 'completed' | 'suspended',
    version: p.version,
  };
}

export const projectRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/projects',
    {
      config: { access: READ },
      schema: {
        tags: ['projects'],
        summary: '跟踪服务重大项目 Tracked major projects',
        querystring: z.object({
          status: z.enum(['active', 'completed', 'suspended']).optional(),
          townCode: z.string().max(12).optional(),
          enterpriseId: z.uuid().optional(),
          overdue: z.enum(['true', 'false']).optional(),
          q: z.string().trim().max(100).optional(),
          sort: z.enum(PROJECT_SORTS).default('nextActionDate'),
          ...paging,
        }),
        response: {
          200: pageOf(projectSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, overdue, ...f } = request.query;
      const { items, total } = await listProjects(
        db,
        request.user,
        { ...f, overdue: overdue === 'true' },
        sort,
        page,
        pageSize,
      );
      return { items: items.map((r) => projectOut(r)), total, page, pageSize };
    },
  );

  app.post(
    '/api/projects',
    {
      config: { access: PROJECT_WRITE },
      schema: {
        tags: ['projects'],
        summary: '新建跟踪项目 Start tracking a project',
        body: projectCreateSchema,
        response: { 201: projectSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await createProject(db, actorOf(request), request.body);
      const full = await getProject(db, request.user, row.id);
      return reply.status(201).send(projectOut(full));
    },
  );

  app.get(
    '/api/projects/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['projects'],
        summary: '项目详情（含联系记录） A project with its contact log',
        params: idParams,
        response: {
          200: projectSchema.extend({ contacts: z.array(contactSchema) }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const r = await getProject(db, request.user, request.params.id);
      return {
        ...projectOut(r),
        contacts: r.contacts.map((c) => ({
          id: c.id,
          date: c.date,
          channel: c.channel as (typeof CONTACT_CHANNELS)[number],
          note: c.note,
          byName: c.byName,
        })),
      };
    },
  );

  app.patch(
    '/api/projects/:id',
    {
      config: { access: PROJECT_WRITE },
      schema: {
        tags: ['projects'],
        summary: '修改项目（负责人、下一步工作及日期、状态） Update officer, next action, status',
        params: idParams,
        body: projectPatchSchema,
        response: { 200: projectSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await patchProject(db, actorOf(request), request.params.id, request.body);
      return projectOut(await getProject(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/projects/:id/milestones/:key',
    {
      config: { access: PROJECT_WRITE },
      schema: {
        tags: ['projects'],
        summary: '更新节点（选址、环评、许可、建设、验收、投产） Update a milestone',
        params: z.object({ id: z.uuid(), key: z.enum(PROJECT_MILESTONES) }),
        body: milestoneUpdateSchema,
        response: { 200: projectSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await updateMilestone(db, actorOf(request), request.params.id, request.params.key, request.body);
      return projectOut(await getProject(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/projects/:id/contacts',
    {
      config: { access: PROJECT_WRITE },
      schema: {
        tags: ['projects'],
        summary: '记录联系情况 Log a contact',
        params: idParams,
        body: projectContactSchema,
        response: { 201: contactSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const c = await addContact(db, actorOf(request), request.user!, request.params.id, request.body);
      return reply.status(201).send({
        id: c.id,
        date: c.date,
        channel: c.channel as (typeof CONTACT_CHANNELS)[number],
        note: c.note,
        byName: c.byName,
      });
    },
  );
};
