import { VISIT_PURPOSE_LABELS, VISIT_PURPOSES, type VisitPurpose } from '@qingshan/core/visits';
import type { Language } from '../../i18n.ts';

export const purposeLabel = (p: VisitPurpose, lang: Language) =>
  VISIT_PURPOSE_LABELS[p]?.[lang === 'en' ? 'en' : 'zh'] ?? p;
export const purposeOptions = (lang: Language) =>
  VISIT_PURPOSES.map((p) => ({ value: p, label: purposeLabel(p, lang) }));
