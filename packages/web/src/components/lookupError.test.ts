import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import zhCN from '../locales/zh-CN/index.ts';
import { lookupErrorText } from './lookupError.ts';

const t = ((key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], zhCN) ?? key) as unknown as TFunction;

describe('lookupErrorText', () => {
  it('reads a code/phone mismatch as "check what you typed", not as a failed page', () => {
    const e = new ApiError({ status: 404, code: 'RECORD_NOT_FOUND', title: '记录不存在' });
    const text = lookupErrorText(e, t);
    expect(text.title).toBe(zhCN.web.lookup.notFound);
    expect(text.hint).toContain('查询码');
  });

  it('keeps other failures as they are (too many tries, server down)', () => {
    const limited = new ApiError({ status: 429, code: 'RATE_LIMITED', title: 'x' });
    expect(lookupErrorText(limited, t).title).toBe(zhCN.errors.codes.RATE_LIMITED);
    expect(lookupErrorText(limited, t).hint).toBeUndefined();
  });
});
