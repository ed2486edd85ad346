// A list page's query (filters, sort, page, page size) lives in the URL so that a list is
// shareable and the back button works. A link typed by hand or kept from an older version may
// carry anything: every value is checked by its zod schema and a bad one falls back to its
// default instead of failing the page or reaching the server.
import { z } from 'zod';

/** A filter reads one URL parameter (a string, or undefined when absent) into a typed value. */
export type FilterSchema = z.ZodType<unknown, string | undefined>;
export type FilterShape = Record<string, FilterSchema>;

export type FilterValues<F extends FilterShape> = { [K in keyof F]?: Exclude<z.output<F[K]>, undefined> };

/** Sorts are the server's `field` / `-field` strings; `never` for a list without a sort parameter. */
export type ListQuery<F extends FilterShape, S extends string = never> = FilterValues<F> & {
  page: number;
  pageSize: number;
} & ([S] extends [never] ? unknown : { sort: S });

/** The part of any list query that the paged table reads and writes. */
export interface PagedQuery {
  page: number;
  pageSize: number;
  sort?: string;
}

export type SortOrder = 'ascend' | 'descend' | null;

export interface ListQueryOptions<F extends FilterShape, S extends string> {
  filters: F;
  /** Sort strings the server accepts; omit for a list whose URL carries no sort. */
  sorts?: readonly S[];
  defaultSort?: S;
  defaultPageSize?: number;
  /** Sizes offered by the table's size changer; without them the table shows antd's default. */
  pageSizes?: readonly number[];
  maxPageSize?: number;
}

export interface ListQueryDefinition<F extends FilterShape, S extends string = never> {
  /** Every URL parameter this query owns; others in the URL (a tab, a period) are left alone. */
  readonly keys: readonly string[];
  readonly defaults: ListQuery<F, S>;
  readonly pageSizes: readonly number[] | undefined;
  readonly sorts: readonly S[] | undefined;
  parse(params: URLSearchParams): ListQuery<F, S>;
  /** URL form; defaults are left out. Parameters of `keep` that the query does not own are kept. */
  toSearchParams(query: ListQuery<F, S>, keep?: URLSearchParams): URLSearchParams;
  /** antd sorter (column field and order) → sort string; no order or an unknown field → default. */
  sortFromTable(field: unknown, order: SortOrder | undefined): S;
  /** Sort string → antd sortOrder of one column. */
  sortOrderOf(sort: string | undefined, field: string): SortOrder;
}

/** Trimmed free text; empty means absent. */
export function textFilter(max = 200) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1).max(max))
    .optional();
}

/** One of a fixed list of values (a status, a category, a code list). */
export function oneOfFilter<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values).optional();
}

/** An on/off switch carried as `true`; anything else means off. */
export function flagFilter() {
  return z.literal('true').optional();
}

/** A calendar date `YYYY-MM-DD`. */
export function dateFilter() {
  return z.iso.date().optional();
}

function positiveInt(max: number) {
  return z.coerce.number().int().min(1).max(max);
}

export function defineListQuery<F extends FilterShape, S extends string = never>(
  options: ListQueryOptions<F, S>,
): ListQueryDefinition<F, S> {
  const { filters, sorts, pageSizes, maxPageSize = 200 } = options;
  const defaultPageSize = options.defaultPageSize ?? 20;
  const defaultSort = options.defaultSort ?? sorts?.[0];
  if (sorts && (defaultSort === undefined || !sorts.includes(defaultSort))) {
    throw new Error('defineListQuery: defaultSort must be one of sorts');
  }
  const filterKeys = Object.keys(filters);
  const keys = [...filterKeys, ...(sorts ? ['sort'] : []), 'page', 'pageSize'];
  const page = positiveInt(Number.MAX_SAFE_INTEGER);
  const pageSize = positiveInt(maxPageSize);

  const withSort = (q: Record<string, unknown>, sort: S | undefined) => {
    if (sorts) q.sort = sort !== undefined && sorts.includes(sort) ? sort : defaultSort;
    return q;
  };
  const defaults = withSort({ page: 1, pageSize: defaultPageSize }, defaultSort) as ListQuery<F, S>;

  return {
    keys,
    defaults,
    pageSizes,
    sorts,
    parse(params) {
      const q: Record<string, unknown> = {};
      for (const key of filterKeys) {
        const raw = params.get(key) ?? undefined;
        const parsed = filters[key]?.safeParse(raw);
        if (parsed?.success && parsed.data !== undefined) q[key] = parsed.data;
      }
      withSort(q, (params.get('sort') ?? undefined) as S | undefined);
      const p = page.safeParse(params.get('page') ?? undefined);
      const s = pageSize.safeParse(params.get('pageSize') ?? undefined);
      q.page = p.success ? p.data : 1;
      q.pageSize = s.success ? s.data : defaultPageSize;
      return q as ListQuery<F, S>;
    },
    toSearchParams(query, keep) {
      const out = new URLSearchParams();
      if (keep) for (const [k, v] of keep) if (!keys.includes(k)) out.append(k, v);
      const q = query as Record<string, unknown>;
      for (const key of filterKeys) {
        const v = q[key];
        if (v !== undefined && v !== null && v !== '') out.set(key, String(v));
      }
      if (sorts && q.sort !== undefined && q.sort !== defaultSort) out.set('sort', String(q.sort));
      if (q.page !== 1 && q.page !== undefined) out.set('page', String(q.page));
      if (q.pageSize !== defaultPageSize && q.pageSize !== undefined) out.set('pageSize', String(q.pageSize));
      return out;
    },
    sortFromTable(field, order) {
      if (!sorts || defaultSort === undefined) throw new Error('this list has no sort');
      if (!order || typeof field !== 'string') return defaultSort;
      const wanted = order === 'descend' ? `-${field}` : field;
      return (sorts as readonly string[]).includes(wanted) ? (wanted as S) : defaultSort;
    },
    sortOrderOf(sort, field) {
      const s = sort ?? defaultSort;
      if (s === field) return 'ascend';
      if (s === `-${field}`) return 'descend';
      return null;
    },
  };
}
