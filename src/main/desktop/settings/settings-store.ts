/**
 * Settings in electron-store (atomic writes, JSON-schema validation) in the user data folder.
 * On first use the file is migrated to the current schemaVersion and validated; a file that is
 * not JSON, fails the schema or comes from a newer version is moved aside untouched (its exact
 * bytes, whatever the encoding) as `settings.corrupt-<time>.json`, the defaults load, and a
 * Notice tells the user.
 */
import Store from 'electron-store';
import {
  constants as fsConstants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import type { Notice, Settings } from '../../../shared/domain';
import type { Logger, SettingsStore } from '../../supervisor/ports';
import {
  createDefaultDocument,
  type SettingsDocument,
  type WindowState,
} from './settings-document';
import {
  fillMissingDefaults,
  migrateSettingsDocument,
  type SettingsMigration,
} from './settings-migrations';
import { SETTINGS_ROOT_SCHEMA, SETTINGS_SCHEMA } from './settings-schema';

const SETTINGS_FILE_BASENAME = 'settings';

export interface SettingsStoreOptions {
  /** Absolute folder of the file (app.getPath('userData') in the app; a temp dir in tests). */
  directory: string;
  logger?: Logger;
  /** Clock for the moved-aside file's name. */
  now?: () => number;
  /** Migrations to apply (tests); default the real map. */
  migrations?: Readonly<Record<number, SettingsMigration>>;
}

export interface DesktopSettingsStore extends SettingsStore {
  readonly filePath: string;
  /** Current settings without consuming the start-up notices. */
  current(): Settings;
  loadWindowState(): WindowState;
  saveWindowState(state: WindowState): void;
  loadPolicyPresets(): Record<string, string>;
  savePolicyPresets(presets: Record<string, string>): void;
}

type Problem = { reason: string; reasonZh: string };

const NOT_JSON: Problem = { reason: 'the file is not valid JSON', reasonZh: '文件不是有效的 JSON' };
const BAD_SHAPE: Problem = {
  reason: 'the file does not match the expected format',
  reasonZh: '文件格式不符合要求',
};
const NEWER: Problem = {
  reason: 'it was written by a newer version of CC Inspector',
  reasonZh: '它由更新版本的 CC Inspector 写入',
};

/** Only the Settings fields, in a fresh object (drops window state and anything unexpected). */
function pickSettings(source: Settings): Settings {
  const {
    schemaVersion,
    gateway,
    hotkeys,
    alerts,
    language,
    theme,
    demoMode,
    confirmDestructive,
    coaching,
    insight,
    updates,
  } = source;
  return structuredClone({
    schemaVersion,
    gateway,
    hotkeys,
    alerts,
    language,
    theme,
    demoMode,
    confirmDestructive,
    coaching,
    insight,
    updates,
  });
}

/** Create the settings store; the file is read (and repaired if needed) on first use. */
export function createSettingsStore(options: SettingsStoreOptions): DesktopSettingsStore {
  const { directory, logger } = options;
  const now = options.now ?? Date.now;
  const filePath = join(directory, `${SETTINGS_FILE_BASENAME}.json`);
  let store: Store<SettingsDocument> | null = null;
  let cached: SettingsDocument = createDefaultDocument();
  let pendingNotices: Notice[] = [];

  const openStore = (): Store<SettingsDocument> =>
    new Store<SettingsDocument>({
      cwd: directory,
      name: SETTINGS_FILE_BASENAME,
      schema: SETTINGS_SCHEMA,
      rootSchema: SETTINGS_ROOT_SCHEMA,
      defaults: createDefaultDocument(),
      clearInvalidConfig: false,
      watch: false,
      // Our schema is a constant (settings-schema.ts, checked by its tests): validating it
      // against JSON Schema's meta-schema on every start cost ~100 ms of a cold start.
      ajvOptions: { validateSchema: false },
    } as ConstructorParameters<typeof Store<SettingsDocument>>[0]);

  /** A name for the set-aside file that is not taken yet (rename would replace it silently). */
  const freeAsidePath = (): string => {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const base = join(directory, `${SETTINGS_FILE_BASENAME}.corrupt-${stamp}`);
    let candidate = `${base}.json`;
    for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}.json`;
    return candidate;
  };

  /**
   * Keep the unreadable original next to the new file, byte for byte, and tell the user. While
   * the file on disk is still the original it is moved (rename; a copy where rename fails, e.g.
   * across devices); once rewritten (migrated, then refused) the bytes read first are written.
   */
  const setAside = (original: Buffer, originalOnDisk: boolean, problem: Problem): void => {
    const asidePath = freeAsidePath();
    if (originalOnDisk) {
      try {
        renameSync(filePath, asidePath);
      } catch {
        copyFileSync(filePath, asidePath, fsConstants.COPYFILE_EXCL);
        unlinkSync(filePath);
      }
    } else {
      writeFileSync(asidePath, original, { flag: 'wx' });
      if (existsSync(filePath)) unlinkSync(filePath);
    }
    const name = basename(asidePath);
    logger?.warn('settings file set aside', { reason: problem.reason, keptAs: name });
    pendingNotices.push({
      level: 'warning',
      message: `Your settings could not be read (${problem.reason}). The file was kept as ${name} and the defaults are in use.`,
      messageZh: `无法读取设置（${problem.reasonZh}）。原文件已保存为 ${name}，当前使用默认设置。`,
      retcode: null,
    });
  };

  /** Whether prepareFile replaced the original file with its migrated text. */
  let rewritten = false;

  /** Migrate and fill the file in place; returns the problem when it cannot be used. */
  const prepareFile = (originalText: string): Problem | null => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(originalText);
    } catch {
      return NOT_JSON;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return BAD_SHAPE;
    const migrated = migrateSettingsDocument(parsed as Record<string, unknown>, options.migrations);
    if (migrated.kind === 'newer') return NEWER;
    if (migrated.kind === 'unmigratable') return BAD_SHAPE;
    const filled = fillMissingDefaults(
      migrated.document,
      createDefaultDocument() as unknown as Record<string, unknown>,
    );
    const text = JSON.stringify(filled, undefined, '\t');
    if (text !== JSON.stringify(parsed, undefined, '\t')) {
      if (migrated.kind === 'migrated') logger?.info('settings migrated', { from: migrated.from });
      writeFileSync(filePath, text);
      rewritten = true;
    }
    return null;
  };

  const ensureOpen = (): Store<SettingsDocument> => {
    if (store) return store;
    // Bytes, not text: a file that is not UTF-8 must be kept aside exactly as it was.
    const original = existsSync(filePath) ? readFileSync(filePath) : null;
    rewritten = false;
    const problem = original === null ? null : prepareFile(original.toString('utf8'));
    if (problem && original !== null) setAside(original, true, problem);
    // First start: write the defaults ourselves. electron-store would write the same document,
    // but only after noticing the empty file differs from its defaults through a thrown (and
    // caught) assertion error, whose stack alone costs a cold start tens of milliseconds.
    if (original === null) {
      mkdirSync(directory, { recursive: true });
      writeFileSync(filePath, JSON.stringify(createDefaultDocument(), undefined, '\t'));
    }
    try {
      store = openStore();
    } catch (error) {
      // electron-store validated the (migrated) file against the schema and refused it.
      if (original === null) throw error;
      logger?.warn('settings failed validation', { error: String(error) });
      setAside(original, !rewritten, BAD_SHAPE);
      store = openStore();
    }
    cached = store.store;
    return store;
  };

  return {
    filePath,
    load() {
      ensureOpen();
      const notices = pendingNotices;
      pendingNotices = [];
      return { settings: pickSettings(cached), notices };
    },
    current() {
      ensureOpen();
      return pickSettings(cached);
    },
    save(settings) {
      const opened = ensureOpen();
      const next: SettingsDocument = {
        ...pickSettings(settings),
        window: cached.window,
        policyPresets: cached.policyPresets,
      };
      try {
        opened.store = next;
      } catch (error) {
        throw new Error(
          `Settings were not saved: ${String(error instanceof Error ? error.message : error)}`,
          { cause: error },
        );
      }
      cached = structuredClone(next);
    },
    loadPolicyPresets() {
      ensureOpen();
      return { ...cached.policyPresets };
    },
    savePolicyPresets(presets) {
      const opened = ensureOpen();
      const next: SettingsDocument = { ...cached, policyPresets: { ...presets } };
      opened.store = next;
      cached = next;
    },
    loadWindowState() {
      ensureOpen();
      return structuredClone(cached.window);
    },
    saveWindowState(state) {
      const opened = ensureOpen();
      const next: SettingsDocument = { ...cached, window: structuredClone(state) };
      try {
        opened.store = next;
        cached = next;
      } catch (error) {
        // Odd bounds (a window dragged far off-screen) are not worth an error; keep the old state.
        logger?.debug('window state not saved', { error: String(error) });
      }
    },
  };
}
