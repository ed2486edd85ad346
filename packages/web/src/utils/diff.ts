// Before → after comparison of audit entries: nested objects flattened to dotted paths.

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Leaves of a JSON value by dotted path; arrays are flattened by index, empty containers kept. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => {
      flatten(v, prefix ? `${prefix}.${i}` : String(i), out);
    });
  } else {
    out.set(prefix, value);
  }
  return out;
}

/**
 * Every leaf of either side, in first-seen order (before's, then after's new ones), marked
 * changed when the two sides differ. A side that is null/undefined contributes no leaves.
 */
export function diffRecords(before: unknown, after: unknown, onlyChanged = false): DiffRow[] {
  const b = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const a = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  const rows = paths.map((path) => {
    const bv = b.get(path);
    const av = a.get(path);
    return { path, before: bv, after: av, changed: JSON.stringify(bv) !== JSON.stringify(av) };
  });
  return onlyChanged ? rows.filter((r) => r.changed) : rows;
}

/** A leaf as text: strings as they are, nothing as '', everything else as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
