import { describe, expect, it } from 'vitest';
import { lines } from './descriptions.ts';

describe('lines', () => {
  it('lets a wide item and the one before it fill their lines, and leaves the rest alone', () => {
    const out = lines([
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
      { key: 'c', label: 'C' },
      { key: 'wide', label: 'W', wide: true },
      { key: 'd', label: 'D' },
    ]);
    expect(out.map((i) => [i.key, i.span])).toEqual([
      ['a', undefined],
      ['b', undefined],
      ['c', 'filled'],
      ['wide', 'filled'],
      ['d', undefined],
    ]);
    expect(out.some((i) => 'wide' in i)).toBe(false);
  });
});
