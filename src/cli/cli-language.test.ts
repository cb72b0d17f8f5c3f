import { resolveLanguage } from './cli-language';

describe('resolveLanguage', () => {
  it('lets --lang win', () => {
    expect(resolveLanguage('zh-CN', { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLanguage('zh_cn', {})).toBe('zh-CN');
    expect(resolveLanguage('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
  });

  it('reads LC_ALL, LC_MESSAGES, LANG in POSIX order', () => {
    expect(resolveLanguage(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLanguage(undefined, { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, { LC_MESSAGES: 'zh_CN', LANG: 'C' })).toBe('zh-CN');
    expect(resolveLanguage(undefined, { LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, {})).toBe('en');
  });

  it('refuses languages it does not have', () => {
    expect(() => resolveLanguage('fr', {})).toThrow(/Unsupported language "fr": use en or zh-CN/);
  });
});
