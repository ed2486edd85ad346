import { SHIPPED_CLOCK_PROFILES } from '@qingshan/core/clock-profiles';
import { matterName } from '@qingshan/core/matters';
import { DESK_LABELS } from '@qingshan/core/period-report';
import { coreLang, industryName, townName } from '../../domain.ts';
import type { Language } from '../../i18n.ts';

export type Dim = 'desk' | 'matter' | 'town' | 'industry';

/** The shipped deadlines (clock profiles) by key, with their names in both languages. */
const PROFILE_LABELS: ReadonlyMap<string, { zh: string; en: string }> = new Map(
  SHIPPED_CLOCK_PROFILES.map((p) => [p.key, p.label]),
);

/**
 * A group's name in the current language: the server names groups in Chinese only; desks, towns and
 * matters are named here from their code (core's labels), deadlines (a clock profile under 'matter')
 * by their shipped English while the server still names them as shipped (a renamed one as sent),
 * industry divisions by their code. Chinese as sent.
 */
export function groupName(dim: Dim, g: { value: string; label: string }, lang: Language, none: string): string {
  if (coreLang(lang) === 'zh') return g.label;
  if (dim === 'desk') return DESK_LABELS[g.value]?.en ?? g.label;
  if (dim === 'town') return g.value === '' ? none : townName(g.value, lang, g.label);
  // an application's matter code; a clock profile's key is no matter code, so it keeps its label
  if (dim === 'matter') {
    const profile = PROFILE_LABELS.get(g.value);
    if (profile) return profile.zh === g.label ? profile.en : g.label;
    return matterName(g.value, g.label, 'en');
  }
  if (dim === 'industry') return g.value === '' ? none : `${g.value} ${industryName(g.value, lang, g.label)}`;
  return g.label;
}
