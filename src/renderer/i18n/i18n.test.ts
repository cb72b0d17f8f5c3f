// @vitest-environment node
/**
 * The screen's t(): plain keys are answered from the bundled strings without i18next's
 * pipeline (i18n.ts), and must say exactly what i18next says; everything else is i18next's.
 */
import i18next from 'i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { createI18n } from './i18n';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : keysOf(value, path);
  });
}

/** i18next alone, set up like the screen's but without the plain-key answers. */
function referenceI18n(language: 'en' | 'zh-CN') {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

describe('the screen’s t()', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    it(`says what i18next says for every key in ${language}, with and without values`, () => {
      const fast = createI18n(language).getFixedT(language);
      const reference = referenceI18n(language).getFixedT(language);
      for (const key of keysOf(en as Tree)) {
        expect(fast(key), key).toBe(reference(key));
        const values = { count: 3, name: 'Li Na', seconds: 5, minutes: 2, span: '10 min' };
        expect(fast(key, values), key).toBe(reference(key, values));
      }
      expect(fast('no.such.key')).toBe(reference('no.such.key'));
    });
  }

  it('follows a language change (new t, new texts)', () => {
    const i18n = createI18n('en');
    const english = i18n.getFixedT('en')('common.retry');
    const chinese = i18n.getFixedT('zh-CN')('common.retry');
    expect(english).toBe((en as { common: { retry: string } }).common.retry);
    expect(chinese).toBe((zhCN as { common: { retry: string } }).common.retry);
    expect(chinese).not.toBe(english);
  });
});
