/**
 * i18next set up for the screen: both languages bundled (the renderer loads nothing at run
 * time, which the CSP forbids anyway), initialised synchronously so the first paint is in the
 * right language.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } };

/** The language to start in before settings are known: the system's, when we have it. */
export function guessLanguage(preferred: readonly string[]): Language {
  return preferred.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** A ready i18next instance in `language`. */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    // Stated although they are the defaults: i18next then skips its per-call test of whether
    // a key is natural language (a regular expression per t() call).
    keySeparator: '.',
    nsSeparator: ':',
    initAsync: false,
  });
  return instance;
}
