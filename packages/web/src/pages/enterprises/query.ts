// The enterprise list's filters, sort and page live in the URL (shareable, back-button safe).
import { CREDIT_GRADES, ENTERPRISE_STATUSES } from '@qingshan/core/enterprise';
import type { EnterpriseQuery, EnterpriseSort } from '../../api/types.ts';
import { defineListQuery, oneOfFilter, textFilter } from '../../components/list-page/listQuery.ts';

export const SORTS = [
  'name',
  '-name',
  'uscc',
  '-uscc',
  'updatedAt',
  '-updatedAt',
] as const satisfies readonly EnterpriseSort[];
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export const enterpriseListQuery = defineListQuery({
  filters: {
    q: textFilter(),
    townCode: textFilter(),
    industryCode: textFilter(),
    tag: textFilter(),
    status: oneOfFilter(ENTERPRISE_STATUSES),
    creditGrade: oneOfFilter(CREDIT_GRADES),
  },
  sorts: SORTS,
  defaultSort: 'name',
  defaultPageSize: DEFAULT_PAGE_SIZE,
  pageSizes: PAGE_SIZES,
});

export function parseEnterpriseQuery(params: URLSearchParams): EnterpriseQuery {
  return enterpriseListQuery.parse(params);
}

/** URL form of a query; defaults (sort by name, page 1, 20 a page) are left out. */
export function toSearchParams(query: EnterpriseQuery): URLSearchParams {
  return enterpriseListQuery.toSearchParams({
    ...query,
    sort: query.sort ?? 'name',
    page: query.page ?? 1,
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
  });
}

/** antd Table sorter → API sort string (undefined order → default sort). */
export const sortFromTable = enterpriseListQuery.sortFromTable;

/** API sort string → the antd sortOrder of one column. */
export const sortOrderOf = enterpriseListQuery.sortOrderOf;
