import { describe, expect, it } from 'vitest';
import { type FigureMemo, memoized } from './registry.ts';

describe('memoized figure queries', () => {
  it('runs a query once per dashboard request and key, every time without a memo', async () => {
    let runs = 0;
    const query = async () => ++runs;
    const memo: FigureMemo = new Map();
    expect(await Promise.all([memoized(memo, 'a', query), memoized(memo, 'a', query)])).toEqual([1, 1]);
    expect(await memoized(memo, 'b', query)).toBe(2);
    expect(await memoized(undefined, 'a', query)).toBe(3);
    expect(await memoized(undefined, 'a', query)).toBe(4);
  });
});
