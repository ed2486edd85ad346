import {
  ALARM_EVENT_LABELS,
  ALARM_KIND_LABELS,
  ALARM_OUTCOME_LABELS,
  ALARM_SOURCE_KIND_LABELS,
  ALARM_STATE_LABELS,
  type AlarmEventType,
  type AlarmKind,
  type AlarmOutcome,
  type AlarmSourceKind,
  type AlarmState,
} from '@qingshan/core/alarms';
import type { Language } from '../../i18n.ts';

const pick = (l: { zh: string; en: string } | undefined, lang: Language, fallback: string) =>
  l ? (lang === 'en' ? l.en : l.zh) : fallback;

export const kindLabel = (k: AlarmKind, lang: Language) => pick(ALARM_KIND_LABELS[k], lang, k);
/** The rule's cited basis: the server sends it in Chinese only (kindSource), core keeps both. */
export const kindSourceLabel = (k: AlarmKind, kindSource: string, lang: Language) =>
  lang === 'en' ? (ALARM_KIND_LABELS[k]?.sourceEn ?? kindSource) : kindSource;
export const stateLabel = (s: AlarmState, lang: Language) => pick(ALARM_STATE_LABELS[s], lang, s);
export const sourceKindLabel = (s: AlarmSourceKind, lang: Language) => pick(ALARM_SOURCE_KIND_LABELS[s], lang, s);
export const outcomeLabel = (o: AlarmOutcome, lang: Language) => pick(ALARM_OUTCOME_LABELS[o], lang, o);
export const eventLabel = (e: string, lang: Language) => pick(ALARM_EVENT_LABELS[e as AlarmEventType], lang, e);

export const STATE_COLORS: Record<AlarmState, string> = { active: 'red', cleared: 'orange', closed: 'default' };

/** The platform's own words in the reader's language; older records kept Chinese only, shown as kept. */
export const inLanguage = (zh: string, en: string | null | undefined, lang: Language) =>
  lang === 'en' && en ? en : zh;
