import fs from 'node:fs';
import path from 'node:path';
import { isKnownMessage, localizeIssues, MESSAGES, translate } from '@qingshan/core/messages';
import { permitCreateSchema } from '@qingshan/core/permits';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../modules/index.ts';
import { buildRegistry, installModules } from './registry.ts';

const installed = installModules(MODULES);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("modules' own validation messages", () => {
  it('every module message has both languages with the same placeholders', () => {
    expect(installed.messages.size).toBeGreaterThan(0);
    for (const [key, entry] of installed.messages) {
      expect(entry.zh.length, key).toBeGreaterThan(0);
      expect(entry.en.length, key).toBeGreaterThan(0);
      expect(placeholders(entry.zh), key).toEqual(placeholders(entry.en));
    }
  });

  it('refusals read in the module’s words once the modules are installed', () => {
    const r = permitCreateSchema.safeParse({ pwItem: 'no such item' });
    expect(r.success).toBe(false);
    if (r.success) return;
    const zh = localizeIssues(r.error.issues, 'zh').find((e) => e.path === 'pwItem');
    expect(zh?.message).toBe(translate('permits.pwItem', 'zh'));
    expect(zh?.message).toContain('排污许可分类管理名录');
  });

  it('every message key written in a schema or rule is declared by the platform or a module', () => {
    const roots = ['../../../core/src', '../modules'].map((d) => path.resolve(import.meta.dirname, d));
    const files = roots.flatMap((root) =>
      (fs.readdirSync(root, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => path.join(root, f)),
    );
    const used = new Set<string>();
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\b(?:message|error):\s*'([a-z][\w-]*\.[\w.-]*[\w-])'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const unknown = [...used].filter((k) => !isKnownMessage(k));
    expect(unknown, 'declare these in the module’s core file and list it as `messages`').toEqual([]);
  });

  it('a module may not redeclare a platform key or another module’s key', () => {
    const own = { name: 'x-a', messages: { 'common.invalid': { zh: '甲', en: 'a' } } };
    expect(() => installModules([...MODULES, own])).toThrow(/platform's own/);
    installModules(MODULES);
    const twice = [
      { name: 'x-a', messages: { 'x.same': { zh: '甲', en: 'a' } } },
      { name: 'x-b', messages: { 'x.same': { zh: '乙', en: 'b' } } },
    ];
    expect(() => buildRegistry(twice)).toThrow(/declared twice/);
    expect(Object.keys(MESSAGES).some((k) => k.startsWith('permits.'))).toBe(false);
  });
});
