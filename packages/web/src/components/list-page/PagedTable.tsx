// The table of a list page: it owns paging and sorting ↔ URL (through useListQuery) and the
// loading, empty and error states, so a list page only declares its columns and filters.
import { Grid, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import './PagedTable.css';
import { useTranslation } from 'react-i18next';
import { DatesWhole } from '../DateTimeText.tsx';
import { EmptyState, ErrorState } from '../QueryState.tsx';
import type { ListQueryDefinition, PagedQuery, SortOrder } from './listQuery.ts';
import { type CardColumn, fieldOf, PagedCards } from './PagedCards.tsx';
import type { ListQueryState } from './useListQuery.ts';

/** What PagedTable reads from a TanStack query of a paged endpoint. */
export interface PagedResult<T> {
  data?: { items: T[]; total: number } | undefined;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** ascend → descend → ascend…: antd takes the direction after the current one, never none */
const SORT_TOGGLE: SortOrder[] = ['ascend', 'descend', 'ascend'];

/** The part of a list query definition the table uses: paging and sorting, whatever the filters. */
export type TableQueryDefinition = Pick<
  ListQueryDefinition<Record<never, never>, string>,
  'sorts' | 'pageSizes' | 'sortOrderOf' | 'sortFromTable'
>;

export interface PagedTableProps<T, Q extends PagedQuery>
  extends Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading' | 'pagination' | 'onChange'> {
  list: ListQueryState<Q> & { definition: TableQueryDefinition };
  result: PagedResult<T>;
  /** A column with `sorter: true` sorts by its `key` (or `dataIndex`), a sort the query allows. */
  columns: TableProps<T>['columns'];
  /** What an empty list says (default: 暂无数据). */
  emptyText?: string;
  /** On a phone, the column heading each card when the first one does not name the record. */
  cardHeading?: string;
}

const HAS_DATE = /\d{4}-\d{2}-\d{2}/;

/**
 * A column whose cells print text keeps the dates in it whole (DatesWhole): a narrow column broke
 * "2026-12-07" after a hyphen. Cells a column draws as elements are left as drawn; an ellipsis
 * column keeps its text bare, which its hover title needs.
 */
function keepingDatesWhole<T>(column: NonNullable<TableProps<T>['columns']>[number]) {
  if ('children' in column || (column as ColumnType<T>).ellipsis) return column;
  const render = (column as ColumnType<T>).render;
  return {
    ...column,
    render: (value: unknown, record: T, index: number) => {
      const out = render ? render(value, record, index) : value;
      return typeof out === 'string' && HAS_DATE.test(out) ? <DatesWhole text={out} /> : (out as ReactNode);
    },
  } as ColumnType<T>;
}

export function PagedTable<T extends object, Q extends PagedQuery>({
  list,
  result,
  columns,
  emptyText,
  cardHeading,
  ...rest
}: PagedTableProps<T, Q>) {
  const { t } = useTranslation();
  const { query, update, definition } = list;
  // a phone (under 576 px): one card a record; a table that expands or selects rows stays a table
  const phone = Grid.useBreakpoint().xs === true && !rest.expandable && !rest.rowSelection;
  if (result.isError && !result.data) {
    return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  }
  const sortable = definition.sorts !== undefined;
  const drawn = columns?.map(keepingDatesWhole);
  const shown = sortable
    ? drawn?.map((c) => {
        const field = fieldOf(c as { key?: unknown; dataIndex?: unknown });
        // antd's third click unsorts, which this list reads as its default sort: from a default of
        // newest first, "ascending" was never reached. A click here always turns the other way.
        return c.sorter === true && field
          ? {
              ...c,
              sortOrder: definition.sortOrderOf(query.sort, field),
              sortDirections: c.sortDirections ?? SORT_TOGGLE,
            }
          : c;
      })
    : drawn;
  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort' && sortable) {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      // the column's key first, as fieldOf reads it: a column may show one field and sort by another
      const field = typeof s?.columnKey === 'string' ? s.columnKey : typeof s?.field === 'string' ? s.field : undefined;
      update({ sort: definition.sortFromTable(field, s?.order) } as Partial<Q>);
    } else if (extra.action === 'paginate') {
      update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize } as Partial<Q>);
    }
  };
  if (phone) {
    const cardColumns = (drawn ?? []).flatMap((c): CardColumn<T>[] =>
      'children' in c
        ? []
        : [
            {
              ...(c as ColumnType<T>),
              sortField: sortable && c.sorter === true ? fieldOf(c as ColumnType<T>) : undefined,
            },
          ],
    );
    return (
      <PagedCards<T>
        items={result.data?.items ?? []}
        total={result.data?.total ?? 0}
        columns={cardColumns}
        rowKey={(rest.rowKey as string | ((r: T) => Key) | undefined) ?? 'id'}
        loading={result.isFetching}
        emptyText={emptyText}
        page={query.page}
        pageSize={query.pageSize}
        onPage={(page, pageSize) => update({ page, pageSize } as Partial<Q>)}
        sort={
          sortable
            ? {
                orderOf: (field) => definition.sortOrderOf(query.sort, field),
                set: (field, order) => update({ sort: definition.sortFromTable(field, order) } as Partial<Q>),
              }
            : undefined
        }
        onCard={rest.onRow ? (r) => rest.onRow?.(r) ?? {} : undefined}
        cardHeading={cardHeading}
        data-testid={(rest as { 'data-testid'?: string })['data-testid']}
      />
    );
  }
  return (
    <Table<T>
      rowKey="id"
      // wider than the page (long English headers, many columns): the table scrolls, not the page
      scroll={{ x: true }}
      {...rest}
      className={rest.className ? `qs-paged-table ${rest.className}` : 'qs-paged-table'}
      loading={result.isFetching}
      dataSource={result.data?.items ?? []}
      columns={shown}
      onChange={onChange}
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total: result.data?.total ?? 0,
        ...(definition.pageSizes ? { showSizeChanger: true, pageSizeOptions: definition.pageSizes.map(String) } : {}),
        showTotal: (total) => t('common.total', { total }),
      }}
    />
  );
}
