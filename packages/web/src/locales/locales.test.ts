import { describe, expect, it } from 'vitest';
import en from './en/index.ts';
import zhCN from './zh-CN/index.ts';

// shared areas here, and each feature's own files in pages/<feature>/locales/
const zhAreas = import.meta.glob<Record<string, unknown>>(
  ['./zh-CN/*.ts', '!./zh-CN/index.ts', '../pages/*/locales/zh-CN.ts'],
  { import: 'default', eager: true },
);
const enAreas = import.meta.glob<Record<string, unknown>>(['./en/*.ts', '!./en/index.ts', '../pages/*/locales/en.ts'], {
  import: 'default',
  eager: true,
});
/** An area's name whatever its language: `./zh-CN/web.ts` → `web.ts`, `../pages/x/locales/en.ts` → `pages/x`. */
const areaName = (path: string) =>
  path.startsWith('../pages/')
    ? path.replace(/^\.\.\/(pages\/[^/]+)\/locales\/.*$/, '$1')
    : path.replace(/^\.\/[^/]+\//, '');

function leaves(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const zh = leaves(zhCN);
  const e = leaves(en);

  it('zh-CN and en have exactly the same keys', () => {
    expect([...e.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('use the same interpolation variables for each key', () => {
    for (const [key, value] of zh)
      expect({ key, vars: placeholders(e.get(key) ?? '') }).toEqual({ key, vars: placeholders(value) });
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...zh, ...e])
      expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
  });

  it('have the same area files in both languages, with the same keys in each area', () => {
    const names = (files: Record<string, unknown>) => Object.keys(files).map(areaName).sort();
    expect(names(enAreas)).toEqual(names(zhAreas));
    expect(names(zhAreas).length).toBeGreaterThan(10);
    for (const [path, area] of Object.entries(zhAreas)) {
      const other = enAreas[path.replace('./zh-CN/', './en/').replace('/locales/zh-CN.ts', '/locales/en.ts')];
      expect({ path, keys: [...leaves(other).keys()].sort() }).toEqual({ path, keys: [...leaves(area).keys()].sort() });
    }
  });

  it('assemble every area in the index, each top-level key owned by one area', () => {
    for (const [areas, all] of [
      [zhAreas, zhCN],
      [enAreas, en],
    ] as const) {
      const owned = Object.values(areas).flatMap((area) => Object.keys(area as object));
      expect(owned.length).toBe(new Set(owned).size);
      expect(owned.sort()).toEqual(Object.keys(all).sort());
    }
  });

  it('put Chinese in zh-CN for the bureau name and the header', () => {
    expect(zhCN.home.title).toBe('萍乡市上栗生态环境局');
    expect(zhCN.common.headerTitle).toBe('青山 · 萍乡市上栗生态环境局');
  });
});
