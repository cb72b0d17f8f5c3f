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

type Texts = { [key: string]: string | Texts };

/** A language's strings by dotted key: those with nothing to fill in, and every key it has. */
interface FlatTexts {
  plain: Map<string, string>;
  all: Set<string>;
}

function flattenTexts(tree: Texts, prefix: string, into: FlatTexts): FlatTexts {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value !== 'string') flattenTexts(value, path, into);
    else {
      into.all.add(path);
      // Interpolation and nesting stay i18next's work.
      if (!value.includes('{{') && !value.includes('$t(')) into.plain.set(path, value);
    }
  }
  return into;
}

/**
 * The screen calls t() a few hundred times for its first frame, almost always with a plain key
 * (no count, no values), and i18next runs its whole pipeline for each call (a copy of all its
 * options, key parsing, fallbacks, interpolation, plural suffixes): ~15 % of the first render
 * of the agent screen. A plain key whose text has nothing to fill in is answered from the
 * language's strings (falling back to English like i18next); every other call goes to i18next.
 */
function answerPlainKeysDirectly(instance: I18n): void {
  const flat = new Map<string, FlatTexts>();
  const textsOf = (language: string): FlatTexts | null => {
    const tree = (resources as Record<string, { translation: Texts } | undefined>)[language];
    if (!tree) return null;
    let texts = flat.get(language);
    if (!texts) {
      texts = flattenTexts(tree.translation, '', { plain: new Map(), all: new Set() });
      flat.set(language, texts);
    }
    return texts;
  };
  const getFixedT = instance.getFixedT.bind(instance);
  const fastGetFixedT = (...args: Parameters<I18n['getFixedT']>) => {
    const [lng, ns, keyPrefix] = args;
    const full = getFixedT(...args);
    const namespace = Array.isArray(ns) ? (ns.length === 1 ? ns[0] : null) : (ns ?? 'translation');
    const own = typeof lng === 'string' ? textsOf(lng) : null;
    const fallback = textsOf('en');
    if (!own || !fallback || keyPrefix || namespace !== 'translation') return full;
    // i18next's fixed t carries its language, namespace and prefix as properties.
    const fixed = full as unknown as ((...all: unknown[]) => unknown) & Record<string, unknown>;
    const fast = (key: unknown, ...rest: unknown[]): unknown => {
      if (rest.length === 0 && typeof key === 'string') {
        const text = own.all.has(key) ? own.plain.get(key) : fallback.plain.get(key);
        if (text !== undefined) return text;
      }
      return fixed(key, ...rest);
    };
    return Object.assign(fast, {
      lng: fixed.lng,
      lngs: fixed.lngs,
      ns: fixed.ns,
      keyPrefix: fixed.keyPrefix,
    }) as unknown as typeof full;
  };
  instance.getFixedT = fastGetFixedT as I18n['getFixedT'];
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
  answerPlainKeysDirectly(instance);
  return instance;
}
