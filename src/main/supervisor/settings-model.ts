/**
 * Default settings and how a validated patch merges into them. Pure; storage is the
 * SettingsStore port's business.
 */
import type { ValidCommandArgs } from '../../shared/contract';
import type { AlertThresholds, Settings } from '../../shared/domain';

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = Object.freeze({
  longCallSeconds: 600,
  longBusySeconds: 300,
  longWrapUpSeconds: 120,
  longQueueWaitSeconds: 60,
});

/** Fresh default settings (a new object each call). */
export function createDefaultSettings(): Settings {
  return {
    schemaVersion: 1,
    gateway: { url: '', inspectorId: '', phoneNumber: '', caPem: null, pinSha256: null },
    hotkeys: { listen: null, barge: null, whisper: null, switch: null, intercept: null, cancel: null },
    alerts: { ...DEFAULT_ALERT_THRESHOLDS },
    language: 'en',
    theme: 'system',
    demoMode: false,
    confirmDestructive: true,
  };
}

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
  };
}

/** Whether the connection-relevant part (address, id, phone, TLS trust) differs. */
export function gatewayChanged(before: Settings, after: Settings): boolean {
  const a = before.gateway;
  const b = after.gateway;
  return a.url !== b.url || a.inspectorId !== b.inspectorId || a.phoneNumber !== b.phoneNumber || a.caPem !== b.caPem || a.pinSha256 !== b.pinSha256;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
