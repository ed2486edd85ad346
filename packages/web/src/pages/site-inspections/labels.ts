import {
  CASE_STAGE_LABELS,
  type CaseStage,
  CHECK_RESULT_LABELS,
  type CheckResult,
  FINDING_SEVERITY_LABELS,
  type FindingSeverity,
  OFF_SITE_SOURCE_LABELS,
  type OffSiteSource,
  RECTIFICATION_ORDER_STATUS_LABELS,
  type RectificationOrderStatus,
  SITE_INSPECTION_KIND_LABELS,
  SITE_INSPECTION_STATUS_LABELS,
  type SiteInspectionKind,
  type SiteInspectionStatus,
} from '@qingshan/core/site-inspections';
import type { Language } from '../../i18n.ts';

const pick = (l: { zh: string; en: string } | undefined, lang: Language, fallback: string) =>
  l ? (lang === 'en' ? l.en : l.zh) : fallback;

export const kindLabel = (k: SiteInspectionKind, lang: Language) => pick(SITE_INSPECTION_KIND_LABELS[k], lang, k);
export const statusLabel = (s: SiteInspectionStatus, lang: Language) => pick(SITE_INSPECTION_STATUS_LABELS[s], lang, s);
export const sourceLabel = (s: OffSiteSource, lang: Language) => pick(OFF_SITE_SOURCE_LABELS[s], lang, s);
export const resultLabel = (r: CheckResult, lang: Language) => pick(CHECK_RESULT_LABELS[r], lang, r);
export const severityLabel = (s: string, lang: Language) =>
  pick(FINDING_SEVERITY_LABELS[s as FindingSeverity], lang, s);
export const orderStatusLabel = (s: RectificationOrderStatus, lang: Language) =>
  pick(RECTIFICATION_ORDER_STATUS_LABELS[s], lang, s);
export const stageLabel = (s: CaseStage, lang: Language) => pick(CASE_STAGE_LABELS[s], lang, s);

export const ORDER_COLORS: Record<RectificationOrderStatus, string> = {
  open: 'orange',
  answered: 'blue',
  returned: 'red',
  accepted: 'green',
};
