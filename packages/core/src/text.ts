/**
 * What every piece of text coming in must satisfy, whatever field it fills: no NUL (PostgreSQL
 * cannot store it in text and answers with an error), no unpaired UTF-16 surrogates (not encodable
 * as UTF-8), no bidi embedding/override/isolate controls (they make a name or a complaint display
 * as something other than what is stored), and not made only of invisible characters (a name of
 * zero-width spaces looks empty in every list yet passes a min-length check).
 * The server applies this to every string of every body, query and path; imports apply it per cell.
 */
import { z } from 'zod';
import { isDateString } from './calendar/dates.ts';

export type TextProblem = 'text.nul' | 'text.surrogate' | 'text.bidi' | 'text.invisible' | 'input.tooDeep';

/**
 * How deep a body, query or path may nest (objects and arrays). No route takes anything near this
 * deep; a 1 MiB body can nest 500 000 levels, and walking it overflowed the stack (a 500).
 */
export const MAX_INPUT_DEPTH = 32;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// LRE RLE PDF LRO RLO (U+202A–U+202E) and LRI RLI FSI PDI (U+2066–U+2069).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Zero-width and other format characters that render as nothing: ZWSP ZWNJ ZWJ LRM RLM, word
// joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator.
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/;
const INVISIBLE_OR_SPACE_ONLY = /^[\s\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]*$/;

/** The first rule a string breaks, or null when it is acceptable text. */
export function textProblem(s: string): TextProblem | null {
  if (s.includes('\u0000')) return 'text.nul';
  if (LONE_SURROGATE.test(s)) return 'text.surrogate';
  if (BIDI_CONTROL.test(s)) return 'text.bidi';
  // Blank strings are each schema's business (required/min); only invisible-but-not-blank is ours.
  if (INVISIBLE.test(s) && INVISIBLE_OR_SPACE_ONLY.test(s)) return 'text.invisible';
  return null;
}

export type TextIssue = { path: (string | number)[]; key: TextProblem };

/**
 * Every string anywhere in a parsed JSON value / query / params object that breaks a text rule, and
 * any object or array nested deeper than MAX_INPUT_DEPTH (reported once where it starts, not walked).
 */
export function findTextProblems(value: unknown, path: (string | number)[] = [], out: TextIssue[] = []): TextIssue[] {
  if (path.length > MAX_INPUT_DEPTH && value !== null && typeof value === 'object') {
    out.push({ path, key: 'input.tooDeep' });
  } else if (typeof value === 'string') {
    const key = textProblem(value);
    if (key) out.push({ path, key });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) findTextProblems(v, [...path, i], out);
  } else if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      // A key is text the caller chose too (zod reports unknown keys, but only after this).
      const keyProblem = textProblem(k);
      if (keyProblem) out.push({ path: [...path, k], key: keyProblem });
      else findTextProblems(v, [...path, k], out);
    }
  }
  return out;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  // Fastify's query parser (fast-querystring) builds objects whose prototype has a null prototype.
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/** The one check for a civil date coming in: 'YYYY-MM-DD' that exists (2020-02-30 does not). */
export const isoDateSchema = z.string().refine(isDateString, { error: 'common.date' });
