import {
  DECIDING_AUTHORITY_LABELS,
  type DecidingAuthority,
  MATERIAL_FORM_LABELS,
  MATTER_CHANNEL_LABELS,
  type MaterialForm,
  type MatterChannel,
  matterName,
} from '@qingshan/core/matters';

import type { Language } from '../../i18n.ts';

const l = (lang: Language) => (lang === 'en' ? 'en' : 'zh');

export const authorityLabel = (a: DecidingAuthority, lang: Language) => DECIDING_AUTHORITY_LABELS[a][l(lang)];
export const channelLabel = (c: MatterChannel, lang: Language) => MATTER_CHANNEL_LABELS[c][l(lang)];
export const formLabel = (f: MaterialForm, lang: Language) => MATERIAL_FORM_LABELS[f][l(lang)];
/** A matter's name in the current language: its code's English name, else the Chinese as sent. */
export const matterLabel = (code: string, zhName: string, lang: Language) => matterName(code, zhName, l(lang));

/** Only this bureau's own matters are decided here; the others are tracked (rules.md §0). */
export const authorityColor = (a: DecidingAuthority) => (a === 'bureau' ? 'green' : 'blue');
