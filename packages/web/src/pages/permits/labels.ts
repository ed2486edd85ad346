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
