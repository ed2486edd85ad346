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
import { coreLang, type Option, townName } from '../../domain.ts';
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

/** Every level of GB/T 4754 a policy may name: a section or division concerns each class below it. */
export const INDUSTRY_OPTIONS: Option[] = INDUSTRIES.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
export const industryName = (code: string) => {
  const i = industryByCode(code);
  return i ? `${i.code} ${i.name}` : code;
};

/** "whom it concerns" in words: the industries and towns, or the whole county. */
export function concernsText(p: { industries: string[]; towns: string[] }, lang: Language, all: string): string {
  const parts = [
    joinLabels(p.industries.map(industryName), lang),
    joinLabels(
      p.towns.map((t) => townName(t, lang)),
      lang,
    ),
  ].filter(Boolean);
  return parts.length ? parts.join(lang === 'en' ? '; ' : '；') : all;
}
