export {
  dateFilter,
  defineListQuery,
  flagFilter,
  type ListQuery,
  type ListQueryDefinition,
  oneOfFilter,
  type PagedQuery,
  textFilter,
} from './listQuery.ts';
export { type CardColumn, PagedCards, type PagedCardsProps } from './PagedCards.tsx';
export { type PagedResult, PagedTable, type PagedTableProps } from './PagedTable.tsx';
export { RecordTable } from './RecordTable.tsx';
export { type ListQueryState, useListQuery } from './useListQuery.ts';
