// The web's one door to @qingshan/core's reference data and rules, turned into select options
// and labels in the current language. Subpath imports keep the initial bundle free of them:
// only the lazy pages that need this module pull it in.
import {
  CREDIT_GRADE_LABELS,
  CREDIT_GRADES,
  type CreditGrade,
  ENTERPRISE_STATUS_LABELS,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  type EnterpriseStatus,
} from '@qingshan/core/enterprise';
import { INDUSTRIES, industryByCode } from '@qingshan/core/industries';
import { englishOfChineseLabel, type LabelTable } from '@qingshan/core/labels';
import { TOWNS } from '@qingshan/core/towns';
import type { Language } from './i18n.ts';

export type CoreLang = 'zh' | 'en';
export const coreLang = (lang: Language): CoreLang => (lang === 'en' ? 'en' : 'zh');

/**
 * A label some views send in Chinese only (`gradeLabel`, `categoryLabel` … without the code beside
 * it), in the current language when it is one of `labels`; anything else is shown as sent.
 */
export function labelFromZh(labels: LabelTable, zh: string, lang: Language): string {
  return lang === 'en' ? englishOfChineseLabel(labels, zh) : zh;
}

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

export function townOptions(lang: Language): Option[] {
  return TOWNS.map((t) => ({ value: t.code, label: lang === 'en' ? t.nameEn : t.name }));
}

export function townName(code: string, lang: Language, fallback?: string): string {
  const town = TOWNS.find((t) => t.code === code);
  if (!town) return fallback ?? code;
  return lang === 'en' ? town.nameEn : town.name;
}

/**
 * An industry's name in the current language, from its GB/T 4754 code. The English is the project's
 * translation (the standard has none); views send the Chinese, kept for a code the table lacks.
 */
export function industryName(code: string, lang: Language, fallback?: string): string {
  const industry = industryByCode(code);
  if (!industry) return fallback ?? code;
  return lang === 'en' ? industry.nameEn : industry.name;
}

const CLASSES = INDUSTRIES.filter((i) => i.level === 'class');
const classOptions = new Map<CoreLang, Option[]>();

/** The 1,382 four-digit classes (小类) of GB/T 4754-2017, labelled `2672 焰火、鞭炮产品制造` or `2672 Manufacture of …`. */
export function industryClassOptions(lang: Language): Option[] {
  const key = coreLang(lang);
  let options = classOptions.get(key);
  if (!options) {
    // built once a language: a select re-rendering must not map 1,382 rows each time
    options = CLASSES.map((i) => ({ value: i.code, label: `${i.code} ${key === 'en' ? i.nameEn : i.name}` }));
    classOptions.set(key, options);
  }
  return options;
}

/**
 * An industry picker's search: the code, the Chinese name or the English name, whichever language is
 * showing, so a code or name copied from a permit or a statistics form finds its class either way.
 */
export function industryMatches(input: string, option?: { value?: unknown; label?: unknown }): boolean {
  const q = input.trim().toLowerCase();
  if (q === '') return true;
  const industry = industryByCode(String(option?.value ?? ''));
  if (!industry) return labelContains(input, option);
  return (
    industry.code.startsWith(q.replace(/^[a-t](?=\d)/, '')) ||
    industry.name.includes(input.trim()) ||
    industry.nameEn.toLowerCase().includes(q)
  );
}

export function statusOptions(lang: Language): Option<EnterpriseStatus>[] {
  return ENTERPRISE_STATUSES.map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABELS[s][coreLang(lang)] }));
}

export function statusLabel(status: string, lang: Language): string {
  return (ENTERPRISE_STATUS_LABELS as Record<string, { zh: string; en: string }>)[status]?.[coreLang(lang)] ?? status;
}

export const STATUS_COLORS: Record<EnterpriseStatus, string> = {
  operating: 'green',
  suspended: 'orange',
  closed: 'default',
};

export function creditOptions(lang: Language): Option<CreditGrade>[] {
  return CREDIT_GRADES.map((g) => ({ value: g, label: CREDIT_GRADE_LABELS[g][coreLang(lang)] }));
}

export function creditLabel(grade: string, lang: Language): string {
  return (CREDIT_GRADE_LABELS as Record<string, { zh: string; en: string }>)[grade]?.[coreLang(lang)] ?? grade;
}

export const CREDIT_COLORS: Record<CreditGrade, string> = {
  green: 'green',
  blue: 'blue',
  yellow: 'gold',
  red: 'red',
};

export function tagOptions(lang: Language): Option[] {
  return ENTERPRISE_TAGS.map((tag) => ({ value: tag, label: ENTERPRISE_TAG_LABELS[tag][coreLang(lang)] }));
}

export function tagLabel(tag: string, lang: Language): string {
  return (ENTERPRISE_TAG_LABELS as Record<string, { zh: string; en: string }>)[tag]?.[coreLang(lang)] ?? tag;
}

/** Select `filterOption` that matches the typed text anywhere in the label, case-insensitively. */
export function labelContains(input: string, option?: { label?: unknown }): boolean {
  return String(option?.label ?? '')
    .toLowerCase()
    .includes(input.trim().toLowerCase());
}
