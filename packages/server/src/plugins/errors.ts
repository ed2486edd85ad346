import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { dbErrorToAppError, errorForLog } from '../db/errors.ts';
import { AppError, type Lang, pickLang, toProblem } from '../errors.ts';
import { RequestValidationError } from './validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  return reply
    .status(err.status)
    .type('application/problem+json; charset=utf-8')
    .send(toProblem(err, request.lang, request.url));
}

// Map whatever was thrown to one AppError; 5xx details never leave the server.
function classify(error: FastifyError | Error, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fromDb = dbErrorToAppError(error);
  if (fromDb) return fromDb;
  if (error instanceof RequestValidationError) {
    return new AppError('VALIDATION_FAILED', {
      errors: error.issues.map((i) => ({ path: i.path, message: { zh: i.zh, en: i.en } })),
    });
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_JSON', { detail: { zh: '请检查 JSON 语法。', en: fe.message } });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: fe.message });
    case 'FST_ERR_VALIDATION':
      return new AppError('VALIDATION_FAILED', { detail: fe.message });
    case 'FST_ERR_BAD_URL':
      return new AppError('BAD_REQUEST', {
        detail: { zh: '地址中的 % 编码无效。', en: 'The URL has an invalid percent-encoding.' },
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('URI_TOO_LONG', {
        detail: {
          zh: '地址中的编号或代码超过 100 个字符。',
          en: 'An id or code in the URL is longer than 100 characters.',
        },
      });
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', { detail: fe.message });
  }
  // errorForLog, not the error: a database error's message carries the statement's parameters.
  request.log.error({ err: errorForLog(error) }, 'unhandled error');
  return new AppError('INTERNAL');
}

export const errorsPlugin = fp(async (app: FastifyInstance, opts: { spaFallback?: boolean }) => {
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.headers['accept-language']);
  });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, classify(error as Error, request)));
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app fall back to index.html; unknown /api paths stay 404 JSON.
    // A missing /assets/ file (an old hash after an upgrade) stays 404: index.html under a
    // script's name would be cached as that script.
    if (
      opts.spaFallback &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/')
    ) {
      return reply.sendFile('index.html');
    }
    const allowed = methodsFor(app, request.url);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(request, reply, new AppError('METHOD_NOT_ALLOWED'));
    }
    return sendProblem(request, reply, new AppError('NOT_FOUND'));
  });
});

// The router's own errors, raised before any hook runs (a path parameter that is not valid
// percent-encoding, or longer than maxParamLength): Fastify answers them in plain JSON without this.
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.lang = pickLang(request.headers['accept-language']);
  return sendProblem(request, reply, classify(error, request));
}

// Fastify answers a known path with an unknown method as 404; RFC 9110 wants 405 with Allow.
// The route table (app.ts) is matched here with each `:param` as one path segment.
const patternCache = new WeakMap<object, { re: RegExp; method: string }[]>();

function methodsFor(app: FastifyInstance, rawUrl: string): string[] {
  const table = (app as { routeTable?: { method: string; url: string }[] }).routeTable;
  if (!table) return [];
  let patterns = patternCache.get(table);
  if (!patterns || patterns.length !== table.length) {
    patterns = table.map((r) => ({ method: r.method, re: routePattern(r.url) }));
    patternCache.set(table, patterns);
  }
  const path = rawUrl.split('?')[0]!;
  const methods = new Set<string>();
  for (const p of patterns) if (p.re.test(path)) methods.add(p.method);
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

function routePattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

// Errors Node's HTTP parser raises before a request exists (oversized headers, a malformed request
// line, a stalled upload) get problem+json too, in Chinese: there is no Accept-Language to read.
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const code =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'BAD_REQUEST';
  const problem = toProblem(new AppError(code), 'zh');
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${REASON[code]}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

const REASON = {
  HEADERS_TOO_LARGE: 'Request Header Fields Too Large',
  REQUEST_TIMEOUT: 'Request Timeout',
  BAD_REQUEST: 'Bad Request',
} as const;
