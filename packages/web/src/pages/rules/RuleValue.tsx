import { useTranslation } from 'react-i18next';
import { joinLabels, useLanguage } from '../../i18n.ts';
import { daysText } from '../worklist/days.ts';
import type { RuleType } from './api.ts';

// Hand-written: the rules API declares a version's `value` as unknown (its shape depends on the rule type).
export type ProfileValue = { length: number; unit: 'working' | 'calendar'; warnBefore: number; direction?: string };

/** A value as people read it: "60 个工作日（提前 10 天提醒）", "10", "a、b" ("a, b" in English). */
export function RuleValue({ type, value }: { type: RuleType; value: unknown }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (type === 'clock-profile') {
    const v = value as ProfileValue;
    return <span>{t('rules.profileValue', { days: daysText(t, v.length, v.unit), count: v.warnBefore })}</span>;
  }
  if (type === 'ratio') return <span>{`${Math.round((value as number) * 1000) / 10}%`}</span>;
  if (Array.isArray(value)) return <span>{joinLabels(value as string[], lang)}</span>;
  return <span>{String(value)}</span>;
}
