import {
  CONCERN_CATEGORIES,
  CONCERN_CATEGORY_LABELS,
  CONCERN_STATUS_LABELS,
  type ConcernCategory,
  type ConcernStatus,
  RECEPTION_KIND_LABELS,
  type ReceptionKind,
} from '@qingshan/core/reception';
import type { Language } from '../../i18n.ts';

const l = (lang: Language) => (lang === 'en' ? 'en' : 'zh');
export const kindLabel = (k: ReceptionKind, lang: Language) => RECEPTION_KIND_LABELS[k][l(lang)];
export const categoryLabel = (c: ConcernCategory, lang: Language) => CONCERN_CATEGORY_LABELS[c]?.[l(lang)] ?? c;
export const statusLabel = (s: ConcernStatus, lang: Language) => CONCERN_STATUS_LABELS[s]?.[l(lang)] ?? s;
export const categoryOptions = (lang: Language) =>
  CONCERN_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) }));
export const STATUS_COLORS: Record<ConcernStatus, string> = {
  open: 'processing',
  resolved: 'success',
  'not-accepted': 'default',
};

/** Today's date in Asia/Shanghai, whatever the browser's zone. */
export function todayShanghai(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
