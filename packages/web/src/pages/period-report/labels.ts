import { matterName } from '@qingshan/core/matters';
import { DESK_LABELS } from '@qingshan/core/period-report';
import { coreLang, townName } from '../../domain.ts';
import type { Language } from '../../i18n.ts';

export type Dim = 'desk' | 'matter' | 'town' | 'industry';

/**
 * A group's name in the current language: the server names groups in Chinese only; desks, towns and
 * matters are named here from their code (core's labels), deadlines (a clock profile under 'matter')
 * and industries as sent. Chinese as sent.
 */
export function groupName(dim: Dim, g: { value: string; label: string }, lang: Language, none: string): string {
  if (coreLang(lang) === 'zh') return g.label;
  if (dim === 'desk') return DESK_LABELS[g.value]?.en ?? g.label;
  if (dim === 'town') return g.value === '' ? none : townName(g.value, lang, g.label);
  // an application's matter code; a clock profile's key is no matter code, so it keeps its label
  if (dim === 'matter') return matterName(g.value, g.label, 'en');
  return g.label;
}
