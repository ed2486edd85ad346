// The enterprise list's filters, sort and page live in the URL (shareable, back-button safe).
import { CREDIT_GRADES, ENTERPRISE_STATUSES } from '@qingshan/core/enterprise';
import type { CreditGrade, EnterpriseQuery, EnterpriseSort, EnterpriseStatus } from '../../api/types.ts';

export const SORTS: readonly EnterpriseSort[] = ['name', '-name', 'uscc', '-uscc', 'updatedAt', '-updatedAt'];
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

function positiveInt(raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | undefined {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function text(raw: string | null): string | undefined {
  const v = raw?.trim();
  return v ? v : undefined;
}

export function parseEnterpriseQuery(params: URLSearchParams): EnterpriseQuery {
  const q: EnterpriseQuery = {
    q: text(params.get('q')),
    townCode: text(params.get('townCode')),
    industryCode: text(params.get('industryCode')),
    tag: text(params.get('tag')),
    status: oneOf<EnterpriseStatus>(params.get('status'), ENTERPRISE_STATUSES),
    creditGrade: oneOf<CreditGrade>(params.get('creditGrade'), CREDIT_GRADES),
    sort: oneOf(params.get('sort'), SORTS) ?? 'name',
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
  for (const key of Object.keys(q) as (keyof EnterpriseQuery)[]) if (q[key] === undefined) delete q[key];
  return q;
}

/** URL form of a query; defaults (sort by name, page 1, 20 a page) are left out. */
export function toSearchParams(query: EnterpriseQuery): URLSearchParams {
  const out = new URLSearchParams();
  const entries: [string, string | number | undefined][] = [
    ['q', query.q],
    ['townCode', query.townCode],
    ['industryCode', query.industryCode],
    ['tag', query.tag],
    ['status', query.status],
    ['creditGrade', query.creditGrade],
    ['sort', query.sort === 'name' ? undefined : query.sort],
    ['page', query.page === 1 ? undefined : query.page],
    ['pageSize', query.pageSize === DEFAULT_PAGE_SIZE ? undefined : query.pageSize],
  ];
  for (const [k, v] of entries) if (v !== undefined && v !== '') out.set(k, String(v));
  return out;
}

/** antd Table sorter → API sort string (undefined order → default sort). */
export function sortFromTable(field: unknown, order: 'ascend' | 'descend' | null | undefined): EnterpriseSort {
  if (!order || (field !== 'name' && field !== 'uscc' && field !== 'updatedAt')) return 'name';
  return order === 'descend' ? `-${field}` : field;
}

/** API sort string → the antd sortOrder of one column. */
export function sortOrderOf(sort: EnterpriseSort | undefined, field: string): 'ascend' | 'descend' | null {
  const s = sort ?? 'name';
  if (s === field) return 'ascend';
  if (s === `-${field}`) return 'descend';
  return null;
}
