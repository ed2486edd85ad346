import { RISK_FACTOR_LABELS, type RiskFactor } from '@qingshan/core/credit';
import { CREDIT_GRADE_LABELS } from '@qingshan/core/enterprise';
import { coreLang, labelFromZh } from '../../domain.ts';
import type { Language } from '../../i18n.ts';

/**
 * A risk factor's name in the current language. The server names it in Chinese only
 * (`12369 举报（近 12 个月）`, `环境信用等级：环保良好企业（蓝牌）`); in English it comes from core's
 * bilingual labels by the factor's code, the credit grade by its Chinese label, `ungraded` when none.
 */
export function factorLabel(c: { factor: RiskFactor; label: string }, lang: Language, ungraded: string): string {
  if (coreLang(lang) === 'zh') return c.label;
  const name = RISK_FACTOR_LABELS[c.factor]?.en;
  if (!name) return c.label;
  if (c.factor !== 'credit') return name;
  const grade = c.label.slice(c.label.indexOf('：') + 1);
  return `${name}: ${grade === '未评价' ? ungraded : labelFromZh(CREDIT_GRADE_LABELS, grade, lang)}`;
}
