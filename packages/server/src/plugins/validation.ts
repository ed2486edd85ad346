import { localizeIssues } from '@qingshan/core';
import type { FastifySchemaCompiler } from 'fastify';
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
