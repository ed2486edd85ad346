// A table of records that is not a paged list (a record's sub-table, a day's bookings, a report's
// rows): antd's Table on a wide screen, one card a record on a phone, where a table of five or more
// columns printed its cells a character a line.
import { Grid, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type Key, useState } from 'react';
import { type CardColumn, PagedCards } from './PagedCards.tsx';

export function RecordTable<T extends object>({
  cardHeading,
  ...props
}: TableProps<T> & {
  /** On a phone, the column (key or dataIndex) heading each card when the first does not name the record. */
  cardHeading?: string;
}) {
  const phone = Grid.useBreakpoint().xs === true;
  const [page, setPage] = useState(1);
  if (!phone || props.expandable || props.rowSelection) return <Table<T> {...props} />;
  const items = [...(props.dataSource ?? [])];
  const columns = (props.columns ?? []).flatMap((c): CardColumn<T>[] => ('children' in c ? [] : [c as ColumnType<T>]));
  const loading = typeof props.loading === 'object' ? !!props.loading.spinning : !!props.loading;
  const rowKey = (props.rowKey ?? 'id') as string | ((r: T) => Key);
  const testId = (props as { 'data-testid'?: string })['data-testid'];
  const emptyText = typeof props.locale?.emptyText === 'string' ? props.locale.emptyText : undefined;
  // a row's own attributes (a state's tint) go to its card
  const onCard = props.onRow ? (r: T) => props.onRow?.(r) ?? {} : undefined;
  const common = { columns, rowKey, loading, emptyText, onCard, cardHeading, 'data-testid': testId };
  // antd pages by 10 when told nothing
  const p = props.pagination === undefined ? {} : props.pagination;
  if (p === false) return <PagedCards<T> {...common} items={items} total={items.length} />;
  // a server's page: the records given are the page, and its total and turning are the caller's
  if (p.total !== undefined && p.onChange)
    return (
      <PagedCards<T>
        {...common}
        items={items}
        total={p.total}
        page={p.current ?? 1}
        pageSize={p.pageSize ?? 10}
        onPage={(n, size) => p.onChange?.(n, size)}
      />
    );
  const size = p.pageSize ?? 10;
  return (
    <PagedCards<T>
      {...common}
      items={items.slice((page - 1) * size, page * size)}
      total={items.length}
      page={page}
      pageSize={size}
      onPage={setPage}
    />
  );
}
