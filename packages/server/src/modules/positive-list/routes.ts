import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorOf, STAFF_ROLES } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import {
  conditionCheckSchema,
  enterpriseParams,
  entriesQuery,
  entryDetailSchema,
  entryViewSchema,
  idParams,
  positiveListDecisionBody,
  positiveListRemovalBody,
  proposalsQuery,
  proposalViewSchema,
  publicEntriesQuery,
  publicEntrySchema,
  removalProposalDecisionBody,
} from './schema.ts';
import {
  checkConditions,
  decideListing,
  decideProposal,
  getEntry,
  listEntries,
  listProposals,
  listPublicEntries,
  removeListing,
} from './service.ts';

/** Who decides listings and removals: the enforcement officers and their leaders. */
export const POSITIVE_LIST_OFFICERS = ['leader', 'inspector'] as const;

export const positiveListRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // published for everyone: the list is part of 双随机一公开's "公开"
  app.get(
    '/api/public/positive-list',
    {
      config: { access: 'public' },
      schema: {
        tags: ['positive-list'],
        summary:
          '监督执法正面清单（公开） The public positive list: listed firms, category and validity, newest first unless sorted',
        querystring: publicEntriesQuery,
        response: { 200: pageOf(publicEntrySchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, year, sort, page, pageSize } = request.query;
      return listPublicEntries(db, { q, year, sort }, { page, pageSize });
    },
  );

  app.get(
    '/api/positive-list',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['positive-list'],
        summary: '正面清单决定 Listing decisions, with state (valid / expired / removed), newest first unless sorted',
        querystring: entriesQuery,
        response: { 200: pageOf(entryViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listEntries(db, filter, { page, pageSize });
    },
  );

  app.get(
    '/api/positive-list/checks/:enterpriseId',
    {
      config: { access: POSITIVE_LIST_OFFICERS },
      schema: {
        tags: ['positive-list'],
        summary: '条件核查 The conditions checked from the platform’s records today, before a decision',
        params: enterpriseParams,
        response: { 200: z.array(conditionCheckSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => checkConditions(db, request.params.enterpriseId),
  );

  app.post(
    '/api/positive-list',
    {
      config: { access: POSITIVE_LIST_OFFICERS },
      schema: {
        tags: ['positive-list'],
        summary: '列入正面清单 List a firm: the checks run again and their snapshot is kept on the decision',
        body: positiveListDecisionBody,
        response: { 201: entryDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const entry = await db.transaction((tx) => decideListing(tx, actorOf(request), request.body));
      return reply.code(201).send(entry);
    },
  );

  app.get(
    '/api/positive-list/proposals',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['positive-list'],
        summary:
          '移出建议 Removal proposals raised by penalties, incidents, verified complaints, alarms, newest first unless sorted',
        querystring: proposalsQuery,
        response: { 200: pageOf(proposalViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listProposals(db, filter, { page, pageSize });
    },
  );

  app.post(
    '/api/positive-list/proposals/:id/decision',
    {
      config: { access: POSITIVE_LIST_OFFICERS },
      schema: {
        tags: ['positive-list'],
        summary: '处理移出建议 Accept (removes the firm) or reject a removal proposal, with a reason',
        params: idParams,
        body: removalProposalDecisionBody,
        response: { 200: entryDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => db.transaction((tx) => decideProposal(tx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/positive-list/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['positive-list'],
        summary: '正面清单决定详情 A listing with its evidence snapshot and removal proposals',
        params: idParams,
        response: { 200: entryDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getEntry(db, request.params.id),
  );

  app.post(
    '/api/positive-list/:id/removal',
    {
      config: { access: POSITIVE_LIST_OFFICERS },
      schema: {
        tags: ['positive-list'],
        summary: '移出正面清单 Remove a firm from the list with a reason',
        params: idParams,
        body: positiveListRemovalBody,
        response: { 200: entryDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      db.transaction((tx) => removeListing(tx, actorOf(request), request.params.id, request.body.reason)),
  );
};
