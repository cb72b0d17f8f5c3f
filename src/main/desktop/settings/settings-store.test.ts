import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetElectronFake } from '../../../../test/support/fakes/electron';
import type { Settings } from '../../../shared/domain';
import { createDefaultSettings, DEFAULT_HOTKEYS } from '../../../shared/settings-defaults';
import { fillMissingDefaults, migrateSettingsDocument } from './settings-migrations';
import { SETTINGS_ROOT_SCHEMA, SETTINGS_SCHEMA } from './settings-schema';
import { createSettingsStore } from './settings-store';

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5, 6);

describe('settings store', () => {
  let dir: string;
  beforeEach(() => {
    resetElectronFake();
    dir = mkdtempSync(join(tmpdir(), 'cc-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => createSettingsStore({ directory: dir, now: () => NOW });
  const settingsFile = () => join(dir, 'settings.json');
  const asideFiles = () => readdirSync(dir).filter((name) => name.startsWith('settings.corrupt-'));
  const writeSettingsFile = (content: unknown) =>
    writeFileSync(settingsFile(), typeof content === 'string' ? content : JSON.stringify(content));

  it('starts from the defaults on a fresh install: demo mode, default hotkeys, nothing to report', () => {
    const { settings, notices } = open().load();
    expect(settings).toEqual(createDefaultSettings());
    expect(settings.demoMode).toBe(true);
    expect(settings.hotkeys).toEqual(DEFAULT_HOTKEYS);
    expect(notices).toEqual([]);
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toMatchObject({
      schemaVersion: 2,
      window: { bounds: null },
    });
  });

  it('has a schema JSON Schema accepts: the store skips that check on every start', () => {
    // The Ajv electron-store uses (resolved from its `conf`), with the meta-schema check on.
    const conf = fileURLToPath(
      new URL('../../../../node_modules/conf/package.json', import.meta.url),
    );
    const ajvModule = createRequire(conf)('ajv') as { default: new (options: object) => Ajv };
    interface Ajv {
      validateSchema(schema: object): boolean;
      errors?: unknown;
    }
    const ajv = new ajvModule.default({ allErrors: true });
    const schema = { ...SETTINGS_ROOT_SCHEMA, type: 'object', properties: SETTINGS_SCHEMA };
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validateSchema({ type: 'object', properties: { a: { type: 'nonsense' } } })).toBe(
      false,
    );
  });

  it('moves a corrupt file aside byte for byte, loads the defaults and tells the user once', () => {
    const garbage = '{"gateway": {"url": "https://gw:8043"';
    writeSettingsFile(garbage);
    const store = open();
    const { settings, notices } = store.load();
    expect(settings).toEqual(createDefaultSettings());
    expect(asideFiles()).toEqual(['settings.corrupt-2025-01-02T03-04-05-006Z.json']);
    expect(readFileSync(join(dir, asideFiles()[0] as string), 'utf8')).toBe(garbage);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'warning', retcode: null });
    expect(notices[0]?.message).toContain('not valid JSON');
    expect(notices[0]?.message).toContain('settings.corrupt-2025-01-02T03-04-05-006Z.json');
    expect(notices[0]?.messageZh).toContain('默认设置');
    expect(store.load().notices).toEqual([]);
    // The new file is valid and loads cleanly next time.
    expect(open().load()).toEqual({ settings: createDefaultSettings(), notices: [] });
  });

  it.each([
    ['an unknown language', { ...createDefaultSettings(), language: 'fr' }],
    [
      'a field that does not belong (a password)',
      { ...createDefaultSettings(), password: 'hunter2' },
    ],
    [
      'a threshold out of range',
      {
        ...createDefaultSettings(),
        alerts: { ...createDefaultSettings().alerts, longCallSeconds: 1 },
      },
    ],
    ['a non-object document', [1, 2, 3]],
  ])('moves a schema-invalid file aside: %s', (_case, content) => {
    writeSettingsFile(content);
    const { settings, notices } = open().load();
    expect(settings).toEqual(createDefaultSettings());
    expect(asideFiles()).toHaveLength(1);
    expect(notices[0]?.message).toContain('expected format');
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain('hunter2');
  });

  it('keeps a file that was migrated and then refused aside as it was, not as migrated', () => {
    // Version 0 (no schemaVersion): migrated and filled on disk first, then refused by the schema.
    const { schemaVersion: _version, ...unversioned } = createDefaultSettings();
    const original = Buffer.from(
      `\n${JSON.stringify({ ...unversioned, language: 'fr' }, undefined, 3)}\r\n`,
    );
    writeFileSync(settingsFile(), original);
    const { settings, notices } = open().load();
    expect(settings).toEqual(createDefaultSettings());
    expect(notices[0]?.message).toContain('expected format');
    expect(asideFiles()).toHaveLength(1);
    expect(readFileSync(join(dir, asideFiles()[0] as string)).equals(original)).toBe(true);
  });

  it('never replaces an earlier set-aside file that has the same time stamp', () => {
    const earlier = join(dir, 'settings.corrupt-2025-01-02T03-04-05-006Z.json');
    writeFileSync(earlier, 'the earlier one');
    writeSettingsFile('not json');
    const { notices } = open().load();
    expect(asideFiles().sort()).toEqual([
      'settings.corrupt-2025-01-02T03-04-05-006Z-2.json',
      'settings.corrupt-2025-01-02T03-04-05-006Z.json',
    ]);
    expect(readFileSync(earlier, 'utf8')).toBe('the earlier one');
    expect(
      readFileSync(join(dir, 'settings.corrupt-2025-01-02T03-04-05-006Z-2.json'), 'utf8'),
    ).toBe('not json');
    expect(notices[0]?.message).toContain('settings.corrupt-2025-01-02T03-04-05-006Z-2.json');
  });

  it('moves aside a file from a newer version instead of misreading it', () => {
    writeSettingsFile({ ...createDefaultSettings(), schemaVersion: 7 });
    const { notices } = open().load();
    expect(notices[0]?.message).toContain('newer version');
    expect(asideFiles()).toHaveLength(1);
  });

  it('migrates a version-0 file (no schemaVersion) and keeps every value', () => {
    const { schemaVersion: _dropped, ...legacy } = {
      ...createDefaultSettings(),
      gateway: {
        url: 'https://gw.example:8043',
        inspectorId: '900',
        phoneNumber: '7001',
        caPem: null,
        pinSha256: null,
      },
      language: 'zh-CN' as const,
    };
    writeSettingsFile(legacy);
    const { settings, notices } = open().load();
    expect(notices).toEqual([]);
    expect(settings.schemaVersion).toBe(2);
    expect(settings.gateway.url).toBe('https://gw.example:8043');
    expect(settings.language).toBe('zh-CN');
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8')).schemaVersion).toBe(2);
    expect(asideFiles()).toEqual([]);
  });

  // Issue 9: version 2 adds the plain-HTTP opt-in, off — an http address saved before stays
  // refused until the person opts in — and the answer size cap.
  it('migrates a version-1 file: plain HTTP not allowed, the default answer cap', () => {
    const { gateway, ...rest } = createDefaultSettings();
    const { allowInsecureHttp: _a, maxAnswerMiB: _m, ...gatewayV1 } = gateway;
    writeSettingsFile({
      ...rest,
      schemaVersion: 1,
      gateway: { ...gatewayV1, url: 'http://lab-gw:8000', inspectorId: '900' },
    });
    const { settings, notices } = open().load();
    expect(notices).toEqual([]);
    expect(settings.schemaVersion).toBe(2);
    expect(settings.gateway).toMatchObject({
      url: 'http://lab-gw:8000',
      allowInsecureHttp: false,
      maxAnswerMiB: 8,
    });
  });

  it('fills keys a file lacks from the defaults without touching the ones it has', () => {
    writeSettingsFile({
      schemaVersion: 1,
      gateway: { url: 'https://gw:8043', inspectorId: '901' },
      hotkeys: { listen: null },
    });
    const { settings, notices } = open().load();
    expect(notices).toEqual([]);
    expect(settings.gateway).toEqual({
      url: 'https://gw:8043',
      inspectorId: '901',
      phoneNumber: '',
      caPem: null,
      pinSha256: null,
      allowInsecureHttp: false,
      maxAnswerMiB: 8,
    });
    expect(settings.hotkeys).toEqual({ ...DEFAULT_HOTKEYS, listen: null });
  });

  it('saves settings that a new store instance reads back, and never stores extra fields', () => {
    const store = open();
    const changed: Settings = { ...createDefaultSettings(), demoMode: false, theme: 'dark' };
    store.save({ ...changed, password: 'hunter2' } as Settings);
    expect(readFileSync(settingsFile(), 'utf8')).not.toContain('hunter2');
    expect(open().load().settings).toEqual(changed);
  });

  it('refuses to save invalid settings with a clear error and keeps the old ones', () => {
    const store = open();
    store.load();
    const invalid = { ...createDefaultSettings(), language: 'xx' } as unknown as Settings;
    expect(() => store.save(invalid)).toThrow(/Settings were not saved/);
    expect(open().load().settings.language).toBe('en');
  });

  // Issue 16: a version-2 file from before the update channel and the preset ledger loads with
  // their defaults and keeps everything else (no schema bump: the fields are only added).
  it('fills the update channel and the preset ledger into an older version-2 file', () => {
    const { updates: _updates, ...older } = createDefaultSettings();
    writeSettingsFile({ ...older, language: 'zh-CN', window: { bounds: null, maximized: true } });
    const store = open();
    const { settings, notices } = store.load();
    expect(notices).toEqual([]);
    expect(settings.updates).toEqual({ channel: 'stable' });
    expect(settings.language).toBe('zh-CN');
    expect(store.loadPolicyPresets()).toEqual({});
    expect(store.loadWindowState().maximized).toBe(true);
  });

  // Issue 16: which policy presets were applied lives beside the settings, and survives a save.
  it('keeps the ledger of applied policy presets across saves and restarts', () => {
    const store = open();
    expect(store.loadPolicyPresets()).toEqual({});
    store.savePolicyPresets({ Language: 'a'.repeat(32) });
    store.save({ ...createDefaultSettings(), theme: 'dark' });
    expect(open().loadPolicyPresets()).toEqual({ Language: 'a'.repeat(32) });
    expect(() => store.savePolicyPresets({ 'not a key': 'x' })).toThrow();
    expect(open().loadPolicyPresets()).toEqual({ Language: 'a'.repeat(32) });
  });

  it('remembers the window state next to the settings', () => {
    const store = open();
    store.saveWindowState({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    store.save({ ...createDefaultSettings(), theme: 'light' });
    expect(open().loadWindowState()).toEqual({
      bounds: { x: 10, y: 20, width: 1200, height: 800 },
      maximized: true,
    });
    // Bounds the schema refuses are ignored rather than breaking anything.
    store.saveWindowState({ bounds: { x: 0, y: 0, width: 5, height: 5 }, maximized: false });
    expect(open().loadWindowState().maximized).toBe(true);
    expect(existsSync(settingsFile())).toBe(true);
  });
});

describe('migrateSettingsDocument', () => {
  const chain = {
    1: (doc: Record<string, unknown>) => ({
      ...doc,
      schemaVersion: 2,
      theme: doc.colours ?? 'system',
      colours: undefined,
    }),
    2: (doc: Record<string, unknown>) => ({ ...doc, schemaVersion: 3, renamed: true }),
  };

  it('applies each step in order up to the target', () => {
    const outcome = migrateSettingsDocument({ schemaVersion: 1, colours: 'dark' }, chain, 3);
    expect(outcome).toEqual({
      kind: 'migrated',
      from: 1,
      document: { schemaVersion: 3, theme: 'dark', colours: undefined, renamed: true },
    });
  });

  it('reports a gap, a bad version and a newer file', () => {
    expect(migrateSettingsDocument({ schemaVersion: 0 }, chain, 3)).toMatchObject({
      kind: 'unmigratable',
      version: 0,
    });
    expect(migrateSettingsDocument({ schemaVersion: 'one' }, chain, 3)).toMatchObject({
      kind: 'unmigratable',
    });
    expect(migrateSettingsDocument({ schemaVersion: 4 }, chain, 3)).toEqual({
      kind: 'newer',
      version: 4,
    });
    expect(migrateSettingsDocument({ schemaVersion: 3 }, chain, 3)).toEqual({
      kind: 'current',
      document: { schemaVersion: 3 },
    });
  });

  it('refuses a migration that does not advance the version', () => {
    const broken = { 1: (doc: Record<string, unknown>) => ({ ...doc }) };
    expect(migrateSettingsDocument({ schemaVersion: 1 }, broken, 2)).toMatchObject({
      kind: 'unmigratable',
      version: 1,
    });
  });
});

describe('fillMissingDefaults', () => {
  it('fills nested gaps and keeps present values, even wrong ones', () => {
    expect(
      fillMissingDefaults({ a: { b: 1 }, c: 'x' }, { a: { b: 2, d: 3 }, c: 5, e: null }),
    ).toEqual({ a: { b: 1, d: 3 }, c: 'x', e: null });
  });
});
