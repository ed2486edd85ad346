// The one module that turns server errors into what the user sees: antd messages for the whole
// request, and field errors placed beside antd Form fields.
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../components/feedback.tsx';
import { errorMessage } from './error-message.ts';
import type { ApiError, FieldError } from './http.ts';

// The light shell (public home) reads the text without antd: it lives in error-message.ts.
export { errorMessage, isKnownCode } from './error-message.ts';

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
