import type { Period } from './api.ts';

export const ARTICLE_PERIOD = { from: '2020-01-01', to: '2020-11-30' } as const;

/** The period in the URL (?from&to); none means "this year so far", decided by the server. */
export function periodFromParams(params: URLSearchParams): Period {
  const ok = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return { from: ok(params.get('from')), to: ok(params.get('to')) };
}

export function periodQuery(p: { from: string; to: string }): string {
  return `from=${p.from}&to=${p.to}`;
}
