// A list page on a phone: the same columns as its table, drawn as one card a record (the first
// column as the card's heading, the others as label and value), with the table's sort as a select
// and its paging below. A table of five columns squeezed into 390 px printed a guide's name one
// character a line.
import { Pagination, Select, Spin } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type HTMLAttributes, isValidElement, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './PagedCards.css';
import { EmptyState } from '../QueryState.tsx';

export interface CardColumn<T> extends ColumnType<T> {
  /** the sort this column stands for, when the list sorts by it */
  sortField?: string | undefined;
}

export interface PagedCardsProps<T> {
  items: T[];
  total: number;
  columns: CardColumn<T>[];
  rowKey: string | ((record: T) => Key);
  loading: boolean;
  emptyText?: string | undefined;
  /** the page shown and how to turn it; absent when every record is shown at once */
  page?: number | undefined;
  pageSize?: number | undefined;
  onPage?: ((page: number, pageSize: number) => void) | undefined;
  /** the sort in force and how to change it; absent when the list does not sort */
  sort?: { orderOf(field: string): 'ascend' | 'descend' | null; set(field: string, order: 'ascend' | 'descend'): void };
  /** a card's own attributes, as a table's onRow gives a row's (a state's background) */
  onCard?: ((record: T) => HTMLAttributes<HTMLElement>) | undefined;
  /**
   * The column (by key, or dataIndex) that heads a card, when the table's first column is not what
   * names the record (a kind's tag, a date): the rest follow in the table's order.
   */
  cardHeading?: string | undefined;
  'data-testid'?: string | undefined;
}

/** The field a column stands for: its key, or its dataIndex when that is one name. */
export function fieldOf(column: { key?: unknown; dataIndex?: unknown }): string | undefined {
  if (typeof column.key === 'string') return column.key;
  if (typeof column.dataIndex === 'string') return column.dataIndex;
  return undefined;
}

function valueAt(record: object, dataIndex: ColumnType<object>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let v: unknown = record;
  for (const k of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[k as string | number];
  return v;
}

/** What the table would print in the cell (antd lets render return `{ children, props }`). */
function cellOf<T extends object>(column: ColumnType<T>, record: T, index: number): ReactNode {
  const value = valueAt(record, column.dataIndex as ColumnType<object>['dataIndex']);
  const out = column.render ? column.render(value, record, index) : value;
  if (out && typeof out === 'object' && !isValidElement(out) && 'children' in out)
    return (out as { children: ReactNode }).children;
  return out as ReactNode;
}

const isEmpty = (node: ReactNode) => node === undefined || node === null || node === '' || node === false;

/** A column's title as text, for the sort select (a title drawn as an element has none). */
function titleText(title: ColumnType<object>['title']): string | undefined {
  return typeof title === 'string' && title !== '' ? title : undefined;
}

export function PagedCards<T extends object>({
  items,
  total,
  columns,
  rowKey,
  loading,
  emptyText,
  page,
  pageSize,
  onPage,
  sort,
  onCard,
  cardHeading,
  'data-testid': testId,
}: PagedCardsProps<T>) {
  const { t } = useTranslation();
  const shown = columns.filter((c) => !c.hidden);
  const head = (cardHeading !== undefined && shown.find((c) => fieldOf(c) === cardHeading)) || shown[0];
  const rest = shown.filter((c) => c !== head);
  const keyOf = (r: T, i: number): Key =>
    (typeof rowKey === 'function' ? rowKey(r) : (r as Record<string, Key | undefined>)[rowKey]) ?? i;
  const sortable = sort
    ? shown.flatMap((c) => {
        const text = titleText(c.title as ColumnType<object>['title']);
        return c.sortField && text ? [{ field: c.sortField, text }] : [];
      })
    : [];
  const current = sort && sortable.find((s) => sort.orderOf(s.field));
  const currentValue =
    current && sort ? `${sort.orderOf(current.field) === 'descend' ? '-' : ''}${current.field}` : undefined;
  return (
    <div className="qs-paged-cards" data-testid={testId}>
      {sort && sortable.length > 0 && (
        <Select
          className="qs-paged-cards-sort"
          aria-label={t('common.sortBy')}
          prefix={t('common.sortByPrefix')}
          value={currentValue}
          placeholder={t('common.sortDefault')}
          onChange={(v: string) =>
            sort.set(v.startsWith('-') ? v.slice(1) : v, v.startsWith('-') ? 'descend' : 'ascend')
          }
          options={sortable.flatMap((s) => [
            { value: s.field, label: t('common.sortAscending', { column: s.text }) },
            { value: `-${s.field}`, label: t('common.sortDescending', { column: s.text }) },
          ])}
        />
      )}
      <Spin spinning={loading}>
        {items.length === 0 ? (
          <EmptyState description={emptyText} />
        ) : (
          <ul className="qs-paged-cards-list">
            {items.map((record, index) => (
              <li key={keyOf(record, index)} {...onCard?.(record)} className="qs-list-card">
                {head && <div className="qs-list-card-head">{cellOf(head, record, index)}</div>}
                <dl>
                  {rest.map((c, i) => {
                    const cell = cellOf(c, record, index);
                    const title = typeof c.title === 'function' ? undefined : (c.title as ReactNode);
                    if (isEmpty(title) && isEmpty(cell)) return null;
                    return (
                      // a page's columns are fixed: a column's position is its identity
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <div key={i} className={isEmpty(title) ? 'qs-list-card-bare' : undefined}>
                        {!isEmpty(title) && <dt>{title}</dt>}
                        <dd>{isEmpty(cell) ? t('common.none') : cell}</dd>
                      </div>
                    );
                  })}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </Spin>
      {page !== undefined ? (
        <Pagination
          className="qs-paged-cards-pages"
          size="small"
          current={page}
          pageSize={pageSize}
          total={total}
          showSizeChanger={false}
          showTotal={(n) => t('common.total', { total: n })}
          onChange={onPage}
          hideOnSinglePage={false}
        />
      ) : null}
    </div>
  );
}
