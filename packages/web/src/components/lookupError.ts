import type { TFunction } from 'i18next';
import { errorMessage } from '../api/errors.ts';
import { ApiError } from '../api/http.ts';

/** The code and phone as the page's form names them (预约码 on a booking, 查询码 on a petition). */
export type LookupLabels = { code: string; phone: string };

/**
 * Not found (or refused: the code and phone do not match) reads as "check what you typed", naming
 * the code as her receipt does: a booking's 预约码 is not the 查询码 she is told to check elsewhere.
 */
export function lookupErrorText(error: unknown, t: TFunction, labels?: LookupLabels): { title: string; hint?: string } {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    // mid-sentence in English: "this booking code", not "this Booking code" (no effect on Chinese)
    const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
    const words = {
      code: inSentence(labels?.code ?? t('web.lookup.code')),
      phone: inSentence(labels?.phone ?? t('web.lookup.phone')),
    };
    return { title: t('web.lookup.notFound', words), hint: t('web.lookup.notFoundHint', words) };
  }
  return { title: errorMessage(error, t) };
}
