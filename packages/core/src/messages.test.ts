import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enterpriseCreateSchema } from './enterprise.ts';
import { isMessageKey, localizeIssues, MESSAGES, resolveLang, translate } from './messages.ts';

describe('messages', () => {
  it('translates keys with parameters and passes other text through', () => {
    expect(translate('uscc.length', 'zh', { length: 7 })).toBe('统一社会信用代码应为 18 位，实际为 7 位');
    expect(translate('uscc.length', 'en', { length: 7 })).toBe(
      'Unified Social Credit Code must have 18 characters, got 7',
    );
    expect(translate('enterprise.townCode.unknown')).toContain('乡镇');
    expect(translate('not a key {x}', 'en', { x: 1 })).toBe('not a key 1');
    expect(translate('uscc.check', 'zh')).toBe('第18位校验码应为 {expected}，实际为 {actual}');
  });

  it('has both languages for every key, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(entry.zh.length, key).toBeGreaterThan(0);
      expect(entry.en.length, key).toBeGreaterThan(0);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(entry.zh), key).toEqual(names(entry.en));
    }
    expect(isMessageKey('enterprise.name.length')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('picks the language from Accept-Language', () => {
    expect(resolveLang(undefined)).toBe('zh');
    expect(resolveLang('')).toBe('zh');
    expect(resolveLang('en-US,en;q=0.9')).toBe('en');
    expect(resolveLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(resolveLang('en;q=0.5,zh-TW;q=0.8')).toBe('zh');
    expect(resolveLang('fr-FR, en;q=0.4')).toBe('en');
    expect(resolveLang('fr-FR')).toBe('zh');
    expect(resolveLang('en;q=0, zh;q=0')).toBe('zh');
  });

  it('localizes zod issues, ours by key and zod built-ins by issue code', () => {
    const r = enterpriseCreateSchema.safeParse({
      name: 'x',
      uscc: 1,
      address: 'a',
      townCode: '1',
      industryCode: '2672',
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(localizeIssues(r.error.issues, 'en')).toEqual([
      { path: 'name', message: 'name must have 2–100 characters' },
      { path: 'uscc', message: 'Unified Social Credit Code is required' },
      { path: 'townCode', message: 'town is not a town of Shangli County (360322101–106 or 360322200–203)' },
    ]);
    const plain = z.object({ n: z.number().min(3), s: z.string().max(2), a: z.array(z.number()) });
    const p = plain.safeParse({ n: 1, s: 'abc', a: 'x' });
    if (p.success) return;
    expect(localizeIssues(p.error.issues, 'zh')).toEqual([
      { path: 'n', message: '不能小于 3' },
      { path: 's', message: '长度不能超过 2' },
      { path: 'a', message: '缺少此项，或填写的内容类型不对' },
    ]);
  });

  it('says what a malformed date, time, record id or discriminator should be, never only 格式不正确', () => {
    const shapes = z.object({
      at: z.iso.datetime({ offset: true }),
      on: z.iso.date(),
      id: z.uuid(),
      step: z.discriminatedUnion('action', [
        z.object({ action: z.literal('a') }),
        z.object({ action: z.literal('b') }),
      ]),
      code: z.string().regex(/^\d+$/),
    });
    const r = shapes.safeParse({ at: '2026-13-01', on: '2026-02-30', id: 'xyz', step: { action: 'bogus' }, code: 'x' });
    if (r.success) throw new Error('parsed');
    expect(localizeIssues(r.error.issues, 'zh')).toEqual([
      { path: 'at', message: '应为带时区的日期时间，如 2026-12-08T09:00:00+08:00' },
      { path: 'on', message: '日期应为实际存在的日期，格式 YYYY-MM-DD' },
      { path: 'id', message: '不是本系统的记录编号' },
      { path: 'step.action', message: '取值不在允许范围内' },
      // a pattern of our own says its rule with a key of ours; a bare one stays generic
      { path: 'code', message: '格式不正确' },
    ]);
    expect(localizeIssues(r.error.issues, 'en')[2]).toEqual({
      path: 'id',
      message: 'is not a record identifier of this system',
    });
  });
});
