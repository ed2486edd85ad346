// i18next set-up: zh-CN by default, English on request; the choice is kept in localStorage and
// also switches dayjs. antd's locale follows in layouts/AntdShell.tsx.
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './locales/en/index.ts';
import zhCN from './locales/zh-CN/index.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'qingshan.lang';

export function normaliseLanguage(lang: string | null | undefined): Language {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readStoredLanguage(): Language {
  return normaliseLanguage(storage()?.getItem(LANGUAGE_STORAGE_KEY));
}

function applySideEffects(lang: Language): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export async function setLanguage(lang: Language): Promise<void> {
  storage()?.setItem(LANGUAGE_STORAGE_KEY, lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return normaliseLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** Labels in a run: 、 between them in Chinese, a comma in English ("online, at the window"). */
export function joinLabels(labels: readonly string[], lang: Language): string {
  return labels.join(lang === 'en' ? ', ' : '、');
}

/** The current language; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return normaliseLanguage(instance.resolvedLanguage ?? instance.language);
}

const initial = readStoredLanguage();
applySideEffects(initial);
i18n.on('languageChanged', (lng) => applySideEffects(normaliseLanguage(lng)));

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
