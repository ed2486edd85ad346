import type { Language } from '../../i18n.ts';

type Bi = { zh: string; en: string };

/** One of core's bilingual labels in the page's language. */
export const pick = (label: Bi | undefined, lang: Language): string =>
  label ? label[lang === 'en' ? 'en' : 'zh'] : '';

/** A label that opens a heading: core's English labels are lower case, for use inside sentences. */
export const pickHeading = (label: Bi | undefined, lang: Language): string => {
  const s = pick(label, lang);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export const STATE_COLORS: Record<string, string> = {
  publicity: 'gold',
  accepted: 'blue',
  'at-city': 'purple',
  approved: 'green',
  refused: 'default',
  exempted: 'cyan',
  filed: 'cyan',
  verified: 'green',
  rectifying: 'orange',
  revoked: 'red',
};
