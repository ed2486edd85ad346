import { describe, expect, it } from 'vitest';
import { parseEnterpriseQuery, sortFromTable, sortOrderOf, toSearchParams } from './query.ts';

describe('enterprise list query in the URL', () => {
  it('reads defaults from an empty URL', () => {
    expect(parseEnterpriseQuery(new URLSearchParams())).toEqual({ sort: 'name', page: 1, pageSize: 20 });
  });

  it('reads every filter and drops junk', () => {
    const q = parseEnterpriseQuery(
      new URLSearchParams(
        'q=%20烟花%20&townCode=360322101&industryCode=2672&tag=key-polluter&status=operating&creditGrade=red&sort=-updatedAt&page=3&pageSize=50',
      ),
    );
    expect(q).toEqual({
      q: '烟花',
      townCode: '360322101',
      industryCode: '2672',
      tag: 'key-polluter',
      status: 'operating',
      creditGrade: 'red',
      sort: '-updatedAt',
      page: 3,
      pageSize: 50,
    });
    expect(parseEnterpriseQuery(new URLSearchParams('status=bogus&sort=evil&page=-1&pageSize=9999'))).toEqual({
      sort: 'name',
      page: 1,
      pageSize: 20,
    });
  });

  it('round-trips, leaving defaults out of the URL', () => {
    expect(toSearchParams({ sort: 'name', page: 1, pageSize: 20 }).toString()).toBe('');
    const q = { q: 'abc', townCode: '360322102', sort: 'uscc' as const, page: 2, pageSize: 50 };
    expect(parseEnterpriseQuery(toSearchParams(q))).toEqual(q);
  });

  it('maps antd sorters to API sort and back', () => {
    expect(sortFromTable('name', 'ascend')).toBe('name');
    expect(sortFromTable('updatedAt', 'descend')).toBe('-updatedAt');
    expect(sortFromTable('uscc', null)).toBe('name');
    expect(sortFromTable('townCode', 'ascend')).toBe('name');
    expect(sortOrderOf('-uscc', 'uscc')).toBe('descend');
    expect(sortOrderOf('-uscc', 'name')).toBeNull();
    expect(sortOrderOf(undefined, 'name')).toBe('ascend');
  });
});
