/**
 * Loading settings through the SettingsStore port, and how a validated patch merges into them.
 * The defaults live in src/shared/settings-defaults.ts; storage is the port's business.
 */
import type { ValidCommandArgs } from '../../../shared/ipc/contract';
import type { Notice, Settings } from '../../../shared/domain';
import { createDefaultSettings } from '../../../shared/settings-defaults';
import type { Logger, SettingsStore } from '../ports';
import { errorMessage } from '../error-text';

export {
  createDefaultSettings,
  DEFAULT_ALERT_THRESHOLDS,
  DEFAULT_HOTKEYS,
} from '../../../shared/settings-defaults';

export type SettingsPatch = ValidCommandArgs<'settings.update'>;

/** Merge a patch into settings (nested objects merged field by field). */
export function mergeSettings(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    gateway: { ...settings.gateway, ...definedOnly(patch.gateway ?? {}) },
    alerts: { ...settings.alerts, ...definedOnly(patch.alerts ?? {}) },
    hotkeys: { ...settings.hotkeys },
    language: patch.language ?? settings.language,
    theme: patch.theme ?? settings.theme,
    demoMode: patch.demoMode ?? settings.demoMode,
    confirmDestructive: patch.confirmDestructive ?? settings.confirmDestructive,
    coaching: { ...settings.coaching, ...definedOnly(patch.coaching ?? {}) },
    insight: { ...settings.insight, ...definedOnly(patch.insight ?? {}) },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

/** Load settings; a store that throws still leaves the core usable, on defaults, with a notice. */
export function loadSettingsOrDefaults(
  store: SettingsStore,
  logger: Logger,
): { settings: Settings; notices: Notice[] } {
  try {
    return store.load();
  } catch (error) {
    logger.error('settings could not be loaded', { error: errorMessage(error) });
    return {
      settings: createDefaultSettings(),
      notices: [
        {
          level: 'warning',
          message: 'The settings could not be loaded; defaults are in use.',
          messageZh: '无法加载设置，当前使用默认设置。',
          retcode: null,
        },
      ],
    };
  }
}
