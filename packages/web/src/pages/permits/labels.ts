import {
  OBLIGATION_LABELS,
  PERMIT_CLASS_LABELS,
  PERMIT_STATUS_LABELS,
  type PermitClass,
  type PermitStatus,
} from '@qingshan/core/permits';
import type { Obligation } from './api.ts';

/** The period a duty covers, in words: 2026年第3季度 / 2026 Q3; a renewal names the expiry it renews. */
export function periodText(o: Pick<Obligation, 'kind' | 'period' | 'periodLabel'>, lang: 'zh' | 'en'): string {
  if (o.kind === 'renewal') return lang === 'zh' ? `有效期至 ${o.period}` : `valid to ${o.period}`;
  if (lang === 'zh') return o.periodLabel;
  if (o.kind === 'report-quarterly') return `${o.period.slice(0, 4)} Q${o.period.slice(-1)}`;
  if (o.kind === 'report-annual') return `year ${o.period}`;
  return o.periodLabel;
}

/** Colour of a duty's state: overdue red, open blue, done green. */
export function obligationColor(o: Pick<Obligation, 'status' | 'overdue'>): string {
  if (o.status === 'submitted') return 'green';
  if (o.status === 'cancelled') return 'default';
  return o.overdue ? 'red' : 'blue';
}

// core keeps the English in lower case, for use inside a sentence; standing alone (a cell, a tag,
// an option) it starts with a capital, as the Chinese side's labels read as headings do
const alone = (l: { zh: string; en: string }, lang: 'zh' | 'en') =>
  lang === 'zh' ? l.zh : l.en.charAt(0).toUpperCase() + l.en.slice(1);

/** A permit's state standing alone: 有效 / Valid. */
export const permitStatusLabel = (s: PermitStatus, lang: 'zh' | 'en') => alone(PERMIT_STATUS_LABELS[s], lang);
/** A permit's management class standing alone: 重点管理 / Key management. */
export const permitClassLabel = (c: PermitClass, lang: 'zh' | 'en') => alone(PERMIT_CLASS_LABELS[c], lang);
/** A duty standing alone: 季度执行报告 / Quarterly execution report. */
export const obligationLabel = (k: keyof typeof OBLIGATION_LABELS, lang: 'zh' | 'en') =>
  alone(OBLIGATION_LABELS[k], lang);
