import {
  DECIDING_AUTHORITY_LABELS,
  type DecidingAuthority,
  MATERIAL_FORM_LABELS,
  MATTER_CHANNEL_LABELS,
  type MaterialForm,
  type MatterChannel,
  matterName,
} from '@qingshan/core/matters';

import { joinLabels, type Language } from '../../i18n.ts';

const l = (lang: Language) => (lang === 'en' ? 'en' : 'zh');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// core keeps the English in lower case, for use inside a sentence; these label a tag, a cell or an
// option, which stand alone, so the English opens with a capital as the Chinese reads as a heading
const alone = (label: { zh: string; en: string }, lang: Language) => (lang === 'en' ? capital(label.en) : label.zh);

/** Who decides a matter, standing alone: 本局办理 / This bureau. */
export const authorityLabel = (a: DecidingAuthority, lang: Language) => alone(DECIDING_AUTHORITY_LABELS[a], lang);
/** One way to apply, standing alone (an option): 网上办理 / Online. */
export const channelLabel = (c: MatterChannel, lang: Language) => alone(MATTER_CHANNEL_LABELS[c], lang);
/** A matter's ways to apply as one value: 网上办理、窗口办理 / Online, at the window (one capital, not one a way). */
export function channelsLabel(cs: readonly MatterChannel[], lang: Language): string {
  const joined = joinLabels(
    cs.map((c) => MATTER_CHANNEL_LABELS[c][l(lang)]),
    lang,
  );
  return lang === 'en' ? capital(joined) : joined;
}
/** The form a material is handed in, standing alone: 原件 / Original. */
export const formLabel = (f: MaterialForm, lang: Language) => alone(MATERIAL_FORM_LABELS[f], lang);
/** A matter's name in the current language: its code's English name, else the Chinese as sent. */
export const matterLabel = (code: string, zhName: string, lang: Language) => matterName(code, zhName, l(lang));

/** Only this bureau's own matters are decided here; the others are tracked (rules.md §0). */
export const authorityColor = (a: DecidingAuthority) => (a === 'bureau' ? 'green' : 'blue');
