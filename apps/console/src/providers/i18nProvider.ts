import chineseMessages from '@haxqer/ra-language-chinese';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type I18nProvider, type TranslationMessages } from 'react-admin';

import { enMessages } from '../i18n/en';
import { zhMessages, zhReactAdminMessages } from '../i18n/zh';
import { LOCALE_STORAGE_KEY } from '../login/storedLocale';

export const CONSOLE_LOCALES = ['zh-CN', 'en'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

const DEFAULT_LOCALE: ConsoleLocale = 'zh-CN';
// react-admin's own store forgets the locale on logout; LOCALE_STORAGE_KEY keeps the person's choice
// across sessions (the quick login reads it too).

// The Chinese pack is written for react-admin 4: laid over the English v5 messages, any key it lacks
// (added in v5) falls back to English instead of showing the raw key.
const messages: Record<ConsoleLocale, TranslationMessages> = {
  'zh-CN': mergeTranslations(
    englishMessages,
    chineseMessages,
    zhReactAdminMessages,
    zhMessages,
  ) as TranslationMessages,
  en: mergeTranslations(englishMessages, enMessages) as TranslationMessages,
};

export function isConsoleLocale(value: unknown): value is ConsoleLocale {
  return CONSOLE_LOCALES.some((locale) => locale === value);
}

function readStoredLocale(): ConsoleLocale {
  const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  return isConsoleLocale(stored) ? stored : DEFAULT_LOCALE;
}

function createI18nProvider(): I18nProvider {
  const polyglot = polyglotI18nProvider(
    (locale) => messages[isConsoleLocale(locale) ? locale : DEFAULT_LOCALE],
    readStoredLocale(),
    [
      { locale: 'zh-CN', name: '简体中文' },
      { locale: 'en', name: 'English' },
    ],
  );
  return {
    ...polyglot,
    changeLocale: async (locale, options) => {
      await polyglot.changeLocale(locale, options);
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    },
  };
}

export const i18nProvider = createI18nProvider();

/** The current locale, for the Accept-Language header (the API localizes validation messages by it). */
export function currentLocale(): ConsoleLocale {
  const locale = i18nProvider.getLocale();
  return isConsoleLocale(locale) ? locale : DEFAULT_LOCALE;
}
