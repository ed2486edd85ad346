import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../locales/en/index.ts';
import zhCN from '../locales/zh-CN/index.ts';
import { applyFieldErrors, errorMessage, placeFieldErrors, toNamePath } from './errors.ts';
import { ApiError } from './http.ts';

// A stand-in for i18next's t over the real message tables.
function makeT(messages: object): TFunction {
  return ((key: string, vars?: Record<string, string>) => {
    const raw = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
    if (typeof raw !== 'string') return key;
    return raw.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars?.[name] ?? '');
  }) as unknown as TFunction;
}
const zh = makeT(zhCN);
const english = makeT(en);

describe('errorMessage', () => {
  it('maps known codes to our text, adding the server detail', () => {
    const locked = new ApiError({ status: 423, code: 'AUTH_LOCKED', title: 'x', detail: '锁定至 2025-01-01 10:00' });
    expect(errorMessage(locked, zh)).toBe('账号已被临时锁定：锁定至 2025-01-01 10:00');
    expect(errorMessage(locked, english)).toBe('The account is temporarily locked: 锁定至 2025-01-01 10:00');
    const bad = new ApiError({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', title: 'x' });
    expect(errorMessage(bad, zh)).toBe('用户名或密码错误');
  });

  it("uses the server's localised text for codes it does not know", () => {
    const e = new ApiError({ status: 409, code: 'SOMETHING_NEW', title: '新的错误', detail: '细节' });
    expect(errorMessage(e, zh)).toBe('细节');
    expect(errorMessage(new ApiError({ status: 409, code: 'SOMETHING_NEW', title: '新的错误' }), zh)).toBe('新的错误');
  });

  it('hides 5xx text and explains network failures and bare statuses', () => {
    expect(errorMessage(new ApiError({ status: 500, code: 'INTERNAL', title: 'stack trace' }), zh)).toBe(
      '服务器出错，请稍后再试',
    );
    expect(errorMessage(new ApiError({ status: 0, code: 'NETWORK_ERROR', title: 'Failed to fetch' }), zh)).toBe(
      '无法连接服务器，请检查网络',
    );
    expect(errorMessage(new ApiError({ status: 403, code: 'HTTP_ERROR', title: 'Forbidden' }), zh)).toBe(
      '没有权限执行此操作',
    );
    expect(errorMessage(new Error('boom'), zh)).toBe('发生未知错误');
  });

  it('has a zh-CN and an en text for every known code', () => {
    expect(Object.keys(en.errors.codes).sort()).toEqual(Object.keys(zhCN.errors.codes).sort());
  });
});

describe('field errors beside form fields', () => {
  it('turns dotted paths into antd name paths', () => {
    expect(toNamePath('uscc')).toEqual(['uscc']);
    expect(toNamePath('contacts.0.phone')).toEqual(['contacts', 0, 'phone']);
    expect(toNamePath('')).toEqual([]);
  });

  const registered = [
    ['name'],
    ['uscc'],
    ['contacts', 0, 'name'],
    ['contacts', 0, 'phone'],
    ['location', 'lat'],
    ['location', 'lng'],
  ];

  it('places errors on exact fields, ancestors and first descendants; returns the rest', () => {
    const { placed, unplaced } = placeFieldErrors(registered, [
      { path: 'uscc', message: '第18位校验码应为 X，实际为 Y' },
      { path: 'contacts.0.phone', message: '电话格式不正确' },
      { path: 'contacts.0.phone', message: '电话格式不正确' },
      { path: 'location', message: '坐标不在上栗县范围内' },
      { path: 'name.first', message: 'deep' },
      { path: 'contacts.3.phone', message: 'no such row' },
      { path: '', message: 'whole form' },
    ]);
    expect(placed).toEqual([
      { name: ['uscc'], errors: ['第18位校验码应为 X，实际为 Y'] },
      { name: ['contacts', 0, 'phone'], errors: ['电话格式不正确'] },
      { name: ['location', 'lat'], errors: ['坐标不在上栗县范围内'] },
      { name: ['name'], errors: ['deep'] },
    ]);
    expect(unplaced).toEqual([
      { path: 'contacts.3.phone', message: 'no such row' },
      { path: '', message: 'whole form' },
    ]);
  });

  it('applies them to an antd form instance', () => {
    const set: unknown[] = [];
    const form = {
      getFieldsError: () => registered.map((name) => ({ name, errors: [], warnings: [] })),
      setFields: (fields: unknown[]) => set.push(...fields),
    };
    const rest = applyFieldErrors(
      form as unknown as Parameters<typeof applyFieldErrors>[0],
      new ApiError({ status: 422, code: 'USCC_INVALID', title: 'x', errors: [{ path: 'uscc', message: 'bad' }] }),
    );
    expect(rest).toEqual([]);
    expect(set).toEqual([{ name: ['uscc'], errors: ['bad'] }]);
  });
});
