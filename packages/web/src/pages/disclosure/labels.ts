import {
  DISCLOSURE_ACTION_LABELS,
  DISCLOSURE_APPLICANT_LABELS,
  DISCLOSURE_APPLICANT_TYPES,
  DISCLOSURE_GROUND_LABELS,
  DISCLOSURE_GROUND_SOURCES_EN,
  DISCLOSURE_GROUNDS_OF,
  DISCLOSURE_OUTCOME_LABELS,
  DISCLOSURE_OUTCOME_SOURCES_EN,
  DISCLOSURE_OUTCOMES,
  DISCLOSURE_STATUS_LABELS,
  type DisclosureAction,
  type DisclosureApplicantType,
  type DisclosureGround,
  type DisclosureOutcome,
  type DisclosureStatus,
} from '@qingshan/core/disclosure';
import { coreLang, type Option } from '../../domain.ts';
import i18n, { type Language } from '../../i18n.ts';

export const applicantTypeLabel = (k: string, lang: Language) =>
  DISCLOSURE_APPLICANT_LABELS[k as DisclosureApplicantType]?.[coreLang(lang)] ?? k;
export const disclosureStatusLabel = (k: string, lang: Language) =>
  DISCLOSURE_STATUS_LABELS[k as DisclosureStatus]?.[coreLang(lang)] ?? k;
/** The event log stores the action; shown in words (a registration is not one of the desk's steps). */
export const actionLabel = (k: string, lang: Language) =>
  k === 'register'
    ? lang === 'en'
      ? 'Request received'
      : '收到申请'
    : (DISCLOSURE_ACTION_LABELS[k as DisclosureAction]?.[coreLang(lang)] ?? k);
export const STATUS_COLORS: Record<DisclosureStatus, string> = {
  received: 'blue',
  consulting: 'purple',
  answered: 'green',
};

export const applicantTypeOptions = (lang: Language): Option<DisclosureApplicantType>[] =>
  DISCLOSURE_APPLICANT_TYPES.map((k) => ({ value: k, label: applicantTypeLabel(k, lang) }));
export const outcomeOptions = (lang: Language) =>
  DISCLOSURE_OUTCOMES.map((k) => ({
    value: k,
    label: i18n.t('common.parenthetical', {
      lng: lang,
      text: DISCLOSURE_OUTCOME_LABELS[k][coreLang(lang)],
      note: lang === 'en' ? DISCLOSURE_OUTCOME_SOURCES_EN[k] : DISCLOSURE_OUTCOME_LABELS[k].source,
    }),
  }));
/** The grounds an answer type takes (the clause of a refusal, the reason for not processing), or none. */
export const clauseOptions = (lang: Language, outcome: DisclosureOutcome | undefined) =>
  (outcome ? (DISCLOSURE_GROUNDS_OF[outcome] ?? []) : []).map((k) => ({
    value: k,
    label: i18n.t('common.parenthetical', {
      lng: lang,
      text: DISCLOSURE_GROUND_LABELS[k][coreLang(lang)],
      note: lang === 'en' ? DISCLOSURE_GROUND_SOURCES_EN[k] : DISCLOSURE_GROUND_LABELS[k].source,
    }),
  }));
/**
 * A given answer's type and ground, each with its article, in the page's language (the server's
 * outcomeLabel/clauseLabel are the Chinese of the letter sent; an English reader got them in Chinese).
 */
export function answerWords(
  d: {
    outcome: string | null;
    outcomeLabel: string | null;
    outcomeSource: string | null;
    clause: string | null;
    clauseLabel: string | null;
    clauseSource: string | null;
  },
  lang: Language,
) {
  const o = d.outcome ? DISCLOSURE_OUTCOME_LABELS[d.outcome as DisclosureOutcome] : undefined;
  const c = d.clause ? DISCLOSURE_GROUND_LABELS[d.clause as DisclosureGround] : undefined;
  if (lang !== 'en' || !o)
    return {
      outcome: d.outcomeLabel,
      outcomeSource: d.outcomeSource,
      clause: d.clauseLabel,
      clauseSource: d.clauseSource,
    };
  return {
    outcome: o.en,
    outcomeSource: DISCLOSURE_OUTCOME_SOURCES_EN[d.outcome as DisclosureOutcome],
    clause: c ? c.en : d.clauseLabel,
    clauseSource: c ? DISCLOSURE_GROUND_SOURCES_EN[d.clause as DisclosureGround] : d.clauseSource,
  };
}
export const DELIVERY_LABELS: Record<'paper' | 'email' | 'pickup', { zh: string; en: string }> = {
  paper: { zh: '邮寄纸质文本', en: 'Paper by post' },
  email: { zh: '电子邮件', en: 'E-mail' },
  pickup: { zh: '当面领取', en: 'Pick up in person' },
};
