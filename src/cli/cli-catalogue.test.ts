/**
 * The command line's catalogue (src/cli/locales, the renderer's i18next style) is complete:
 * both languages have the same keys with the same placeholders, every key the code names
 * exists, and every command, argument and option of the program has its help text in both —
 * so a command added later (by anyone) fails here until it is translated.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { createCommandHost } from './commands/command-host';
import { allCommands, argumentKeys, optionKeys } from './help-language';
import { createProgram } from './program';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** Plural forms (`_one`, `_other`, …) are one key: each language has the forms it needs. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
function merged(tree: Tree): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text] of flatten(tree))
    if (!PLURAL.test(key) || key.endsWith('_other')) out.set(key.replace(PLURAL, ''), text);
  return out;
}
const english = merged(en as Tree);
const chinese = merged(zhCN as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the CLI catalogue', () => {
  it('has the same keys and placeholders in English and Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english)
      expect({ key, placeholders: placeholders(chinese.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
  });

  it('has every key the code names', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    const named = sourceFiles(folder).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:tr|t)\(\s*'([a-zA-Z][\w.-]*)'/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((key) => !english.has(key))).toEqual([]);
  });

  it('translates every command, argument and option of the program', () => {
    const host = createCommandHost({
      env: {},
      stdin: process.stdin,
      stdout: { write: () => true },
      stderr: { write: () => true },
      createCredentialStore: () => {
        throw new Error('not used');
      },
      onStopSignal: () => () => undefined,
    });
    const program = createProgram(host);
    const missing: string[] = [];
    const has = (keys: string[]) => keys.some((key) => chinese.has(key) && english.has(key));
    for (const command of allCommands(program)) {
      const name = command === program ? 'program' : command.name();
      if (!has([`help.command.${name}`])) missing.push(`command ${name}`);
      for (const option of command.options) {
        const flag = (option.long ?? option.short ?? '').replace(/^-+/, '');
        if (!has(optionKeys(name, flag))) missing.push(`${name} --${flag}`);
      }
      for (const argument of command.registeredArguments)
        if (!has(argumentKeys(name, argument.name()))) missing.push(`${name} <${argument.name()}>`);
    }
    expect(missing).toEqual([]);
  });
});
