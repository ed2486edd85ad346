import { findTextProblems, localizeIssues, translate } from '@qingshan/core';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import type { Lang } from '../errors.ts';

// Request validation with zod; messages come from @qingshan/core's message table in both
// languages (schema messages are keys there; zod's generic issues map to generic entries), so the
// error handler can answer in the caller's language.
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';
  constructor(
    readonly validationContext: string,
    readonly issues: { path: string; zh: string; en: string }[],
  ) {
    super(`${validationContext}: ${issues.map((i) => `${i.path} ${i.en}`).join('; ')}`);
  }
}

function issuePath(part: string, issue: z.core.$ZodIssue): string {
  const base = issue.path.map(String).join('.');
  // An unknown field is reported at the field itself, so a form can put it beside the input.
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = key ? (base ? `${base}.${key}` : key) : base;
  return path || (part === 'body' ? '' : part);
}

export function bilingualIssues(issues: readonly z.core.$ZodIssue[], part = 'body') {
  const zh = localizeIssues(issues, 'zh');
  const en = localizeIssues(issues, 'en');
  return issues.map((issue, i) => ({ path: issuePath(part, issue), zh: zh[i]!.message, en: en[i]!.message }));
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const r = (schema as z.ZodType).safeParse(data);
    if (r.success) return { value: r.data };
    const part = httpPart ?? 'body';
    return { error: new RequestValidationError(part, bilingualIssues(r.error.issues, part)) };
  };

/** Renders zod issues (from a schema parsed outside a route, e.g. an import row) as one line. */
export function zodIssuesText(issues: readonly z.core.$ZodIssue[], lang: Lang): string {
  return bilingualIssues(issues)
    .map((i) => (i.path ? `${i.path}: ${i[lang]}` : i[lang]))
    .join('；');
}

// The text rules (core/src/text.ts) for every string of every route, schema or not, before any
// schema runs: a NUL reaching PostgreSQL is an error there, and a route without a schema for a part
// would otherwise pass it straight through.
export const textGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const;
    for (const [part, value] of parts) {
      const found = findTextProblems(value);
      if (found.length === 0) continue;
      throw new RequestValidationError(
        part,
        found.map((f) => ({
          path: f.path.map(String).join('.') || part,
          zh: translate(f.key, 'zh'),
          en: translate(f.key, 'en'),
        })),
      );
    }
  });
});
