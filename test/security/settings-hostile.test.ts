/**
 * A corrupt or hostile settings file (desktop settings store over electron-store): whatever
 * the file holds — broken JSON, wrong types, huge or deeply nested content, prototype keys —
 * CC Inspector starts with the defaults, keeps the bad file aside byte for byte, tells the
 * user once, writes a clean file, and nothing leaks into Object.prototype.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetElectronFake } from '../support/fakes/electron';
import { createDefaultSettings } from '../../src/shared/settings-defaults';
import { createSettingsStore } from '../../src/main/desktop/settings/settings-store';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const VALID = { ...createDefaultSettings(), window: { bounds: null, maximized: false } };

function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).demoMode).toBeUndefined();
}

/** Whether `value` is a valid value of top-level settings field `key` (the few that are simple). */
function isValidFieldValue(key: string, value: unknown): boolean {
  if (key === 'demoMode' || key === 'confirmDestructive') return typeof value === 'boolean';
  if (key === 'language') return value === 'en' || value === 'zh-CN';
  if (key === 'theme') return value === 'system' || value === 'light' || value === 'dark';
  if (key === 'schemaVersion') return value === 1;
  return false;
}

/** A valid document text with `fragment` spliced in as its first member. */
const withMember = (fragment: string): string => `{${fragment}, ${JSON.stringify(VALID).slice(1)}`;

/** Files that are not UTF-8 text at all. */
const BINARY_FILES: Array<[string, Buffer]> = [
  ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c, 0x80, 0x7b, 0x22])],
  ['a UTF-16 file', Buffer.from(`\ufeff${JSON.stringify(VALID)}`, 'utf16le')],
];

const HOSTILE_FILES: Array<[string, string]> = [
  ['empty file', ''],
  ['only whitespace', '   \n\t  '],
  ['JSON null', 'null'],
  ['a bare number', '42'],
  ['a bare string', '"settings"'],
  ['truncated JSON', JSON.stringify(VALID).slice(0, 40)],
  ['__proto__ at the top', withMember('"__proto__": {"polluted": true, "demoMode": false}')],
  [
    'constructor.prototype at the top',
    withMember('"constructor": {"prototype": {"polluted": true}}'),
  ],
  [
    '__proto__ inside gateway',
    JSON.stringify({ ...VALID, gateway: '@@' }).replace(
      '"@@"',
      `{"__proto__": {"polluted": true}, ${JSON.stringify(VALID.gateway).slice(1)}`,
    ),
  ],
  [
    '__proto__ inside hotkeys',
    JSON.stringify({ ...VALID, hotkeys: '@@' }).replace(
      '"@@"',
      `{"__proto__": {"listen": "Alt+X"}, ${JSON.stringify(VALID.hotkeys).slice(1)}`,
    ),
  ],
  [
    'a 5 MB CA certificate',
    JSON.stringify({ ...VALID, gateway: { ...VALID.gateway, caPem: 'M'.repeat(5_000_000) } }),
  ],
  ['200,000 levels of nesting', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
  [
    'a hostile gateway URL',
    JSON.stringify({ ...VALID, gateway: { ...VALID.gateway, url: 'javascript:alert(1)' } }),
  ],
  ['hotkeys as an array', JSON.stringify({ ...VALID, hotkeys: ['Alt+L'] })],
  [
    'a password field',
    JSON.stringify({ ...VALID, gateway: { ...VALID.gateway, password: 'Pw-7f3e9c1b-SECRET' } }),
  ],
];

describe('hostile settings files', () => {
  let dir: string;
  beforeEach(() => {
    resetElectronFake();
    dir = mkdtempSync(join(tmpdir(), 'cc-hostile-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const settingsFile = (): string => join(dir, 'settings.json');
  const asideFiles = (): string[] =>
    readdirSync(dir).filter((name) => name.startsWith('settings.corrupt-'));

  /** Write `content`, open a store, and check the whole recovery contract. */
  function expectRecovered(content: string | Buffer, byteExact = true): void {
    writeFileSync(settingsFile(), content);
    const store = createSettingsStore({ directory: dir, now: () => 1_700_000_000_000 });
    const { settings, notices } = store.load();
    expect(settings).toEqual(createDefaultSettings());
    expect(asideFiles()).toHaveLength(1);
    // Kept aside exactly as it was, for IT to look at.
    if (byteExact)
      expect(readFileSync(join(dir, asideFiles()[0] as string)).equals(Buffer.from(content))).toBe(
        true,
      );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.level).toBe('warning');
    expect(notices[0]?.message).toContain(asideFiles()[0]);
    expect(notices[0]?.messageZh.length).toBeGreaterThan(0);
    // The file left in place is clean and loads without a notice.
    const reopened = createSettingsStore({ directory: dir }).load();
    expect(reopened).toEqual({ settings: createDefaultSettings(), notices: [] });
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain('polluted');
    expectPrototypesClean();
  }

  it.each(HOSTILE_FILES)('recovers from %s', (_name, content) => {
    expectRecovered(content);
  });

  it.each(BINARY_FILES)(
    'recovers from %s (defaults, notice, a copy kept aside)',
    (_name, content) => {
      expectRecovered(content, false);
    },
  );

  // The original is moved aside (or its bytes copied), never rewritten from decoded text.
  it.each(BINARY_FILES)('keeps %s aside byte for byte', (_name, content) => {
    expectRecovered(content, true);
  });

  it('recovers from any document whose fields have the wrong types', () => {
    const keys = Object.keys(VALID) as Array<keyof typeof VALID>;
    const wrongValue = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.string(),
      fc.constant(null),
      fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...keys.filter((key) => key !== 'window')),
        wrongValue,
        (key, value) => {
          // Skip the draws that happen to be valid for that field.
          fc.pre(!isValidFieldValue(key, value));
          rmSync(dir, { recursive: true, force: true });
          dir = mkdtempSync(join(tmpdir(), 'cc-hostile-settings-'));
          expectRecovered(JSON.stringify({ ...VALID, [key]: value }));
        },
      ),
      { numRuns: 60 },
    );
  });
});
