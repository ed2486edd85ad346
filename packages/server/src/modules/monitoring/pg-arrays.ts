// PostgreSQL array literals for the ingest path's bulk statements (unnest of one array per
// column), built here rather than by node-postgres: the driver prepares an array element by
// element (type checks, two regular-expression passes per text, a string grown per element),
// which was about a tenth of the server's CPU per frame under bench:ingest's P3 (a --cpu-prof of
// the server). Each literal is bound as one text parameter and cast (`${textArray(xs)}::text[]`),
// so the values never enter the statement's text.

const SPECIAL = /["\\]/g;

/** Any texts, device-sent included: every element quoted, `"` and `\` escaped; null is NULL. */
export function textArray(xs: readonly (string | null | undefined)[]): string {
  const parts = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    parts[i] = x === null || x === undefined ? 'NULL' : `"${x.replace(SPECIAL, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

/** Finite numbers (a non-finite one is refused: it is no float8 this platform stores); null is NULL. */
export function numberArray(xs: readonly (number | null | undefined)[]): string {
  const parts = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x === null || x === undefined) parts[i] = 'NULL';
    else if (Number.isFinite(x)) parts[i] = String(x);
    else throw new RangeError(`not a finite number: ${x}`);
  }
  return `{${parts.join(',')}}`;
}

/** Instants as ISO 8601 texts (no character an array literal must quote); null is NULL. */
export function instantArray(xs: readonly (Date | null | undefined)[]): string {
  const parts = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    parts[i] = x === null || x === undefined ? 'NULL' : x.toISOString();
  }
  return `{${parts.join(',')}}`;
}

/** Booleans as t/f; null is NULL. */
export function booleanArray(xs: readonly (boolean | null | undefined)[]): string {
  return `{${xs.map((x) => (x === null || x === undefined ? 'NULL' : x ? 't' : 'f')).join(',')}}`;
}
