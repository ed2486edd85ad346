// @vitest-environment jsdom
// The first rendered-component test: the paged table in a real router, clicked like a user would.
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import { defineListQuery, oneOfFilter } from './listQuery.ts';
import { type PagedResult, PagedTable } from './PagedTable.tsx';
import { RecordTable } from './RecordTable.tsx';
import { useListQuery } from './useListQuery.ts';

// findBy and waitFor give up after 1 s by default; a first antd render in jsdom on a loaded
// machine can take longer, and the bound only catches a page that never shows
configure({ asyncUtilTimeout: 10_000 });

// antd's scrolling table watches its size; jsdom has no ResizeObserver (every supported browser has)
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

interface Row {
  id: string;
  name: string;
}

const listQuery = defineListQuery({
  filters: { status: oneOfFilter(['open', 'closed']) },
  sorts: ['name', '-name', 'updatedAt', '-updatedAt'] as const,
  pageSizes: [10, 20, 50],
});

// 45 rows on the server; the page shown is the slice the URL asks for, as the API would return.
const ALL: Row[] = Array.from({ length: 45 }, (_, i) => ({ id: `r${i + 1}`, name: `企业${i + 1}` }));

let seen: { page: number; pageSize: number; sort: string; status?: string }[] = [];

function Harness({ result }: { result?: Partial<PagedResult<Row>> }) {
  const list = useListQuery(listQuery);
  const location = useLocation();
  seen.push(list.query);
  const { page, pageSize } = list.query;
  const base: PagedResult<Row> = {
    data: { items: ALL.slice((page - 1) * pageSize, page * pageSize), total: ALL.length },
    isFetching: false,
    isError: false,
    error: null,
    refetch: () => undefined,
  };
  return (
    <>
      <output data-testid="search">{location.search}</output>
      <button type="button" onClick={() => list.update({ status: 'closed' })}>
        filter
      </button>
      <PagedTable<Row, typeof list.query>
        list={list}
        result={{ ...base, ...result }}
        data-testid="table"
        columns={[
          { title: '名称', dataIndex: 'name', sorter: true },
          // shows one field and sorts by its key, as a list's "enterprise" column shows enterpriseName
          { title: '更新', dataIndex: 'updatedAtText', key: 'updatedAt', sorter: true },
        ]}
      />
    </>
  );
}

function renderAt(url: string, result?: Partial<PagedResult<Row>>) {
  const router = createMemoryRouter([{ path: '/list', element: <Harness result={result} /> }], {
    initialEntries: [url],
  });
  render(<RouterProvider router={router} />);
  return router;
}

const search = () => screen.getByTestId('search').textContent;
const names = () =>
  within(screen.getByTestId('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('td')?.textContent);

beforeAll(() => {
  // jsdom has no layout: antd's responsive helpers ask matchMedia, which jsdom lacks.
  stubMatchMedia();
  // antd measures the scrollbar through a pseudo-element, which jsdom does not implement.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
});

afterEach(() => {
  cleanup();
  seen = [];
});

describe('PagedTable', () => {
  it('shows the page the URL names, and a click on another page puts it in the URL', async () => {
    renderAt('/list?page=2');
    expect(names()[0]).toBe('企业21');
    expect(screen.getByText('共 45 条')).toBeTruthy();
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(search()).toBe('?page=3'));
    expect(names()).toEqual(['企业41', '企业42', '企业43', '企业44', '企业45']);
    fireEvent.click(screen.getByTitle('1'));
    // Page 1 is the default, so it leaves the URL.
    await waitFor(() => expect(search()).toBe(''));
  });

  /** A column's header cell (the scrolling table also renders its titles in a row that measures them). */
  const columnHeader = (title: string): HTMLElement => {
    const th = screen
      .getAllByText(title)
      .map((e) => e.closest('th'))
      .find((x) => x !== null);
    if (!th) throw new Error(`no header for ${title}`);
    return th;
  };

  it('sorting a column writes the sort to the URL and goes back to page 1', async () => {
    renderAt('/list?page=2');
    const header = columnHeader('名称');
    // Default sort is name ascending: one click turns it to descending.
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(header);
    await waitFor(() => expect(search()).toBe('?sort=-name'));
    expect(columnHeader('名称').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(columnHeader('更新'));
    await waitFor(() => expect(search()).toBe('?sort=updatedAt'));
  });

  it('a column sorted descending turns ascending on a click, and back (no click is lost to "unsorted")', async () => {
    // antd goes descending → unsorted, which the list reads as its default: a list whose default
    // is newest first could never be turned oldest first
    renderAt('/list?sort=-updatedAt');
    expect(columnHeader('更新').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(columnHeader('更新'));
    await waitFor(() => expect(search()).toBe('?sort=updatedAt'));
    fireEvent.click(columnHeader('更新'));
    await waitFor(() => expect(search()).toBe('?sort=-updatedAt'));
    fireEvent.click(columnHeader('更新'));
    await waitFor(() => expect(search()).toBe('?sort=updatedAt'));
  });

  it('keeps a filter when paging, and a filter change goes back to page 1', async () => {
    renderAt('/list?status=open&page=2&tab=x');
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(search()).toBe('?tab=x&status=open&page=3'));
    fireEvent.click(screen.getByText('filter'));
    await waitFor(() => expect(search()).toBe('?tab=x&status=closed'));
  });

  it('renders a URL with bad values with the defaults instead of failing', () => {
    renderAt('/list?page=-3&pageSize=abc&sort=password&status=evil');
    expect(seen.at(-1)).toEqual({ page: 1, pageSize: 20, sort: 'name' });
    expect(names()).toHaveLength(20);
    expect(names()[0]).toBe('企业1');
    expect(screen.getByTitle('1').className).toContain('ant-pagination-item-active');
  });

  it('shows the empty state and the error state', () => {
    renderAt('/list', { data: { items: [], total: 0 } });
    expect(screen.getByText('暂无数据')).toBeTruthy();
    cleanup();
    renderAt('/list', { data: undefined, isError: true, error: new Error('boom') });
    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(screen.queryByTestId('table')).toBeNull();
  });
});

describe('PagedTable on a phone', () => {
  let desktop: typeof window.matchMedia;
  beforeAll(() => {
    desktop = window.matchMedia;
  });
  // antd asks `(max-width: 575.98px)` for xs and `(min-width: …)` for the rest: a phone answers
  // yes to the first only
  const phone = () => {
    window.matchMedia = (query: string) => ({ ...desktop(query), matches: query.includes('max-width'), media: query });
  };
  afterEach(() => {
    window.matchMedia = desktop;
  });

  const cards = () => [...screen.getByTestId('table').querySelectorAll<HTMLElement>('.qs-list-card')];
  const cardNames = () => cards().map((li) => li.querySelector('.qs-list-card-head')?.textContent);

  it('shows one card a record, with each column as a label and its value', () => {
    phone();
    renderAt('/list?page=2');
    expect(screen.getByTestId('table').querySelector('table')).toBeNull();
    expect(cardNames()).toEqual(ALL.slice(20, 40).map((r) => r.name));
    const first = cards()[0] as HTMLElement;
    // the heading is the first column; the second is a label with its value ('—' for nothing)
    expect(within(first).getByText('更新').tagName).toBe('DT');
    expect(within(first).getByText('—').tagName).toBe('DD');
    expect(screen.getByText('共 45 条')).toBeTruthy();
  });

  it('pages as the table does, and sorts through a select that writes the URL', async () => {
    phone();
    renderAt('/list?page=2');
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(search()).toBe('?page=3'));
    expect(cardNames()).toEqual(['企业41', '企业42', '企业43', '企业44', '企业45']);
    // the select shows the sort in force, and offers each sortable column both ways
    const select = screen.getByRole('combobox', { name: '排序' });
    expect(select.closest('.ant-select')?.textContent).toContain('名称（升序）');
    fireEvent.mouseDown(select);
    const shown = () => [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    await waitFor(() => expect(shown()).toEqual(['名称（升序）', '名称（降序）', '更新（升序）', '更新（降序）']));
    fireEvent.click(await screen.findByTitle('更新（降序）'));
    await waitFor(() => expect(search()).toBe('?sort=-updatedAt'));
  });

  it('shows the empty state on a phone too', () => {
    phone();
    renderAt('/list', { data: { items: [], total: 0 } });
    expect(screen.getByText('暂无数据')).toBeTruthy();
    expect(cards()).toEqual([]);
  });
});

describe('RecordTable', () => {
  let desktop: typeof window.matchMedia;
  beforeAll(() => {
    desktop = window.matchMedia;
  });
  afterEach(() => {
    window.matchMedia = desktop;
  });
  const rows = ALL.slice(0, 12);
  const columns = [
    { title: '名称', dataIndex: 'name' },
    { title: '编号', dataIndex: 'id' },
  ];
  const heads = () => [...document.querySelectorAll('.qs-list-card-head')].map((h) => h.textContent);

  it('is a table on a wide screen and cards on a phone, paging by ten as the table would', async () => {
    render(<RecordTable<Row> rowKey="id" dataSource={rows} columns={columns} />);
    expect(document.querySelector('table')).not.toBeNull();
    expect(heads()).toEqual([]);
    cleanup();
    window.matchMedia = (query: string) => ({ ...desktop(query), matches: query.includes('max-width'), media: query });
    render(<RecordTable<Row> rowKey="id" dataSource={rows} columns={columns} />);
    expect(document.querySelector('table')).toBeNull();
    expect(heads()).toEqual(rows.slice(0, 10).map((r) => r.name));
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(heads()).toEqual(['企业11', '企业12']));
    cleanup();
    render(<RecordTable<Row> rowKey="id" dataSource={rows} columns={columns} pagination={false} />);
    expect(heads()).toHaveLength(12);
    expect(screen.queryByText('共 12 条')).toBeNull();
  });

  it('heads a card with the column it is told, when the first does not name the record', () => {
    window.matchMedia = (query: string) => ({ ...desktop(query), matches: query.includes('max-width'), media: query });
    const dated = [{ title: '日期', dataIndex: 'updatedAt' }, ...columns];
    render(<RecordTable<Row> rowKey="id" dataSource={rows} columns={dated} cardHeading="name" />);
    expect(heads()).toEqual(rows.slice(0, 10).map((r) => r.name));
    // the first column is a label and its value under the heading, in the table's order
    const first = document.querySelector('.qs-list-card') as HTMLElement;
    expect([...first.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['日期', '编号']);
  });
});
