/**
 * The product's default settings — the single truth for the supervisor core, its Node settings
 * stores and the desktop settings file. Pure data: a fresh install opens on the demo contact
 * center with the six default hotkeys bound.
 */
import type { AlertThresholds, HotkeyAction, Settings } from './domain';
import { createDefaultInsightSettings } from './insight-settings';

/** Version of the settings document this build writes. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** Thresholds a typical inbound service level uses; each one is a setting. */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = Object.freeze({
  longCallSeconds: 600,
  longBusySeconds: 300,
  longWrapUpSeconds: 120,
  longQueueWaitSeconds: 60,
});

export const DEFAULT_HOTKEYS: Readonly<Record<HotkeyAction, string>> = Object.freeze({
  listen: 'CommandOrControl+Alt+L',
  barge: 'CommandOrControl+Alt+B',
  whisper: 'CommandOrControl+Alt+W',
  switch: 'CommandOrControl+Alt+S',
  intercept: 'CommandOrControl+Alt+I',
  cancel: 'CommandOrControl+Alt+X',
});

/** Fresh default settings (a new object each call): no gateway yet, so demo mode is on. */
export function createDefaultSettings(): Settings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    gateway: { url: '', inspectorId: '', phoneNumber: '', caPem: null, pinSha256: null },
    hotkeys: { ...DEFAULT_HOTKEYS },
    alerts: { ...DEFAULT_ALERT_THRESHOLDS },
    language: 'en',
    theme: 'system',
    demoMode: true,
    confirmDestructive: true,
    insight: createDefaultInsightSettings(),
  };
}
