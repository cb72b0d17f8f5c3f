/**
 * Settings in electron-store (atomic writes, JSON-schema validation) in the user data folder.
 * On first use the file is migrated to the current schemaVersion and validated; a file that is
 * not JSON, fails the schema or comes from a newer version is moved aside untouched as
 * `settings.corrupt-<time>.json`, the defaults load, and a Notice tells the user.
 */
import Store from 'electron-store';
import { copyFileSync, existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Notice, Settings } from '../../shared/domain';
import type { Logger, SettingsStore } from '../supervisor/ports';
import { createDefaultDocument, type SettingsDocument, type WindowState } from './settings-document';
import { fillMissingDefaults, migrateSettingsDocument, type SettingsMigration } from './settings-migrations';
import { SETTINGS_ROOT_SCHEMA, SETTINGS_SCHEMA } from './settings-schema';

export const SETTINGS_FILE_BASENAME = 'settings';

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
}

type Problem = { reason: string; reasonZh: string };

const NOT_JSON: Problem = { reason: 'the file is not valid JSON', reasonZh: '文件不是有效的 JSON' };
const BAD_SHAPE: Problem = { reason: 'the file does not match the expected format', reasonZh: '文件格式不符合要求' };
const NEWER: Problem = { reason: 'it was written by a newer version of CC Inspector', reasonZh: '它由更新版本的 CC Inspector 写入' };

/** Only the Settings fields, in a fresh object (drops window state and anything unexpected). */
function pickSettings(source: Settings): Settings {
  const { schemaVersion, gateway, hotkeys, alerts, language, theme, demoMode, confirmDestructive } = source;
  return structuredClone({ schemaVersion, gateway, hotkeys, alerts, language, theme, demoMode, confirmDestructive });
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
    } as ConstructorParameters<typeof Store<SettingsDocument>>[0]);

  /** Keep the unreadable original (exact bytes) next to the new file and tell the user. */
  const setAside = (originalText: string, problem: Problem): void => {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const asidePath = join(directory, `${SETTINGS_FILE_BASENAME}.corrupt-${stamp}.json`);
    try {
      writeFileSync(asidePath, originalText, { flag: 'wx' });
      if (existsSync(filePath)) unlinkSync(filePath);
    } catch {
      // Writing a copy failed (name taken, disk trouble): fall back to moving the file itself.
      if (existsSync(filePath)) {
        try {
          renameSync(filePath, asidePath);
        } catch {
          copyFileSync(filePath, asidePath);
        }
      }
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
    const filled = fillMissingDefaults(migrated.document, createDefaultDocument() as unknown as Record<string, unknown>);
    const text = JSON.stringify(filled, undefined, '\t');
    if (text !== JSON.stringify(parsed, undefined, '\t')) {
      if (migrated.kind === 'migrated') logger?.info('settings migrated', { from: migrated.from });
      writeFileSync(filePath, text);
    }
    return null;
  };

  const ensureOpen = (): Store<SettingsDocument> => {
    if (store) return store;
    const originalText = existsSync(filePath) ? readFileSync(filePath, 'utf8') : null;
    const problem = originalText === null ? null : prepareFile(originalText);
    if (problem && originalText !== null) setAside(originalText, problem);
    try {
      store = openStore();
    } catch (error) {
      // electron-store validated the (migrated) file against the schema and refused it.
      if (originalText === null) throw error;
      logger?.warn('settings failed validation', { error: String(error) });
      setAside(originalText, BAD_SHAPE);
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
      const next: SettingsDocument = { ...pickSettings(settings), window: cached.window };
      try {
        opened.store = next;
      } catch (error) {
        throw new Error(`Settings were not saved: ${String(error instanceof Error ? error.message : error)}`, { cause: error });
      }
      cached = structuredClone(next);
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
