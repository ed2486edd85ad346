import type { TFunction } from 'i18next';
import { errorMessage } from '../api/errors.ts';
import { ApiError } from '../api/http.ts';

/** Not found (or refused: the code and phone do not match) reads as "check what you typed". */
export function lookupErrorText(error: unknown, t: TFunction): { title: string; hint?: string } {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return { title: t('web.lookup.notFound'), hint: t('web.lookup.notFoundHint') };
  }
  return { title: errorMessage(error, t) };
}
