import { clockTitleInEnglish } from '@qingshan/core/clock-titles';
import type { Language } from '../../i18n.ts';

/** A clock's title in the current language (core clock-titles.ts); Chinese exactly as stored. */
export function clockTitle(title: string, lang: Language): string {
  if (lang !== 'en') return title;
  return clockTitleInEnglish(title) ?? title;
}
