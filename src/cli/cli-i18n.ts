/**
 * The command line's words in the chosen language: i18next over the catalogues in
 * `src/cli/locales/` (the renderer's style: nested keys, `{{name}}` placeholders, `_one` /
 * `_other` plurals). Initialised synchronously, so the first line is already translated.
 */
import i18next from 'i18next';
import type { CliLanguage } from './cli-language';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** A translation function: catalogue key and placeholders in, one line out. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

const cache = new Map<CliLanguage, Translate>();

/** The translator of `language` (English fills any gap). */
export function createTranslator(language: CliLanguage): Translate {
  const known = cache.get(language);
  if (known) return known;
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const translate: Translate = (key, values) => instance.t(key, values ?? {});
  cache.set(language, translate);
  return translate;
}

let current: Translate | null = null;

/**
 * The translator of this run, for the pure formatting helpers (tables, parser messages): the
 * entry point chooses the language once (`useLanguage`), before any command runs.
 */
export function tr(key: string, values?: Record<string, unknown>): string {
  current ??= createTranslator('en');
  return current(key, values);
}

/** Sets the language `tr` speaks for the rest of the run. */
export function useLanguage(language: CliLanguage): void {
  current = createTranslator(language);
}
