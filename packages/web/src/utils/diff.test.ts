import { describe, expect, it } from 'vitest';
import { diffRecords, flatten, showValue } from './diff.ts';

describe('diffRecords', () => {
  it('lists changed and unchanged leaves of an update', () => {
    const rows = diffRecords(
      { name: 'A', tags: ['x'], location: { lat: 1, lng: 2 } },
      { name: 'B', tags: ['x', 'y'], location: { lat: 1, lng: 3 } },
    );
    expect(rows).toEqual([
      { path: 'name', before: 'A', after: 'B', changed: true },
      { path: 'tags.0', before: 'x', after: 'x', changed: false },
      { path: 'location.lat', before: 1, after: 1, changed: false },
      { path: 'location.lng', before: 2, after: 3, changed: true },
      { path: 'tags.1', before: undefined, after: 'y', changed: true },
    ]);
  });

  it('treats a create (before null) as all fields new', () => {
    expect(diffRecords(null, { a: 1 })).toEqual([{ path: 'a', before: undefined, after: 1, changed: true }]);
  });

  it('can keep only changed fields', () => {
    expect(diffRecords({ a: 1, b: 2 }, { a: 1, b: 3 }, true).map((r) => r.path)).toEqual(['b']);
  });

  it('handles scalars and empty containers', () => {
    expect(diffRecords('x', 'y')).toEqual([{ path: '', before: 'x', after: 'y', changed: true }]);
    expect(flatten({ a: [], b: {} })).toEqual(
      new Map<string, unknown>([
        ['a', []],
        ['b', {}],
      ]),
    );
  });

  it('shows values as text', () => {
    expect(showValue(undefined)).toBe('');
    expect(showValue('abc')).toBe('abc');
    expect(showValue(null)).toBe('null');
    expect(showValue([1])).toBe('[1]');
  });
});
