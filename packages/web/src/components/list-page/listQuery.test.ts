import { describe, expect, it } from 'vitest';
import { dateFilter, defineListQuery, flagFilter, oneOfFilter, textFilter } from './listQuery.ts';

const def = defineListQuery({
  filters: { q: textFilter(), status: oneOfFilter(['open', 'closed']), overdue: flagFilter(), from: dateFilter() },
  sorts: ['-date', 'date'] as const,
  defaultPageSize: 50,
});

describe('defineListQuery', () => {
  it('reads defaults from an empty URL', () => {
    expect(def.parse(new URLSearchParams())).toEqual({ sort: '-date', page: 1, pageSize: 50 });
    expect(def.defaults).toEqual({ sort: '-date', page: 1, pageSize: 50 });
  });

  it('reads valid values and trims text', () => {
    expect(
      def.parse(
        new URLSearchParams('q=%20abc%20&status=closed&overdue=true&from=2026-03-01&sort=date&page=4&pageSize=20'),
      ),
    ).toEqual({ q: 'abc', status: 'closed', overdue: 'true', from: '2026-03-01', sort: 'date', page: 4, pageSize: 20 });
  });

  it('falls back to the default for each bad value, keeping the good ones', () => {
    const q = def.parse(
      new URLSearchParams('q=%20%20&status=evil&overdue=yes&from=2026-13-45&sort=password&page=1.5&pageSize=201'),
    );
    expect(q).toEqual({ sort: '-date', page: 1, pageSize: 50 });
    expect(Object.keys(q).sort()).toEqual(['page', 'pageSize', 'sort']);
    expect(def.parse(new URLSearchParams('status=open&page=0&pageSize=-5'))).toEqual({
      status: 'open',
      sort: '-date',
      page: 1,
      pageSize: 50,
    });
  });

  it('leaves defaults out of the URL, keeps parameters it does not own, and round-trips', () => {
    expect(def.toSearchParams(def.defaults).toString()).toBe('');
    const q = { status: 'open' as const, sort: 'date' as const, page: 2, pageSize: 20 };
    const url = def.toSearchParams(q, new URLSearchParams('tab=campaigns&status=closed&page=9'));
    expect(url.toString()).toBe('tab=campaigns&status=open&sort=date&page=2&pageSize=20');
    expect(def.parse(url)).toEqual(q);
  });

  it('maps antd sorters to sort strings and back', () => {
    expect(def.sortFromTable('date', 'ascend')).toBe('date');
    expect(def.sortFromTable('date', 'descend')).toBe('-date');
    expect(def.sortFromTable('date', null)).toBe('-date');
    expect(def.sortFromTable('status', 'ascend')).toBe('-date');
    expect(def.sortOrderOf('-date', 'date')).toBe('descend');
    expect(def.sortOrderOf(undefined, 'date')).toBe('descend');
    expect(def.sortOrderOf('date', 'status')).toBeNull();
  });

  it('has no sort parameter for a list without sorts', () => {
    const plain = defineListQuery({ filters: { kind: oneOfFilter(['a', 'b']) } });
    expect(plain.keys).toEqual(['kind', 'page', 'pageSize']);
    expect(plain.parse(new URLSearchParams('sort=x&kind=b'))).toEqual({ kind: 'b', page: 1, pageSize: 20 });
    expect(plain.toSearchParams({ kind: 'a', page: 1, pageSize: 20 }).toString()).toBe('kind=a');
  });

  it('refuses a default sort that is not one of the sorts', () => {
    expect(() => defineListQuery({ filters: {}, sorts: ['a'], defaultSort: 'b' as 'a' })).toThrow(/defaultSort/);
  });
});
