import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectStartupGarbage } from './memory.ts';

describe('collectStartupGarbage', () => {
  it('runs the collector it is given twice (the second returns the freed pages) and reports the heap before and after; without one it does nothing', () => {
    let calls = 0;
    const r = collectStartupGarbage(() => {
      calls++;
    });
    expect(calls).toBe(2);
    expect(r?.heapUsedBefore).toBeGreaterThan(0);
    expect(r?.heapUsedAfter).toBeGreaterThan(0);
    expect(collectStartupGarbage(undefined)).toBeNull();
  });

  it('npm start runs the platform with the collector exposed, or main.ts collects nothing', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const platform = pkg.scripts.start!.split('&&').find((c) => c.includes('src/main.ts'));
    expect(platform).toMatch(/^\s*node --expose-gc /);
  });
});
