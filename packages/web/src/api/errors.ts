// The one module that turns server errors into what the user sees: antd messages for the whole
// request, and field errors placed beside antd Form fields.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../components/feedback.tsx';
import zhCN from '../locales/zh-CN/index.ts';
import { ApiError, type FieldError, HTTP_ERROR, NETWORK_ERROR } from './http.ts';

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

/** Returns a function that shows an antd error message for a failed request. */
export function useShowError(): (err: unknown) => void {
  const message = useMessage();
  const { t } = useTranslation();
  return useCallback((err: unknown) => void message.error(errorMessage(err, t)), [message, t]);
}

export type NamePath = (string | number)[];

/** `contacts.0.phone` → ['contacts', 0, 'phone']; '' → [] (the whole form). */
export function toNamePath(path: string): NamePath {
  if (path === '') return [];
  return path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

function isPrefix(prefix: NamePath, path: NamePath): boolean {
  return prefix.length > 0 && prefix.length <= path.length && prefix.every((seg, i) => seg === path[i]);
}

/**
 * Puts each error beside the registered form field its path names, else the nearest registered
 * ancestor (`location.lat` on a `location` field), else the first registered descendant (an
 * object-level `location` error on the `location.lat` field). Returns the errors no field could
 * take, for the caller to show above the form.
 */
export function placeFieldErrors(
  registered: NamePath[],
  errors: FieldError[],
): { placed: { name: NamePath; errors: string[] }[]; unplaced: FieldError[] } {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const path = toNamePath(error.path);
    let best: NamePath | undefined;
    for (const name of registered) {
      if (isPrefix(name, path) && (!best || name.length > best.length)) best = name;
    }
    if (!best && path.length > 0) best = registered.find((name) => name.length > path.length && isPrefix(path, name));
    if (!best) {
      unplaced.push(error);
      continue;
    }
    const key = JSON.stringify(best);
    const entry = byField.get(key) ?? { name: best, errors: [] };
    if (!entry.errors.includes(error.message)) entry.errors.push(error.message);
    byField.set(key, entry);
  }
  return { placed: [...byField.values()], unplaced };
}

/** Shows the server's field errors beside antd Form fields; returns those that fit no field. */
export function applyFieldErrors<V>(form: FormInstance<V>, error: ApiError | FieldError[]): FieldError[] {
  const errors = Array.isArray(error) ? error : error.errors;
  const registered = form.getFieldsError().map((f) => f.name);
  const { placed, unplaced } = placeFieldErrors(registered, errors);
  // antd types field names against the form's value type; these come from the live registry.
  if (placed.length > 0) form.setFields(placed as Parameters<FormInstance<V>['setFields']>[0]);
  return unplaced;
}
