import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
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
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', { detail: fe.message });
  }
  request.log.error({ err: error }, 'unhandled error');
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
    return sendProblem(request, reply, new AppError('NOT_FOUND'));
  });
});
