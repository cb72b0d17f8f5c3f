// @vitest-environment node
/**
 * Both languages must carry the same keys with the same placeholders, and every literal key the
 * code uses must exist, so no visible string is missing in either language.
 */
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

/** Flatten to dotted keys; plural forms (_one/_other) count as one key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string')
      out.set(path.replace(/_(zero|one|two|few|many|other)$/, ''), value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] as string).sort();

/** The screen's own sources (not tests or test support), as text. */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('locales', () => {
  const english = flatten(en as Tree);
  const chinese = flatten(zhCN as Tree);

  it('have the same keys in English and Simplified Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english)
      expect({ key, vars: placeholders(chinese.get(key) ?? '') }).toEqual({
        key,
        vars: placeholders(text),
      });
  });

  it('have no empty text', () => {
    for (const [key, text] of [...english, ...chinese])
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('hold every literal key the screen uses', () => {
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g))
        used.add(match[1] as string);
      for (const match of source.matchAll(/\bkey: '([a-zA-Z][\w-]*\.[\w.-]+)'/g))
        used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });
});
