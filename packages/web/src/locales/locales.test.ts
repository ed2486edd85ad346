import { describe, expect, it } from 'vitest';
import en from './en.ts';
import zhCN from './zh-CN.ts';

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

  it('put Chinese in zh-CN for the bureau name and the header', () => {
    expect(zhCN.home.title).toBe('萍乡市上栗生态环境局');
    expect(zhCN.common.headerTitle).toBe('青山 · 上栗县生态环境局');
  });
});
