import {
  milestoneUpdateSchema,
  projectContactSchema,
  projectCreateSchema,
  projectPatchSchema,
  STAFF_ROLES,
} from '@qingshan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  milestoneParams,
  projectContactView,
  projectDetailView,
  projectIdParams,
  projectListQuery,
  projectView,
  toProjectContactView,
  toProjectDetailView,
  toProjectView,
} from './schema.ts';
import { addContact, createProject, getProject, listProjects, patchProject, updateMilestone } from './service.ts';

export const PROJECT_WRITE = ['admin', 'leader', 'clerk', 'approver', 'inspector'] as const;
const READ = [...STAFF_ROLES, 'enterprise'] as const;

export const projectRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/projects',
    {
      config: { access: READ },
      schema: {
        tags: ['projects'],
        summary: '跟踪服务重大项目 Tracked major projects',
        querystring: projectListQuery,
        response: {
          200: pageOf(projectView),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize, sort, overdue, ...f } = request.query;
      const paged = await listProjects(db, request.user, { ...f, overdue: overdue === 'true' }, sort, page, pageSize);
      return { ...paged, items: paged.items.map((r) => toProjectView(r)) };
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
        response: { 201: projectView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await createProject(db, actorOf(request), request.body);
      const full = await getProject(db, request.user, row.id);
      return reply.status(201).send(toProjectView(full));
    },
  );

  app.get(
    '/api/projects/:id',
    {
      config: { access: READ },
      schema: {
        tags: ['projects'],
        summary: '项目详情（含联系记录） A project with its contact log',
        params: projectIdParams,
        response: {
          200: projectDetailView,
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      return toProjectDetailView(await getProject(db, request.user, request.params.id));
    },
  );

  app.patch(
    '/api/projects/:id',
    {
      config: { access: PROJECT_WRITE },
      schema: {
        tags: ['projects'],
        summary: '修改项目（负责人、下一步工作及日期、状态） Update officer, next action, status',
        params: projectIdParams,
        body: projectPatchSchema,
        response: { 200: projectView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await patchProject(db, actorOf(request), request.params.id, request.body);
      return toProjectView(await getProject(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/projects/:id/milestones/:key',
    {
      config: { access: PROJECT_WRITE },
      schema: {
        tags: ['projects'],
        summary: '更新节点（选址、环评、许可、建设、验收、投产） Update a milestone',
        params: milestoneParams,
        body: milestoneUpdateSchema,
        response: { 200: projectView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await updateMilestone(db, actorOf(request), request.params.id, request.params.key, request.body);
      return toProjectView(await getProject(db, request.user, request.params.id));
    },
  );

  app.post(
    '/api/projects/:id/contacts',
    {
      config: { access: PROJECT_WRITE },
      schema: {
        tags: ['projects'],
        summary: '记录联系情况 Log a contact',
        params: projectIdParams,
        body: projectContactSchema,
        response: { 201: projectContactView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const c = await addContact(db, actorOf(request), request.user!, request.params.id, request.body);
      return reply.status(201).send(toProjectContactView(c));
    },
  );
};
