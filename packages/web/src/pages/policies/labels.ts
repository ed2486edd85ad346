import { INDUSTRIES, industryByCode } from '@qingshan/core/industries';
import {
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  POLICY_STATUS_LABELS,
  POLICY_TOPIC_LABELS,
  POLICY_TOPICS,
  type PolicyKind,
  type PolicyStatus,
  type PolicyTopic,
} from '@qingshan/core/policies';
import { type CoreLang, coreLang, type Option, townName } from '../../domain.ts';
import { joinLabels, type Language } from '../../i18n.ts';

export const kindLabel = (k: string, lang: Language) => POLICY_KIND_LABELS[k as PolicyKind]?.[coreLang(lang)] ?? k;
export const topicLabel = (k: string, lang: Language) => POLICY_TOPIC_LABELS[k as PolicyTopic]?.[coreLang(lang)] ?? k;
export const policyStatusLabel = (k: string, lang: Language) =>
  POLICY_STATUS_LABELS[k as PolicyStatus]?.[coreLang(lang)] ?? k;
export const POLICY_STATUS_COLORS: Record<PolicyStatus, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'red',
};
export const KIND_COLORS: Record<PolicyKind, string> = {
  benefit: 'gold',
  notice: 'blue',
  interpretation: 'purple',
  normative: 'cyan',
};

export const kindOptions = (lang: Language): Option<PolicyKind>[] =>
  POLICY_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }));
export const topicOptions = (lang: Language): Option<PolicyTopic>[] =>
  POLICY_TOPICS.map((k) => ({ value: k, label: topicLabel(k, lang) }));

const industryOptionsByLang = new Map<CoreLang, Option[]>();
/**
 * Every level of GB/T 4754 a policy may name (a section or division concerns each class below it),
 * in the reader's language; search them with domain.ts industryMatches, which finds either language.
 */
export function industryOptions(lang: Language): Option[] {
  const l = coreLang(lang);
  let options = industryOptionsByLang.get(l);
  if (!options) {
    options = INDUSTRIES.map((i) => ({ value: i.code, label: `${i.code} ${l === 'en' ? i.nameEn : i.name}` }));
    industryOptionsByLang.set(l, options);
  }
  return options;
}
export const industryName = (code: string, lang: Language) => {
  const i = industryByCode(code);
  return i ? `${i.code} ${coreLang(lang) === 'en' ? i.nameEn : i.name}` : code;
};

/** "whom it concerns" in words: the industries and towns, or the whole county. */
export function concernsText(p: { industries: string[]; towns: string[] }, lang: Language, all: string): string {
  const parts = [
    joinLabels(
      p.industries.map((c) => industryName(c, lang)),
      lang,
    ),
    joinLabels(
      p.towns.map((t) => townName(t, lang)),
      lang,
    ),
  ].filter(Boolean);
  return parts.length ? parts.join(lang === 'en' ? '; ' : '；') : all;
}
