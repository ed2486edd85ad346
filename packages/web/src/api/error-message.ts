// The text shown for a failed request, kept free of antd so the public home's light shell can use it.
import type { TFunction } from 'i18next';
import zhCN from '../locales/zh-CN/index.ts';
import { ApiError, HTTP_ERROR, NETWORK_ERROR } from './http.ts';

type KnownCode = keyof typeof zhCN.errors.codes;

export function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(zhCN.errors.codes, code);
}

/** The text shown for a failed request, in the current language. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.unknown');
  if (err.status === 0 || err.code === NETWORK_ERROR) return t('errors.network');
  if (err.status >= 500) return t('errors.server');
  if (isKnownCode(err.code)) {
    const message = t(`errors.codes.${err.code}`);
    // The server's detail carries the specifics (locked until when, which enterprise holds the code).
    return err.detail && err.detail !== message ? t('errors.withDetail', { message, detail: err.detail }) : message;
  }
  if (err.code !== HTTP_ERROR) return err.detail ?? err.title;
  if (err.status === 403) return t('errors.forbidden');
  if (err.status === 404) return t('errors.notFound');
  if (err.status === 429) return t('errors.tooMany');
  return t('errors.unknown');
}
