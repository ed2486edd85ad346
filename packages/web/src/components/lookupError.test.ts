import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import zhCN from '../locales/zh-CN/index.ts';
import { lookupErrorText } from './lookupError.ts';

const t = ((key: string, values?: Record<string, string>) => {
  const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], zhCN) ?? key;
  return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (_, v: string) => values?.[v] ?? '') : text;
}) as unknown as TFunction;

describe('lookupErrorText', () => {
  it('reads a code/phone mismatch as "check what you typed", not as a failed page', () => {
    const e = new ApiError({ status: 404, code: 'RECORD_NOT_FOUND', title: '记录不存在' });
    const text = lookupErrorText(e, t);
    expect(text.title).toBe('没有找到与该查询码和手机号相符的记录');
    expect(text.hint).toContain('查询码');
  });

  it('names the code and phone as the page’s form does', () => {
    const e = new ApiError({ status: 403, code: 'LOOKUP_MISMATCH', title: '不符' });
    const text = lookupErrorText(e, t, { code: '预约码', phone: '联系电话' });
    expect(text.title).toBe('没有找到与该预约码和联系电话相符的记录');
    expect(text.hint).toContain('请核对预约码');
    expect(`${text.title}${text.hint}`).not.toContain('查询码');
  });

  it('keeps other failures as they are (too many tries, server down)', () => {
    const limited = new ApiError({ status: 429, code: 'RATE_LIMITED', title: 'x' });
    expect(lookupErrorText(limited, t).title).toBe(zhCN.errors.codes.RATE_LIMITED);
    expect(lookupErrorText(limited, t).hint).toBeUndefined();
  });
});
