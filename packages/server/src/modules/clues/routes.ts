import { STAFF_ROLES } from '@qingshan/core';
import { CLUE_IMPORT_UPLOAD_LIMIT, MAX_IMPORT_PHOTOS } from '@qingshan/core/clues';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldErrorMsg } from '../../errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { pageOf, problemResponses } from '../../plugins/openapi.ts';
import { sendInlineFile } from '../../shared/inline-file.ts';
import { boundaryOf, parseMultipart } from '../../shared/multipart.ts';
import { PHOTO_LIMIT, PHOTO_TYPES, photoTypeOf } from '../../shared/photo.ts';
import { getRule } from '../rules/service.ts';
import {
  clueDetailSchema,
  clueFileViewSchema,
  clueImportBody,
  clueListQuery,
  clueMatchBody,
  clueOutcomeBody,
  clueViewSchema,
  idParams,
  importResultSchema,
  mapViewSchema,
  photoUploadQuery,
  toClueClock,
  toClueFileView,
  toClueView,
  toVideoPointView,
  videoClueBody,
  videoPointBody,
  videoPointViewSchema,
} from './schema.ts';
import {
  addCluePhoto,
  clueFromConcern,
  clueFromReport,
  clueFromVideo,
  confirmMatch,
  createVideoPoint,
  getClue,
  getClueFile,
  importClues,
  listClues,
  listVideoPointsNamed,
  mapData,
  recordOutcome,
  type UploadedFile,
} from './service.ts';

/** Who registers clues (imports, turning reports and concerns into clues): the bureau's desks. */
export const CLUE_DESK = ['admin', 'leader', 'clerk', 'inspector'] as const;
/** Who confirms a clue's enterprise and records its verification: the enforcement officers. */
export const CLUE_OFFICERS = ['leader', 'inspector'] as const;

/** A GeoJSON batch of 500 findings with polygon outlines fits well inside 2 MB; beyond it is refused. */
export const CLUE_IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

const refuse = (errors: FieldErrorMsg[]) => new AppError('VALIDATION_FAILED', { errors });
const formError = (path: string, zh: string, en: string) => refuse([{ path, message: { zh, en } }]);

/**
 * The import form (multipart/form-data): `source`, `batchName`, `geojson` (the file or its text,
 * ≤ 2 MB) and the `photos` files a feature's `photo` property names. Gives the JSON body the route
 * validates and the files, or the problem in words; never throws on the bytes.
 */
export function readImportForm(
  contentType: string | undefined,
  body: Buffer,
): { ok: true; body: Record<string, unknown>; files: UploadedFile[] } | { ok: false; error: AppError } {
  const boundary = boundaryOf(contentType);
  const bad = (e: AppError) => ({ ok: false as const, error: e });
  if (!boundary) return bad(formError('body', '表单格式有误（缺少 boundary）', 'Malformed form (no boundary)'));
  // the three fields and the photos, and a few more to tell "too many photos" from a broken form
  const parsed = parseMultipart(body, boundary, MAX_IMPORT_PHOTOS + 8);
  if (!parsed.ok)
    return bad(
      parsed.reason === 'too-many-parts'
        ? formError(
            'photos',
            `一次最多上传 ${MAX_IMPORT_PHOTOS} 张照片`,
            `At most ${MAX_IMPORT_PHOTOS} photos per import`,
          )
        : formError('body', '表单格式有误，请重新选择文件上传', 'Malformed form; choose the files again'),
    );
  const out: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const p of parsed.parts) {
    if (p.name === 'photos') {
      if (!p.fileName) return bad(formError('photos', '照片须作为文件上传', 'Photos must be sent as files'));
      files.push({ fileName: p.fileName, content: p.content });
    } else if (p.name === 'source' || p.name === 'batchName') out[p.name] = p.content.toString('utf8');
    else if (p.name === 'geojson') {
      if (p.content.length > CLUE_IMPORT_BODY_LIMIT)
        return bad(formError('geojson', 'GeoJSON 文件超过 2 MB', 'The GeoJSON is over 2 MB'));
      try {
        out.geojson = JSON.parse(p.content.toString('utf8'));
      } catch {
        return bad(formError('geojson', 'GeoJSON 文件不是有效的 JSON', 'The GeoJSON file is not valid JSON'));
      }
    } else return bad(formError(p.name, `未知的表单项「${p.name}」`, `Unknown form field "${p.name}"`));
  }
  return { ok: true, body: out, files };
}

export const clueRoutes: FastifyPluginAsyncZod<{
  db: Db;
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
}> = async (app, { db, tileUrl, tileAttribution }) => {
  const detail = async (id: string) => {
    const d = await getClue(db, id);
    const rule = await getRule(db, 'clue.verification');
    return {
      clue: toClueView(d.clue),
      clocks: d.clocks.map((c) => toClueClock(c, rule)),
      files: d.files.map(toClueFileView),
    };
  };

  // the photos sent with an import, from its form to its handler (the body schema sees the JSON part)
  const importFiles = new WeakMap<FastifyRequest, UploadedFile[]>();
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: CLUE_IMPORT_UPLOAD_LIMIT },
    (request, body, done) => {
      const r = readImportForm(request.headers['content-type'], body as Buffer);
      if (!r.ok) return done(r.error, undefined);
      importFiles.set(request, r.files);
      done(null, r.body);
    },
  );
  // a batch without photos may still come as JSON (a script's upload), bounded as before
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: CLUE_IMPORT_BODY_LIMIT },
    app.getDefaultJsonParser('error', 'error'),
  );
  // a photo added during verification arrives as the raw file, like inspection photos
  app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/clues',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '线索列表 Clues, filtered by status, source, enterprise or text',
        querystring: clueListQuery,
        response: { 200: pageOf(clueViewSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const r = await listClues(db, f, { page, pageSize });
      return { ...r, items: r.items.map(toClueView) };
    },
  );

  app.get(
    '/api/clues/map',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '线索地图 Registered sites, clues and video points to draw on the county map',
        response: { 200: mapViewSchema, ...problemResponses(401, 403) },
      },
    },
    async () => ({ tileUrl: tileUrl ?? null, tileAttribution: tileAttribution ?? null, ...(await mapData(db)) }),
  );

  app.post(
    '/api/clues/import',
    {
      config: { access: CLUE_DESK },
      schema: {
        tags: ['clues'],
        summary:
          '导入无人机/遥感线索 Import a drone-patrol or remote-sensing batch: multipart/form-data with source, batchName, geojson (≤ 2 MB) and the photos files its features name (≤ 20, each ≤ 5 MB, JPEG/PNG/WebP; whole form ≤ 32 MB); a bad feature or photo is reported by feature number and nothing is saved',
        consumes: ['multipart/form-data', 'application/json'],
        body: clueImportBody,
        response: { 201: importResultSchema, ...problemResponses(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      const files = importFiles.get(request) ?? [];
      const r = await db.transaction((tx) => importClues(tx, actorOf(request), request.body, new Date(), files));
      return reply.code(201).send(r);
    },
  );

  app.post(
    '/api/clues/from-report/:id',
    {
      config: { access: CLUE_DESK },
      schema: {
        tags: ['clues'],
        summary: '举报转线索 Turn a 12369 report into a clue',
        params: idParams,
        response: { 201: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => clueFromReport(tx, actorOf(request), request.params.id));
      return reply.code(201).send(await detail(row.id));
    },
  );

  app.post(
    '/api/clues/from-concern/:id',
    {
      config: { access: CLUE_DESK },
      schema: {
        tags: ['clues'],
        summary: '接待日诉求转线索 Turn a reception-day concern into a clue',
        params: idParams,
        response: { 201: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => clueFromConcern(tx, actorOf(request), request.params.id));
      return reply.code(201).send(await detail(row.id));
    },
  );

  app.get(
    '/api/video-points',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '视频点位 Video points with their snapshot links',
        response: { 200: z.array(videoPointViewSchema), ...problemResponses(401, 403) },
      },
    },
    async () => (await listVideoPointsNamed(db)).map(toVideoPointView),
  );

  app.post(
    '/api/video-points',
    {
      config: { access: ['admin', 'leader'] },
      schema: {
        tags: ['clues'],
        summary: '登记视频点位 Register a video point',
        body: videoPointBody,
        response: { 201: videoPointViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createVideoPoint(tx, actorOf(request), request.body));
      const [named] = await listVideoPointsNamed(db, row.id);
      return reply.code(201).send(toVideoPointView(named!));
    },
  );

  app.post(
    '/api/video-points/:id/clues',
    {
      config: { access: CLUE_DESK },
      schema: {
        tags: ['clues'],
        summary: '视频发现转线索 What a camera saw becomes a clue, its snapshot the evidence',
        params: idParams,
        body: videoClueBody,
        response: { 201: clueDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => clueFromVideo(tx, actorOf(request), request.params.id, request.body));
      return reply.code(201).send(await detail(row.id));
    },
  );

  app.get(
    '/api/clues/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '线索详情 A clue with its evidence, matched enterprise and verification clock',
        params: idParams,
        response: { 200: clueDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => detail(request.params.id),
  );

  app.post(
    '/api/clues/:id/match',
    {
      config: { access: CLUE_OFFICERS },
      schema: {
        tags: ['clues'],
        summary: '确认对应企业 Confirm the enterprise the clue is about (or none)',
        params: idParams,
        body: clueMatchBody,
        response: { 200: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => confirmMatch(tx, actorOf(request), request.params.id, request.body));
      return detail(request.params.id);
    },
  );

  app.post(
    '/api/clues/:id/photos',
    {
      config: { access: CLUE_OFFICERS },
      schema: {
        tags: ['clues'],
        summary: '核查时补充照片（原始文件体，?name=文件名；JPEG/PNG/WebP，≤5 MB） Add a photo while verifying',
        params: idParams,
        querystring: photoUploadQuery,
        response: { 201: clueFileViewSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const declared = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      const content = request.body;
      const type = Buffer.isBuffer(content) ? photoTypeOf(content) : null;
      if (!Buffer.isBuffer(content) || !type || type !== declared)
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          detail: { zh: '只接受 JPEG、PNG、WebP 图片', en: 'Only JPEG, PNG or WebP images' },
        });
      const saved = await db.transaction((tx) =>
        addCluePhoto(tx, actorOf(request), request.params.id, { fileName: request.query.name, type, content }),
      );
      return reply.code(201).send(toClueFileView(saved));
    },
  );

  app.get(
    '/api/clues/:id/files/:fileId',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['clues'],
        summary: '线索照片 A clue’s photo',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
        response: { 200: z.any().describe('文件内容 The file'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => sendInlineFile(reply, await getClueFile(db, request.params.id, request.params.fileId)),
  );

  app.post(
    '/api/clues/:id/outcome',
    {
      config: { access: CLUE_OFFICERS },
      schema: {
        tags: ['clues'],
        summary: '登记核查结果 Record the verification outcome; completes the clock',
        params: idParams,
        body: clueOutcomeBody,
        response: { 200: clueDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await db.transaction((tx) => recordOutcome(tx, actorOf(request), request.params.id, request.body));
      return detail(request.params.id);
    },
  );
};
