import { describe, expect, it } from 'vitest';
import { coalescing } from './coalesce.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('coalescing', () => {
  it('requests arriving during a computation share the next one, never the running one', async () => {
    const run = coalescing<number>();
    const flights: { d: ReturnType<typeof deferred<number>> }[] = [];
    const compute = () => {
      const d = deferred<number>();
      flights.push({ d });
      return d.promise;
    };
    const first = run('k', compute);
    const second = run('k', compute);
    const third = run('k', compute);
    // only the first computation has started; the other two wait for the next
    expect(flights).toHaveLength(1);
    flights[0]!.d.resolve(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(flights).toHaveLength(2);
    flights[1]!.d.resolve(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // idle again: a new request computes at once
    const fourth = run('k', compute);
    expect(flights).toHaveLength(3);
    flights[2]!.d.resolve(3);
    expect(await fourth).toBe(3);
  });

  it('keys do not share, and a failure reaches its own waiters only', async () => {
    const run = coalescing<string>();
    const a = deferred<string>();
    const b = deferred<string>();
    const pa = run('a', () => a.promise);
    const pb = run('b', () => b.promise);
    a.reject(new Error('boom'));
    b.resolve('b');
    await expect(pa).rejects.toThrow('boom');
    expect(await pb).toBe('b');
    expect(await run('a', async () => 'again')).toBe('again');
  });

  it('a queued request is computed even when the running one fails', async () => {
    const run = coalescing<string>();
    const first = deferred<string>();
    const p1 = run('k', () => first.promise);
    const p2 = run('k', async () => 'fresh');
    first.reject(new Error('lost'));
    await expect(p1).rejects.toThrow('lost');
    expect(await p2).toBe('fresh');
  });
});
