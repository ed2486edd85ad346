/**
 * A search term as an ILIKE/LIKE pattern that matches it literally: `%` and `_` typed into a search
 * box are characters to find, not wildcards (a search for "100%" must not list everything).
 * PostgreSQL's default LIKE escape character is the backslash, so it is escaped too.
 */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Pattern for "contains term". */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}
